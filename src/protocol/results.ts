/**
 * The results view's messages, both ways. Cells travel as text (null for SQL NULL): the host
 * formats dates, bigints and binary once, so the grid, the clipboard and the CSV file agree.
 * Imported by the webview bundle and the host alike, so it has no runtime dependencies.
 */

/** One result set of a script run, as the grid shows it. */
export interface ResultSetView {
  /** Unique within the view; the host's key for CSV export. */
  readonly id: number;
  /** 1-based batch number within the run. */
  readonly batch: number;
  /** Where the batch starts, relative to the workspace (for the set's label). */
  readonly source: string;
  readonly columns: readonly string[];
  /** Which columns hold numbers (right-aligned). */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly (string | null)[])[];
  /** Rows the server returned; more than `rows.length` when the run kept only `maxRows`. */
  readonly totalRows: number;
}

export interface ResultsInitialState {
  readonly language: string;
}

/** Host -> webview. */
export type ResultsHostMessage =
  | { readonly type: 'run-started'; readonly title: string }
  | { readonly type: 'result-set'; readonly set: ResultSetView };

/** Webview -> host. */
export type ResultsViewMessage =
  | { readonly type: 'ready' }
  /** Rows or a cell, already as TSV, for the clipboard. */
  | { readonly type: 'copy'; readonly text: string }
  | { readonly type: 'export-csv'; readonly setId: number };

/** Larger than any copy the grid makes (maxRows is at most 10 million short rows). */
export const MAX_COPY_CHARS = 512 * 1024 * 1024;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Validates what the webview sent; anything else is dropped by the host. */
export function isResultsViewMessage(x: unknown): x is ResultsViewMessage {
  if (!isRecord(x)) return false;
  switch (x['type']) {
    case 'ready':
      return true;
    case 'copy':
      return typeof x['text'] === 'string' && x['text'].length <= MAX_COPY_CHARS;
    case 'export-csv':
      return Number.isSafeInteger(x['setId']) && (x['setId'] as number) >= 0;
    default:
      return false;
  }
}

function isCellRow(x: unknown, width: number): boolean {
  return Array.isArray(x) && x.length === width && x.every((c) => c === null || typeof c === 'string');
}

/** Validates what the host sent (the webview trusts nothing it did not check). */
export function isResultsHostMessage(x: unknown): x is ResultsHostMessage {
  if (!isRecord(x)) return false;
  if (x['type'] === 'run-started') return typeof x['title'] === 'string';
  if (x['type'] !== 'result-set' || !isRecord(x['set'])) return false;
  const s = x['set'];
  const columns = s['columns'];
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) return false;
  const numeric = s['numeric'];
  if (!Array.isArray(numeric) || numeric.length !== columns.length || !numeric.every((n) => typeof n === 'boolean')) return false;
  const rows = s['rows'];
  return (
    Number.isSafeInteger(s['id']) &&
    Number.isSafeInteger(s['batch']) &&
    typeof s['source'] === 'string' &&
    Number.isSafeInteger(s['totalRows']) &&
    Array.isArray(rows) &&
    rows.every((r) => isCellRow(r, columns.length))
  );
}
