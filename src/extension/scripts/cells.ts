import type { ResultSetEvent } from '../../core/script';
import type { ResultSetView } from '../../protocol/results';

const NUMERIC_TYPES = /^(int[248]?|integer|bigint|smallint|tinyint|numeric|decimal|float[48]?|real|double precision|money|smallmoney|oid)$/i;

/** A value as the grid, the clipboard and CSV show it; null stays null (SQL NULL). */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return `0x${Buffer.from(value).toString('hex').toUpperCase()}`;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return value.toString();
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
}

/** A result-set event as the results view takes it. */
export function resultSetView(event: ResultSetEvent, id: number, source: string): ResultSetView {
  const names = event.columns.map((c) => c.name);
  return {
    id,
    batch: event.index,
    source,
    columns: names,
    numeric: event.columns.map((c) => NUMERIC_TYPES.test(c.type)),
    rows: event.rows.map((row) => names.map((n) => cellText(row[n]))),
    totalRows: event.totalRows,
  };
}
