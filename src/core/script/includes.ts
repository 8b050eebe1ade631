import path from 'node:path';
import { ScriptError } from './errors';
import { decodeScript } from './source-text';
import type { ScriptFileReader, SourceLocation } from './types';

/** A file being split, and the include lines (outermost first) that led to it. */
export interface FileFrame {
  readonly file: string;
  readonly chain: readonly SourceLocation[];
}

/**
 * Resolves an include path as written in a script. Scripts written on Windows use `\`, which
 * is a separator there and nowhere a sensible file name character, so it is read as one.
 */
export function resolveIncludePath(written: string, baseDir: string): string {
  const normalised = path.sep === '/' ? written.replace(/\\/g, '/') : written;
  return path.resolve(baseDir, normalised);
}

/**
 * Reads and decodes an included file, refusing a file that is already being split (a cycle)
 * and reporting a missing file at the include line with the whole chain.
 */
export async function readInclude(
  readFile: ScriptFileReader,
  target: string,
  from: FileFrame,
  line: number,
  column: number,
): Promise<{ text: string; frame: FileFrame }> {
  const chain = [...from.chain, { file: from.file, line }];
  const active = [...from.chain.map((c) => c.file), from.file];
  if (active.includes(target)) {
    const loop = [...active.slice(active.indexOf(target)), target].join(' -> ');
    throw new ScriptError(
      'include-cycle',
      { file: from.file, line, column, includeChain: from.chain },
      `include cycle: ${loop}. Remove one of these includes.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(target);
  } catch {
    throw new ScriptError(
      'include-missing',
      { file: from.file, line, column, includeChain: from.chain },
      `cannot read included file ${target}. Paths are relative to the including file's folder.`,
    );
  }
  return { text: decodeScript(bytes, target, chain), frame: { file: target, chain } };
}
