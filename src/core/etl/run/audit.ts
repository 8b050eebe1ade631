import type { Queryable } from '../../engine/types';
import type { EtlDialect } from '../dialect/types';
import type { RejectedRow } from '../transform/transform';
import type { EntityStatus, Watermark } from './control';

export type RunStatus = 'running' | 'success' | 'failed' | 'partial' | 'cancelled';

/** Message for runs and entities that a crashed process left 'running'. */
export const INTERRUPTED_MESSAGE =
  'Interrupted: the process running it stopped before it finished; closed as failed by a later run. Its committed batches are kept.';

/** Opens `audit.etl_run` (status running) and returns its run_id. */
export async function openRun(q: Queryable, d: EtlDialect, entities: readonly string[], startedBy: string): Promise<number> {
  const p = d.param;
  const r = await q.query<Record<string, unknown>>(
    d.insertReturning(
      'audit.etl_run',
      ['entities_requested', 'started_by', 'started_at', 'status', 'entities_succeeded', 'entities_failed'],
      [p(1), p(2), d.nowUtc, `'running'`, '0', '0'],
      'run_id',
    ),
    [entities.join(','), startedBy],
  );
  return Number(r.rows[0]?.['run_id']);
}

export async function closeRun(
  q: Queryable,
  d: EtlDialect,
  runId: number,
  outcome: { status: RunStatus; succeeded: number; failed: number; error: string | null },
): Promise<void> {
  const p = d.param;
  await q.query(
    `UPDATE audit.etl_run SET finished_at = ${d.nowUtc}, status = ${p(1)}, entities_succeeded = ${p(2)},
        entities_failed = ${p(3)}, error_message = ${p(4)} WHERE run_id = ${p(5)}`,
    [outcome.status, outcome.succeeded, outcome.failed, outcome.error === null ? null : outcome.error.slice(0, 4000), runId],
  );
}

/**
 * Babelfish for PostgreSQL 4.2 sometimes plans the foreign key check of this INSERT again with
 * the schema mapped twice ("relation dw_ecommerce_dw_ecommerce_audit.etl_run does not exist"),
 * on a connection's second entity of a run; the same statement run again passes. Once only.
 */
const BABELFISH_FK_REPLAN = /relation "[^"]*_audit\.etl_run" does not exist/;

export async function openRunEntity(q: Queryable, d: EtlDialect, runId: number, entity: string, from: Watermark): Promise<void> {
  try {
    await insertRunEntity(q, d, runId, entity, from);
  } catch (e) {
    if (!(d.name === 'sqlserver' && e instanceof Error && BABELFISH_FK_REPLAN.test(e.message))) throw e;
    await insertRunEntity(q, d, runId, entity, from);
  }
}

async function insertRunEntity(q: Queryable, d: EtlDialect, runId: number, entity: string, from: Watermark): Promise<void> {
  const p = d.param;
  await q.query(
    `INSERT INTO audit.etl_run_entity (run_id, entity_name, status, extracted_count, upserted_count, soft_deleted_count,
        watermark_from_updated_at, watermark_from_id, watermark_to_updated_at, watermark_to_id, started_at)
      VALUES (${p(1)}, ${p(2)}, 'running', 0, 0, 0, ${d.textTimestamp(p(3))}, ${p(4)}, ${d.textTimestamp(p(3))}, ${p(4)}, ${d.nowUtc})`,
    [runId, entity, from.updatedAt, { value: from.id, type: { kind: 'bigint' } }],
  );
}

export interface BatchCounts {
  readonly extracted: number;
  readonly upserted: number;
  readonly softDeleted: number;
}

/** Adds a batch's counts; runs in the batch's target transaction, so counts match the data. */
export async function addBatchCounts(
  tx: Queryable,
  d: EtlDialect,
  runId: number,
  entity: string,
  counts: BatchCounts,
  to: Watermark,
): Promise<void> {
  const p = d.param;
  await tx.query(
    `UPDATE audit.etl_run_entity SET extracted_count = extracted_count + ${p(1)}, upserted_count = upserted_count + ${p(2)},
        soft_deleted_count = soft_deleted_count + ${p(3)}, watermark_to_updated_at = ${d.textTimestamp(p(4))}, watermark_to_id = ${p(5)}
      WHERE run_id = ${p(6)} AND entity_name = ${p(7)}`,
    [counts.extracted, counts.upserted, counts.softDeleted, to.updatedAt, { value: to.id, type: { kind: 'bigint' } }, runId, entity],
  );
}

