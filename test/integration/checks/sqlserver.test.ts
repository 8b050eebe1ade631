import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { alertSettings, evaluateRules, runAlertCycle, AlertStateStore } from '../../../src/core/alerts';
import { checkCatalog, readCheckResults, recordCheckReport, recordedCheckLocation, runChecks } from '../../../src/core/checks';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import { splitTsql } from '../../../src/core/script/tsqlSplitter';
import { warehouseScripts } from '../../../src/core/warehouse/scripts';
import { skipBecause } from '../../support/skip';
import { independentValues } from './independent';

const root = path.resolve(__dirname, '../../..');

/** `host=..;port=..;user=..;password=..` from DW_TEST_MSSQL (a throw-away instance: the scripts create DW_ECOMMERCE). */
function config(): { host: string; port: number; user: string; password: string } | undefined {
  const raw = process.env['DW_TEST_MSSQL'];
  if (raw === undefined || raw === '') return undefined;
  const parts = new Map(raw.split(';').filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()] as const));
  return { host: parts.get('host') ?? '127.0.0.1', port: Number(parts.get('port') ?? 1433), user: parts.get('user') ?? 'sa', password: parts.get('password') ?? '' };
}

const variables = {
  DIM_DATA_START: '2024-01-01', DIM_DATA_END: '2026-12-31', AUDIT_PATH: '/var/opt/mssql/audit/',
  ETL_MONITOR_PASSWORD: 'Monitor-test-1!', ETL_BACKUP_PASSWORD: 'Backup-test-1!', ETL_ACTIVE_ENTITIES: 'dim_cliente',
};

