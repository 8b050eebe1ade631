import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { monitorHandler } from '../../../src/core/dashboard/handler';
import { MonitorQueries } from '../../../src/core/monitor/load';
import { DEFAULT_AUDIT_FILTERS, type ConnectionAuditFilters, type MonitorInitialState } from '../../../src/protocol/monitor';
import { skipBecause } from '../../support/skip';
import { chromiumAvailable, openDashboardBrowser, type DashboardBrowser } from './browserHarness';
import { createEtlWarehouse, type EtlWarehouse } from './etlWarehouse';
import { createDashboardWarehouse, type DashboardWarehouse } from './warehouseFixture';
import { ensureBuilt } from '../../support/build';

const root = path.resolve(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts', 'dashboards');

async function scalar(w: { engine: DashboardWarehouse['engine'] }, sql: string, params: unknown[] = []): Promise<number> {
  const r = await w.engine.query(sql, params as never);
  return Number(Object.values(r.rows[0] ?? {})[0]);
}

async function rerendered(b: DashboardBrowser, action: () => Promise<unknown>): Promise<void> {
  const before = await b.page.getAttribute('main', 'data-rendered');
  await action();
  await b.page.waitForFunction((t) => document.querySelector('main')?.getAttribute('data-rendered') !== t, before);
}

const FAILURE = 'deadlock detected (injected while extracting)';
const WINDOW = "(now() AT TIME ZONE 'UTC') - interval '14 days'";

async function rows(w: EtlWarehouse, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return (await w.engine.query(sql, params as never)).rows;
}

/** Rows of a table without a dimension's unknown member (surrogate key -1), found by its primary key. */
async function targetCount(w: EtlWarehouse, table: string): Promise<number> {
  const [schema, name] = table.split('.') as [string, string];
  const pk = (await rows(w, `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = to_regclass($1) AND i.indisprimary`, [table]))[0]?.['attname'] as string;
  return scalar(w, `SELECT count(*) FROM "${schema}"."${name}" WHERE ${schema === 'dim' ? `"${pk}" <> -1` : 'true'}`);
}

/**
 * On the data a user has: a PostgreSQL warehouse after the project's bootstrap plan (generator at
 * a small scale), the ETL of every entity (initial and incremental), then a run in which
 * dim_produto really fails (the runner's failure path, triggered between its phases), and a
 * connection snapshot by the warehouse's own procedure. Every panel against an independent query.
 */
describe('ETL monitor in headless Chromium (PostgreSQL, bootstrap + generator + ETL)', function () {
  this.timeout(600_000);
  let w: EtlWarehouse;
  let b: DashboardBrowser;
  let queries: MonitorQueries;
  const revealed: string[] = [];
  const ran: string[] = [];
  /** Entities whose reset the host was asked to confirm, and the user's next answer. */
  const confirmations: string[] = [];
  let confirmReset = false;

  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    ensureBuilt();
    w = await createEtlWarehouse({ failure: { entities: ['dim_cliente', 'dim_produto'], failing: 'dim_produto', message: FAILURE } });
    queries = new MonitorQueries(w.engine, 'postgres');
    b = await openDashboardBrowser(monitorHandler(queries, {
      runEntity: (e) => { ran.push(e); return Promise.resolve(true); },
      revealEntity: (e) => { revealed.push(e); return Promise.resolve(); },
      confirmResetWatermark: (e) => { confirmations.push(e); return Promise.resolve(confirmReset); },
    }));
    const state: MonitorInitialState = { kind: 'monitor', language: 'en', data: await queries.load(DEFAULT_AUDIT_FILTERS), snapshot: false, autoRefreshSeconds: 0 };
    await b.open('monitor', state, 'light');
  });

  after(async () => {
    await b?.close();
    await w?.close();
  });

  it('shows runs, timeline, status per day, volume, control, health, failures and connections as independent queries compute them', async () => {
    const shown = await b.page.evaluate(() => {
      const cells = (panel: string, key: string) => [...document.querySelectorAll(`[data-testid="${panel}"] tbody td[data-key="${key}"]`)].map((td) => td.textContent ?? '');
      const values = (panel: string, key: string) => [...document.querySelectorAll(`[data-testid="${panel}"] tbody td[data-key="${key}"]`)]
        .map((td) => (td.getAttribute('data-value') === null ? null : Number(td.getAttribute('data-value'))));
      return {
        recent: values('recentRuns', 'runId'),
        recentFailed: values('recentRuns', 'failed'),
        running: values('running', 'runId'),
        timeline: [...document.querySelectorAll('[data-testid="timeline"] .timeline-row')].map((r) => [r.getAttribute('data-entity'), Number(r.getAttribute('data-runs'))]),
        perDay: [...document.querySelectorAll('[data-testid="statusPerDay"] li')].map((li) => [li.getAttribute('data-day'), Number(li.getAttribute('data-runs'))]),
        volume: [...document.querySelectorAll('[data-testid="volume"] li')].map((li) => [li.getAttribute('data-label'), Number(li.getAttribute('data-value'))]),
        controlEntities: cells('control', 'entity'),
        active: cells('control', 'isActive'),
        lastStatus: cells('control', 'lastStatus'),
        health: cells('health', 'entity').map((e, i) => [e, values('health', 'sourceCount')[i], values('health', 'targetCount')[i]]),
        failures: [...document.querySelectorAll('[data-testid="failures"] li')].map((li) => [li.getAttribute('data-kind'), Number(li.getAttribute('data-count'))]),
        correlation: values('correlation', 'runId'),
        auditTotal: Number(document.querySelector('[data-testid="audit-total"]')?.getAttribute('data-value')),
        preflight: [...document.querySelectorAll('[data-testid="preflight"] li')].map((li) => li.getAttribute('data-ok')),
      };
    });
    const runIds = (await rows(w, 'SELECT run_id, entities_failed FROM audit.etl_run ORDER BY started_at DESC LIMIT 50'));
    assert.deepEqual(shown.recent, runIds.map((r) => Number(r['run_id'])));
    assert.deepEqual(shown.recentFailed, runIds.map((r) => Number(r['entities_failed'])));
    assert.equal(shown.recent.length, 3, 'initial, incremental and the failed run');
    assert.deepEqual(shown.running, (await rows(w, "SELECT run_id FROM audit.etl_run WHERE status = 'running'")).map((r) => Number(r['run_id'])));
    assert.deepEqual(shown.timeline, (await rows(w, `SELECT e.entity_name, count(*)::int AS n FROM audit.etl_run_entity e JOIN audit.etl_run r USING (run_id)
      WHERE r.started_at >= ${WINDOW} GROUP BY 1 ORDER BY 1`)).map((r) => [r['entity_name'], r['n']]));
    assert.deepEqual(shown.perDay, (await rows(w, `SELECT to_char(started_at, 'YYYY-MM-DD') AS d, count(*)::int AS n FROM audit.etl_run
      WHERE started_at >= ${WINDOW} GROUP BY 1 ORDER BY 1`)).map((r) => [r['d'], r['n']]));
    assert.deepEqual(shown.volume, (await rows(w, `SELECT e.entity_name, sum(e.upserted_count)::int AS n FROM audit.etl_run_entity e JOIN audit.etl_run r USING (run_id)
      WHERE r.started_at >= ${WINDOW} GROUP BY 1 ORDER BY 1`)).map((r) => [r['entity_name'], r['n']]));
    const control = await rows(w, 'SELECT entity_name, is_active, last_status, source_table, target_table FROM ctl.etl_control ORDER BY entity_name');
    assert.equal(control.length, 9);
    assert.deepEqual(shown.controlEntities, control.map((r) => r['entity_name']));
    assert.deepEqual(shown.active, control.map((r) => (r['is_active'] ? 'yes' : 'no')));
    assert.deepEqual(shown.lastStatus, control.map((r) => r['last_status']));
    assert.deepEqual(shown.health, await Promise.all(control.map(async (r) => [
      r['entity_name'],
      await scalar(w, `SELECT count(*) FROM ${String(r['source_table'])} WHERE deleted_at IS NULL`),
      await targetCount(w, String(r['target_table'])),
    ])));
    const failed = await rows(w, `SELECT e.run_id, e.error_message FROM audit.etl_run_entity e JOIN audit.etl_run r USING (run_id)
      WHERE e.status = 'failed' AND r.started_at >= ${WINDOW}`);
    assert.deepEqual(failed.map((f) => f['error_message']), [FAILURE]);
    assert.deepEqual(shown.failures, [['deadlock', 1]]);
    assert.deepEqual(shown.correlation, [Number(failed[0]?.['run_id'])]);
    assert.equal(shown.auditTotal, await scalar(w, "SELECT count(*) FROM audit.connection_login_events WHERE captured_at >= (now() AT TIME ZONE 'UTC') - interval '24 hours'"));
    assert.ok(shown.auditTotal > 0, 'the snapshot procedure captured connections');
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
    assert.ok(total > 0);
    const logins = await b.page.$$eval('[data-testid="topLogins"] li', (lis) => lis.map((li) => li.getAttribute('data-label')));
    assert.deepEqual(logins, ['postgres']);
  });

  it('opens a run’s per-entity detail with the keyboard and reveals an entity on click', async () => {
    const runId = Number(await b.page.getAttribute('[data-testid="recentRuns"] tbody tr:nth-child(2) td[data-key="runId"]', 'data-value'));
    await b.page.focus('[data-testid="recentRuns"] tbody tr:nth-child(2)');
    await rerendered(b, () => b.page.keyboard.press('Enter'));
    const entities = await b.page.$$eval('[data-testid="runDetail"] tbody td[data-key="entity"]', (tds) => tds.map((td) => td.textContent));
    const want = (await rows(w, 'SELECT entity_name FROM audit.etl_run_entity WHERE run_id = $1 ORDER BY started_at, entity_name', [runId])).map((r) => r['entity_name']);
    assert.equal(want.length, 9, 'the incremental run loaded every entity');
    assert.deepEqual(entities, want);
    await b.page.click('[data-testid="runDetail"] tbody td[data-key="entity"] button');
    for (let i = 0; i < 50 && revealed.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(revealed, [want[0]]);
  });

  it('runs the inline actions of ctl.etl_control against the database, a watermark reset only once confirmed', async () => {
    const watermark = "SELECT watermark_id::text || ' ' || watermark_updated_at::text FROM ctl.etl_control WHERE entity_name = 'dim_cliente'";
    const [kept] = await rows(w, watermark);
    confirmReset = false;
    await rerendered(b, () => b.page.click('[data-testid="reset-dim_cliente"]'));
    assert.deepEqual(confirmations, ['dim_cliente'], 'the host asked before resetting');
    assert.deepEqual((await rows(w, watermark))[0], kept, 'declined: the watermark is unchanged');
    assert.notEqual(Object.values(kept ?? {})[0], '0 1900-01-01 00:00:00');
    confirmReset = true;
    await rerendered(b, () => b.page.click('[data-testid="reset-dim_cliente"]'));
    assert.deepEqual(confirmations, ['dim_cliente', 'dim_cliente']);
    const [row] = await rows(w, "SELECT watermark_id, to_char(watermark_updated_at, 'YYYY-MM-DD') AS ts, is_active FROM ctl.etl_control WHERE entity_name = 'dim_cliente'");
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

  it('shows each connection event\'s run and stage as audit.connection_login_events links them, and a run\'s link opens that run', async () => {
    // This warehouse's own sessions only (the server is shared): every snapshot of its runs fits the 200 rows shown.
    await rerendered(b, () => b.page.evaluate(() => {
      const login = document.querySelector('[data-testid="audit-login"]') as HTMLElement & { value: string };
      login.value = '';
      login.dispatchEvent(new Event('change'));
    }));
    await rerendered(b, () => b.page.evaluate((database) => {
      const select = document.querySelector('[data-testid="audit-database"]') as HTMLElement & { value: string };
      select.value = database;
      select.dispatchEvent(new Event('change'));
    }, w.database));
    const shown = await b.page.$$eval('[data-testid="recentEvents"] tbody tr', (trs) => trs.map((tr) => {
      const run = tr.querySelector('td[data-key="runId"]');
      return `${run?.getAttribute('data-value') ?? 'null'} ${tr.querySelector('td[data-key="stage"] [data-stage]')?.getAttribute('data-stage') ?? 'null'}`;
    }));
    const want = (await rows(w, `SELECT COALESCE(run_id::text, 'null') || ' ' || COALESCE(stage, 'null') AS x FROM audit.connection_login_events
      WHERE database_name = $1 AND captured_at >= (now() AT TIME ZONE 'UTC') - interval '24 hours' ORDER BY captured_at DESC, event_id DESC LIMIT 200`, [w.database])).map((r) => r['x']);
    assert.ok(want.length < 200, 'every event of this warehouse is shown');
    assert.deepEqual(shown, want);
    // Each of the suite's runs took its start snapshot and its closing one (the failed run is partial: dim_cliente loaded).
    const pairs = new Set(shown);
    for (const r of w.runs) {
      assert.ok(pairs.has(`${r.runId} start`), `run ${r.runId} start`);
      assert.ok(pairs.has(`${r.runId} ${r.status === 'failed' ? 'failure' : 'end'}`), `run ${r.runId} ${r.status}`);
    }
    // The first run's link, by keyboard: its per-entity detail opens.
    const first = w.runs[0]?.runId as number;
    await b.page.focus(`[data-testid="recentEvents"] button[data-focus="recentEvents:run:${first}"]`);
    await rerendered(b, () => b.page.keyboard.press('Enter'));
    assert.equal(await b.page.textContent('[data-testid="runDetail"] h2'), `Run ${first}: entities`);
    const entities = await b.page.$$eval('[data-testid="runDetail"] tbody td[data-key="entity"]', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(entities, (await rows(w, 'SELECT entity_name FROM audit.etl_run_entity WHERE run_id = $1 ORDER BY started_at, entity_name', [first])).map((r) => r['entity_name']));
    assert.deepEqual(b.errors, []);
  });

  it('keeps screenshots of the monitor in light and dark themes', async () => {
    mkdirSync(artifacts, { recursive: true });
    await b.screenshot(path.join(artifacts, 'monitor-light.png'));
    const state: MonitorInitialState = { kind: 'monitor', language: 'pt-BR', data: await queries.load(DEFAULT_AUDIT_FILTERS), snapshot: false, autoRefreshSeconds: 0 };
    await b.open('monitor', state, 'dark');
    await b.screenshot(path.join(artifacts, 'monitor-dark.png'));
    // The connection audit up close (its filters, and the events with their run and stage), at a narrower window too.
    for (const width of [1400, 1024]) {
      await b.page.setViewportSize({ width, height: 900 });
      for (const id of ['audit', 'recentEvents']) await b.page.locator(`section[data-testid="${id}"]`).screenshot({ path: path.join(artifacts, `monitor-${id}-dark-${width}.png`) });
    }
    await b.page.setViewportSize({ width: 1400, height: 1000 });
    assert.deepEqual(b.errors, []);
  });
});

/**
 * Edge cases the ETL does not produce on demand, so they come from the fixture (fixture.sql): a
 * run still in progress while the page loads, and failures of several kinds (deadlock, timeout,
 * constraint) spread over two weeks of history.
 */
describe('ETL monitor edge cases in headless Chromium (PostgreSQL, fixture)', function () {
  let w: DashboardWarehouse;
  let b: DashboardBrowser;

  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    w = await createDashboardWarehouse({ sales: 10, runs: 120, events: 200 });
    const queries = new MonitorQueries(w.engine, 'postgres');
    b = await openDashboardBrowser(monitorHandler(queries, { runEntity: () => Promise.resolve(true), revealEntity: () => Promise.resolve() }));
    await b.open('monitor', { kind: 'monitor', language: 'en', data: await queries.load(DEFAULT_AUDIT_FILTERS), snapshot: false, autoRefreshSeconds: 0 } satisfies MonitorInitialState, 'light');
  });

  after(async () => {
    await b?.close();
    await w?.close();
  });

  it('filters the connection audit by login, program and host: the panels hold exactly the rows an independent query finds', async () => {
    const choose = async (testId: string, value: string): Promise<void> => rerendered(b, () => b.page.evaluate(([id, v]) => {
      const select = document.querySelector(`[data-testid="${id}"]`) as HTMLElement & { value: string };
      select.value = v as string;
      select.dispatchEvent(new Event('change'));
    }, [testId, value]));
    const independent = (login: string, program: string, host: string) => w.engine.query(`SELECT to_char(captured_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at, session_id
        FROM audit.connection_login_events WHERE login_name = $1 AND program_name = $2 AND host_name = $3
         AND captured_at >= (now() AT TIME ZONE 'UTC') - interval '24 hours' ORDER BY captured_at DESC, event_id DESC`, [login, program, host]);
    for (const [login, program, host] of [['postgres', 'psql', 'host1'], ['etl_monitor', 'DW Workbench', 'host0'], ['postgres', 'pg_dump', 'host1']] as const) {
      await choose('audit-login', login);
      await choose('audit-program', program);
      await choose('audit-host', host);
      const sent = b.requests.at(-1) as { method: string; params: { audit: ConnectionAuditFilters } };
      assert.deepEqual([sent.params.audit.login, sent.params.audit.program, sent.params.audit.host], [login, program, host]);
      const want = (await independent(login, program, host)).rows;
      const total = Number(await b.page.getAttribute('[data-testid="audit-total"]', 'data-value'));
      assert.equal(total, want.length, `${login}/${program}/${host}`);
      const shown = await b.page.$$eval('[data-testid="recentEvents"] tbody tr', (trs) => trs.map((tr) => [
        tr.querySelector('td[data-key="login"]')?.textContent, tr.querySelector('td[data-key="program"]')?.textContent,
        tr.querySelector('td[data-key="host"]')?.textContent, Number(tr.querySelector('td[data-key="session"]')?.textContent)]));
      assert.deepEqual(shown, want.map((r) => [login, program, host, Number(r['session_id'])]), `${login}/${program}/${host}`);
    }
    assert.ok((await independent('postgres', 'psql', 'host1')).rows.length > 0, 'the fixture has matching rows');
    assert.equal((await independent('postgres', 'pg_dump', 'host1')).rows.length, 0, 'and a combination without any');
    assert.deepEqual(b.errors, []);
  });

  it('lists the run in progress and groups failures by kind', async () => {
    const running = await b.page.$$eval('[data-testid="running"] tbody td[data-key="runId"]', (tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    assert.deepEqual(running, (await w.engine.query("SELECT run_id FROM audit.etl_run WHERE status = 'running'")).rows.map((r) => Number(r['run_id'])));
    assert.equal(running.length, 1);
    const kinds = await b.page.$$eval('[data-testid="failures"] li', (lis) => lis.map((li) => [li.getAttribute('data-kind'), Number(li.getAttribute('data-count'))] as const));
    const want = (await w.engine.query(`SELECT CASE WHEN e.error_message LIKE 'deadlock%' THEN 'deadlock' WHEN e.error_message LIKE 'canceling%' THEN 'timeout' ELSE 'constraint' END AS kind,
        count(*)::int AS n FROM audit.etl_run_entity e JOIN audit.etl_run r USING (run_id)
       WHERE e.status = 'failed' AND r.started_at >= ${WINDOW} GROUP BY 1 ORDER BY 2 DESC, 1`)).rows.map((r) => [r['kind'], r['n']]);
    assert.equal(want.length, 3);
    assert.deepEqual([...kinds].sort((a, c) => c[1] - a[1] || String(a[0]).localeCompare(String(c[0]))), want);
    assert.deepEqual(b.errors, []);
  });
});
