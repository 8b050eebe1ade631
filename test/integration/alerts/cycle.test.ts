import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { alertSettings, AlertStateStore, runAlertCycle, type AlertCycleResult } from '../../../src/core/alerts';
import type { Engine } from '../../../src/core/engine/types';
import { createPgliteWarehouse, createPostgresWarehouse, reopen, type TestWarehouse } from '../etl/support/warehouse';
import { Receiver } from '../../unit/alerts/receiver';
import { recordRun, SCENARIO_KEYS, seedScenario, setControl } from './seed';

const root = path.resolve(__dirname, '../../..');
const T = new Date('2026-03-10T12:00:00.000Z');
const at = (minutes: number): Date => new Date(T.getTime() + minutes * 60_000);
const TOKEN = 'T0k3n-very-secret-0123456789';

const cases: readonly [string, () => Promise<TestWarehouse>][] = [
  ['PostgreSQL', () => createPostgresWarehouse('alerts')],
  ['PGlite', () => createPgliteWarehouse()],
];

for (const [label, create] of cases) {
  describe(`Alert evaluation, state in ctl.alert_state and delivery (${label})`, function () {
    this.timeout(120_000);
    let wh: TestWarehouse;
    let db: Engine;
    let rx: Receiver;
    const settings = (): ReturnType<typeof alertSettings> =>
      alertSettings({ rules: { etl_recurrent_failure: { threshold: 0.5 } }, webhooks: [{ name: 'ops', kind: 'json', urlEnv: 'OPS_HOOK' }], delivery: { retries: 1, backoffSeconds: 0.001, timeoutSeconds: 10 } });
    const cycle = (now: Date, engine: Engine = db): Promise<AlertCycleResult> =>
      runAlertCycle({ engine, settings: settings(), project: 'loja', now, webhookUrl: () => rx.url(TOKEN) });
    const sentKeys = (from = 0): string[] => rx.received.slice(from).map((r) => `${(r.body as { event: string }).event} ${(r.body as { key: string }).key}`).sort();

    before(async () => {
      wh = await create();
      db = wh.engine;
      await db.batch(readFileSync(path.join(root, 'sql/postgres/dw/10_alert_state.sql'), 'utf8'));
      await seedScenario(db, T);
      rx = await new Receiver().start();
    });
    after(async () => {
      await rx?.stop();
      await wh?.close();
    });

    it('reads each active entity\'s status equal to an independent query', async () => {
      const status = await new AlertStateStore(db, db.dialect).entityStatus(T);
      const expected = await db.query<{ entity_name: string; runs: unknown; failed: unknown; last_status: string | null; last_started: Date | null }>(`
        SELECT c.entity_name,
               (SELECT COUNT(*) FROM audit.etl_run_entity r WHERE r.entity_name = c.entity_name AND r.started_at BETWEEN $1 AND $2) AS runs,
               (SELECT COUNT(*) FROM audit.etl_run_entity r WHERE r.entity_name = c.entity_name AND r.status = 'failed' AND r.started_at BETWEEN $1 AND $2) AS failed,
               (SELECT r.status FROM audit.etl_run_entity r WHERE r.entity_name = c.entity_name ORDER BY r.finished_at DESC LIMIT 1) AS last_status,
               (SELECT MAX(r.started_at) FROM audit.etl_run_entity r WHERE r.entity_name = c.entity_name) AS last_started
          FROM ctl.etl_control c WHERE c.is_active ORDER BY c.entity_name`,
      [{ value: new Date(T.getTime() - 7 * 86_400_000), type: { kind: 'timestamp', precision: 3 } }, { value: T, type: { kind: 'timestamp', precision: 3 } }]);
      assert.deepEqual(
        status.map((s) => [s.entityName, s.runs7d, s.failedRuns7d, s.lastRunStatus, s.lastRunStartedAt?.toISOString()]),
        expected.rows.map((r) => [r.entity_name, Number(r.runs), Number(r.failed), r.last_status, r.last_started?.toISOString()]),
      );
      assert.deepEqual(status.map((s) => s.entityName), ['dim_cliente', 'dim_produto', 'fact_vendas']);
    });

    it('opens the four alerts and delivers each once', async () => {
      const r = await cycle(T);
      assert.deepEqual(r.findings.map((f) => f.key).sort(), SCENARIO_KEYS);
      assert.deepEqual(r.events.map((e) => [e.event.kind, e.event.key, e.delivered]).sort(), SCENARIO_KEYS.map((k) => ['opened', k, true]));
      assert.deepEqual(sentKeys(), SCENARIO_KEYS.map((k) => `opened ${k}`));
      assert.ok(rx.received.every((x) => x.path === `/api/webhooks/42/${TOKEN}`));
      const rows = await db.query<{ alert_key: string; status: string; last_sent_at: Date }>('SELECT alert_key, status, last_sent_at FROM ctl.alert_state ORDER BY alert_key');
      assert.deepEqual(rows.rows.map((x) => [x.alert_key, x.status, x.last_sent_at.toISOString()]), SCENARIO_KEYS.map((k) => [k, 'open', T.toISOString()]));
      assert.deepEqual(r.open.map((o) => o.key), SCENARIO_KEYS);
    });

    it('stays quiet within the cooldown', async () => {
      const before = rx.received.length;
      const r = await cycle(at(5));
      assert.deepEqual(r.events, []);
      assert.equal(rx.received.length, before);
      assert.equal(r.open.length, 4);
    });

    it('resolves an alert whose condition ended, and delivers the resolution', async () => {
      const before = rx.received.length;
      await recordRun(db, 'dim_cliente', 'success', at(6));
      await setControl(db, 'dim_cliente', { status: 'success' });
      const r = await cycle(at(8));
      assert.deepEqual(r.events.map((e) => [e.event.kind, e.event.key]), [['resolved', 'dim_cliente|etl_failure']]);
      assert.deepEqual(sentKeys(before), ['resolved dim_cliente|etl_failure']);
      const row = (await db.query<{ status: string; resolved_at: Date }>(`SELECT status, resolved_at FROM ctl.alert_state WHERE alert_key = 'dim_cliente|etl_failure'`)).rows[0];
      assert.deepEqual([row?.status, row?.resolved_at.toISOString()], ['resolved', at(8).toISOString()]);
    });

    it('reminds of the alerts still open once the cooldown passed', async () => {
      const before = rx.received.length;
      const r = await cycle(at(40));
      assert.deepEqual(r.events.map((e) => `${e.event.kind} ${e.event.key}`).sort(), SCENARIO_KEYS.slice(1).map((k) => `reminder ${k}`));
      assert.equal(rx.received.length, before + 3);
    });

    it('keeps an alert whose delivery failed due, records the error without the URL, and delivers it next time', async () => {
      await recordRun(db, 'dim_cliente', 'failed', at(41), 'again');
      await setControl(db, 'dim_cliente', { status: 'failed' });
      rx.replies.push(500, 500);
      const failed = await cycle(at(42));
      assert.deepEqual(failed.events.map((e) => [e.event.kind, e.event.key, e.delivered]), [['opened', 'dim_cliente|etl_failure', false]]);
      const row = (await db.query<{ last_sent_at: Date | null; delivery_error: string }>(`SELECT last_sent_at, delivery_error FROM ctl.alert_state WHERE alert_key = 'dim_cliente|etl_failure'`)).rows[0];
      assert.equal(row?.last_sent_at, null);
      assert.match(row?.delivery_error ?? '', /^webhook 'ops' \(json, URL from OPS_HOOK = http:\/\/127\.0\.0\.1:\d+\/\*\*\*\): HTTP 500 Internal Server Error after 2 attempts\.$/);
      const retried = await cycle(at(43));
      assert.deepEqual(retried.events.map((e) => [e.event.kind, e.event.key, e.delivered]), [['opened', 'dim_cliente|etl_failure', true]]);
      const after = (await db.query<{ delivery_error: string | null }>(`SELECT delivery_error FROM ctl.alert_state WHERE alert_key = 'dim_cliente|etl_failure'`)).rows[0];
      assert.equal(after?.delivery_error, null);
    });

    it('two evaluators at once deliver a new alert once', async () => {
      await setControl(db, 'dim_regiao', { active: true });
      const before = rx.received.length;
      const other = label === 'PGlite' ? db : await reopen(wh.name);
      try {
        const [a, b] = await Promise.all([cycle(at(45)), cycle(at(45), other)]);
        const opened = [...a.events, ...b.events].filter((e) => e.event.key.startsWith('dim_regiao|'));
        assert.deepEqual(opened.map((e) => [e.event.kind, e.event.key]), [['opened', 'dim_regiao|etl_failure']]);
        assert.deepEqual(sentKeys(before).filter((k) => k.includes('dim_regiao')), ['opened dim_regiao|etl_failure']);
      } finally {
        if (other !== db) await other.close();
      }
    });
  });
}
