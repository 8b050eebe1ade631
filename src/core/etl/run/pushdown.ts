import type { QueryOptions, Queryable, SqlParam } from '../../engine/types';
import type { EntityLoadContext, EntityLoadResult } from './entity';
import { extractSpecOf, reportBatch, stageName } from './entity';
import { mergeSpecOf } from './mergeSpec';
import { batchMerge } from './merge';
import { addBatchCounts } from './audit';
import type { Watermark } from './control';
import { advanceWatermark } from './control';
import { EtlCancelledError } from './errors';
import { NOT_DELETED, deleteSoftDeleted, softDeleteSql } from './softDelete';
import type { EntityCounts, EtlPhase } from './events';
import { PUSHDOWN_ACCEPTED, PUSHDOWN_EXTRA, pushdownDirectSql, pushdownInsertSql, pushdownRejectsSql, pushdownStatsSql } from './pushdownSql';

export interface PageOutcome {
  readonly extracted: number;
  readonly upserted: number;
  readonly softDeleted: number;
  readonly rejected: number;
  readonly next: Watermark;
}

/** Writes one page inside the batch transaction; undefined when the page is empty (nothing written). */
export type WritePage =
  (tx: Queryable, params: readonly SqlParam[], phase: (p: EtlPhase) => Promise<void>, opts: QueryOptions) => Promise<PageOutcome | undefined>;

function statsOf(s: Record<string, unknown>): Omit<PageOutcome, 'upserted'> | undefined {
  const extracted = Number(s['extracted'] ?? 0);
  if (extracted === 0) return undefined;
  return {
    extracted,
    softDeleted: Number(s['soft_deleted'] ?? 0),
    rejected: Number(s['rejected'] ?? 0),
    next: { updatedAt: String(s['wm_ts']), id: String(s['wm_id']) },
  };
}

/**
 * How a page is written. Direct (PostgreSQL, SCD1 without self-lookups): one statement computes
 * the page once, upserts the accepted rows and writes the rejects. Staged (SCD2, self-lookups,
 * T-SQL): the page into a temp stage, then the merge statements and the rejects read it.
 * `keys` (a trigger's page, `triggerKeysSql`): the rows with those keys instead of the window.
 */
export async function pageWriter(ctx: EntityLoadContext, keys?: string, stageExists = false): Promise<WritePage> {
  const { entity, dialect: d, session } = ctx;
  const def = entity.definition;
  const stage = `${stageName(entity)}_push`;
  const merge = mergeSpecOf(entity, stage, {
    leading: PUSHDOWN_EXTRA,
    filter: def.target.deleteSoftDeleted === undefined ? PUSHDOWN_ACCEPTED : `${PUSHDOWN_ACCEPTED} AND ${NOT_DELETED}`,
  });
  const extractSql = d.extractPageSql({
    ...extractSpecOf(entity, d, ctx.sourceDatabase), asSubquery: true, ...(keys === undefined ? {} : { byKeys: { keys } }),
  });
  // A target that deletes soft-deleted rows takes the staged form: the deletes read the stage.
  const direct = def.target.deleteSoftDeleted === undefined ? pushdownDirectSql(entity, d, merge, extractSql) : undefined;
  if (direct !== undefined) {
    return async (tx, params, phase, opts) => {
      await phase('stage');
      await phase('merge');
      const row = (await tx.query<Record<string, unknown>>(direct, [...params, ctx.runId, def.entity], opts)).rows[0] ?? {};
      const stats = statsOf(row);
      return stats === undefined ? undefined : { ...stats, upserted: Number(row['upserted'] ?? 0), rejected: Number(row['rejects_written'] ?? 0) };
    };
  }
  const insertSql = pushdownInsertSql(entity, d, stage, extractSql);
  const statsSql = pushdownStatsSql(d.stageTable(stage));
  const rejectsSql = pushdownRejectsSql(d, d.stageTable(stage));
  const write = batchMerge(d, merge, def.entity);
  const removals = softDeleteSql(def, d, stage, PUSHDOWN_ACCEPTED);
  if (!stageExists) await session.query(d.createStageSql(merge));
  return async (tx, params, phase, opts) => {
    await tx.query(d.truncateStageSql(stage));
    await phase('stage');
    await tx.query(insertSql, params, opts);
    const stats = statsOf((await tx.query<Record<string, unknown>>(statsSql)).rows[0] ?? {});
    if (stats === undefined) return undefined;
    await phase('merge');
    const upserted = await write(tx, opts);
    await deleteSoftDeleted(tx, removals, opts);
    const rejected = stats.rejected > 0 ? (await tx.query(rejectsSql, [ctx.runId, def.entity])).rowsAffected : 0;
    return { ...stats, upserted, rejected };
  };
}

/**
 * The pushdown plan, for source and target in one database: per page, ONE target transaction
 * extracts and transforms in the server (the rules' SQL forms, each evaluated once per row),
 * merges, writes rejects, and moves the watermark and audit counts. No row passes through this
 * process.
 */
export async function pushdownEntity(ctx: EntityLoadContext): Promise<EntityLoadResult> {
  const { entity, dialect: d, session } = ctx;
  const def = entity.definition;
  const opts = ctx.signal ? { signal: ctx.signal } : {};
  const writePage = await pageWriter(ctx);
  let counts: EntityCounts = { extracted: 0, upserted: 0, softDeleted: 0, rejected: 0, batches: 0 };
  let wm: Watermark = ctx.from;
  for (;;) {
    if (ctx.signal?.aborted) throw new EtlCancelledError(def.entity);
    const batch = counts.batches + 1;
    const phase = async (p: EtlPhase): Promise<void> => {
      if (ctx.beforePhase) await ctx.beforePhase(p, { entity: def.entity, batch, targetProcessId: session.serverProcessId });
    };
    const started = performance.now();
    await phase('extract');
    const outcome = await session.transaction(async (tx) => {
      if (d.batchSettingsSql !== undefined) await tx.query(d.batchSettingsSql);
      if (ctx.rememberPending !== undefined) await ctx.rememberPending(tx);
      const page = await writePage(tx, [ctx.cutoff, wm.updatedAt, { value: wm.id, type: { kind: 'bigint' } }, ctx.batchSize], phase, opts);
      if (page === undefined) return undefined;
      if (ctx.rememberPending !== undefined) await ctx.rememberPending(tx);
      await advanceWatermark(tx, d, def.entity, page.next);
      await addBatchCounts(tx, d, ctx.runId, def.entity, { extracted: page.extracted, upserted: page.upserted, softDeleted: page.softDeleted }, page.next);
      await phase('commit');
      return page;
    });
    if (outcome === undefined) break;
    wm = outcome.next;
    counts = reportBatch(ctx, counts, {
      rows: outcome.extracted, upserted: outcome.upserted, softDeleted: outcome.softDeleted,
      rejected: outcome.rejected, seconds: (performance.now() - started) / 1000, watermark: wm,
    });
    await phase('committed');
    if (outcome.extracted < ctx.batchSize) break;
  }
  return { counts, watermark: wm };
}
