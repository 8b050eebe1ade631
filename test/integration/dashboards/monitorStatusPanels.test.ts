import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { monitorHandler } from '../../../src/core/dashboard/handler';
import { MonitorQueries } from '../../../src/core/monitor/load';
import { DEFAULT_AUDIT_FILTERS, type MonitorData, type MonitorInitialState } from '../../../src/protocol/monitor';
import { skipBecause } from '../../support/skip';
import { chromiumAvailable, openDashboardBrowser, type DashboardBrowser } from './browserHarness';
import { createDashboardWarehouse, type DashboardWarehouse } from './warehouseFixture';
import { ensureBuilt } from '../../support/build';

const root = path.resolve(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts', 'dashboards');

/**
 * Panels that depend on what the server is and on how runs ended: a run the user cancelled is
 * a segment of its own in "Runs by status per day", and the SQL Server Audit panel is shown only
 * where audit files apply (never on PostgreSQL).
 */
describe('ETL monitor: cancelled runs and the SQL Server Audit panel (headless Chromium, PostgreSQL)', function () {
  this.timeout(300_000);
  let w: DashboardWarehouse;
  let b: DashboardBrowser;
  let data: MonitorData;
  let today = '';

  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    ensureBuilt();
    w = await createDashboardWarehouse({ sales: 50, runs: 20, events: 20 });
    // Two runs the user cancelled, an hour ago (the fixture's runs end minutes before now).
    const r = await w.engine.query(`INSERT INTO audit.etl_run (run_id, entities_requested, started_by, started_at, finished_at, status, entities_succeeded, entities_failed)
      SELECT 1000 + i, 'dim_cliente', 'VS Code (test)', (now() AT TIME ZONE 'UTC') - interval '1 hour', (now() AT TIME ZONE 'UTC') - interval '59 minutes', 'cancelled', 0, 0
        FROM generate_series(1, 2) AS i RETURNING to_char(started_at, 'YYYY-MM-DD') AS day`);
    today = String(r.rows[0]?.['day']);
    const queries = new MonitorQueries(w.engine, 'postgres');
    data = await queries.load(DEFAULT_AUDIT_FILTERS);
    b = await openDashboardBrowser(monitorHandler(queries, { runEntity: () => Promise.resolve(true), revealEntity: () => Promise.resolve() }));
    mkdirSync(artifacts, { recursive: true });
  });
  after(async () => {
    await b?.close();
    await w?.close();
  });

  const open = (d: MonitorData): Promise<void> =>
    b.open('monitor', { kind: 'monitor', language: 'en', data: d, snapshot: false, autoRefreshSeconds: 0 } satisfies MonitorInitialState, 'light');

  it('draws cancelled runs as their own segment of the day, counted in its total', async () => {
    await open(data);
    const day = b.page.locator(`[data-testid="statusPerDay"] li[data-day="${today}"]`);
    const segment = day.locator('.stack span.status-cancelled');
    assert.equal(await segment.getAttribute('title'), 'cancelled: 2');
    const total = data.statusPerDay.filter((s) => s.day === today).reduce((n, s) => n + s.runs, 0);
    assert.equal(Number(await day.getAttribute('data-runs')), total);
    assert.match(await day.locator('.stack').getAttribute('aria-label') ?? '', /cancelled 2/);
    // A colour of its own, not an invisible segment.
    const background = await segment.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)');
    await b.page.locator('[data-testid="statusPerDay"]').screenshot({ path: path.join(artifacts, 'monitor-status-per-day-cancelled.png') });
  });

  it('shows no SQL Server Audit panel on PostgreSQL, and shows it where audit files apply', async () => {
    assert.equal(data.connections.auditFileApplies, false);
    await open(data);
    assert.equal(await b.page.locator('[data-testid="auditFile"]').count(), 0);
    assert.equal(await b.page.locator('[data-testid="correlation"]').count(), 1);
    await open({ ...data, connections: { ...data.connections, auditFileApplies: true, auditFileEvents: [] } });
    assert.equal(await b.page.locator('[data-testid="auditFile"]').count(), 1);
    assert.deepEqual(b.errors, []);
  });
});
