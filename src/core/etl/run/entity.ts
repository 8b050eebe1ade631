import { createHash } from 'node:crypto';
import type { Engine, Queryable, Row, Session } from '../../engine/types';
import type { EtlDialect, ExtractSpec } from '../dialect/types';
import type { CompiledEntity } from '../transform/compile';
import { transformBatch, type RejectedRow } from '../transform/transform';
import { addBatchCounts, writeRejects } from './audit';
import type { Watermark } from './control';
import { advanceWatermark } from './control';
import { batchMerge } from './merge';
import { isEngineError } from '../../engine/errors';
import { EtlCancelledError } from './errors';
import { deleteSoftDeleted, softDeleteSql } from './softDelete';
import { transferStageOf } from './transferStage';
import type { EntityCounts, EtlEvent, EtlPhase, EtlPhaseInfo } from './events';

export interface EntityLoadContext {
  readonly source: Engine;
  /**
   * The transfer reads the source through the batch transaction: source and target are one
   * engine whose transaction holds its only connection (PGlite), so another read would wait for it.
   */
  readonly readThroughTransaction: boolean;
  readonly session: Session;
  readonly dialect: EtlDialect;
  readonly sourceDialect: EtlDialect;
  readonly runId: number;
  readonly entity: CompiledEntity;
  readonly from: Watermark;
  readonly cutoff: string;
  readonly batchSize: number;
  /** The pushdown reads the source from this database of the target's server (three-part names). */
  readonly sourceDatabase: string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly emit: (e: EtlEvent) => void;
  readonly beforePhase: ((phase: EtlPhase, info: EtlPhaseInfo) => Promise<void>) | undefined;
  /**
   * Remembering triggers (`prepareMemory`): adds what their unread rows name now to the memory;
   * called in each page's transaction before its reads and after them.
   */
  readonly rememberPending?: ((tx: Queryable) => Promise<void>) | undefined;
}

export interface EntityLoadResult {
  readonly counts: EntityCounts;
  readonly watermark: Watermark;
}

/**
 * The entity's stage table (a temporary table, kept by the session): named after the entity and
 * a digest of its shape, so a session that still holds the stage of an earlier run (a pooled or
 * kept connection) never meets one of another shape after the definition or the target changed.
 * At most 55 characters, so `_push`/`_trg` stay within PostgreSQL's 63.
 */
export function stageName(entity: CompiledEntity): string {
  const def = entity.definition;
  const shape = JSON.stringify([def.target.table, entity.targetColumns, entity.lookups.map((l) => [l.stageColumn, l.stageType])]);
  return `etl_stage_${def.entity.slice(0, 36)}_${createHash('sha256').update(shape).digest('hex').slice(0, 8)}`;
}

export function extractSpecOf(entity: CompiledEntity, d: EtlDialect, database?: string): ExtractSpec {
  const def = entity.definition;
  return {
    ...(database === undefined ? {} : { database }),
    table: def.source.table,
    key: def.source.key,
    updatedAt: def.source.updatedAt,
    columns: entity.sourceColumns,
    derived: (def.source.derived ?? []).map((x) => ({ name: x.name, sql: typeof x.sql === 'string' ? x.sql : x.sql[d.name] })),
  };
}

/** Adds a committed batch to the entity's counts and reports it. */
export function reportBatch(
  ctx: EntityLoadContext,
  counts: EntityCounts,
  batch: { rows: number; upserted: number; softDeleted: number; rejected: number; seconds: number; watermark: Watermark },
): EntityCounts {
  ctx.emit({
    type: 'batch',
    runId: ctx.runId,
    entity: ctx.entity.definition.entity,
    batch: counts.batches + 1,
    rows: batch.rows,
    upserted: batch.upserted,
    softDeleted: batch.softDeleted,
    rejected: batch.rejected,
    rowsPerSecond: batch.seconds > 0 ? Math.round(batch.rows / batch.seconds) : batch.rows,
    watermark: batch.watermark,
  });
  return {
    extracted: counts.extracted + batch.rows,
    upserted: counts.upserted + batch.upserted,
    softDeleted: counts.softDeleted + batch.softDeleted,
    rejected: counts.rejected + batch.rejected,
    batches: counts.batches + 1,
  };
}

