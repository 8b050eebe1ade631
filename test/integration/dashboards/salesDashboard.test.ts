import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { salesHandler } from '../../../src/core/dashboard/handler';
import { SalesQueries } from '../../../src/core/sales/load';
import type { SalesFilters, SalesInitialState } from '../../../src/protocol/sales';
import { skipBecause } from '../../support/skip';
import { chromiumAvailable, openDashboardBrowser, type DashboardBrowser } from './browserHarness';
import { createDashboardWarehouse, type DashboardWarehouse } from './warehouseFixture';

const root = path.resolve(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts', 'dashboards');
const year: SalesFilters = { from: '2024-01-01', to: '2024-12-31', category: null, state: null, region: null, team: null, seller: null, grain: 'month' };

/**
 * The independent computation: the consumption view bi.vw_vendas (which the dashboard does not
 * read), filtered with the same values, aggregated in one place.
 */
async function expected(w: DashboardWarehouse, f: SalesFilters) {
  const where = `data BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR categoria = $3) AND ($4::text IS NULL OR estado = $4)
    AND ($5::text IS NULL OR regiao_pais = $5) AND ($6::text IS NULL OR nome_equipe = $6) AND ($7::text IS NULL OR nome_vendedor = $7)`;
  const p = [f.from, f.to, f.category, f.state, f.region, f.team, f.seller];
  const q = async (sql: string) => (await w.engine.query(sql, p)).rows;
  const [k] = await q(`SELECT round(sum(valor_total_liquido), 2)::text AS net, round(sum(margem_bruta), 2)::text AS margin,
      round(100 * sum(valor_devolvido) / nullif(sum(valor_total_liquido), 0), 2)::text AS ret,
      round(sum(valor_total_liquido) / nullif(count(DISTINCT numero_pedido), 0), 2)::text AS ticket,
      round(100 * sum(valor_total_descontos) / nullif(sum(valor_total_bruto), 0), 2)::text AS disc
    FROM bi.vw_vendas WHERE ${where}`);
  const ranked = async (col: string, n: number) =>
    (await q(`SELECT ${col} AS label, round(sum(valor_total_liquido), 2)::text AS v FROM bi.vw_vendas WHERE ${where} GROUP BY 1 ORDER BY sum(valor_total_liquido) DESC, 1 LIMIT ${n}`))
      .map((r) => [String(r['label']), Number(r['v'])]);
  const months = (await q(`SELECT to_char(date_trunc('month', data), 'YYYY-MM-DD') AS m, round(sum(valor_total_liquido), 2)::text AS v,
      round(sum(margem_bruta), 2)::text AS g FROM bi.vw_vendas WHERE ${where} GROUP BY 1 ORDER BY 1`)).map((r) => [r['m'], Number(r['v']), Number(r['g'])]);
  return {
    kpis: { netRevenue: Number(k?.['net'] ?? 0), grossMargin: Number(k?.['margin'] ?? 0), returnRatePct: Number(k?.['ret'] ?? 0), averageTicket: Number(k?.['ticket'] ?? 0), averageDiscountPct: Number(k?.['disc'] ?? 0) },
    topProducts: await ranked('nome_produto', 10),
    topStates: await ranked('estado', 10),
    categoryMix: await ranked('categoria', 50),
    byTeam: await ranked('nome_equipe', 50),
    months,
  };
}

async function shown(b: DashboardBrowser) {
  return b.page.evaluate(() => {
    const kpi = (id: string) => Number(document.querySelector(`[data-testid="kpi-${id}"]`)?.getAttribute('data-value'));
    const bars = (id: string) => [...document.querySelectorAll(`[data-testid="${id}"] li`)].map((li) => [li.getAttribute('data-label'), Number(li.getAttribute('data-value'))]);
    return {
      kpis: { netRevenue: kpi('netRevenue'), grossMargin: kpi('grossMargin'), returnRatePct: kpi('returnRatePct'), averageTicket: kpi('averageTicket'), averageDiscountPct: kpi('averageDiscountPct') },
      topProducts: bars('topProducts'),
      topStates: bars('topStates'),
      categoryMix: bars('categoryMix'),
      byTeam: bars('byTeam'),
      months: JSON.parse(document.querySelector('[data-testid="trend"]')?.getAttribute('data-points') ?? '[]') as unknown[],
      detailRows: document.querySelectorAll('[data-testid="detail"] tbody tr').length,
    };
  });
}

describe('sales dashboard in headless Chromium (PostgreSQL)', function () {
  let w: DashboardWarehouse;
  let b: DashboardBrowser;
  let queries: SalesQueries;

  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    w = await createDashboardWarehouse({ sales: 3000, runs: 100, events: 500 });
    queries = new SalesQueries(w.engine, 'postgres');
    b = await openDashboardBrowser(salesHandler(queries, { showSql: () => Promise.resolve(), exportCsv: () => Promise.resolve({ saved: false, rows: 0 }) }));
    const state: SalesInitialState = { kind: 'sales', language: 'en', data: await queries.load(year), snapshot: false };
    await b.open('sales', state, 'light');
  });

  after(async () => {
    await b?.close();
    await w?.close();
  });

  it('shows every panel as an independent query over bi.vw_vendas computes it, KPIs to the cent', async () => {
    const want = await expected(w, year);
    const got = await shown(b);
    assert.ok(want.kpis.netRevenue > 0);
    assert.deepEqual(got.kpis, want.kpis);
    assert.deepEqual(got.topProducts, want.topProducts);
    assert.deepEqual(got.topStates, want.topStates);
    assert.deepEqual(got.categoryMix, want.categoryMix);
    assert.deepEqual(got.byTeam, want.byTeam);
    assert.deepEqual(got.months, want.months);
    assert.equal(got.detailRows, 500);
  });

  it('round-trips a filter change through the protocol and re-renders with the filtered numbers', async () => {
    const before = await b.page.getAttribute('main', 'data-rendered');
    await b.page.evaluate(() => {
      const select = document.querySelector('[data-testid="filter-category"]') as HTMLElement & { value: string };
      select.value = 'Casa';
      select.dispatchEvent(new Event('change'));
    });
    await b.page.waitForFunction((t) => document.querySelector('main')?.getAttribute('data-rendered') !== t, before);
    const sent = b.requests.at(-1) as { method: string; params: { filters: SalesFilters } };
    assert.equal(sent.method, 'sales/load');
    assert.equal(sent.params.filters.category, 'Casa');
    const want = await expected(w, { ...year, category: 'Casa' });
    const got = await shown(b);
    assert.deepEqual(got.kpis, want.kpis);
    assert.deepEqual(got.categoryMix, [['Casa', want.kpis.netRevenue]]);
    assert.deepEqual(got.topProducts, want.topProducts);
  });

  it('keeps screenshots of the dashboard in light and dark themes', async () => {
    mkdirSync(artifacts, { recursive: true });
    await b.page.screenshot({ path: path.join(artifacts, 'sales-light.png'), fullPage: true });
    const state: SalesInitialState = { kind: 'sales', language: 'pt-BR', data: await queries.load(year), snapshot: false };
    await b.open('sales', state, 'dark');
    await b.page.screenshot({ path: path.join(artifacts, 'sales-dark.png'), fullPage: true });
    const bg = await b.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(31, 31, 31)');
  });
});
