import type { Engine, Session } from '../../engine/types';
import { isEngineError } from '../../engine/errors';
import { etlDialect } from '../dialect';
import type { EtlDialect } from '../dialect/types';
import { readColumns } from '../definition/columns';
import type { EntityDefinition } from '../definition/types';
import { compileEntity, type CompiledEntity } from '../transform/compile';
import type { RunStatus } from './audit';
import { addBatchCounts, closeInterruptedEntity, closeInterruptedRun, closeRun, closeRunEntity, openRun, openRunEntity, runningRuns } from './audit';
import type { EntityControl, EntityStatus, Watermark } from './control';
import { INITIAL_WATERMARK, readControls, recordEntityOutcome, registerEntity } from './control';
import { EntityBusyError, EtlCancelledError, UnknownEntityError } from './errors';
import type { EntityCounts, EtlEvent, EtlPhase, EtlPhaseInfo, EtlPlan, SnapshotOutcome } from './events';
import { takeSnapshot } from './snapshot';
import { pushdownEntity } from './pushdown';
import { loadEntity, type EntityLoadContext } from './entity';
import { checkTriggers, prepareMemory, runTriggers } from './triggers';
import { loadOrder } from './order';
import { resolvePlan, type PlanChoice } from './plan';
import { runCutoff, runCutoffMinutes, type RunCutoff } from './cutoff';
import { resolveLateMembers } from './lateMembers';
import { transferStageOf } from './transferStage';
import { ensureTableSql } from '../../warehouse/ddl';
import { ETL_TRIGGER_MEMORY, ETL_UNRESOLVED } from '../../warehouse/controlTables';

export interface EtlRunOptions {
  readonly source: Engine;
  readonly target: Engine;
  readonly definitions: readonly EntityDefinition[];
  /** Entities to run; empty or undefined: every active entity of ctl.etl_control. */
  readonly entities?: readonly string[];
  /** Start from the initial watermark (a full reload; the merge keeps it idempotent). */
  readonly full?: boolean;
  /** Shown in audit.etl_run.started_by. */
  readonly startedBy?: string;
  /** How long to wait for an entity another run is loading; 0 fails at once. */
  readonly lockWaitMs?: number;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: EtlEvent) => void;
  /** Awaited before each phase of each batch; tests stop the run here. */
  readonly beforePhase?: (phase: EtlPhase, info: EtlPhaseInfo) => Promise<void>;
  /**
   * 'auto' (default): pushdown when the target's connection can read the source in place (one
   * database, or two databases of one SQL Server instance: `resolvePlan`), transfer otherwise.
   * 'transfer' always moves rows through this process; 'pushdown' fails when it cannot run.
   */
  readonly plan?: 'auto' | EtlPlan;
  /**
   * The clock the run's cutoff reads (UTC); default: the source server's clock. Tests inject one
   * so a change stamped at a known time is inside or outside a run's window without waiting.
   */
  readonly now?: () => Date;
}

export interface EntityOutcome {
  readonly entity: string;
  readonly status: EntityStatus;
  readonly counts: EntityCounts;
  readonly error?: string;
  /** Set when the entity did not run: a dimension it looks up failed in this run (status 'failed'). */
  readonly skippedBecause?: string;
}

export interface EtlRunResult {
  readonly runId: number;
  readonly status: RunStatus;
  readonly entities: readonly EntityOutcome[];
  /** The one cutoff every entity of the run read up to. */
  readonly cutoff: RunCutoff;
  /** The connection snapshots the run took, linked to it: at its start, then at its end or failure. */
  readonly snapshots: readonly SnapshotOutcome[];
}

const NO_COUNTS: EntityCounts = { extracted: 0, upserted: 0, softDeleted: 0, rejected: 0, batches: 0 };
const runLock = (runId: number): string => `dwb.etl.run.${runId}`;
const entityLock = (entity: string): string => `dwb.etl.entity.${entity}`;