/** Source rows read and transformed at a time: bounds this process's memory whatever the batch size. */
export const READ_CHUNK = 10_000;

/**
 * The transfer plan for one entity: page through the (updated_at, id) window of the source,
 * transform in process, and per page, in ONE target transaction: stage (bulk load), merge,
 * rejects, watermark and audit counts. A crash anywhere rolls the page back whole, so the
 * watermark never runs ahead of the data; the extract is read-only and simply re-read.
 * A page is read in keyset chunks of `READ_CHUNK` rows, each transformed and bulk-loaded before
 * the next is held; the next chunk is read (on another connection) while the current one loads,
 * and the next page's first chunk while this page merges.
 */
export async function loadEntity(ctx: EntityLoadContext): Promise<EntityLoadResult> {
  const { entity, dialect: d, session } = ctx;
  const def = entity.definition;
  const { merge, bulkColumns } = transferStageOf(entity, d, stageName(entity));
  const write = batchMerge(d, merge, def.entity);
  const removals = softDeleteSql(def, d, merge.stage);
  const extractSql = ctx.sourceDialect.extractPageSql(extractSpecOf(entity, ctx.sourceDialect));
  const opts = ctx.signal ? { signal: ctx.signal } : {};
  const phase = async (p: EtlPhase, batch: number): Promise<void> => {
    if (ctx.beforePhase) await ctx.beforePhase(p, { entity: def.entity, batch, targetProcessId: session.serverProcessId });
  };
  const read = (q: Queryable, from: Watermark, limit: number): Promise<Row[]> =>
    q.query(extractSql, [ctx.cutoff, from.updatedAt, { value: from.id, type: { kind: 'bigint' } }, limit], opts).then((r) => r.rows);

  await session.query(d.createStageSql(merge));
  // Initial load: while the target holds no members (at most its unknown member), a page is
  // bulk-loaded straight into it, with no stage and no merge; a page that meets a member
  // (a unique violation) rolls back and is done again through the stage, as every later one.
  let direct = directLoadApplies(entity, d) && (await holdsNoMembers(session, d, def.target.table));
  const targetRef = tableRef(def.target.table);
  let counts: EntityCounts = { extracted: 0, upserted: 0, softDeleted: 0, rejected: 0, batches: 0 };
  let wm = ctx.from;
  /** The next page's first chunk, read while this page merges (from the committed watermark). */
  let ahead: Promise<Row[]> | undefined;
  for (;;) {
    if (ctx.signal?.aborted) throw new EtlCancelledError(def.entity);
    const batch = counts.batches + 1;
    const started = performance.now();
    await phase('extract', batch);
    const loadPage = async (tx: Queryable, straight: boolean) => {
      if (d.batchSettingsSql !== undefined) await tx.query(d.batchSettingsSql);
      await phase('stage', batch);
      await tx.query(d.truncateStageSql(merge.stage));
      const reader: Queryable = ctx.readThroughTransaction ? tx : ctx.source;
      // Before the page's reads: unless its first chunk was read ahead, after the last page's
      // reads, whose memory call (below) came before that read.
      if (ctx.rememberPending !== undefined && ahead === undefined) await ctx.rememberPending(tx);
      let extracted = 0;
      let softDeleted = 0;
      let loaded = 0;
      let rejects: RejectedRow[] = [];
      let next = wm;
      let limit = Math.min(READ_CHUNK, ctx.batchSize);
      let pending: Promise<Row[]> | undefined = ahead ?? read(reader, next, limit);
      ahead = undefined;
      while (pending !== undefined) {
        const rows: Row[] = await pending;
        pending = undefined;
        if (rows.length === 0) break;
        extracted += rows.length;
        const last = rows[rows.length - 1] as Row;
        next = { updatedAt: String(last['__wm_ts']), id: String(last[def.source.key]) };
        const more = rows.length === limit && extracted < ctx.batchSize;
        limit = Math.min(READ_CHUNK, ctx.batchSize - extracted);
        if (more && reader !== tx) {
          pending = read(reader, next, limit);
          // Observed on the next turn; a failed load must not leave it unhandled meanwhile.
          pending.catch(() => undefined);
        }
        const t = transformBatch(entity, rows);
        softDeleted += t.softDeleted;
        if (t.rejects.length > 0) rejects = rejects.concat(t.rejects);
        if (t.rows.length > 0) await tx.bulkLoad(straight ? targetRef : d.stageRef(merge.stage), bulkColumns, t.rows, opts);
        loaded += t.rows.length;
        if (more && reader === tx) pending = read(reader, next, limit);
      }
      if (extracted === 0) return undefined;
      if (ctx.rememberPending !== undefined) await ctx.rememberPending(tx);
      if (extracted === ctx.batchSize && reader !== tx) {
        ahead = read(reader, next, Math.min(READ_CHUNK, ctx.batchSize));
        ahead.catch(() => undefined);
      }
      await phase('merge', batch);
      const upserted = straight ? loaded : await write(tx, opts);
      await deleteSoftDeleted(tx, removals, opts);
      const rejected = await writeRejects(tx, d, ctx.runId, def.entity, rejects);
      await advanceWatermark(tx, d, def.entity, next);
      await addBatchCounts(tx, d, ctx.runId, def.entity, { extracted, upserted, softDeleted }, next);
      await phase('commit', batch);
      return { extracted, upserted, softDeleted, rejected, next };
    };
    let page: Awaited<ReturnType<typeof loadPage>>;
    try {
      page = await session.transaction((tx) => loadPage(tx, direct));
    } catch (e) {
      if (!direct || !isUniqueViolation(e)) throw e;
      // The target held this page's members after all: the page again, through the stage.
      direct = false;
      ahead = undefined;
      page = await session.transaction((tx) => loadPage(tx, false));
    }
    if (page === undefined) break;
    wm = page.next;
    counts = reportBatch(ctx, counts, {
      rows: page.extracted, upserted: page.upserted, softDeleted: page.softDeleted, rejected: page.rejected,
      seconds: (performance.now() - started) / 1000, watermark: wm,
    });
    await phase('committed', batch);
    if (page.extracted < ctx.batchSize) break;
  }
  return { counts, watermark: wm };
}

