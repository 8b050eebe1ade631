import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { salesHandler } from '../../../src/core/dashboard/handler';
import { SalesQueries } from '../../../src/core/sales/load';
import type { SalesFilters, SalesInitialState } from '../../../src/protocol/sales';
import { skipBecause } from '../../support/skip';
import { DETAIL_PAGE_ROWS } from '../../../webview/shared/table';
import { chromiumAvailable, openDashboardBrowser, type DashboardBrowser } from './browserHarness';
import { createEtlWarehouse, type EtlWarehouse } from './etlWarehouse';
import { ensureBuilt } from '../../support/build';

const root = path.resolve(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts', 'dashboards');

/**
 * The independent computation: the consumption view bi.vw_vendas (which the dashboard does not
 * read), filtered with the same values, aggregated in one place.
 */
async function expected(w: EtlWarehouse, f: SalesFilters) {
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
  const trunc = f.grain === 'month' ? "date_trunc('month', data)" : 'data';
  const trend = (await q(`SELECT to_char(${trunc}, 'YYYY-MM-DD') AS m, round(sum(valor_total_liquido), 2)::text AS v,
      round(sum(margem_bruta), 2)::text AS g FROM bi.vw_vendas WHERE ${where} GROUP BY 1 ORDER BY 1`)).map((r) => [r['m'], Number(r['v']), Number(r['g'])]);
  const weekdays = (await q(`SELECT dia_da_semana, round(sum(valor_total_liquido), 2)::text AS v FROM bi.vw_vendas WHERE ${where} GROUP BY 1 ORDER BY 1`))
    .map((r) => Number(r['v']));
  const sellers = (await q(`SELECT nome_vendedor AS s, round(sum(valor_total_liquido), 2)::text AS v, count(DISTINCT numero_pedido) AS n
      FROM bi.vw_vendas WHERE ${where} GROUP BY 1 ORDER BY sum(valor_total_liquido) DESC, 1 LIMIT 20`)).map((r) => [String(r['s']), Number(r['v']), Number(r['n'])]);
  const [items] = await q(`SELECT count(*)::int AS n FROM bi.vw_vendas WHERE ${where}`);
  return {
    kpis: { netRevenue: Number(k?.['net'] ?? 0), grossMargin: Number(k?.['margin'] ?? 0), returnRatePct: Number(k?.['ret'] ?? 0), averageTicket: Number(k?.['ticket'] ?? 0), averageDiscountPct: Number(k?.['disc'] ?? 0) },
    topProducts: await ranked('nome_produto', 10),
    topStates: await ranked('estado', 10),
    categoryMix: await ranked('categoria', 50),
    // Sales of sellers without a team (and of the unknown seller) are grouped under "No team".
    byTeam: (await ranked('nome_equipe', 50)).map(([label, v]) => [label === 'null' ? 'No team' : label, v]),
    weekdays,
    sellers,
    trend,
    detailRows: Math.min(Number(items?.['n'] ?? 0), 500),
    // The first page of them is drawn; the rest on scrolling or "Show more".
    detailDrawn: Math.min(Number(items?.['n'] ?? 0), 500, DETAIL_PAGE_ROWS),
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
      weekdays: bars('byWeekday').map((b) => b[1]),
      sellers: [...document.querySelectorAll('[data-testid="sellerRanking"] tbody tr')].map((tr) => [
        tr.querySelector('td[data-key="seller"]')?.textContent, Number(tr.querySelector('td[data-key="netRevenue"]')?.getAttribute('data-value')),
        Number(tr.querySelector('td[data-key="orders"]')?.getAttribute('data-value'))]),
      trend: JSON.parse(document.querySelector('[data-testid="trend"]')?.getAttribute('data-points') ?? '[]') as unknown[],
      // The rows the table has, drawn or not (its aria-rowcount counts the header row).
      detailRows: Number(document.querySelector('[data-testid="detail"] table')?.getAttribute('aria-rowcount') ?? document.querySelectorAll('[data-testid="detail"] tbody tr').length + 1) - 1,
      detailDrawn: document.querySelectorAll('[data-testid="detail"] tbody tr').length,
    };
  });
}

