import type { Queryable } from '../../engine/types';
import type { EtlDialect } from '../dialect/types';
import type { EntityDefinition } from '../definition/types';

/** Where an entity's incremental window starts: the last (updated_at, id) loaded. */
export interface Watermark {
  /** ISO text at the column's full precision (`1900-01-01T00:00:00.000000`). */
  readonly updatedAt: string;
  readonly id: string;
}

export const INITIAL_WATERMARK: Watermark = { updatedAt: '1900-01-01T00:00:00', id: '0' };

/**
 * Whether an entity starts from the beginning (its first load, a full reload, a reset). The
 * server writes the watermark's text: SQL Server's ISO style has a `T` where Babelfish for
 * PostgreSQL writes a space, so only the second and the key are compared.
 */
export function isInitialWatermark(w: Watermark): boolean {
  return w.updatedAt.slice(0, 19).replace(' ', 'T') === INITIAL_WATERMARK.updatedAt && w.id === INITIAL_WATERMARK.id;
}

/** The runtime state of one entity, as `ctl.etl_control` keeps it. */
export interface EntityControl {
  readonly entity: string;
  readonly watermark: Watermark;
  readonly cutoffMinutes: number;
  readonly batchSize: number;
  readonly isActive: boolean;
}

/** The control rows, all or one entity's (read again under the entity's lock: another run may have moved it). */
export async function readControls(q: Queryable, d: EtlDialect, entity?: string): Promise<EntityControl[]> {
  const r = await q.query<Record<string, unknown>>(
    `SELECT entity_name, ${d.timestampText('watermark_updated_at')} AS wm_ts, CAST(watermark_id AS varchar(30)) AS wm_id,
        cutoff_minutes, batch_size, CAST(is_active AS int) AS active
      FROM ctl.etl_control${entity === undefined ? '' : ` WHERE entity_name = ${d.param(1)}`}`,
    entity === undefined ? [] : [entity],
  );
  return r.rows.map((row) => ({
    entity: String(row['entity_name']),
    watermark: { updatedAt: String(row['wm_ts']), id: String(row['wm_id']) },
    cutoffMinutes: Number(row['cutoff_minutes']),
    batchSize: Number(row['batch_size']),
    isActive: Number(row['active']) === 1,
  }));
}

/** Registers an entity that has a definition but no control row (inactive, default settings). */
export async function registerEntity(q: Queryable, d: EtlDialect, def: EntityDefinition): Promise<void> {
  const p = d.param;
  await q.query(
    `INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column)
      SELECT ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)} WHERE NOT EXISTS (SELECT 1 FROM ctl.etl_control WHERE entity_name = ${p(5)})`,
    [def.entity, def.source.table, def.target.table, def.source.key, def.entity],
  );
}

/** Moves the watermark; runs inside the batch's target transaction, with the merge. */
export async function advanceWatermark(tx: Queryable, d: EtlDialect, entity: string, wm: Watermark): Promise<void> {
  const p = d.param;
  await tx.query(
    `UPDATE ctl.etl_control SET watermark_updated_at = ${d.textTimestamp(p(1))}, watermark_id = ${p(2)}, updated_at = ${d.nowUtc}
      WHERE entity_name = ${p(3)}`,
    [wm.updatedAt, { value: wm.id, type: { kind: 'bigint' } }, entity],
  );
}

export async function resetWatermark(q: Queryable, d: EtlDialect, entity: string): Promise<void> {
  await advanceWatermark(q, d, entity, INITIAL_WATERMARK);
}

export async function recordEntityOutcome(
  q: Queryable,
  d: EtlDialect,
  entity: string,
  runId: number,
  status: EntityStatus,
): Promise<void> {
  const p = d.param;
  await q.query(
    `UPDATE ctl.etl_control SET last_run_id = ${p(1)}, last_status = ${p(2)}, updated_at = ${d.nowUtc}
        ${status === 'success' ? `, last_success_at = ${d.nowUtc}` : ''}
      WHERE entity_name = ${p(3)}`,
    [runId, status, entity],
  );
}

export type EntityStatus = 'success' | 'failed' | 'partial' | 'cancelled';