/** Checks every requested definition against the real tables, before any data moves. */
async function compileAll(o: EtlRunOptions, defs: readonly EntityDefinition[]): Promise<CompiledEntity[]> {
  const sd = etlDialect(o.source.dialect);
  const td = etlDialect(o.target.dialect);
  const out: CompiledEntity[] = [];
  for (const def of defs) {
    out.push(compileEntity(def, await readColumns(o.source, sd, def.source.table), await readColumns(o.target, td, def.target.table), td));
    await checkTriggers(o.source, sd, def, (table) => readColumns(o.source, sd, table));
  }
  return out;
}

function pickEntities(o: EtlRunOptions, controls: readonly EntityControl[]): EntityDefinition[] {
  const byName = new Map(o.definitions.map((d) => [d.entity, d]));
  if (o.entities && o.entities.length > 0) {
    return o.entities.map((name) => {
      const def = byName.get(name);
      if (def === undefined) throw new UnknownEntityError(name, [...byName.keys()], 'the entity definitions');
      return def;
    });
  }
  const active = new Set(controls.filter((c) => c.isActive).map((c) => c.entity));
  return o.definitions.filter((d) => active.has(d.entity));
}

/** Closes runs a crashed process left 'running': a run whose lock nobody holds is dead. */
async function closeDeadRuns(session: Session, d: EtlDialect, runId: number): Promise<void> {
  for (const other of await runningRuns(session, d, runId)) {
    try {
      await session.withLock(runLock(other), { timeoutMs: 0 }, () => closeInterruptedRun(session, d, other));
    } catch (e) {
      if (!(isEngineError(e) && e.kind === 'lock-timeout')) throw e;
    }
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function runStatusOf(outcomes: readonly EntityOutcome[]): RunStatus {
  // A user's cancel is not a failure: the run says so, whatever had finished before it.
  if (outcomes.some((o) => o.status === 'cancelled')) return 'cancelled';
  if (outcomes.every((o) => o.status === 'success')) return 'success';
  if (outcomes.every((o) => o.status === 'failed')) return 'failed';
  return 'partial';
}

interface Prepared {
  readonly compiled: CompiledEntity[];
  readonly plan: PlanChoice;
  readonly cutoff: RunCutoff;
}

/** What a run settles before any data moves: its tables, its checked definitions in load order, its plan and its one cutoff. */
async function prepareRun(o: EtlRunOptions, d: EtlDialect, defs: readonly EntityDefinition[], controls: readonly EntityControl[]): Promise<Prepared> {
  for (const def of defs) await registerEntity(o.target, d, def);
  await o.target.query(d.ensureRejectTableSql);
  await o.target.query(d.ensureTriggerTableSql);
  await o.target.query(ensureTableSql(ETL_UNRESOLVED, d.name));
  await o.target.query(ensureTableSql(ETL_TRIGGER_MEMORY, d.name));
  const compiled = loadOrder(await compileAll(o, defs));
  const plan = await resolvePlan(o);
  const names = compiled.map((x) => x.definition.entity);
  // One cutoff for the whole run, so a fact never reads source rows newer than its dimensions did:
  // the largest cutoff_minutes of the run's entities, bounded by the source's open transactions.
  const cutoff = await runCutoff(o.source, etlDialect(o.source.dialect), runCutoffMinutes(names, controls), names, o.now);
  return { compiled, plan, cutoff };
}

/**
 * Runs the incremental ETL for the requested entities and records it in audit.etl_run and
 * audit.etl_run_entity. Definitions are checked against the real tables first: a bad one stops
 * the run before any data moves (the run is recorded as failed, with the reason). Entities run one
 * after another, dimensions before the facts whose lookups read them (`loadOrder`); one failing
 * does not stop the next. Resolves with the outcome; rejects only when the run could not start.
 */
export async function runEtl(o: EtlRunOptions): Promise<EtlRunResult> {
  const d = etlDialect(o.target.dialect);
  const emit = (e: EtlEvent): void => o.onEvent?.(e);
  const started = performance.now();
  const controls0 = await readControls(o.target, d);
  const defs = pickEntities(o, controls0);
  // Kept by the engine for the next run (the ETL leaves no session state: its stages are named by their shape).
  const session = await o.target.session({ reuse: true });
  try {
    // The run is recorded before anything else, so a run that dies while it prepares (checking
    // the definitions, choosing the plan, reading the cutoff) leaves its row: 'running' until the
    // next run finds its lock free and closes it, or 'failed' with the reason when preparing failed.
    const runId = await openRun(session, d, defs.map((def) => def.entity), o.startedBy ?? 'dwb');
    let result: EtlRunResult | undefined;
    const snapshots: SnapshotOutcome[] = [];
    const snapshot = async (q: Session | undefined, stage: SnapshotOutcome['stage']): Promise<void> => {
      const outcome = await takeSnapshot(o.target, q, d, runId, stage);
      snapshots.push(outcome);
      emit({ type: 'snapshot', runId, ...outcome });
    };
    const work = session.withLock(runLock(runId), { timeoutMs: 0 }, async () => {
      let prepared: Prepared;
      try {
        prepared = await prepareRun(o, d, defs, controls0);
      } catch (e) {
        // Recorded as failed with the reason; the failure snapshot follows (below), and the caller gets the error.
        await closeRunSafely(o.target, session, d, runId, { status: 'failed', succeeded: 0, failed: 0, error: `The run could not start: ${messageOf(e)}` });
        throw e;
      }
      const { compiled, plan, cutoff } = prepared;
      const names = compiled.map((x) => x.definition.entity);
      emit({ type: 'run-start', runId, entities: names, cutoff });
      await snapshot(session, 'start');
      await closeDeadRuns(session, d, runId);
      const outcomes: EntityOutcome[] = [];
      for (const entity of compiled) {
        // Once cancelled, the entities not started yet are not started (nor recorded).
        if (o.signal?.aborted && outcomes.some((x) => x.status === 'cancelled')) break;
        const failedDependency = failedDependencyOf(entity, compiled, outcomes);
        outcomes.push(failedDependency === undefined
          ? await runOneEntity(o, plan, session, d, runId, entity, cutoff.at, emit)
          : await skipEntity(o.target, session, d, runId, entity.definition.entity, failedDependency, emit));
      }
      const status = runStatusOf(outcomes);
      const failed = outcomes.filter((x) => x.status === 'failed');
      const error = failed.length === 0 ? null : failed.map((x) => `${x.entity}: ${x.error ?? 'failed'}`).join('; ');
      const succeeded = outcomes.filter((x) => x.status === 'success' || x.status === 'partial').length;
      await closeRunSafely(o.target, session, d, runId, { status, succeeded, failed: failed.length, error });
      // A failed run (every entity failed) ends with a failure snapshot, as a runner that fails does (below).
      await snapshot(session, status === 'failed' ? 'failure' : 'end');
      emit({
        type: 'run-end', runId, status, succeeded, failed: failed.length,
        seconds: (performance.now() - started) / 1000, ...(error === null ? {} : { error }),
      });
      result = { runId, status, entities: outcomes, cutoff, snapshots };
      return result;
    });
    try {
      return await work;
    } catch (e) {
      // Releasing the run lock fails when the session died; the run itself is recorded.
      if (result !== undefined) return result;
      // The runner itself failed after the run opened: who was connected then is recorded too,
      // on a fresh session (this one may be what failed); the run's error is what the caller gets.
      await snapshot(undefined, 'failure').catch(() => undefined);
      throw e;
    }
  } finally {
    await session.release().catch(() => undefined);
  }
}

/**
 * Audit writes after a failure, on a fresh session of the target: the run's session may be the
 * thing that died, and a pooled connection killed with it may be handed out once more, so a
 * failed attempt is retried on another connection. A session (not a bare pooled query) also
 * owns the error a dropped connection raises.
 */
async function onFreshSession(target: Engine, work: (q: Session) => Promise<void>, attempts = 3): Promise<void> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    let s: Session | undefined;
    try {
      s = await target.session();
      await work(s);
      return;
    } catch (e) {
      last = e;
    } finally {
      await s?.release().catch(() => undefined);
    }
  }
  throw last;
}