describe('warehouse checks and alerts in T-SQL (SQL Server, DW_TEST_MSSQL)', function () {
  this.timeout(600_000);
  let dw: Engine;
  before(async function () {
    const c = config();
    if (c === undefined) skipBecause(this, 'SQL Server cannot run on this machine; set DW_TEST_MSSQL="host=..;port=..;user=sa;password=.." (a throw-away instance) to run it');
    const master = await createEngine({ engine: 'sqlserver', ...c, database: 'master', trustServerCertificate: true });
    const session = await master.session();
    try {
      for (const script of warehouseScripts('sqlserver').filter((s) => s.group !== 'security')) {
        const file = path.join(root, 'sql', script.path);
        const plan = await splitTsql(await readFile(file, 'utf8'), { file, readFile: (p) => readFile(p), variables });
        for (const b of plan.batches) await session.batch(b.text);
      }
    } finally {
      await session.release();
      await master.close();
    }
    dw = await createEngine({ engine: 'sqlserver', ...c, database: 'DW_ECOMMERCE', trustServerCertificate: true });
  });
  after(async () => {
    if (dw !== undefined) await dw.close();
  });

  it('runs every built-in check without a SQL error, each value equal to an independent query', async () => {
    const report = await runChecks(dw, checkCatalog({ dialect: 'sqlserver', entityFiles: [], scriptPaths: [] }));
    assert.deepEqual(report.checks.filter((c) => c.error !== undefined).map((c) => [c.check, c.error]), []);
    assert.deepEqual(new Map(report.checks.map((c) => [c.check, c.value])), await independentValues(dw));
  });

  it('keeps the results in ctl.check_result and reads them back for the monitor; creates the table again on an older warehouse', async () => {
    // Two project checks that fail whatever the warehouse holds: an error and a warning with keys.
    const days = 'SELECT TOP (3) data_id FROM dim.DIM_DATA WHERE data_id > 0 ORDER BY data_id';
    const checks = checkCatalog({
      dialect: 'sqlserver', entityFiles: [], scriptPaths: [path.join(root, 'sql/sqlserver/dw')],
      checks: { custom: [{ name: 'some_days', sql: days, severity: 'warning' }, { name: 'one_day', sql: 'SELECT MAX(data_id) AS data_id FROM dim.DIM_DATA' }] },
    });
    const report = await runChecks(dw, checks);
    const failed = report.checks.filter((c) => !c.ok);
    assert.deepEqual(['custom.some_days', 'custom.one_day'].filter((n) => !failed.some((c) => c.check === n)), []);
    const check = async (): Promise<void> => {
      const read = await readCheckResults(dw, 'sqlserver');
      assert.deepEqual([read.recorded, read.total, read.failed, read.errors, read.warnings],
        [true, report.summary.total_checks, report.summary.failed, report.summary.errors, report.summary.warnings]);
      assert.equal(read.lastCheckedBy, 'sqlserver test');
      assert.deepEqual(read.failedChecks.map((c) => [c.check, c.value]).sort(), failed.map((c) => [c.check, c.value]).sort());
      const severities = read.failedChecks.map((c) => c.severity);
      assert.deepEqual(severities, [...severities].sort((a, b) => (a === 'error' ? 0 : 1) - (b === 'error' ? 0 : 1)), 'errors first');
      const custom = read.failedChecks.find((c) => c.check === 'custom.some_days');
      assert.equal(custom?.severity, 'warning');
      assert.deepEqual(custom?.keys, (await dw.query(days)).rows.map((r) => ({ key: String(r['data_id']), rows: null })));
      // Every check is kept, passed or not: a coverage check points at its table's script, relative.
      const placed = await recordedCheckLocation(dw, 'sqlserver', 'coverage.fact_metas');
      assert.match(`${placed?.file}:${placed?.line}`, /^sql\/sqlserver\/dw\/05_facts\.sql:\d+$/);
    };
    await recordCheckReport(dw, report, { root, by: 'sqlserver test' });
    await check();
    await dw.batch('DROP TABLE ctl.check_result');
    assert.equal((await readCheckResults(dw, 'sqlserver')).recorded, false, 'a missing table is no result, not an error');
    assert.equal(await recordedCheckLocation(dw, 'sqlserver', 'coverage.fact_metas'), null);
    await recordCheckReport(dw, report, { root, by: 'sqlserver test' });
    await check();
  });

  it('evaluates the rules, opens and resolves alerts in ctl.alert_state', async () => {
    const now = new Date('2026-03-10T12:00:00.000Z');
    const ts = (minutes: number) => ({ value: new Date(now.getTime() - minutes * 60_000), type: { kind: 'timestamp' as const, precision: 3 } });
    await dw.batch('DELETE FROM audit.etl_reject; DELETE FROM audit.etl_run_entity; DELETE FROM audit.etl_run; DELETE FROM ctl.alert_state; UPDATE ctl.etl_control SET is_active = 0, last_status = NULL');
    await dw.query(`UPDATE ctl.etl_control SET is_active = 1, last_status = N'failed', watermark_updated_at = @p1, last_success_at = @p1 WHERE entity_name = N'dim_cliente'`, [ts(30)]);
    const run = await dw.query<{ run_id: unknown }>(`INSERT INTO audit.etl_run (entities_requested, started_by, started_at, finished_at, status) OUTPUT INSERTED.run_id VALUES (N'dim_cliente', N'test', @p1, @p2, N'failed')`, [ts(10), ts(9)]);
    await dw.query(`INSERT INTO audit.etl_run_entity (run_id, entity_name, status, error_message, started_at, finished_at) VALUES (@p1, N'dim_cliente', N'failed', N'boom', @p2, @p3)`, [Number(run.rows[0]?.run_id), ts(10), ts(9)]);
    const settings = alertSettings(undefined);
    const status = await new AlertStateStore(dw, 'sqlserver').entityStatus(now);
    assert.deepEqual(status.map((s) => [s.entityName, s.lastRunStatus, s.runs7d, s.failedRuns7d]), [['dim_cliente', 'failed', 1, 1]]);
    const first = await runAlertCycle({ engine: dw, settings, project: 't', now, webhookUrl: () => undefined });
    assert.deepEqual(first.open.map((o) => o.key), evaluateRules(status, settings, now).map((f) => f.key).sort());
    assert.ok(first.open.some((o) => o.key === 'dim_cliente|etl_failure'));
    await dw.batch('UPDATE ctl.etl_control SET is_active = 0');
    const second = await runAlertCycle({ engine: dw, settings, project: 't', now: new Date(now.getTime() + 60_000), webhookUrl: () => undefined });
    assert.deepEqual(second.open, []);
    assert.ok(second.events.every((e) => e.event.kind === 'resolved'));
  });
});
