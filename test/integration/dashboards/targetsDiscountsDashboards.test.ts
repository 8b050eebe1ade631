import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { discountsHandler, targetsHandler, type MessageHandler } from '../../../src/core/dashboard/handler';
import { renderDashboardSnapshot } from '../../../src/core/dashboard/snapshot';
import type { DashboardTheme } from '../../../src/core/dashboard/theme';
import type { DiscountsInitialState } from '../../../src/protocol/discounts';
import type { TargetsInitialState } from '../../../src/protocol/targets';
import { skipBecause } from '../../support/skip';
import { chromiumAvailable, openDashboardBrowser, webviewBundle, type DashboardBrowser } from './browserHarness';
import { DEFAULT_SLA } from '../../../src/core/dashboard/freshness';
import { DiscountsQueries } from '../../../src/core/discounts/load';
import { TargetsQueries } from '../../../src/core/targets/load';
import type { DiscountsData, DiscountsFilters } from '../../../src/protocol/discounts';
import type { TargetsData, TargetsFilters } from '../../../src/protocol/targets';
import { createEtlWarehouse, type EtlWarehouse } from './etlWarehouse';
import { discountsShown, expectedDiscounts, expectedTargets, targetsShown } from './targetsDiscountsExpected';
import { DETAIL_PAGE_ROWS } from '../../../webview/shared/table';
import { ensureBuilt } from '../../support/build';