async function closeRunSafely(
  target: Engine,
  session: Session,
  d: EtlDialect,
  runId: number,
  outcome: Parameters<typeof closeRun>[3],
): Promise<void> {
  try {
    await closeRun(session, d, runId, outcome);
  } catch {
    await onFreshSession(target, (q) => closeRun(q, d, runId, outcome));
  }
}

async function runOneEntity(
  o: EtlRunOptions,
  choice: PlanChoice,
  session: Session,
  d: EtlDialect,
  runId: number,
  entity: CompiledEntity,
  cutoff: string,
  emit: (e: EtlEvent) => void,
): Promise<EntityOutcome> {
  const name = entity.definition.entity;
  const t0 = performance.now();
  let watermark = INITIAL_WATERMARK;
  let counts = NO_COUNTS;
  const wait = o.lockWaitMs ?? 0;
  try {
    return await session.withLock(entityLock(name), { timeoutMs: wait }, async () => {
      const [control] = await readControls(session, d, name);
      const from = o.full || control === undefined ? INITIAL_WATERMARK : control.watermark;
      watermark = from;
      await closeInterruptedEntity(session, d, name, runId);
      await openRunEntity(session, d, runId, name, from);
      const sd = etlDialect(o.source.dialect);
      const batchSize = control?.batchSize ?? 1000;
      const { plan, sourceDatabase } = choice;
      emit({ type: 'entity-start', runId, entity: name, plan, ...(sourceDatabase === undefined ? {} : { sourceDatabase }), watermark: from, cutoff, batchSize });
      try {
        const load: EntityLoadContext = {
          source: o.source, readThroughTransaction: o.source === o.target && o.source.kind === 'pglite', session, dialect: d, sourceDialect: sd, runId, entity, from, cutoff, batchSize, sourceDatabase,
          signal: o.signal,
          emit: (e) => {
            if (e.type === 'batch') {
              watermark = e.watermark;
              counts = {
                extracted: counts.extracted + e.rows, upserted: counts.upserted + e.upserted,
                softDeleted: counts.softDeleted + e.softDeleted, rejected: counts.rejected + e.rejected, batches: e.batch,
              };
            }
            emit(e);
          },
          beforePhase: o.beforePhase,
        };
        const remembering: EntityLoadContext = { ...load, rememberPending: await prepareMemory(load, plan) };
        const loaded = await runTriggers(remembering, plan, await (plan === 'pushdown' ? pushdownEntity : loadEntity)(remembering));
        const r = await resolveLate(load, loaded);
        const status: EntityStatus = r.counts.rejected > 0 ? 'partial' : 'success';
        const error = r.counts.rejected > 0 ? `${r.counts.rejected} source row(s) rejected; see audit.etl_reject for run ${runId}` : null;
        await closeRunEntity(session, d, runId, name, status, error);
        await recordEntityOutcome(session, d, name, runId, status);
        emit({ type: 'entity-end', runId, entity: name, status, counts: r.counts, watermark: r.watermark, seconds: (performance.now() - t0) / 1000, ...(error ? { error } : {}) });
        return { entity: name, status, counts: r.counts, ...(error ? { error } : {}) };
      } catch (e) {
        const error = messageOf(e);
        // Aborting stops the query in flight too (its error is the driver's): the signal decides.
        const status: EntityStatus = e instanceof EtlCancelledError || o.signal?.aborted === true ? 'cancelled' : 'failed';
        await markEnded(o.target, session, d, runId, name, status, error);
        emit({ type: 'entity-end', runId, entity: name, status, counts, watermark, seconds: (performance.now() - t0) / 1000, error });
        return { entity: name, status, counts, error };
      }
    });
  } catch (e) {
    const busy = isEngineError(e) && e.kind === 'lock-timeout' ? new EntityBusyError(name, wait) : undefined;
    const error = messageOf(busy ?? e);
    emit({ type: 'entity-end', runId, entity: name, status: 'failed', counts, watermark, seconds: (performance.now() - t0) / 1000, error });
    return { entity: name, status: 'failed', counts, error };
  }
}

