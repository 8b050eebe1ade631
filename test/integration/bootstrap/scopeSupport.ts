import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Engine } from '../../../src/core/engine/types';
import { problemText, type DefinitionProblem } from '../../../src/core/etl';

function linesOf(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}

function indexOf(lines: readonly string[], needle: string, file: string): number {
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${file} holds no ${needle}`);
  return i;
}

/** The 1-based line holding `needle` in `file`. */
export function valueLine(file: string, needle: string): number {
  return indexOf(linesOf(file), needle, file) + 1;
}

/** The 1-based line where the JSON object holding `needle` opens (a `columns` entry, a trigger). */
export function entryLine(file: string, needle: string): number {
  const lines = linesOf(file);
  let i = indexOf(lines, needle, file);
  while (i > 0 && !(lines[i] ?? '').trimEnd().endsWith('{')) i--;
  return i + 1;
}

/** The line of the project file's `etl.entitiesDir` setting. */
export function projectLine(file: string): number {
  return valueLine(file, '"entitiesDir"');
}

/** Findings as `file:line: text`, the file relative to `root`. */
export function scopeFindings(findings: readonly DefinitionProblem[], root: string): string[] {
  return findings.map((p) => `${path.relative(root, p.file)}:${p.line ?? '?'}: ${problemText(p)}`);
}

export async function dropTargetColumn(db: Engine, table: string, column: string): Promise<void> {
  await db.batch(`ALTER TABLE ${table} DROP COLUMN ${column}`);
}

export async function renameSourceTable(db: Engine, schema: string, from: string, to: string): Promise<void> {
  await db.batch(db.dialect === 'sqlserver' ? `EXEC sp_rename '${schema}.${from}', '${to}', 'OBJECT'` : `ALTER TABLE ${schema}.${from} RENAME TO ${to}`);
}
