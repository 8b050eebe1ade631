import { isEngineError } from '../engine/errors';
import type { BatchResult, PipelinedStatement, QueryResult, ServerMessage, Session } from '../engine/types';
import { locateError, locateMessage } from './errorLocation';
import type { RunSummary, ScriptEvent, ScriptRunError } from './events';
import { pipelineGroupLength } from './pipeline';
import type { Batch, ScriptPlan } from './types';

export interface RunScriptOptions {
  /**
   * A dedicated connection to `database` (undefined: the configured database). The runner keeps
   * it for the whole run (so USE, SET and temp tables carry from batch to batch, as in sqlcmd
   * and psql), asks again only when a `\c` names another database, and releases what it got.
   */
  readonly connect: (database: string | undefined) => Promise<Session>;
  /** Aborting cancels the running batch on the server; the run stops and reports `cancelled`. */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: ScriptEvent) => void;
  /** Rows kept per result-set event (default 500): a script's SELECT can return millions. */
  readonly maxRows?: number;
}

const DEFAULT_MAX_ROWS = 500;

/** The connection in use, and the database it was opened for. */
interface Current {
  session: Session | undefined;
  database: string | undefined;
}

/**
 * Runs a plan batch by batch on one connection, reporting every step as a ScriptEvent. A failed
 * batch stops the run under `:on error exit` (the default) and is reported and passed under
 * `:on error ignore`. Resolves with the summary (also sent as the `done` event); it rejects only
 * for a bug, never for a server error.
 */
export async function runScript(plan: ScriptPlan, options: RunScriptOptions): Promise<RunSummary> {
  const emit = options.onEvent ?? (() => undefined);
  const started = performance.now();
  const total = plan.batches.length;
  const errors: ScriptRunError[] = [];
  const current: Current = { session: undefined, database: undefined };
  let succeeded = 0;
  let failed = 0;
  let ran = 0;
  let cancelled = false;
  emit({ type: 'plan-ready', dialect: plan.dialect, totalBatches: total, files: plan.files });
  try {
    for (let k = 0; k < total && !cancelled; k++) {
      const group = pipelineSession(plan, k, current);
      if (group !== undefined && options.signal?.aborted !== true) {
        const outcome = await runPipelined(plan, k, group, options, emit);
        ran += outcome.ran;
        succeeded += outcome.succeeded;
        if (outcome.error !== undefined) {
          failed++;
          errors.push(outcome.error);
          break;
        }
        if (outcome.cancelled) {
          cancelled = true;
          break;
        }
        k += outcome.ran - 1;
        continue;
      }
      const batch = plan.batches[k] as Batch;
      const index = k + 1;
      let batchFailed = false;
      for (let iteration = 1; iteration <= batch.repeat; iteration++) {
        if (options.signal?.aborted === true) {
          cancelled = true;
          break;
        }
        emit({ type: 'batch-start', index, total, iteration, repeat: batch.repeat, file: batch.startFile, line: batch.startLine, database: batch.database });
        const t0 = performance.now();
        const outcome = await runOne(plan, batch, index, current, options, emit);
        const durationMs = performance.now() - t0;
        if (outcome.ok) {
          emit({ type: 'batch-end', index, iteration, durationMs, rowsAffected: outcome.result.rowsAffected });
          continue;
        }
        if (outcome.cancelled) {
          cancelled = true;
          break;
        }
        batchFailed = true;
        errors.push(outcome.error);
        emit({ type: 'batch-error', index, iteration, durationMs, error: outcome.error });
        break;
      }
      if (cancelled) break;
      ran++;
      if (batchFailed) failed++;
      else succeeded++;
      if (batchFailed && batch.onError === 'exit') break;
    }
  } finally {
    await current.session?.release();
  }
  const summary: RunSummary = {
    ok: failed === 0 && !cancelled,
    totalBatches: total,
    succeeded,
    failed,
    skipped: total - ran,
    cancelled,
    durationMs: performance.now() - started,
    errors,
  };
  emit({ type: 'done', summary });
  return summary;
}

type Outcome =
  | { readonly ok: true; readonly result: BatchResult }
  | { readonly ok: false; readonly cancelled: true }
  | { readonly ok: false; readonly cancelled: false; readonly error: ScriptRunError };

async function runOne(
  plan: ScriptPlan,
  batch: Batch,
  index: number,
  current: Current,
  options: RunScriptOptions,
  emit: (event: ScriptEvent) => void,
): Promise<Outcome> {
  if (batch.echo !== undefined) {
    emit({ type: 'message', index, text: batch.echo, file: batch.startFile, line: batch.startLine });
    return { ok: true, result: { resultSets: [], rowsAffected: 0 } };
  }
  try {
    const session = await sessionFor(plan, batch, current, options);
    const onMessage = (m: ServerMessage): void => emitMessage(batch, index, m, emit);
    const result = await session.batch(batch.text, { ...(options.signal === undefined ? {} : { signal: options.signal }), onMessage });
    emitResultSets(index, result.resultSets, options, emit);
    return { ok: true, result };
  } catch (e) {
    if (options.signal?.aborted === true || (isEngineError(e) && e.kind === 'cancelled')) return { ok: false, cancelled: true };
    return { ok: false, cancelled: false, error: toRunError(batch, e) };
  }
}

