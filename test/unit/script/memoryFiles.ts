import { ScriptError } from '../../../src/core/script/errors';
import path from 'node:path';
import type { ScriptFileReader } from '../../../src/core/script/types';

/** A reader over an in-memory folder: keys are paths relative to `/ws`. */
export function memoryFiles(files: Readonly<Record<string, string | Uint8Array>>): ScriptFileReader {
  return (absolutePath) => {
    const rel = path.relative('/ws', absolutePath);
    const content = files[rel];
    if (content === undefined) return Promise.reject(new Error(`ENOENT: ${absolutePath}`));
    return Promise.resolve(typeof content === 'string' ? new TextEncoder().encode(content) : content);
  };
}

/** The ScriptError a split rejects with; fails the test when it resolves. */
export async function scriptErrorOf(split: Promise<unknown>): Promise<ScriptError> {
  try {
    await split;
  } catch (e) {
    if (e instanceof ScriptError) return e;
    throw e;
  }
  throw new Error('expected a ScriptError');
}
