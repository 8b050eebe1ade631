import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { checkCatalog, recordCheckReport, runChecks } from '../../../src/core/checks';
import { monitorHandler, salesHandler } from '../../../src/core/dashboard/handler';
import type { DashboardKind } from '../../../src/core/dashboard/page';
import { renderDashboardSnapshot } from '../../../src/core/dashboard/snapshot';
import type { DashboardTheme } from '../../../src/core/dashboard/theme';
import { MonitorQueries } from '../../../src/core/monitor/load';
import { SalesQueries } from '../../../src/core/sales/load';
import { DEFAULT_AUDIT_FILTERS, type CheckLocationDto, type MonitorData, type MonitorInitialState } from '../../../src/protocol/monitor';
import type { SalesDashboardData, SalesFilters, SalesInitialState } from '../../../src/protocol/sales';
import { skipBecause } from '../../support/skip';
import { bothDashboards, chromiumAvailable, openDashboardBrowser, webviewBundle, webviewStrings, type DashboardBrowser } from './browserHarness';
import { createDashboardWarehouse, type DashboardWarehouse } from './warehouseFixture';
import { ensureBuilt } from '../../support/build';

const root = path.resolve(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts', 'dashboards');
const THEMES: readonly DashboardTheme[] = ['light', 'dark', 'high-contrast'];
const SIZES = [{ width: 1400, height: 900 }, { width: 1024, height: 768 }] as const;

/** axe-core in the page (evaluated through the DevTools protocol, which the page's CSP does not govern). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Panels below the fold skip layout until scrolled to; measuring and auditing wants them all laid out. */
async function layOutEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('.panel')) el.style.contentVisibility = 'visible';
  });
}

async function rendered(b: DashboardBrowser, action: () => Promise<unknown>): Promise<void> {
  const before = await b.page.getAttribute('main', 'data-rendered');
  await action();
  await b.page.waitForFunction((t) => document.querySelector('main')?.getAttribute('data-rendered') !== t, before);
}

/** The stable key of the focused element (the host of a component whose inner part has focus). */
const focused = (page: Page): Promise<string | null> => page.evaluate(() => {
  const el = document.activeElement;
  return el === null || el === document.body ? null : el.getAttribute('data-focus') ?? el.getAttribute('data-testid') ?? el.tagName;
});

/**
 * Waits until the element with this key has focus (a component takes it once it has rendered its
 * inner control); fails naming where focus is instead.
 */
async function focusReturnsTo(page: Page, key: string): Promise<void> {
  await page.waitForFunction((k) => {
    const el = document.activeElement;
    return el !== null && (el.getAttribute('data-focus') ?? el.getAttribute('data-testid')) === k;
  }, key, { timeout: 5000 }).catch(async () => assert.fail(`focus is on ${await focused(page)}, not ${key}`));
}

/**
 * Accessibility of both dashboards on a real warehouse (the project's scripts and fixture data
 * in a throw-away PostgreSQL database) in headless Chromium: axe-core on the live and exported
 * pages in every shipped theme, keyboard use, names, layout at two window sizes, colours with
 * meaning, the UI language's number and date formats.
 */