function emitMessage(batch: Batch, index: number, m: ServerMessage, emit: (event: ScriptEvent) => void): void {
  const at = locateMessage(batch, m.line);
  emit({
    type: 'message',
    index,
    text: m.message,
    file: at.file,
    line: at.line,
    ...(m.severity === undefined ? {} : { severity: m.severity }),
    ...(m.number === undefined ? {} : { number: m.number }),
  });
}

function emitResultSets(index: number, resultSets: readonly QueryResult[], options: RunScriptOptions, emit: (event: ScriptEvent) => void): void {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  for (const rs of resultSets) {
    const truncated = rs.rows.length > maxRows;
    emit({ type: 'result-set', index, columns: rs.columns, rows: truncated ? rs.rows.slice(0, maxRows) : rs.rows, totalRows: rs.rows.length, truncated });
  }
}

/** A pipeline group starting at batch k and the session to send it on, when both exist. */
interface PipelineGroup {
  readonly session: Session & Required<Pick<Session, 'pipeline'>>;
  readonly length: number;
}

/**
 * Consecutive DML/SELECT statements under `:on error exit` go out together when the open
 * session can pipeline them (PostgreSQL over the network): same effects as one at a time —
 * each commits on its own, nothing after a failure runs — in one round trip. See pipeline.ts.
 * The first statement of a run (or after a `\c`) opens the session the ordinary way.
 */
function pipelineSession(plan: ScriptPlan, k: number, current: Current): PipelineGroup | undefined {
  const session = current.session;
  if (plan.dialect !== 'postgres' || session?.pipeline === undefined) return undefined;
  if (plan.batches[k]?.database !== current.database) return undefined;
  const length = pipelineGroupLength(plan.batches, k);
  return length < 2 ? undefined : { session: session as PipelineGroup['session'], length };
}

interface GroupOutcome {
  /** Statements that ran (completed or failed); a cancelled one is not counted. */
  readonly ran: number;
  readonly succeeded: number;
  readonly cancelled: boolean;
  readonly error?: ScriptRunError;
}

/** Runs a pipeline group and reports each statement as if it had run alone, in order. */
async function runPipelined(
  plan: ScriptPlan,
  k: number,
  group: PipelineGroup,
  options: RunScriptOptions,
  emit: (event: ScriptEvent) => void,
): Promise<GroupOutcome> {
  const batches = plan.batches.slice(k, k + group.length);
  const total = plan.batches.length;
  const start = (i: number): void => {
    const b = batches[i] as Batch;
    emit({ type: 'batch-start', index: k + i + 1, total, iteration: 1, repeat: 1, file: b.startFile, line: b.startLine, database: b.database });
  };
  // Reported as each answer arrives (inside the driver's message handling, so a listener's
  // exception is held and rethrown once the group is done).
  let listenerError: { error: unknown } | undefined;
  const onStatement = (i: number, statement: PipelinedStatement): void => {
    const index = k + i + 1;
    try {
      start(i);
      for (const m of statement.messages) emitMessage(batches[i] as Batch, index, m, emit);
      emitResultSets(index, statement.resultSets, options, emit);
      emit({ type: 'batch-end', index, iteration: 1, durationMs: statement.durationMs, rowsAffected: statement.rowsAffected });
    } catch (error) {
      listenerError ??= { error };
    }
  };
  const result = await group.session.pipeline(batches.map((b) => b.text), { onStatement, ...(options.signal === undefined ? {} : { signal: options.signal }) });
  if (listenerError !== undefined) throw listenerError.error;
  const ok = result.completed.length;
  const failure = result.failure;
  if (failure === undefined) return { ran: ok, succeeded: ok, cancelled: false };
  const batch = batches[failure.index] as Batch;
  const index = k + failure.index + 1;
  start(failure.index);
  for (const m of failure.messages) emitMessage(batch, index, m, emit);
  if (options.signal?.aborted === true || (isEngineError(failure.error) && failure.error.kind === 'cancelled')) {
    return { ran: ok, succeeded: ok, cancelled: true };
  }
  const error = toRunError(batch, failure.error);
  emit({ type: 'batch-error', index, iteration: 1, durationMs: failure.durationMs, error });
  return { ran: ok + 1, succeeded: ok, cancelled: false, error };
}

/** The connection for a batch: the current one, or a new one when `\c` named another database. */
async function sessionFor(plan: ScriptPlan, batch: Batch, current: Current, options: RunScriptOptions): Promise<Session> {
  // T-SQL's USE switches database on the same connection; only psql's \c needs a new one.
  const wanted = plan.dialect === 'postgres' ? batch.database : undefined;
  if (current.session !== undefined && current.database === wanted) return current.session;
  const previous = current.session;
  current.session = undefined;
  await previous?.release();
  current.session = await options.connect(wanted);
  current.database = wanted;
  return current.session;
}

function toRunError(batch: Batch, e: unknown): ScriptRunError {
  const engineError = isEngineError(e) ? e : undefined;
  const at = locateError(batch, engineError);
  return {
    message: e instanceof Error ? e.message : String(e),
    file: at.file,
    line: at.line,
    ...(at.column === undefined ? {} : { column: at.column }),
    kind: engineError?.kind ?? 'other',
    ...(engineError?.number === undefined ? {} : { number: engineError.number }),
    ...(engineError?.procedure === undefined ? {} : { procedure: engineError.procedure }),
  };
}
