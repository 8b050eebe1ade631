import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { renderDashboardSnapshot } from '../../../src/core/dashboard/snapshot';
import { MonitorQueries } from '../../../src/core/monitor/load';
import { SalesQueries } from '../../../src/core/sales/load';
import { DEFAULT_AUDIT_FILTERS } from '../../../src/protocol/monitor';
import { skipBecause } from '../../support/skip';
import { CHROMIUM, chromiumAvailable, fullPageScreenshot, webviewBundle, webviewStrings } from './browserHarness';
import { createDashboardWarehouse, type DashboardWarehouse } from './warehouseFixture';
import { ensureBuilt } from '../../support/build';

const root = path.resolve(__dirname, '../../..');

describe('HTML snapshot of the dashboards (PostgreSQL, headless Chromium)', function () {
  let w: DashboardWarehouse;
  let dir: string;

  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    ensureBuilt();
    w = await createDashboardWarehouse({ sales: 500, runs: 30, events: 100 });
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-snapshot-'));
  });

  after(async () => {
    await w?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('writes one self-contained file per dashboard that renders offline with its numbers, no host and no network', async () => {
    const sales = await new SalesQueries(w.engine, 'postgres').load({ from: '2024-01-01', to: '2024-12-31', category: null, state: null, region: null, team: null, seller: null, grain: 'month' });
    const monitor = await new MonitorQueries(w.engine, 'postgres').load(DEFAULT_AUDIT_FILTERS);
    const files = {
      sales: renderDashboardSnapshot('sales', sales, { bundle: webviewBundle('sales'), theme: 'dark', language: 'pt-BR', strings: await webviewStrings('pt-BR') }),
      monitor: renderDashboardSnapshot('monitor', monitor, { bundle: webviewBundle('monitor') }),
    };
    for (const [kind, html] of Object.entries(files)) {
      assert.doesNotMatch(html, /<script[^>]+src=/, kind);
      assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
      writeFileSync(path.join(dir, `${kind}.html`), html);
    }
    const profile = mkdtempSync(path.join(tmpdir(), 'dwb-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`file://${path.join(dir, 'sales.html')}`);
      await page.waitForSelector('main[aria-busy="false"]');
      assert.equal(Number(await page.getAttribute('[data-testid="kpi-netRevenue"]', 'data-value')), sales.kpis.netRevenue);
      assert.equal(await page.textContent('h1'), 'Painel de vendas');
      assert.equal(await page.locator('[data-testid^="sql-"]').count(), 0);
      mkdirSync(path.join(root, 'test-artifacts', 'dashboards'), { recursive: true });
      await fullPageScreenshot(page, path.join(root, 'test-artifacts', 'dashboards', 'sales-snapshot-dark.png'));
      await page.goto(`file://${path.join(dir, 'monitor.html')}`);
      await page.waitForSelector('main[aria-busy="false"]');
      assert.equal(await page.locator('[data-testid="recentRuns"] tbody tr').count(), 31);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