/** Bulk-loading straight into the target is the whole merge only for a type 1 entity with nothing to resolve. */
function directLoadApplies(entity: CompiledEntity, d: EtlDialect): boolean {
  const def = entity.definition;
  // SQL Server's bulk load into the target has not run on a server yet: it keeps the stage.
  return d.name === 'postgres' && def.scd.type === 1 && entity.lookups.length === 0 && def.target.deleteSoftDeleted === undefined;
}

/** At most one row (the unknown member, or one member the fallback will meet). */
async function holdsNoMembers(q: Queryable, d: EtlDialect, target: string): Promise<boolean> {
  const r = await q.query<{ n: unknown }>(`SELECT count(*) AS n FROM (SELECT 1 AS x FROM ${d.table(target)} LIMIT 2) m`);
  return Number(r.rows[0]?.n ?? 0) <= 1;
}

function tableRef(qualified: string): { schema?: string; name: string } {
  const dot = qualified.lastIndexOf('.');
  return dot < 0 ? { name: qualified } : { schema: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
}

/** PostgreSQL 23505; SQL Server 2627 (constraint) and 2601 (unique index). */
function isUniqueViolation(e: unknown): boolean {
  return isEngineError(e) && e.kind === 'constraint' && (e.number === '23505' || e.number === 2627 || e.number === 2601);
}
