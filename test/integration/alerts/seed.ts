import type { Engine, SqlParam } from '../../../src/core/engine/types';

const ts = (d: Date | null): SqlParam => ({ value: d, type: { kind: 'timestamp', precision: 3 } });

/** One run of one entity, as the ETL records it in audit.etl_run and audit.etl_run_entity. */
export async function recordRun(db: Engine, entity: string, status: 'success' | 'failed', startedAt: Date, error: string | null = null): Promise<void> {
  const finishedAt = new Date(startedAt.getTime() + 60_000);
  const run = await db.query<{ run_id: unknown }>(
    `INSERT INTO audit.etl_run (entities_requested, started_by, started_at, finished_at, status, entities_succeeded, entities_failed, error_message)
     VALUES ($1, 'alerts test', $2, $3, $4, $5, $6, $7) RETURNING run_id`,
    [entity, ts(startedAt), ts(finishedAt), status, status === 'success' ? 1 : 0, status === 'failed' ? 1 : 0, error],
  );
  await db.query(
    'INSERT INTO audit.etl_run_entity (run_id, entity_name, status, error_message, started_at, finished_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [Number(run.rows[0]?.run_id), entity, status, error, ts(startedAt), ts(finishedAt)],
  );
}

export async function setControl(
  db: Engine, entity: string, values: { active?: boolean; status?: string | null; watermark?: Date; lastSuccess?: Date | null },
): Promise<void> {
  if (values.active !== undefined) await db.query('UPDATE ctl.etl_control SET is_active = $2 WHERE entity_name = $1', [entity, values.active]);
  if (values.status !== undefined) await db.query('UPDATE ctl.etl_control SET last_status = $2 WHERE entity_name = $1', [entity, values.status]);
  if (values.watermark !== undefined) await db.query('UPDATE ctl.etl_control SET watermark_updated_at = $2 WHERE entity_name = $1', [entity, ts(values.watermark)]);
  if (values.lastSuccess !== undefined) await db.query('UPDATE ctl.etl_control SET last_success_at = $2 WHERE entity_name = $1', [entity, ts(values.lastSuccess)]);
}

/** The alerts' expected open keys after `seedScenario`. */
export const SCENARIO_KEYS = ['dim_cliente|etl_failure', 'dim_produto|sla_no_recent_run', 'dim_produto|sla_watermark_delay', 'fact_vendas|etl_recurrent_failure'];

/**
 * Three active entities around `now`: dim_cliente's last run failed (1 of 3 runs); dim_produto's
 * watermark is 200 minutes old and its last run 26 hours; fact_vendas failed 2 of its 4 runs of
 * the last 7 days (a fifth, 8 days old, is outside). dim_regiao failed but is not active.
 * With a failure-rate threshold of 0.5 (settings of the suites) these open SCENARIO_KEYS.
 */
export async function seedScenario(db: Engine, now: Date): Promise<void> {
  const ago = (minutes: number): Date => new Date(now.getTime() - minutes * 60_000);
  await db.batch('TRUNCATE audit.etl_run_entity, audit.etl_run RESTART IDENTITY CASCADE');
  await db.query('UPDATE ctl.etl_control SET is_active = false, last_status = NULL, last_success_at = NULL');
  await db.batch('DELETE FROM ctl.alert_state');
  for (const e of ['dim_cliente', 'dim_produto', 'fact_vendas']) await setControl(db, e, { active: true, status: 'success', watermark: ago(10), lastSuccess: ago(10) });
  await setControl(db, 'dim_cliente', { status: 'failed', watermark: ago(30), lastSuccess: ago(120) });
  await recordRun(db, 'dim_cliente', 'success', ago(240));
  await recordRun(db, 'dim_cliente', 'success', ago(121));
  await recordRun(db, 'dim_cliente', 'failed', ago(10), 'could not connect to server: Connection refused');
  await setControl(db, 'dim_produto', { watermark: ago(200), lastSuccess: ago(26 * 60) });
  await recordRun(db, 'dim_produto', 'success', ago(26 * 60 + 1));
  for (const [minutes, status] of [[8 * 1440, 'failed'], [3 * 1440, 'failed'], [2 * 1440, 'failed'], [1440, 'success'], [21, 'success']] as const) {
    await recordRun(db, 'fact_vendas', status, ago(minutes), status === 'failed' ? 'deadlock' : null);
  }
  await setControl(db, 'dim_regiao', { status: 'failed', watermark: ago(10) });
  await recordRun(db, 'dim_regiao', 'failed', ago(5), 'boom');
}