/**
 * The entity's rows still on the unknown member whose member has arrived (this run's dimensions
 * included) get its key, in one transaction with their audit count (as upserts).
 */
async function resolveLate(
  ctx: EntityLoadContext, loaded: { counts: EntityCounts; watermark: Watermark },
): Promise<{ counts: EntityCounts; watermark: Watermark }> {
  const { entity, dialect: d, session } = ctx;
  const merge = transferStageOf(entity, d, 'unused').merge;
  if ((merge.lookups ?? []).length === 0 || merge.history !== undefined) return loaded;
  const opts = ctx.signal ? { signal: ctx.signal } : {};
  const resolved = await session.transaction(async (tx) => {
    const n = await resolveLateMembers(tx, d, merge, entity.definition.entity, opts);
    if (n > 0) await addBatchCounts(tx, d, ctx.runId, entity.definition.entity, { extracted: 0, upserted: n, softDeleted: 0 }, loaded.watermark);
    return n;
  });
  return resolved === 0 ? loaded : { ...loaded, counts: { ...loaded.counts, upserted: loaded.counts.upserted + resolved } };
}

/** The run's entity (a dimension this one looks up) that failed or was skipped in this run, if any. */
function failedDependencyOf(entity: CompiledEntity, compiled: readonly CompiledEntity[], done: readonly EntityOutcome[]): string | undefined {
  if (entity.definition.onDependencyFailure === 'load') return undefined;
  const byTable = new Map(compiled.map((x) => [x.definition.target.table, x.definition.entity]));
  for (const table of entity.dependsOn) {
    const dep = byTable.get(table);
    if (dep !== undefined && done.find((x) => x.entity === dep)?.status === 'failed') return dep;
  }
  return undefined;
}

