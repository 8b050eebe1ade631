import type { Queryable } from '../../engine/types';
import type { EntityDefinition } from '../definition/types';
import type { EtlDialect } from '../dialect/types';
import type { Watermark } from './control';

/** The largest key: a watermark at (ts, MAX_KEY) has taken every row updated at ts or before. */
export const MAX_KEY = '9223372036854775807';

const bigint = (v: string): { value: string; type: { kind: 'bigint' } } => ({ value: v, type: { kind: 'bigint' } });

/** Registers each trigger of the entity without a watermark row yet (initial watermark). */
export async function registerTriggers(q: Queryable, d: EtlDialect, def: EntityDefinition): Promise<void> {
  const p = d.param;
  for (const t of def.source.triggers ?? []) {
    await q.query(
      `INSERT INTO ctl.etl_trigger_watermark (entity_name, trigger_name, source_table)
        SELECT ${p(1)}, ${p(2)}, ${p(3)} WHERE NOT EXISTS (
          SELECT 1 FROM ctl.etl_trigger_watermark WHERE entity_name = ${p(4)} AND trigger_name = ${p(5)})`,
      [def.entity, t.name, t.table, def.entity, t.name],
    );
  }
}

/** The entity's trigger watermarks, by trigger name. */
export async function readTriggerWatermarks(q: Queryable, d: EtlDialect, entity: string): Promise<Map<string, Watermark>> {
  const r = await q.query<Record<string, unknown>>(
    `SELECT trigger_name, ${d.timestampText('watermark_updated_at')} AS wm_ts, CAST(watermark_id AS varchar(30)) AS wm_id
      FROM ctl.etl_trigger_watermark WHERE entity_name = ${d.param(1)}`,
    [entity],
  );
  return new Map(r.rows.map((row) => [String(row['trigger_name']), { updatedAt: String(row['wm_ts']), id: String(row['wm_id']) }]));
}

/** Moves one trigger's watermark; runs inside the trigger page's target transaction, with its merge. */
export async function advanceTriggerWatermark(tx: Queryable, d: EtlDialect, entity: string, trigger: string, wm: Watermark): Promise<void> {
  const p = d.param;
  await tx.query(
    `UPDATE ctl.etl_trigger_watermark SET watermark_updated_at = ${d.textTimestamp(p(1))}, watermark_id = ${p(2)}, updated_at = ${d.nowUtc}
      WHERE entity_name = ${p(3)} AND trigger_name = ${p(4)}`,
    [wm.updatedAt, bigint(wm.id), entity, trigger],
  );
}

/**
 * The watermark that marks a trigger caught up with a load that read every source row up to
 * `cutoff`: the cutoff's whole second (the column keeps seconds; rounding up could pass rows the
 * load did not see) with the largest key.
 */
export function caughtUpAt(cutoff: string): Watermark {
  return { updatedAt: cutoff.slice(0, 19), id: MAX_KEY };
}