export async function closeRunEntity(
  q: Queryable,
  d: EtlDialect,
  runId: number,
  entity: string,
  status: EntityStatus,
  error: string | null,
): Promise<void> {
  const p = d.param;
  await q.query(
    `UPDATE audit.etl_run_entity SET status = ${p(1)}, error_message = ${p(2)}, finished_at = ${d.nowUtc}
      WHERE run_id = ${p(3)} AND entity_name = ${p(4)}`,
    [status, error === null ? null : error.slice(0, 4000), runId, entity],
  );
}

/** Writes rejected source rows; runs in the batch's transaction. */
export async function writeRejects(
  tx: Queryable,
  runId: number,
  entity: string,
  rejects: readonly RejectedRow[],
): Promise<void> {
  if (rejects.length === 0) return;
  await tx.bulkLoad(
    { schema: 'audit', name: 'etl_reject' },
    [
      { name: 'run_id', type: { kind: 'bigint' } },
      { name: 'entity_name', type: { kind: 'text', length: 100 } },
      { name: 'source_key', type: { kind: 'text', length: 100 } },
      { name: 'column_name', type: { kind: 'text', length: 128 }, nullable: true },
      { name: 'rule_name', type: { kind: 'text', length: 100 }, nullable: true },
      { name: 'reason', type: { kind: 'text', length: 1000 } },
    ],
    rejects.map((r) => [runId, entity, r.sourceKey, r.column, r.rule, r.reason.slice(0, 1000)]),
  );
}

/**
 * When an interrupted entity row ends: the last moment its run is known to have worked on it (its
 * last committed batch, which stamps `ctl.etl_control.updated_at`, or its start), not the moment
 * a later run closed it, so its duration leaves out the downtime in between. Portable SQL.
 */
const LAST_SIGN_OF_LIFE = `COALESCE((SELECT CASE WHEN c.updated_at > etl_run_entity.started_at THEN c.updated_at END
      FROM ctl.etl_control c WHERE c.entity_name = etl_run_entity.entity_name), etl_run_entity.started_at)`;

/**
 * Closes what a crashed run left 'running' for this entity. Called while holding the entity's
 * lock, so no live run can own those rows.
 */
export async function closeInterruptedEntity(q: Queryable, d: EtlDialect, entity: string, currentRunId: number): Promise<number> {
  const p = d.param;
  const r = await q.query(
    `UPDATE audit.etl_run_entity SET status = 'failed', error_message = ${p(1)}, finished_at = ${LAST_SIGN_OF_LIFE}
      WHERE entity_name = ${p(2)} AND status = 'running' AND run_id <> ${p(3)}`,
    [INTERRUPTED_MESSAGE, entity, currentRunId],
  );
  return r.rowsAffected;
}

/** Run ids still marked running, other than ours: candidates for closing. */
export async function runningRuns(q: Queryable, d: EtlDialect, currentRunId: number): Promise<number[]> {
  const r = await q.query<Record<string, unknown>>(
    `SELECT run_id FROM audit.etl_run WHERE status = 'running' AND run_id <> ${d.param(1)}`,
    [currentRunId],
  );
  return r.rows.map((row) => Number(row['run_id']));
}

/** Closes a dead run and its running entities as failed; the run ends at its entities' last end or start. */
export async function closeInterruptedRun(q: Queryable, d: EtlDialect, runId: number): Promise<void> {
  const p = d.param;
  await q.query(
    `UPDATE audit.etl_run_entity SET status = 'failed', error_message = ${p(1)}, finished_at = ${LAST_SIGN_OF_LIFE}
      WHERE run_id = ${p(2)} AND status = 'running'`,
    [INTERRUPTED_MESSAGE, runId],
  );
  await q.query(
    `UPDATE audit.etl_run SET status = 'failed', error_message = ${p(1)},
        finished_at = COALESCE((SELECT MAX(COALESCE(e.finished_at, e.started_at)) FROM audit.etl_run_entity e WHERE e.run_id = ${p(2)}), etl_run.started_at),
        entities_failed = (SELECT COUNT(*) FROM audit.etl_run_entity e WHERE e.run_id = ${p(2)} AND e.status = 'failed'),
        entities_succeeded = (SELECT COUNT(*) FROM audit.etl_run_entity e WHERE e.run_id = ${p(2)} AND e.status = 'success')
      WHERE run_id = ${p(2)} AND status = 'running'`,
    [INTERRUPTED_MESSAGE, runId],
  );
}
