import { pgIdentifier } from './identifiers';
import { pgText, utcDateText, utcTimestampText } from './pgTypes';
import type { BulkColumn, BulkRows } from './types';

/**
 * One row in COPY's text format: tab-separated, `\N` for NULL, and backslash escapes for the
 * characters that would otherwise end a field or a row. Non-ASCII text (São Paulo, Ação) goes
 * through as UTF-8, the client encoding both drivers use.
 */
export function copyTextRow(columns: readonly BulkColumn[], row: readonly unknown[]): string {
  return copyRowEncoder(columns)(row);
}

type FieldEncoder = (value: unknown) => string;

/**
 * An encoder for rows of these columns, each column's field encoder chosen once from its type.
 * The bytes are those of `pgText` + escaping, with fast paths for the common values: a string
 * without a character to escape is used as is (one regex test, no replace), numbers and booleans
 * never need escaping, and Dates are formatted from their UTC fields without padStart.
 */
export function copyRowEncoder(columns: readonly BulkColumn[]): (row: readonly unknown[]) => string {
  const fields = columns.map((c) => fieldEncoder(c.type.kind === 'date'));
  const n = fields.length;
  return (row) => {
    let line = n > 0 ? fields[0]!(row[0]) : '';
    for (let i = 1; i < n; i++) line += `\t${fields[i]!(row[i])}`;
    return `${line}\n`;
  };
}

function fieldEncoder(dateColumn: boolean): FieldEncoder {
  const formatDate = dateColumn ? dateText : timestampText;
  return (value) => {
    if (typeof value === 'string') return needsEscape.test(value) ? escapeCopyText(value) : value;
    if (typeof value === 'number') return String(value);
    if (value === null || value === undefined) return '\\N';
    if (value instanceof Date) return formatDate(value);
    if (typeof value === 'boolean') return value ? 't' : 'f';
    return copyField(value, dateColumn);
  };
}

const needsEscape = /[\\\t\n\r]/;

/** The rare values: bytes, bigints, and what pgText rejects (it throws the same TypeError). */
function copyField(value: unknown, dateColumn: boolean): string {
  const text = pgText(value, dateColumn ? { kind: 'date' } : undefined);
  if (text === null) return '\\N';
  // bytea's hex input form '\x..' needs its backslash escaped once more in COPY text
  if (text instanceof Uint8Array) return `\\\\x${Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('hex')}`;
  return escapeCopyText(text);
}

const twoDigits = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** `utcDateText` for years 1000..9999 (every other year, and an invalid Date, goes through it). */
function dateText(d: Date): string {
  const y = d.getUTCFullYear();
  if (!(y >= 1000 && y <= 9999)) return utcDateText(d);
  return `${y}-${twoDigits[d.getUTCMonth() + 1]!}-${twoDigits[d.getUTCDate()]!}`;
}

/** `utcTimestampText`, same bytes, same fallback. */
function timestampText(d: Date): string {
  const y = d.getUTCFullYear();
  if (!(y >= 1000 && y <= 9999)) return utcTimestampText(d);
  const ms = d.getUTCMilliseconds();
  const msText = ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : String(ms);
  return `${y}-${twoDigits[d.getUTCMonth() + 1]!}-${twoDigits[d.getUTCDate()]!} ${twoDigits[d.getUTCHours()]!}:${twoDigits[d.getUTCMinutes()]!}:${twoDigits[d.getUTCSeconds()]!}.${msText}`;
}

export function escapeCopyText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export { pgIdentifier };

/** `"schema"."name"`. */
export function pgQualifiedName(table: { readonly schema?: string; readonly name: string }): string {
  return table.schema === undefined ? pgIdentifier(table.name) : `${pgIdentifier(table.schema)}.${pgIdentifier(table.name)}`;
}

export function pgCopyStatement(
  table: { readonly schema?: string; readonly name: string },
  columns: readonly BulkColumn[],
  source: 'STDIN' | "'/dev/blob'",
): string {
  const cols = columns.map((c) => pgIdentifier(c.name)).join(', ');
  return `COPY ${pgQualifiedName(table)} (${cols}) FROM ${source} WITH (FORMAT text)`;
}

/**
 * COPY text in chunks of at most `maxRows` rows, built only when the consumer pulls the next
 * one: memory holds one chunk, and one write per chunk (not per row) keeps the overhead low.
 * Rows from a synchronous iterable (the generator's) are read without a promise per row.
 */
export async function* copyTextChunks(
  columns: readonly BulkColumn[],
  rows: BulkRows,
  maxRows: number,
): AsyncGenerator<{ readonly text: string; readonly rows: number }> {
  const encode = copyRowEncoder(columns);
  let text = '';
  let count = 0;
  if (Symbol.iterator in rows) {
    for (const row of rows) {
      text += encode(row);
      if (++count >= maxRows) {
        yield { text, rows: count };
        text = '';
        count = 0;
      }
    }
  } else {
    for await (const row of rows) {
      text += encode(row);
      if (++count >= maxRows) {
        yield { text, rows: count };
        text = '';
        count = 0;
      }
    }
  }
  if (count > 0) yield { text, rows: count };
}
