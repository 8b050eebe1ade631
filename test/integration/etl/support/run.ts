import path from 'node:path';
import type { Engine } from '../../../../src/core/engine/types';
import { loadEntityDefinitions } from '../../../../src/core/etl/definition/load';
import type { EtlEvent } from '../../../../src/core/etl/run/events';
import { runEtl, type EtlRunOptions, type EtlRunResult } from '../../../../src/core/etl/run/run';

export const DEFINITIONS = loadEntityDefinitions(path.resolve(__dirname, '../../../../etl/entities'));

export async function setControl(engine: Engine, entity: string, values: { batchSize?: number; cutoffMinutes?: number }): Promise<void> {
  if (values.batchSize !== undefined) await engine.query('UPDATE ctl.etl_control SET batch_size = $1 WHERE entity_name = $2', [values.batchSize, entity]);
  if (values.cutoffMinutes !== undefined) {
    await engine.query('UPDATE ctl.etl_control SET cutoff_minutes = $1 WHERE entity_name = $2', [values.cutoffMinutes, entity]);
  }
}

export async function run(
  engine: Engine,
  extra: Partial<EtlRunOptions> = {},
): Promise<{ result: EtlRunResult; events: EtlEvent[] }> {
  const events: EtlEvent[] = [];
  const result = await runEtl({
    source: engine,
    target: engine,
    definitions: DEFINITIONS,
    entities: ['dim_cliente'],
    startedBy: 'test',
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { result, events };
}

export async function watermarkOf(engine: Engine, entity: string): Promise<{ ts: string; id: string }> {
  const r = await engine.query<{ ts: string; id: string }>(
    `SELECT to_char(watermark_updated_at, 'YYYY-MM-DD HH24:MI:SS') AS ts, CAST(watermark_id AS text) AS id
      FROM ctl.etl_control WHERE entity_name = $1`,
    [entity],
  );
  return r.rows[0] as { ts: string; id: string };
}

export async function count(engine: Engine, sql: string, params: readonly unknown[] = []): Promise<number> {
  const r = await engine.query<{ n: unknown }>(sql, params as never);
  return Number(r.rows[0]?.n);
}
