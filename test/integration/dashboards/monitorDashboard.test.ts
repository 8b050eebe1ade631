import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { monitorHandler } from '../../../src/core/dashboard/handler';
import { MonitorQueries } from '../../../src/core/monitor/load';
import { DEFAULT_AUDIT_FILTERS, type ConnectionAuditFilters, type MonitorInitialState } from '../../../src/protocol/monitor';
import { skipBecause } from '../../support/skip';
import { chromiumAvailable, openDashboardBrowser, type DashboardBrowser } from './browserHarness';
import { createDashboardWarehouse, type DashboardWarehouse } from './warehouseFixture';

const root = path.resolve(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts', 'dashboards');

async function scalar(w: DashboardWarehouse, sql: string, params: unknown[] = []): Promise<number> {
  const r = await w.engine.query(sql, params as never);
  return Number(Object.values(r.rows[0] ?? {})[0]);
}

async function rerendered(b: DashboardBrowser, action: () => Promise<void>): Promise<void> {
  const before = await b.page.getAttribute('main', 'data-rendered');
  await action();
  await b.page.waitForFunction((t) => document.querySelector('main')?.getAttribute('data-rendered') !== t, before);
}

describe('ETL monitor in headless Chromium (PostgreSQL)', function () {
  let w: DashboardWarehouse;
  let b: DashboardBrowser;
  let queries: MonitorQueries;
  const revealed: string[] = [];
  const ran: string[] = [];

  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    w = await createDashboardWarehouse({ sales: 200, runs: 300, events: 3000 });
    queries = new MonitorQueries(w.engine, 'postgres');
    b = await openDashboardBrowser(monitorHandler(queries, {
      runEntity: (e) => { ran.push(e); return Promise.resolve(true); },
      revealEntity: (e) => { revealed.push(e); return Promise.resolve(); },
    }));
    const state: MonitorInitialState = { kind: 'monitor', language: 'en', data: await queries.load(DEFAULT_AUDIT_FILTERS), snapshot: false, autoRefreshSeconds: 0 };
    await b.open('monitor', state, 'light');
  });

  after(async () => {
    await b?.close();
    await w?.close();
  });

  it('shows runs, control, health, failures and connection counts as independent queries compute them', async () => {
    const shown = await b.page.evaluate(() => {
      const cells = (panel: string, key: string) => [...document.querySelectorAll(`[data-testid="${panel}"] tbody td[data-key="${key}"]`)].map((td) => td.textContent ?? '');
      return {
        recent: cells('recentRuns', 'runId').map(Number),
        running: cells('running', 'runId').map(Number),
        controlEntities: cells('control', 'entity'),
        active: cells('control', 'isActive'),
        health: Object.fromEntries(cells('health', 'entity').map((e, i) => [e, Number(cells('health', 'targetCount')[i])])),
        failures: [...document.querySelectorAll('[data-testid="failures"] li')].reduce((n, li) => n + Number(li.getAttribute('data-count')), 0),
        auditTotal: Number(document.querySelector('[data-testid="audit-total"]')?.getAttribute('data-value')),
        preflight: [...document.querySelectorAll('[data-testid="preflight"] li')].map((li) => li.getAttribute('data-ok')),
      };
    });
    const recent = (await w.engine.query('SELECT run_id FROM audit.etl_run ORDER BY started_at DESC LIMIT 50')).rows.map((r) => Number(r['run_id']));
    assert.deepEqual(shown.recent, recent);
    assert.deepEqual(shown.running, (await w.engine.query("SELECT run_id FROM audit.etl_run WHERE status = 'running'")).rows.map((r) => Number(r['run_id'])));
    const control = (await w.engine.query('SELECT entity_name, is_active FROM ctl.etl_control ORDER BY entity_name')).rows;
    assert.deepEqual(shown.controlEntities, control.map((r) => r['entity_name']));
    assert.deepEqual(shown.active, control.map((r) => (r['is_active'] ? 'yes' : 'no')));
    assert.equal(shown.health['dim_produto'], await scalar(w, 'SELECT count(*) FROM dim.dim_produto WHERE produto_id <> -1'));
    assert.equal(shown.health['fact_vendas'], await scalar(w, 'SELECT count(*) FROM fact.fact_vendas'));
    assert.equal(shown.failures, await scalar(w, `SELECT count(*) FROM audit.etl_run_entity e JOIN audit.etl_run r USING (run_id)
      WHERE e.status = 'failed' AND r.started_at >= (now() AT TIME ZONE 'UTC') - interval '14 days'`));
    assert.ok(shown.failures > 0);
    assert.equal(shown.auditTotal, await scalar(w, "SELECT count(*) FROM audit.connection_login_events WHERE captured_at >= (now() AT TIME ZONE 'UTC') - interval '24 hours'"));
    assert.deepEqual(shown.preflight, ['true', 'true', 'true', 'true', 'true', 'true']);
  });

  it('filters the connection audit through the protocol', async () => {
    await rerendered(b, () => b.page.evaluate(() => {
      const select = document.querySelector('[data-testid="audit-login"]') as HTMLElement & { value: string };
      select.value = 'postgres';
      select.dispatchEvent(new Event('change'));
    }));
    const sent = b.requests.at(-1) as { method: string; params: { audit: ConnectionAuditFilters } };
    assert.equal(sent.method, 'monitor/load');
    assert.equal(sent.params.audit.login, 'postgres');
    const total = Number(await b.page.getAttribute('[data-testid="audit-total"]', 'data-value'));
    assert.equal(total, await scalar(w, "SELECT count(*) FROM audit.connection_login_events WHERE login_name = 'postgres' AND captured_at >= (now() AT TIME ZONE 'UTC') - interval '24 hours'"));
    const logins = await b.page.$$eval('[data-testid="topLogins"] li', (lis) => lis.map((li) => li.getAttribute('data-label')));
    assert.deepEqual(logins, ['postgres']);
  });

  it('opens a run’s per-entity detail with the keyboard and reveals an entity on click', async () => {
    const runId = Number(await b.page.textContent('[data-testid="recentRuns"] tbody tr:nth-child(2) td[data-key="runId"]'));
    await b.page.focus('[data-testid="recentRuns"] tbody tr:nth-child(2)');
    await rerendered(b, () => b.page.keyboard.press('Enter'));
    const entities = await b.page.$$eval('[data-testid="runDetail"] tbody td[data-key="entity"]', (tds) => tds.map((td) => td.textContent));
    const want = (await w.engine.query('SELECT entity_name FROM audit.etl_run_entity WHERE run_id = $1 ORDER BY started_at, entity_name', [runId])).rows.map((r) => r['entity_name']);
    assert.deepEqual(entities, want);
    await b.page.click('[data-testid="runDetail"] tbody td[data-key="entity"] button');
    await b.page.waitForFunction(() => true);
    for (let i = 0; i < 50 && revealed.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(revealed, [want[0]]);
  });

  it('runs the inline actions of ctl.etl_control against the database', async () => {
    await rerendered(b, () => b.page.click('[data-testid="reset-dim_cliente"]'));
    const [row] = (await w.engine.query("SELECT watermark_id, to_char(watermark_updated_at, 'YYYY-MM-DD') AS ts, is_active FROM ctl.etl_control WHERE entity_name = 'dim_cliente'")).rows;
    assert.equal(Number(row?.['watermark_id']), 0);
    assert.equal(row?.['ts'], '1900-01-01');
    await rerendered(b, () => b.page.click('[data-testid="toggle-dim_cliente"]'));
    assert.equal(await scalar(w, "SELECT count(*) FROM ctl.etl_control WHERE entity_name = 'dim_cliente' AND NOT is_active"), 1);
    await rerendered(b, () => b.page.click('[data-testid="run-fact_vendas"]'));
    assert.deepEqual(ran, ['fact_vendas']);
    const before = await scalar(w, 'SELECT count(*) FROM audit.connection_login_events');
    await rerendered(b, () => b.page.click('[data-testid="capture-snapshot"]'));
    assert.ok((await scalar(w, 'SELECT count(*) FROM audit.connection_login_events')) > before);
  });

  it('keeps screenshots of the monitor in light and dark themes', async () => {
    mkdirSync(artifacts, { recursive: true });
    await b.page.screenshot({ path: path.join(artifacts, 'monitor-light.png'), fullPage: true });
    const state: MonitorInitialState = { kind: 'monitor', language: 'pt-BR', data: await queries.load(DEFAULT_AUDIT_FILTERS), snapshot: false, autoRefreshSeconds: 0 };
    await b.open('monitor', state, 'dark');
    await b.page.screenshot({ path: path.join(artifacts, 'monitor-dark.png'), fullPage: true });
    assert.deepEqual(b.errors, []);
  });
});
