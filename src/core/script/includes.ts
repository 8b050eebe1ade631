import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ScriptError } from './errors';
import { decodeScript } from './sourceText';
import type { ScriptFileReader, SourceLocation } from './types';

/** A file being split, and the include lines (outermost first) that led to it. */
export interface FileFrame {
  readonly file: string;
  readonly chain: readonly SourceLocation[];
  /**
   * The real paths (links resolved) of the files being split, outermost first, ending with
   * `file`'s; absent on a root frame until its first include works them out.
   */
  readonly realPaths?: readonly string[];
}

/**
 * How deep includes may nest. Neither sqlcmd nor psql needs more for real scripts; the cap stops
 * any loop that a path comparison cannot see (a file reached through ever longer link paths).
 */
export const MAX_INCLUDE_DEPTH = 32;

/** The file's path with links resolved; a file that cannot be resolved (not on disk) is itself. */
async function realPathOf(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return path.resolve(file);
  }
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
 * Reads and decodes an included file, refusing a file that is already being split (a cycle,
 * compared by real path so that a link back to an including folder is seen), includes nested
 * deeper than MAX_INCLUDE_DEPTH, and reporting a missing file at the include line with the
 * whole chain.
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
  const position = { file: from.file, line, column, includeChain: from.chain };
  if (chain.length > MAX_INCLUDE_DEPTH) {
    throw new ScriptError(
      'include-too-deep',
      position,
      `includes nested more than ${MAX_INCLUDE_DEPTH} deep (the outermost is ${active[0] ?? from.file}). `
        + 'Look for a file that includes itself through a link or a copy, or flatten the includes.',
    );
  }
  const activeReal = from.realPaths ?? (await Promise.all(active.map(realPathOf)));
  const targetReal = await realPathOf(target);
  const seen = activeReal.indexOf(targetReal);
  if (seen >= 0) {
    const loop = [...active.slice(seen), target].join(' -> ');
    throw new ScriptError(
      'include-cycle',
      position,
      `include cycle: ${loop}. Remove one of these includes.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(target);
  } catch {
    throw new ScriptError(
      'include-missing',
      position,
      `cannot read included file ${target}. Paths are relative to the including file's folder.`,
    );
  }
  return { text: decodeScript(bytes, target, chain), frame: { file: target, chain, realPaths: [...activeReal, targetReal] } };
}
