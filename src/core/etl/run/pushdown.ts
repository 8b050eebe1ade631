import type { EntityLoadContext, EntityLoadResult } from './entity';
import { extractSpecOf, historyOf, lookupsOf, reportBatch, stageName } from './entity';
import { batchMerge } from './merge';
import { addBatchCounts } from './audit';
import type { Watermark } from './control';
import { advanceWatermark } from './control';
import { EtlCancelledError } from './errors';
import type { EntityCounts, EtlPhase } from './events';
import { PUSHDOWN_EXTRA, pushdownInsertSql, pushdownRejectsSql, pushdownStatsSql } from './pushdownSql';

/**
 * The pushdown plan, for source and target in one database: per page, ONE target transaction
 * extracts and transforms in the server (the rules' SQL forms) into the stage, writes rejects,
 * merges, and moves the watermark and audit counts. No row passes through this process.
 */
export async function pushdownEntity(ctx: EntityLoadContext): Promise<EntityLoadResult> {
  const { entity, dialect: d, session } = ctx;
  const def = entity.definition;
  const stage = `${stageName(def.entity)}_push`;
  const { extra, lookups } = lookupsOf(entity);
  const merge = {
    target: def.target.table,
    stage,
    naturalKey: def.target.naturalKey,
    columns: entity.targetColumns.map((c) => c.name),
    extra: [...PUSHDOWN_EXTRA, ...extra],
    filter: '__reject_column IS NULL',
    lookups,
    ...historyOf(entity),
  };
  const insertSql = pushdownInsertSql(entity, d, stage, d.extractPageSql(extractSpecOf(entity, d)));
  const statsSql = pushdownStatsSql(d, stage);
  const rejectsSql = pushdownRejectsSql(d, stage);
  const write = batchMerge(d, merge);
  const opts = ctx.signal ? { signal: ctx.signal } : {};
  const phase = async (p: EtlPhase, batch: number): Promise<void> => {
    if (ctx.beforePhase) await ctx.beforePhase(p, { entity: def.entity, batch, targetProcessId: session.serverProcessId });
  };

  await session.query(d.createStageSql(merge));
  let counts: EntityCounts = { extracted: 0, upserted: 0, softDeleted: 0, rejected: 0, batches: 0 };
  let wm: Watermark = ctx.from;
  for (;;) {
    if (ctx.signal?.aborted) throw new EtlCancelledError(def.entity);
    const batch = counts.batches + 1;
    const started = performance.now();
    await phase('extract', batch);
    const outcome = await session.transaction(async (tx) => {
      await tx.query(d.truncateStageSql(stage));
      await phase('stage', batch);
      await tx.query(insertSql, [ctx.cutoff, wm.updatedAt, { value: wm.id, type: { kind: 'bigint' } }, ctx.batchSize], opts);
      const s = (await tx.query<Record<string, unknown>>(statsSql)).rows[0] ?? {};
      const extracted = Number(s['extracted'] ?? 0);
      if (extracted === 0) return undefined;
      const next: Watermark = { updatedAt: String(s['wm_ts']), id: String(s['wm_id']) };
      const softDeleted = Number(s['soft_deleted'] ?? 0);
      const rejected = Number(s['rejected'] ?? 0);
      await phase('merge', batch);
      const upserted = await write(tx, opts);
      if (rejected > 0) await tx.query(rejectsSql, [ctx.runId, def.entity]);
      await advanceWatermark(tx, d, def.entity, next);
      await addBatchCounts(tx, d, ctx.runId, def.entity, { extracted, upserted, softDeleted }, next);
      await phase('commit', batch);
      return { extracted, upserted, softDeleted, rejected, next };
    });
    if (outcome === undefined) break;
    wm = outcome.next;
    counts = reportBatch(ctx, counts, {
      rows: outcome.extracted, upserted: outcome.upserted, softDeleted: outcome.softDeleted,
      rejected: outcome.rejected, seconds: (performance.now() - started) / 1000, watermark: wm,
    });
    await phase('committed', batch);
    if (outcome.extracted < ctx.batchSize) break;
  }
  return { counts, watermark: wm };
}