describe('dashboard accessibility and layout in headless Chromium (PostgreSQL fixture)', function () {
  this.timeout(600_000);
  let w: DashboardWarehouse;
  let b: DashboardBrowser;
  let sales: SalesQueries;
  let monitor: MonitorQueries;
  let salesData: SalesDashboardData;
  let monitorData: MonitorData;
  let filters: SalesFilters;
  let dir: string;
  let onOpen: ((location: CheckLocationDto) => void) | undefined;

  const openSales = (language: string, theme: DashboardTheme, data = salesData) =>
    b.open('sales', { kind: 'sales', language, data, snapshot: false } satisfies SalesInitialState, theme);
  const openMonitor = (language: string, theme: DashboardTheme, autoRefreshSeconds = 0) =>
    b.open('monitor', { kind: 'monitor', language, data: monitorData, snapshot: false, autoRefreshSeconds } satisfies MonitorInitialState, theme);
  const openSnapshot = async (kind: DashboardKind, theme: DashboardTheme, language = 'en') => {
    const strings = await webviewStrings(language);
    const html = kind === 'sales'
      ? renderDashboardSnapshot('sales', salesData, { bundle: webviewBundle('sales'), theme, language, strings })
      : renderDashboardSnapshot('monitor', monitorData, { bundle: webviewBundle('monitor'), theme, language, strings });
    const file = path.join(dir, `${kind}-${theme}-${language}.html`);
    writeFileSync(file, html);
    await b.page.goto(`file://${file}`);
    await b.page.waitForSelector('main[aria-busy="false"]');
  };

  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    ensureBuilt();
    w = await createDashboardWarehouse({ sales: 3000, runs: 80, events: 400 });
    sales = new SalesQueries(w.engine, 'postgres');
    monitor = new MonitorQueries(w.engine, 'postgres');
    b = await openDashboardBrowser(bothDashboards(
      salesHandler(sales, { showSql: () => Promise.resolve(), exportCsv: () => Promise.resolve({ saved: false, rows: 0 }) }),
      monitorHandler(monitor, {
        runEntity: () => Promise.resolve(true), revealEntity: () => Promise.resolve(),
        openLocation: (l) => { onOpen?.(l); return Promise.resolve(true); },
      })));
    filters = await sales.defaultFilters(new Date().toISOString().slice(0, 10));
    salesData = await sales.load(filters);
    // Recorded warehouse checks, so the health panel lists failed ones: errors (coverage of the
    // empty facts and views, placed at their scripts) and a project check of severity warning with keys.
    const checks = checkCatalog({
      dialect: 'postgres', entityFiles: [], scriptPaths: [path.join(root, 'sql/postgres/dw')],
      checks: { custom: [{ name: 'sample_customers', description: 'Customers 1 to 3 (a project check)', sql: 'SELECT cliente_id, nome_cliente FROM dim.dim_cliente WHERE cliente_id BETWEEN 1 AND 3', severity: 'warning' }] },
    });
    await recordCheckReport(w.engine, await runChecks(w.engine, checks), { root, by: 'accessibility test' });
    monitorData = await monitor.load(DEFAULT_AUDIT_FILTERS);
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-a11y-'));
    mkdirSync(artifacts, { recursive: true });
  });

  after(async () => {
    await b?.close();
    await w?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('has no critical or serious axe-core violation on the live pages, light, dark and high contrast', async () => {
    assert.ok(salesData.trend.length > 1 && salesData.detail.length > 0, 'the fixture has sales in the default period');
    const severities = new Set(monitorData.checks.failedChecks.map((c) => c.severity));
    assert.ok(severities.has('error') && severities.has('warning'), 'the health panel lists failed checks of both severities');
    const found: string[] = [];
    for (const theme of THEMES) {
      for (const kind of ['sales', 'monitor'] as const) {
        await (kind === 'sales' ? openSales('en', theme) : openMonitor('en', theme));
        await layOutEverything(b.page);
        // The charts' numbers tables are checked open too.
        await b.page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
        found.push(...(await seriousViolations(b.page)).map((v) => `${kind}/${theme}: ${v}`));
      }
    }
    assert.deepEqual(found, []);
  });

  it('has no critical or serious axe-core violation on the exported pages, which show filters as text and no control that does nothing', async () => {
    const found: string[] = [];
    for (const theme of THEMES) {
      for (const kind of ['sales', 'monitor'] as const) {
        await openSnapshot(kind, theme);
        await layOutEverything(b.page);
        found.push(...(await seriousViolations(b.page)).map((v) => `${kind}/${theme}: ${v}`));
        // Everything that takes focus does something: sorting, a disclosure, a scroll region, a skip link.
        const inert = await b.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('vscode-button, vscode-single-select, vscode-textfield, [tabindex], button, a, summary')]
          .filter((el) => !(el.matches('button.sort, summary, .table-wrap[role="region"], .skip-links a, [tabindex="-1"]')))
          .map((el) => el.outerHTML.slice(0, 80)));
        assert.deepEqual(inert, [], `${kind}/${theme}`);
      }
    }
    assert.deepEqual(found, []);
    await openSnapshot('sales', 'light', 'pt-BR');
    const shown = await b.page.$$eval('[data-testid^="filter-"]', (els) => els.map((e) => [e.getAttribute('data-testid'), e.querySelector('.field-value')?.textContent]));
    const day = (iso: string) => new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    assert.deepEqual(shown.filter(([id]) => id === 'filter-from' || id === 'filter-to' || id === 'filter-category'),
      [['filter-from', day(filters.from)], ['filter-to', day(filters.to)], ['filter-category', 'Todos']]);
    await openSnapshot('monitor', 'light');
    assert.equal(await b.page.textContent('[data-testid="audit-hours"] .field-value'), `Last ${DEFAULT_AUDIT_FILTERS.hours} h`);
  });

  it('names every control through the components’ label API, distinct names beginning with the visible text', async () => {
    for (const kind of ['sales', 'monitor'] as const) {
      await (kind === 'sales' ? openSales('en', 'light') : openMonitor('en', 'light'));
      const names = await b.page.evaluate(() => {
        const fields = [...document.querySelectorAll<HTMLElement & { label: string }>('vscode-single-select, vscode-textfield')].map((el) => {
          const visible = document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '';
          const inner = el.shadowRoot?.querySelector('[role="combobox"], input')?.getAttribute('aria-label') ?? '';
          return { visible, name: inner };
        });
        const buttons = [...document.querySelectorAll('vscode-button')].map((el) => ({ visible: el.textContent?.trim() ?? '', name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '' }));
        return { fields, buttons };
      });
      assert.ok(names.fields.length >= (kind === 'sales' ? 9 : 6), kind);
      for (const n of [...names.fields, ...names.buttons]) {
        assert.ok(n.visible !== '' && n.name.startsWith(n.visible), `${kind}: "${n.name}" begins with "${n.visible}"`);
      }
      const all = [...names.fields, ...names.buttons].map((n) => n.name);
      assert.deepEqual(all.filter((n, i) => all.indexOf(n) !== i), [], `${kind}: duplicate names`);
      if (kind === 'sales') assert.ok(all.includes('SQL: Top products'));
      else assert.ok(all.some((n) => /^(Activate|Deactivate) dim_produto$/.test(n)), all.join(', '));
    }
  });

  it('sorts, filters and takes a typed date by keyboard, and focus stays where it was', async () => {
    await openSales('en', 'light');
    const sortNet = '[data-testid="detail"] button.sort[data-focus="detail:sort:netRevenue"]';
    await b.page.focus(sortNet);
    await b.page.keyboard.press('Enter');
    assert.equal(await b.page.getAttribute('[data-testid="detail"] th[data-key="netRevenue"]', 'aria-sort'), 'ascending');
    assert.equal(await focused(b.page), 'detail:sort:netRevenue');
    await b.page.keyboard.press('Enter');
    assert.equal(await b.page.getAttribute('[data-testid="detail"] th[data-key="netRevenue"]', 'aria-sort'), 'descending');
    assert.equal(await b.page.textContent('[data-testid="detail"] th[data-key="netRevenue"] .sort-arrow'), '▼');
    const nets = await b.page.$$eval('[data-testid="detail"] tbody td[data-key="netRevenue"]', (tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    assert.deepEqual(nets, [...nets].sort((x, y) => y - x));

    // A filter chosen with the keyboard: the page redraws and focus is back on the filter, the sort kept.
    const category = salesData.options.categories[0] as string;
    await b.page.focus('[data-testid="filter-category"]');
    await rendered(b, async () => {
      await b.page.keyboard.press('Enter');
      await b.page.keyboard.press('ArrowDown');
      await b.page.keyboard.press('Enter');
    });
    const sent = b.requests.at(-1) as { method: string; params: { filters: SalesFilters } };
    assert.equal(sent.params.filters.category, category);
    await focusReturnsTo(b.page, 'filter-category');
    assert.equal(await b.page.getAttribute('[data-testid="detail"] th[data-key="netRevenue"]', 'aria-sort'), 'descending');

    // A date typed digit by digit sends nothing until it is complete, valid and committed (Enter).
    const requests = b.requests.length;
    await b.page.focus('[data-testid="filter-from"]');
    await b.page.keyboard.press('ControlOrMeta+a');
    const [y, m, d] = filters.from.split('-') as [string, string, string];
    await b.page.keyboard.type(`${m}/${d}/${y.slice(0, 2)}`);
    await b.page.keyboard.press('Enter');
    assert.equal(b.requests.length, requests, 'an incomplete date is not applied');
    assert.equal(await b.page.evaluate(() => (document.querySelector('[data-testid="filter-from"]') as HTMLElement & { invalid: boolean }).invalid), true);
    assert.match(await b.page.textContent('.field-hint') ?? '', /mm\/dd\/yyyy/);
    await b.page.keyboard.press('ControlOrMeta+a');
    const from = `${y}-${m}-01`;
    await rendered(b, async () => {
      await b.page.keyboard.type(`${m}01${y}`);
      assert.equal(b.requests.length, requests, 'nothing is sent while typing');
      await b.page.keyboard.press('Enter');
    });
    assert.equal(b.requests.length, requests + 1);
    assert.equal((b.requests.at(-1) as { params: { filters: SalesFilters } }).params.filters.from, from);
    await focusReturnsTo(b.page, 'filter-from');
    assert.equal(await b.page.getAttribute('[data-testid="filter-from"]', 'data-value'), from);
  });

  it('keeps focus through the monitor’s auto-refresh, and its skip links lead to the panels', async () => {
    await openMonitor('en', 'light', 1);
    await b.page.focus('[data-focus="health:sort:entity"]');
    for (let i = 0; i < 2; i++) await rendered(b, () => Promise.resolve());
    assert.equal(await focused(b.page), 'health:sort:entity');
    await openMonitor('en', 'light');
    await b.page.keyboard.press('Tab');
    assert.equal(await focused(b.page), 'skip:recentRuns');
    assert.ok(await b.page.isVisible('[data-focus="skip:recentRuns"]'), 'a focused skip link is visible');
    await b.page.keyboard.press('Enter');
    assert.equal(await b.page.evaluate(() => document.activeElement?.id), 'recentRuns-title');
    await b.page.focus('[data-focus="skip:checks"]');
    await b.page.keyboard.press('Enter');
    assert.equal(await b.page.evaluate(() => document.activeElement?.id), 'checks-title');
    const outline = await b.page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-focus="health:sort:entity"]') as HTMLElement;
      el.focus({ focusVisible: true });
      return getComputedStyle(el).outlineWidth;
    });
    assert.equal(outline, '2px');
  });

  it('names the warehouse checks\u2019 links by their place and check, and opens one with the keyboard', async () => {
    await openMonitor('en', 'light');
    const check = 'coverage.fact_metas';
    const link = b.page.locator('[data-testid="checks"] tbody tr', { hasText: check }).locator('td[data-key="location"] button');
    const text = await link.textContent() ?? '';
    assert.match(text, /^sql\/postgres\/dw\/\d+_\w+\.sql:\d+$/, 'a script of the project, relative');
    assert.equal(await link.getAttribute('aria-label'), `Open ${text}, where ${check} is declared`);
    const done = new Promise<CheckLocationDto>((resolve) => { onOpen = resolve; });
    await link.focus();
    await b.page.keyboard.press('Enter');
    const opened = await done;
    assert.equal(`${opened.file}:${opened.line}`, text);
    assert.equal((await b.page.textContent('[data-testid="run-checks"]'))?.trim(), 'Run Checks');
  });

  it('fits every table, button and KPI at 1400x900 and 1024x768 in English and Portuguese, and keeps screenshots', async () => {
    const problems: string[] = [];
    for (const size of SIZES) {
      await b.page.setViewportSize(size);
      for (const [language, theme] of [['en', 'light'], ['pt-BR', 'dark']] as const) {
        for (const kind of ['sales', 'monitor'] as const) {
          await (kind === 'sales' ? openSales(language, theme) : openMonitor(language, theme));
          await layOutEverything(b.page);
          await b.page.screenshot({ path: path.join(artifacts, `a11y-${kind}-${language}-${theme}-${size.width}x${size.height}.png`), fullPage: true });
          problems.push(...(await b.page.evaluate(() => {
            const out: string[] = [];
            for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) {
              const table = wrap.querySelector('table');
              if (table !== null && table.scrollWidth > wrap.clientWidth + 1) {
                const hidden = [...table.querySelectorAll('th')].filter((th) => th.getBoundingClientRect().right > wrap.getBoundingClientRect().right + 1).map((th) => th.textContent);
                out.push(`table ${wrap.getAttribute('data-focus')}: ${hidden.join(', ')} beyond ${wrap.clientWidth}px`);
              }
            }
            for (const btn of document.querySelectorAll('vscode-button')) {
              const part = btn.shadowRoot?.querySelector<HTMLElement>('[part="base"]') ?? null;
              const box = btn.getBoundingClientRect();
              if (part !== null && (part.scrollWidth > part.clientWidth + 1 || box.width < part.scrollWidth - 1)) out.push(`button "${btn.textContent}" clipped`);
            }
            for (const v of document.querySelectorAll<HTMLElement>('.kpi .value')) {
              const card = v.closest('.kpi') as HTMLElement;
              if (v.scrollWidth > v.clientWidth + 1 || v.getBoundingClientRect().right > card.getBoundingClientRect().right) out.push(`kpi ${card.dataset['testid']} overflows`);
            }
            return out;
          })).map((p) => `${kind} ${language} ${size.width}x${size.height}: ${p}`));
        }
      }
    }
    await b.page.setViewportSize({ width: 1400, height: 1000 });
    assert.deepEqual(problems, []);
  });

  it('colours each KPI by its own direction of good: a rising return rate or discount is bad news', async () => {
    const k = salesData.kpis;
    assert.ok(k.netRevenue > 0 && k.returnRatePct > 0 && k.averageDiscountPct > 0, 'the fixture has returns and discounts');
    const previousKpis = {
      ...k, netRevenue: k.netRevenue / 2, returnRatePct: k.returnRatePct / 2, averageDiscountPct: k.averageDiscountPct * 2, averageTicket: k.averageTicket * 2,
    };
    await openSales('en', 'light', { ...salesData, previousKpis });
    const trend = await b.page.$$eval('.kpi', (cards) => cards.map((c) => {
      const delta = c.querySelector('.delta') as HTMLElement;
      return [c.getAttribute('data-testid'), delta.dataset['trend'], getComputedStyle(delta).color, delta.textContent];
    }));
    const by = new Map(trend.map(([id, tr, color, text]) => [id, { tr, color, text }]));
    assert.equal(by.get('kpi-netRevenue')?.tr, 'good');
    assert.equal(by.get('kpi-returnRatePct')?.tr, 'bad', 'the return rate rose');
    assert.equal(by.get('kpi-averageDiscountPct')?.tr, 'good', 'the average discount fell');
    assert.equal(by.get('kpi-averageTicket')?.tr, 'bad', 'the average ticket fell');
    assert.notEqual(by.get('kpi-netRevenue')?.color, by.get('kpi-returnRatePct')?.color);
    assert.equal(by.get('kpi-averageDiscountPct')?.color, by.get('kpi-netRevenue')?.color);
    assert.match(by.get('kpi-returnRatePct')?.text ?? '', /^▲ \+.*\(worse\)$/);
    assert.match(by.get('kpi-averageDiscountPct')?.text ?? '', /^▼ -.*\(better\)$/);
  });

  it('describes each chart in words and numbers, hides the hover legend from assistive technology, in the UI language', async () => {
    await openSales('pt-BR', 'light');
    await b.page.waitForSelector('[data-testid="trend"] .chart canvas');
    const money = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
    const last = salesData.trend.at(-1)?.netRevenue ?? NaN;
    const values = salesData.trend.map((p) => p.netRevenue);
    const summary = await b.page.textContent('[data-testid="trend-summary"]') ?? '';
    assert.ok(summary.startsWith(`Receita líquida: de ${money.format(Math.min(...values))} a ${money.format(Math.max(...values))}; último ${money.format(last)}`), summary);
    const chart = await b.page.evaluate(() => {
      const legend = document.querySelector('[data-testid="trend"] .u-legend') as HTMLElement;
      const time = legend.querySelector('.u-series:first-child') as HTMLElement;
      return {
        legendHidden: legend.getAttribute('aria-hidden'),
        timeShown: getComputedStyle(time).display !== 'none',
        legendText: legend.textContent,
        described: document.getElementById(document.querySelector('[data-testid="trend"] .chart')?.getAttribute('aria-describedby') ?? '')?.textContent,
        rows: [...document.querySelectorAll('[data-testid="trend"] details tbody tr')].map((tr) => Number(tr.querySelector('td[data-key="s0"]')?.getAttribute('data-value'))),
      };
    });
    assert.equal(chart.legendHidden, 'true');
    assert.equal(chart.timeShown, false, 'no "Time: --" before hovering');
    assert.doesNotMatch(chart.legendText ?? '', /--|—|Time/);
    assert.equal(chart.described, summary);
    assert.deepEqual(chart.rows, values);
    // The numbers are reached by keyboard: the disclosure opens with Enter.
    await b.page.focus('[data-testid="trend"] summary');
    await b.page.keyboard.press('Enter');
    assert.equal(await b.page.evaluate(() => (document.querySelector('[data-testid="trend"] details') as HTMLDetailsElement).open), true);
    // Hovering shows the values, with the time in Portuguese.
    const box = await b.page.locator('[data-testid="trend"] .u-over').boundingBox();
    assert.ok(box !== null);
    await b.page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await b.page.waitForSelector('[data-testid="trend"] .chart.hovering');
    assert.match(await b.page.textContent('[data-testid="trend"] .u-legend') ?? '', /^Hora/);

    // Tables print numbers as the charts do (112.217, not 112217), from the UI language.
    await openMonitor('pt-BR', 'light');
    const cells = await b.page.$$eval('[data-testid="health"] td:is([data-key="sourceCount"], [data-key="targetCount"])[data-value]', (tds) => tds.map((td) => [Number(td.getAttribute('data-value')), td.textContent]));
    assert.ok(cells.some(([v]) => Number(v) >= 1000), 'a count with thousands');
    for (const [v, text] of cells) assert.equal(text, new Intl.NumberFormat('pt-BR').format(Number(v)));

    // The date fields follow VS Code's language, not the browser's (en-US here).
    await openSales('pt-BR', 'light');
    const fromText = await b.page.evaluate(() => (document.querySelector('[data-testid="filter-from"]') as HTMLElement & { value: string }).value);
    const [y, m, d] = filters.from.split('-');
    assert.equal(fromText, `${d}/${m}/${y}`);
    assert.equal(await b.page.evaluate(() => navigator.language), 'en-US');
  });

  it('describes the monitor’s timeline and runs-per-day charts in words and in number tables reached by keyboard', async () => {
    await openMonitor('en', 'light');
    await layOutEverything(b.page);
    const shown = await b.page.evaluate(() => {
      const rows = (id: string): Record<string, string | null>[] => [...document.querySelectorAll(`[data-testid="${id}"] details tbody tr`)].map((tr) =>
        Object.fromEntries([...tr.querySelectorAll('td')].map((td): [string, string | null] => [td.getAttribute('data-key') ?? '', td.getAttribute('data-value') ?? td.textContent])));
      return {
        timeline: rows('timeline'), perDay: rows('statusPerDay'),
        timelineSummary: document.querySelector('[data-testid="timeline-summary"]')?.textContent ?? '',
        perDaySummary: document.querySelector('[data-testid="statusPerDay-summary"]')?.textContent ?? '',
      };
    });
    const entities = [...new Set(monitorData.timeline.map((m) => m.entity))].sort();
    assert.ok(entities.length > 0 && monitorData.statusPerDay.length > 0, 'the fixture has runs in the last 14 days');
    assert.deepEqual(shown.timeline.map((r) => [r['entity'], Number(r['runs']), Number(r['failed'] ?? 0)]),
      entities.map((e) => [e, monitorData.timeline.filter((m) => m.entity === e).length, monitorData.timeline.filter((m) => m.entity === e && m.status === 'failed').length]));
    const days = [...new Set(monitorData.statusPerDay.map((s) => s.day))].sort();
    assert.deepEqual(shown.perDay.map((r) => Number(r['total'])), days.map((day) => monitorData.statusPerDay.filter((s) => s.day === day).reduce((n, s) => n + s.runs, 0)));
    const failed = monitorData.timeline.filter((m) => m.status === 'failed').length;
    assert.match(shown.timelineSummary, new RegExp(`^${monitorData.timeline.length.toLocaleString('en')} runs of ${entities.length} entities in 14 days, ${failed} failed; last: `));
    assert.match(shown.perDaySummary, new RegExp(`runs over ${days.length} days, from \\d+ to \\d+ a day; last day `));
    await b.page.focus('[data-testid="statusPerDay"] summary');
    await b.page.keyboard.press('Enter');
    assert.equal(await b.page.evaluate(() => (document.querySelector('[data-testid="statusPerDay"] details') as HTMLDetailsElement).open), true);
  });

  it('keeps bars and marks visible under forced colours (Windows high contrast)', async () => {
    await openMonitor('en', 'light');
    await b.page.emulateMedia({ forcedColors: 'active' });
    try {
      await layOutEverything(b.page);
      // Forced colours replace author backgrounds with the system's Canvas: a bar painted like the
      // page is a bar gone.
      const painted = await b.page.evaluate(() => {
        const canvas = getComputedStyle(document.body).backgroundColor;
        return ['.bar-fill', '.timeline-mark', '.stack span'].map((sel) => {
          const el = document.querySelector(sel);
          return [sel, el === null ? 'missing' : getComputedStyle(el).backgroundColor, canvas];
        });
      });
      for (const [sel, bg, canvas] of painted) assert.ok(bg !== 'missing' && bg !== 'rgba(0, 0, 0, 0)' && bg !== canvas, `${sel}: ${bg} on ${canvas}`);
    } finally {
      await b.page.emulateMedia({ forcedColors: 'none' });
    }
    assert.deepEqual(b.errors, []);
  });
});