/** Records an entity not run because `dependency` failed: its audit row 'failed' with the reason. */
async function skipEntity(
  target: Engine, session: Session, d: EtlDialect, runId: number, name: string, dependency: string, emit: (e: EtlEvent) => void,
): Promise<EntityOutcome> {
  const skippedBecause = `${dependency} failed in this run`;
  const error = `Skipped: ${skippedBecause}, so its keys would resolve against a stale dimension (the definition's onDependencyFailure: "load" loads it anyway)`;
  const record = async (q: Session): Promise<void> => {
    await openRunEntity(q, d, runId, name, INITIAL_WATERMARK);
    await closeRunEntity(q, d, runId, name, 'failed', error);
  };
  await record(session).catch(() => onFreshSession(target, record).catch(() => undefined));
  emit({ type: 'entity-end', runId, entity: name, status: 'failed', counts: NO_COUNTS, watermark: INITIAL_WATERMARK, seconds: 0, error, skippedBecause });
  return { entity: name, status: 'failed', counts: NO_COUNTS, error, skippedBecause };
}

async function markEnded(target: Engine, session: Session, d: EtlDialect, runId: number, entity: string, status: 'failed' | 'cancelled', error: string): Promise<void> {
  const record = async (q: Session): Promise<void> => {
    await closeRunEntity(q, d, runId, entity, status, error);
    await recordEntityOutcome(q, d, entity, runId, status);
  };
  try {
    await record(session);
  } catch {
    // The session may be dead (killed connection): a fresh one; the next run closes it otherwise.
    await onFreshSession(target, record).catch(() => undefined);
  }
}
