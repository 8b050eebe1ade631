import type { Dialect } from '../engine/types';

/**
 * Generated values written as SQL literals, for multi-row INSERT statements (seed scripts and the
 * INSERT baseline of the benchmark). Values are the generator's own (numbers, decimal text, UTC
 * Dates, booleans), never user input.
 */
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function dateText(d: Date, withTime: boolean): string {
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : day;
}

export function sqlLiteral(value: unknown, dialect: Dialect, isDate = false): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return dialect === 'sqlserver' ? (value ? '1' : '0') : value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return `'${dateText(value, !isDate)}'`;
  if (typeof value !== 'string') throw new TypeError(`Cannot write a value of type ${typeof value} as a SQL literal.`);
  const text = value.replace(/'/g, "''");
  return dialect === 'sqlserver' ? `N'${text}'` : `'${text}'`;
}

/** `INSERT INTO t (cols) VALUES (...), (...);` for a batch of rows in column order. */
export function multiRowInsert(
  qualifiedTable: string,
  columns: readonly { readonly name: string; readonly isDate: boolean }[],
  rows: readonly (readonly unknown[])[],
  dialect: Dialect,
): string {
  const values = rows.map((row) => `(${row.map((v, i) => sqlLiteral(v, dialect, columns[i]?.isDate === true)).join(', ')})`);
  return `INSERT INTO ${qualifiedTable} (${columns.map((c) => c.name).join(', ')}) VALUES\n${values.join(',\n')};`;
}
