import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Dialect } from '../engine/types';
import { splitPostgres } from './pgSplitter';
import { decodeScript } from './sourceText';
import { splitTsql } from './tsqlSplitter';
import type { Batch, ScriptFileReader, ScriptPlan } from './types';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order, as people number scripts: `2_x` before `10_x`, case ignored. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export const readScriptFile: ScriptFileReader = async (absolutePath) => readFile(absolutePath);

/**
 * The `.sql` files a run covers: the file itself, or the folder's own `.sql` files in natural
 * order (subfolders are not entered: they usually hold files that scripts include).
 */
export async function scriptFilesOf(target: string): Promise<string[]> {
  const absolute = path.resolve(target);
  if (!(await stat(absolute)).isDirectory()) return [absolute];
  const entries = await readdir(absolute, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.sql'))
    .map((e) => e.name)
    .sort(naturalCompare)
    .map((name) => path.join(absolute, name));
}

export interface LoadPlanOptions {
  readonly dialect: Dialect;
  /** Variables from the environment, the project file and the command line, merged by the caller. */
  readonly variables?: Readonly<Record<string, string>>;
  readonly readFile?: ScriptFileReader;
  /** Folder for psql's `\i` (default: the folder of each script). */
  readonly cwd?: string;
}

/**
 * Splits a file, or every script of a folder, into one plan. Every file is split before
 * anything runs, so a parse error anywhere means nothing runs. Each file starts afresh
 * (its own variables, error mode and database), as one sqlcmd / psql call per file would.
 */
export async function loadScriptPlan(target: string, options: LoadPlanOptions): Promise<ScriptPlan> {
  const reader = options.readFile ?? readScriptFile;
  const files = await scriptFilesOf(target);
  const batches: Batch[] = [];
  for (const file of files) {
    const text = decodeScript(await reader(file), file, []);
    const split = options.dialect === 'sqlserver' ? splitTsql : splitPostgres;
    const plan = await split(text, {
      file,
      readFile: reader,
      ...(options.variables === undefined ? {} : { variables: options.variables }),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    for (const b of plan.batches) batches.push(b);
  }
  return { dialect: options.dialect, files, batches };
}
