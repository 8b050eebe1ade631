import type { ColumnInfo, Row } from '../engine/types';
import type { EngineErrorKind } from '../engine/errors';
import type { Dialect } from '../engine/types';

/**
 * What a script run reports, in order: `plan-ready`, then for each execution of each batch
 * `batch-start`, any `message` / `result-set`, then `batch-end` or `batch-error`, and finally
 * `done`. Locations are file:line in the user's files (through includes), never batch lines.
 * Events are plain data (JSON-serialisable), so the extension, the CLI's --json and a
 * webview can all take them as they are.
 */
export type ScriptEvent =
  | PlanReadyEvent
  | BatchStartEvent
  | MessageEvent
  | ResultSetEvent
  | BatchEndEvent
  | BatchErrorEvent
  | DoneEvent;

export interface PlanReadyEvent {
  readonly type: 'plan-ready';
  readonly dialect: Dialect;
  readonly totalBatches: number;
  readonly files: readonly string[];
}

export interface BatchStartEvent {
  readonly type: 'batch-start';
  /** 1-based batch number and the plan's total. */
  readonly index: number;
  readonly total: number;
  /** 1-based execution of a `GO n` batch, and n. */
  readonly iteration: number;
  readonly repeat: number;
  readonly file: string;
  readonly line: number;
  /** The database the batch runs in, when a USE / \c named one; else the configured one. */
  readonly database: string | undefined;
}

/** PRINT, RAISERROR with severity <= 10, NOTICE. */
export interface MessageEvent {
  readonly type: 'message';
  readonly index: number;
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly severity?: number;
  readonly number?: number | string;
}

/** At most `maxRows` rows (RunScriptOptions, default 500) are kept; `totalRows` says how many came. */
export interface ResultSetEvent {
  readonly type: 'result-set';
  readonly index: number;
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Row[];
  readonly totalRows: number;
  readonly truncated: boolean;
}

export interface BatchEndEvent {
  readonly type: 'batch-end';
  readonly index: number;
  readonly iteration: number;
  readonly durationMs: number;
  readonly rowsAffected: number;
}

/** A batch the server rejected (or its connection failed), placed at the user's file:line. */
export interface BatchErrorEvent {
  readonly type: 'batch-error';
  readonly index: number;
  readonly iteration: number;
  readonly durationMs: number;
  readonly error: ScriptRunError;
}

export interface ScriptRunError {
  readonly message: string;
  readonly file: string;
  readonly line: number;
  /** 1-based column, when the server gave a character position (PostgreSQL). */
  readonly column?: number;
  readonly kind: EngineErrorKind;
  /** SQL Server error number or PostgreSQL SQLSTATE. */
  readonly number?: number | string;
  readonly procedure?: string;
}

export interface DoneEvent {
  readonly type: 'done';
  readonly summary: RunSummary;
}

export interface RunSummary {
  /** True when every batch that ran succeeded and the run was not cancelled. */
  readonly ok: boolean;
  readonly totalBatches: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Batches not run: after a failure under `:on error exit`, or after a cancel. */
  readonly skipped: number;
  readonly cancelled: boolean;
  readonly durationMs: number;
  readonly errors: readonly ScriptRunError[];
}