async function rerendered(b: DashboardBrowser, action: () => Promise<unknown>): Promise<void> {
  const before = await b.page.getAttribute('main', 'data-rendered');
  await action();
  await b.page.waitForFunction((t) => document.querySelector('main')?.getAttribute('data-rendered') !== t, before);
}

async function choose(b: DashboardBrowser, testId: string, value: string): Promise<void> {
  await rerendered(b, () => b.page.evaluate(([id, v]) => {
    const select = document.querySelector(`[data-testid="${id}"]`) as HTMLElement & { value: string };
    select.value = v as string;
    select.dispatchEvent(new Event('change'));
  }, [testId, value]));
}

/**
 * On the data a user has: a PostgreSQL warehouse after the project's bootstrap plan (generator at
 * a small scale) and the ETL of every entity, initial and incremental. No fixture: the numbers
 * come from the generated OLTP rows through the shipped ETL.
 */
describe('sales dashboard in headless Chromium (PostgreSQL, bootstrap + generator + ETL)', function () {
  this.timeout(600_000);
  let w: EtlWarehouse;
  let b: DashboardBrowser;
  let queries: SalesQueries;
  let opened: SalesFilters;

  before(async function () {
    if (!chromiumAvailable()) skipBecause(this, 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
    ensureBuilt();
    w = await createEtlWarehouse();
    queries = new SalesQueries(w.engine, 'postgres');
    b = await openDashboardBrowser(salesHandler(queries, { showSql: () => Promise.resolve(), exportCsv: () => Promise.resolve({ saved: false, rows: 0 }) }));
    // What the panel opens with: the last 30 days with sales, by day.
    opened = await queries.defaultFilters(new Date().toISOString().slice(0, 10));
    const state: SalesInitialState = { kind: 'sales', language: 'en', data: await queries.load(opened), snapshot: false };
    await b.open('sales', state, 'light');
  });

  after(async () => {
    await b?.close();
    await w?.close();
  });

  it('opens on the last 30 days with sales, every panel as an independent query over bi.vw_vendas computes it, KPIs to the cent', async () => {
    assert.equal(opened.grain, 'day');
    const want = await expected(w, opened);
    const got = await shown(b);
    assert.ok(want.kpis.netRevenue > 0, 'the generated sales reach the last 30 days');
    assert.deepEqual(got, want);
  });

  it('round-trips a category filter through the protocol and re-renders with the filtered numbers', async () => {
    const category = (await w.engine.query('SELECT categoria FROM bi.vw_vendas GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')).rows[0]?.['categoria'] as string;
    await choose(b, 'filter-category', category);
    const sent = b.requests.at(-1) as { method: string; params: { filters: SalesFilters } };
    assert.equal(sent.method, 'sales/load');
    assert.deepEqual(sent.params.filters, { ...opened, category });
    const want = await expected(w, { ...opened, category });
    const got = await shown(b);
    assert.deepEqual(got, want);
    assert.deepEqual(got.categoryMix, [[category, want.kpis.netRevenue]]);
    await choose(b, 'filter-category', '');
  });

  it('switches to all data by month through the period preset, every panel still equal to the independent query', async () => {
    await choose(b, 'filter-preset', 'all');
    const sent = b.requests.at(-1) as { method: string; params: { filters: SalesFilters } };
    assert.equal(sent.params.filters.grain, 'month');
    const [range] = (await w.engine.query("SELECT to_char(min(data), 'YYYY-MM-DD') AS f, to_char(max(data), 'YYYY-MM-DD') AS t FROM bi.vw_vendas")).rows;
    assert.deepEqual([sent.params.filters.from, sent.params.filters.to], [range?.['f'], range?.['t']]);
    const want = await expected(w, sent.params.filters);
    assert.ok(want.trend.length > 1, 'more than one month of sales');
    assert.deepEqual(await shown(b), want);
  });

  it('keeps screenshots of the dashboard in light and dark themes', async () => {
    mkdirSync(artifacts, { recursive: true });
    await b.screenshot(path.join(artifacts, 'sales-light.png'));
    const state: SalesInitialState = { kind: 'sales', language: 'pt-BR', data: await queries.load(opened), snapshot: false };
    await b.open('sales', state, 'dark');
    await b.screenshot(path.join(artifacts, 'sales-dark.png'));
    const bg = await b.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(31, 31, 31)');
    assert.deepEqual(b.errors, []);
  });
});
