import { pgText } from './pgTypes';
import type { BulkColumn, BulkRows } from './types';

/**
 * One row in COPY's text format: tab-separated, `\N` for NULL, and backslash escapes for the
 * characters that would otherwise end a field or a row. Non-ASCII text (São Paulo, Ação) goes
 * through as UTF-8, the client encoding both drivers use.
 */
export function copyTextRow(columns: readonly BulkColumn[], row: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += '\t';
    line += copyField(row[i], columns[i]);
  }
  return `${line}\n`;
}

function copyField(value: unknown, column: BulkColumn | undefined): string {
  const text = pgText(value, column?.type);
  if (text === null) return '\\N';
  // bytea's hex input form '\x..' needs its backslash escaped once more in COPY text
  if (text instanceof Uint8Array) return `\\\\x${Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('hex')}`;
  return escapeCopyText(text);
}

export function escapeCopyText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A quoted identifier, embedded quotes doubled. */
export function pgIdentifier(id: string): string {
  return `"${id.replace(/"/g, '""')}"`;
}

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
 */
export async function* copyTextChunks(
  columns: readonly BulkColumn[],
  rows: BulkRows,
  maxRows: number,
): AsyncGenerator<{ readonly text: string; readonly rows: number }> {
  let text = '';
  let count = 0;
  for await (const row of rows) {
    text += copyTextRow(columns, row);
    if (++count >= maxRows) {
      yield { text, rows: count };
      text = '';
      count = 0;
    }
  }
  if (count > 0) yield { text, rows: count };
}