const root = path.resolve(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts', 'dashboards');
const THEMES: readonly DashboardTheme[] = ['light', 'dark', 'high-contrast'];

/** axe-core in the page: critical and serious violations only. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function rendered(b: DashboardBrowser, action: () => Promise<unknown>): Promise<void> {
  const before = await b.page.getAttribute('main', 'data-rendered');
  await action();
  await b.page.waitForFunction((t) => document.querySelector('main')?.getAttribute('data-rendered') !== t, before);
}

/** What the page shows, read from its DOM: KPI values and the bar lists and tables' raw values. */
async function pageNumbers(page: Page, kpis: readonly string[], bars: readonly string[]) {
  return page.evaluate(([k, b]) => ({
    kpis: Object.fromEntries((k as string[]).map((id) => [id, Number(document.querySelector(`[data-testid="kpi-${id}"]`)?.getAttribute('data-value'))])),
    bars: Object.fromEntries((b as string[]).map((id) => [id, [...document.querySelectorAll(`[data-testid="${id}"] li`)].map((li) => [li.getAttribute('data-label'), Number(li.getAttribute('data-value'))])])),
    trend: JSON.parse(document.querySelector('[data-testid="trend"]')?.getAttribute('data-points') ?? '[]') as unknown[],
    detailRows: document.querySelectorAll('[data-testid="detail"] tbody tr').length,
    /** The rows the table has, drawn or not (its aria-rowcount counts the header row). */
    detailTotal: Number(document.querySelector('[data-testid="detail"] table')?.getAttribute('aria-rowcount') ?? document.querySelectorAll('[data-testid="detail"] tbody tr').length + 1) - 1,
  }), [kpis, bars] as const);
}

/** Waits until the detail table has drawn `n` rows; else fails saying what `after` drew. */
async function detailDrawn(page: Page, n: number, after: string): Promise<void> {
  await page.waitForFunction((want) => document.querySelectorAll('[data-testid="detail"] tbody tr').length === want, n, { timeout: 10_000 }).catch(async () => {
    assert.fail(`${after}: ${await page.locator('[data-testid="detail"] tbody tr').count()} rows drawn, not ${n}`);
  });
}

/** The detail table's drawn rows as [row index, raw discount] (its aria-rowindex counts the header as 1). */
async function detailRows(page: Page): Promise<[number, number][]> {
  return page.$$eval('[data-testid="detail"] tbody tr', (trs) => trs.map((tr) => [
    Number(tr.getAttribute('aria-rowindex')), Number(tr.querySelector('td[data-key="discount"]')?.getAttribute('data-value')),
  ]));
}

/**
 * The targets and discounts dashboards on the data a user has: a PostgreSQL warehouse after the
 * project's bootstrap plan and the ETL of every entity (fact_metas and fact_descontos included),
 * every number equal to an independent query over the consumption views.
 */
describe('targets and discounts dashboards on PostgreSQL (bootstrap + generator + ETL)', function () {
  this.timeout(600_000);
  let w: EtlWarehouse;
  let targets: TargetsQueries;
  let discounts: DiscountsQueries;
  let tf: TargetsFilters;
  let df: DiscountsFilters;

  let b: DashboardBrowser | undefined;
  let dir: string;
  const browser = (): DashboardBrowser => {
    if (b === undefined) throw new Error('no browser');
    return b;
  };

  before(async () => {
    w = await createEtlWarehouse();
    targets = new TargetsQueries(w.engine, 'postgres', { sla: DEFAULT_SLA });
    discounts = new DiscountsQueries(w.engine, 'postgres', { sla: DEFAULT_SLA });
    const today = new Date().toISOString().slice(0, 10);
    tf = await targets.defaultFilters(today);
    df = await discounts.defaultFilters(today);
  });
  after(async () => {
    await b?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    await w?.close();
  });

  it('targets: opens on the last 12 months with targets, every panel equal to the independent query over bi.vw_metas', async () => {
    const data = await targets.load(tf);
    const want = await expectedTargets(w.engine, 'postgres', tf);
    assert.ok(want.kpis.target > 0 && want.trend.length > 1, 'the generated targets reach the period');
    assert.deepEqual(targetsShown(data), want);
    assert.equal(data.freshness.sla.state, 'on-time', 'the ETL just loaded fact_metas');
  });

  it('targets: a team filter and the previous period (month for month) equal the independent query', async () => {
    const team = (await w.engine.query('SELECT nome_equipe FROM bi.vw_metas GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')).rows[0]?.['nome_equipe'] as string;
    const f = { ...tf, team };
    const data = await targets.load(f);
    assert.deepEqual(targetsShown(data), await expectedTargets(w.engine, 'postgres', f));
    assert.deepEqual(data.topTeams.map((t) => t.label), [team]);
    const prev = await expectedTargets(w.engine, 'postgres', { ...f, ...data.previousPeriod });
    assert.deepEqual(data.previousKpis, prev.kpis);
  });

  it('discounts: opens on the last 12 months by month, every panel equal to the independent query over bi.vw_descontos', async () => {
    const data = await discounts.load(df);
    const want = await expectedDiscounts(w.engine, 'postgres', df);
    assert.ok(want.kpis.applications > 0 && want.topByRoi.length > 0, 'the generated discounts reach the period');
    assert.deepEqual(discountsShown(data), want);
    assert.equal(data.detail.length, Math.min(500, want.kpis.applications));
  });

  it('discounts: type and region filters, a higher minimum of applications, and the previous period equal the independent query', async () => {
    const [pick] = (await w.engine.query(`SELECT k.tipo_desconto AS t, r.regiao_pais AS r FROM fact.fact_descontos x JOIN dim.dim_desconto k ON k.desconto_id = x.desconto_id
      JOIN fact.fact_vendas s ON s.venda_id = x.venda_id JOIN dim.dim_regiao r ON r.regiao_id = s.regiao_id GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`)).rows;
    const f: DiscountsFilters = { ...df, type: String(pick?.['t']), region: String(pick?.['r']), minApplications: 5 };
    const data = await discounts.load(f);
    const want = await expectedDiscounts(w.engine, 'postgres', f);
    assert.ok(want.kpis.applications > 0);
    assert.deepEqual(discountsShown(data), want);
    assert.ok(data.topByRoi.every((c) => c.applications >= 5));
    assert.deepEqual(data.previousKpis.applications, (await expectedDiscounts(w.engine, 'postgres', { ...f, ...data.previousPeriod })).kpis.applications);
  });

  describe('in headless Chromium', () => {
    let targetsData: TargetsData;
    let discountsData: DiscountsData;
    const host = { showSql: () => Promise.resolve(), exportCsv: () => Promise.resolve({ saved: false, rows: 0 }) };
    const openTargets = (theme: DashboardTheme, language = 'en', data = targetsData) =>
      browser().open('targets', { kind: 'targets', language, data, snapshot: false } satisfies TargetsInitialState, theme);
    const openDiscounts = (theme: DashboardTheme, language = 'en', data = discountsData) =>
      browser().open('discounts', { kind: 'discounts', language, data, snapshot: false } satisfies DiscountsInitialState, theme);

    before(async function () {
      if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
      ensureBuilt();
      const toTargets = targetsHandler(targets, host);
      const toDiscounts = discountsHandler(discounts, host);
      const handler: MessageHandler = (m) => ((m as { method?: string }).method?.startsWith('targets/') === true ? toTargets : toDiscounts)(m);
      b = await openDashboardBrowser(handler);
      targetsData = await targets.load(tf);
      discountsData = await discounts.load(df);
      dir = mkdtempSync(path.join(tmpdir(), 'dwb-facts-'));
      mkdirSync(artifacts, { recursive: true });
    });

    it('targets page shows the numbers the independent query computes, and a team chosen by keyboard round-trips with focus kept', async () => {
      await openTargets('light');
      const want = await expectedTargets(w.engine, 'postgres', tf);
      const got = await pageNumbers(browser().page, ['target', 'actual', 'gap', 'attainmentPct', 'metPct'], ['topTeams', 'quartiles']);
      assert.deepEqual(got.kpis, {
        target: want.kpis.target, actual: want.kpis.actual, gap: want.kpis.gap, attainmentPct: want.kpis.attainmentPct, metPct: want.kpis.metPct,
      });
      assert.deepEqual(got.trend, want.trend);
      assert.deepEqual(got.bars['quartiles']?.map(([, v]) => v), want.quartiles.map(([, n]) => n));
      assert.deepEqual(got.bars['topTeams']?.map(([l]) => l), want.topTeams.map(([l]) => (l === '' ? 'No team' : l)));
      const page = browser().page;
      const team = targetsData.options.teams[0] as string;
      await page.focus('[data-testid="filter-team"]');
      await rendered(browser(), async () => {
        await page.keyboard.press('Enter');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
      });
      const sent = browser().requests.at(-1) as { method: string; params: { filters: TargetsFilters } };
      assert.deepEqual([sent.method, sent.params.filters], ['targets/load', { ...tf, team }]);
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'filter-team', undefined, { timeout: 5000 });
      const filtered = await expectedTargets(w.engine, 'postgres', { ...tf, team });
      assert.equal(Number(await page.getAttribute('[data-testid="kpi-actual"]', 'data-value')), filtered.kpis.actual);
      assert.deepEqual(browser().errors, []);
    });

    it('discounts page shows the numbers the independent query computes, ROI ranking by its minimum of applications', async () => {
      await openDiscounts('light');
      const want = await expectedDiscounts(w.engine, 'postgres', df);
      const got = await pageNumbers(browser().page, ['applications', 'discount', 'revenue', 'weightedRoi', 'marginImpact', 'approvalPct'], ['topByAmount', 'topByRoi', 'marginStatus']);
      const k = want.kpis;
      assert.deepEqual(got.kpis, {
        applications: k.applications, discount: k.discount, revenue: k.revenue, weightedRoi: k.weightedRoi, marginImpact: k.marginImpact,
        approvalPct: k.approvalPct,
      });
      assert.deepEqual(got.bars['topByAmount'], want.topByAmount.map(([code, , d]) => [code, d]));
      assert.deepEqual(got.bars['topByRoi'], want.topByRoi.map(([code, , roi]) => [code, roi]));
      assert.deepEqual(got.bars['marginStatus']?.map(([, v]) => v), want.marginStatus.map(([, n]) => n));
      assert.deepEqual(got.trend.map((p) => (p as unknown[]).slice(0, 3)), want.trendMonths);
      assert.equal(got.detailTotal, Math.min(500, k.applications));
      assert.equal(got.detailRows, Math.min(DETAIL_PAGE_ROWS, got.detailTotal), 'the first page is drawn');
      assert.match(await browser().page.textContent('#topByRoi-title') ?? '', /at least 3 applications/);
    });

    it('draws the detail a page at a time: the count says how many rows there are, sorting orders them all, scrolling, "Show more" and "Show all" reach every row', async () => {
      const page = browser().page;
      // All the data: more rows than three pages.
      const first = discountsData.freshness.firstDate ?? df.from;
      const everything = await discounts.load({ ...df, from: `${first.slice(0, 7)}-01` });
      const total = everything.detail.length;
      await openDiscounts('light', 'en', everything);
      const pageRows = DETAIL_PAGE_ROWS;
      assert.ok(total > 3 * pageRows, `${total} detail rows, more than three pages of ${pageRows}`);
      const count = page.locator('[data-testid="detail-count"]');
      assert.equal(await count.textContent(), `${pageRows} of ${total} rows shown`);
      assert.equal(await page.getAttribute('[data-testid="detail"] table', 'aria-rowcount'), String(total + 1));
      assert.equal(await page.getAttribute('[data-testid="detail"] .table-wrap', 'aria-describedby'), await count.getAttribute('id'));

      // Sorted by discount, largest first, by keyboard: the order is over every row, not the drawn ones.
      const byDiscount = everything.detail.map((r) => r.discount ?? -Infinity).sort((a, b) => b - a);
      const inOrder = (n: number): [number, number][] => byDiscount.slice(0, n).map((v, i) => [i + 2, v]);
      await page.focus('[data-testid="detail"] button.sort[data-focus="detail:sort:discount"]');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      assert.equal(await page.getAttribute('[data-testid="detail"] th[data-key="discount"]', 'aria-sort'), 'descending');
      assert.deepEqual(await detailRows(page), inOrder(pageRows));

      // The scroll region scrolled to its end by keyboard draws the next page.
      await page.focus('[data-testid="detail"] .table-wrap');
      await page.keyboard.press('End');
      await detailDrawn(page, 2 * pageRows, 'the scroll region scrolled to its end');
      assert.deepEqual(await detailRows(page), inOrder(2 * pageRows));
      assert.equal(await count.textContent(), `${2 * pageRows} of ${total} rows shown`);

      // "Show more" by keyboard: a page more, focus stays on it, the first new row scrolled into view.
      await page.focus('[data-testid="detail-more"]');
      await page.keyboard.press('Enter');
      await detailDrawn(page, 3 * pageRows, '"Show more"');
      assert.deepEqual(await detailRows(page), inOrder(3 * pageRows));
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'detail-more');
      assert.ok(await page.locator(`[data-testid="detail"] tbody tr[aria-rowindex="${2 * pageRows + 2}"]`).evaluate((tr) => {
        const region = (tr.closest('.table-wrap') as HTMLElement).getBoundingClientRect();
        const r = tr.getBoundingClientRect();
        return r.top >= region.top && r.bottom <= region.bottom;
      }), 'the first new row is in the scroll region\'s view');

      // "Show all": every row in order, the last one included; the buttons go and focus is on the table.
      await page.focus('[data-testid="detail-all"]');
      await page.keyboard.press('Enter');
      await detailDrawn(page, total, '"Show all"');
      assert.deepEqual(await detailRows(page), inOrder(total));
      assert.equal(await count.textContent(), `${total} of ${total} rows shown`);
      assert.equal(await page.locator('[data-testid="detail-more"], [data-testid="detail-all"]').count(), 0);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-focus')), 'detail:region');
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(browser().errors, []);
    });

    it('colours each KPI by its own direction of good: more discount and more margin given away are bad news, in red', async () => {
      const k = discountsData.kpis;
      const previousKpis = { ...k, discount: k.discount / 2, marginImpact: k.marginImpact / 2, revenue: k.revenue / 2, applications: k.applications / 2 };
      await openDiscounts('light', 'en', { ...discountsData, previousKpis });
      const cards = new Map((await browser().page.$$eval('.kpi', (els) => els.map((c) => {
        const delta = c.querySelector('.delta') as HTMLElement;
        return [c.getAttribute('data-testid'), { trend: delta.dataset['trend'], color: getComputedStyle(delta).color, text: delta.textContent }] as const;
      }))));
      assert.equal(cards.get('kpi-discount')?.trend, 'bad');
      assert.equal(cards.get('kpi-marginImpact')?.trend, 'bad');
      assert.equal(cards.get('kpi-revenue')?.trend, 'good');
      assert.equal(cards.get('kpi-applications')?.trend, 'same', 'a count of applications is neither good nor bad');
      assert.match(cards.get('kpi-marginImpact')?.text ?? '', /^▲ \+.*\(worse\)$/);
      assert.notEqual(cards.get('kpi-discount')?.color, cards.get('kpi-revenue')?.color);
      assert.equal(cards.get('kpi-marginImpact')?.color, cards.get('kpi-discount')?.color);
      const targetsPrevious = { ...targetsData.kpis, gap: targetsData.kpis.gap / 2 - 1 };
      await openTargets('light', 'en', { ...targetsData, previousKpis: targetsPrevious });
      assert.equal(await browser().page.getAttribute('[data-testid="kpi-gap"] .delta', 'data-trend'), 'bad', 'a gap to target that grew is bad news');
    });

    it('has no serious axe violations live and exported in every theme, names every control distinctly, describes each chart in words and numbers', async () => {
      const found: string[] = [];
      const page = browser().page;
      for (const theme of THEMES) {
        await openTargets(theme);
        found.push(...(await seriousViolations(page)).map((v) => `targets live ${theme}: ${v}`));
        await openDiscounts(theme);
        found.push(...(await seriousViolations(page)).map((v) => `discounts live ${theme}: ${v}`));
        for (const kind of ['targets', 'discounts'] as const) {
          const html = kind === 'targets'
            ? renderDashboardSnapshot('targets', targetsData, { bundle: webviewBundle('targets'), theme })
            : renderDashboardSnapshot('discounts', discountsData, { bundle: webviewBundle('discounts'), theme });
          const file = path.join(dir, `${kind}-${theme}.html`);
          writeFileSync(file, html);
          await page.goto(`file://${file}`);
          await page.waitForSelector('main[aria-busy="false"]');
          found.push(...(await seriousViolations(page)).map((v) => `${kind} exported ${theme}: ${v}`));
          assert.equal(await page.$$eval('vscode-button, vscode-single-select, vscode-textfield', (els) => els.length), 0, `${kind} exported: no control without a host`);
        }
      }
      assert.deepEqual(found, []);
      for (const open of [() => openTargets('light'), () => openDiscounts('light')]) {
        await open();
        const names = await page.evaluate(() => [
          ...[...document.querySelectorAll<HTMLElement>('vscode-single-select, vscode-textfield')].map((el) => ({
            visible: document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '', name: el.shadowRoot?.querySelector('[role="combobox"], input')?.getAttribute('aria-label') ?? '',
          })),
          ...[...document.querySelectorAll('vscode-button')].map((el) => ({ visible: el.textContent?.trim() ?? '', name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '' })),
        ]);
        for (const n of names) assert.ok(n.visible !== '' && n.name.startsWith(n.visible), `"${n.name}" begins with "${n.visible}"`);
        const all = names.map((n) => n.name);
        assert.deepEqual(all.filter((n, i) => all.indexOf(n) !== i), [], 'duplicate names');
        const charts = await page.$$eval('.chart-block', (blocks) => blocks.map((bl) => ({
          summary: bl.querySelector('.chart-summary')?.textContent ?? '',
          rows: bl.querySelectorAll('details tbody tr').length,
          described: bl.querySelector('.chart')?.getAttribute('aria-describedby') === bl.querySelector('.chart-summary')?.id,
        })));
        assert.ok(charts.length >= 1);
        for (const c of charts) assert.ok(c.summary.includes('from') && c.rows > 0 && c.described, JSON.stringify(c));
      }
    });

    it('keeps screenshots in light and dark themes (English and Portuguese)', async () => {
      // All the data by month: the generated discounts lie mostly before the last 12 months.
      const first = discountsData.freshness.firstDate ?? df.from;
      const everything = await discounts.load({ ...df, from: `${first.slice(0, 7)}-01` });
      for (const [theme, language] of [['light', 'en'], ['dark', 'pt-BR']] as const) {
        await openTargets(theme, language);
        await browser().screenshot(path.join(artifacts, `targets-${theme}.png`));
        await openDiscounts(theme, language, everything);
        await browser().screenshot(path.join(artifacts, `discounts-${theme}.png`));
      }
      assert.equal(await browser().page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(31, 31, 31)');
      assert.deepEqual(browser().errors, []);
    });
  });
});
