/**
 * The results view's messages, both ways. Cells travel as text (null for SQL NULL): the host
 * formats dates, bigints and binary once, so the grid, the clipboard and the CSV file agree.
 * Imported by the webview bundle and the host alike, so it depends only on the protocol's rpc module.
 */
import { isRecord } from './rpc';

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

/**
 * The run a view shows: its title, when it started (epoch ms) and what it ran. The target is
 * the host's (a file or folder path, or a selection with its text), kept by the webview as is
 * so "Run again" after a reload runs the same thing; the host validates it when it comes back.
 */
export interface ResultsRun {
  readonly title: string;
  readonly startedAt: number;
  readonly target: unknown;
}

/**
 * What the webview keeps with setState, so a reload restores the view: the run and its result
 * sets, or, when the sets are larger than MAX_KEPT_RESULTS_CHARS as JSON, none of them and
 * their size (the view then offers "Run again").
 */
export interface ResultsSavedState {
  readonly run: ResultsRun;
  readonly sets: readonly ResultSetView[];
  readonly droppedChars?: number;
  /** The set shown when the state was saved, and how far its rows were scrolled (px). */
  readonly shownId?: number;
  readonly scrollTop?: number;
}

/** Larger result sets are not kept across a window reload (VS Code stores the state as JSON). */
export const MAX_KEPT_RESULTS_CHARS = 4 * 1024 * 1024;

/** Host -> webview. `restored`: the state a reload gave back; its sets follow as `result-set`. */
export type ResultsHostMessage =
  | { readonly type: 'run-started'; readonly run: ResultsRun }
  | { readonly type: 'restored'; readonly run: ResultsRun; readonly droppedChars?: number; readonly shownId?: number; readonly scrollTop?: number }
  | { readonly type: 'result-set'; readonly set: ResultSetView };

/** Webview -> host. */
export type ResultsViewMessage =
  | { readonly type: 'ready' }
  /** Rows or a cell, already as TSV, for the clipboard. */
  | { readonly type: 'copy'; readonly text: string }
  | { readonly type: 'export-csv'; readonly setId: number }
  /** Runs the restored view's run again (its target, as it was). */
  | { readonly type: 'run-again' };

/** Larger than any copy the grid makes (maxRows is at most 10 million short rows). */
export const MAX_COPY_CHARS = 512 * 1024 * 1024;

/** Validates what the webview sent; anything else is dropped by the host. */
export function isResultsViewMessage(x: unknown): x is ResultsViewMessage {
  if (!isRecord(x)) return false;
  switch (x['type']) {
    case 'ready':
    case 'run-again':
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
  if (x['type'] === 'run-started') return isResultsRun(x['run']);
  if (x['type'] === 'restored') {
    return isResultsRun(x['run']) && (x['droppedChars'] === undefined || Number.isSafeInteger(x['droppedChars'])) && (x['shownId'] === undefined || Number.isSafeInteger(x['shownId'])) && (x['scrollTop'] === undefined || Number.isFinite(x['scrollTop']));
  }
  return x['type'] === 'result-set' && isResultSetView(x['set']);
}

export function isResultsRun(x: unknown): x is ResultsRun {
  return isRecord(x) && typeof x['title'] === 'string' && Number.isFinite(x['startedAt']);
}

/** A result set as the grid needs it: columns, one flag per column, rows of text or null. */
export function isResultSetView(s: unknown): s is ResultSetView {
  if (!isRecord(s)) return false;
  const columns = s['columns'];
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) return false;
  const numeric = s['numeric'];
  if (!Array.isArray(numeric) || numeric.length !== columns.length || !numeric.every((n) => typeof n === 'boolean')) return false;
  const rows = s['rows'];
  return (
    Number.isSafeInteger(s['id'])
    && Number.isSafeInteger(s['batch'])
    && typeof s['source'] === 'string'
    && Number.isSafeInteger(s['totalRows'])
    && Array.isArray(rows)
    && rows.every((r) => isCellRow(r, columns.length))
  );
}
