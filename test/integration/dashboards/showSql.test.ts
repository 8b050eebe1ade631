import { strict as assert } from 'node:assert';
import { salesQueryLiteralText, SalesQueries } from '../../../src/core/sales/load';
import { SALES_QUERY_IDS, type SalesFilters } from '../../../src/protocol/sales';
import { createDashboardWarehouse, type DashboardWarehouse } from './warehouseFixture';

const all: SalesFilters = { from: '2024-01-01', to: '2024-12-31', category: null, state: null, region: null, team: null, seller: null, grain: 'month' };

describe('"Show SQL" text runs as is, with the filters written in (PostgreSQL)', () => {
  let w: DashboardWarehouse;
  before(async () => {
    w = await createDashboardWarehouse({ sales: 300, runs: 5, events: 5 });
  });
  after(async () => w?.close());

  it('has no placeholders, and every panel\'s text runs without parameters', async () => {
    const filters: SalesFilters = { ...all, state: 'SP', seller: "D'Ávila" };
    for (const id of SALES_QUERY_IDS) {
      const text = salesQueryLiteralText('postgres', id, filters);
      assert.doesNotMatch(text, /\$\d/, id);
      await w.engine.query(text);
    }
    assert.match(salesQueryLiteralText('postgres', 'kpis', filters), /'D''Ávila'/);
  });

  it('gives the numbers the dashboard shows for the same filters', async () => {
    const queries = new SalesQueries(w.engine, 'postgres');
    const category = (await queries.load(all)).options.categories[0] ?? null;
    for (const filters of [all, { ...all, category }]) {
      const shown = (await queries.load(filters)).kpis;
      const row = (await w.engine.query(salesQueryLiteralText('postgres', 'kpis', filters))).rows[0] ?? {};
      assert.deepEqual([Number(row['net_revenue']), Number(row['orders'])], [shown.netRevenue, shown.orders], JSON.stringify(filters));
    }
  });
  it('marks the unknown member (key -1) in the seller ranking, so the UI can name it in its own language', async () => {
    await w.engine.batch(`CREATE TEMP TABLE one_sale AS SELECT * FROM fact.fact_vendas LIMIT 1;
      UPDATE one_sale SET venda_id = (SELECT MAX(venda_id) + 1 FROM fact.fact_vendas), item_pedido_original_id = 999999999, vendedor_id = -1;
      INSERT INTO fact.fact_vendas SELECT * FROM one_sale;`);
    const ranking = (await new SalesQueries(w.engine, 'postgres').load({ ...all, from: '2023-01-01', to: '2026-12-31' })).sellerRanking;
    assert.deepEqual(ranking.filter((r) => r.unknown).map((r) => r.seller), ['Desconhecido']);
    assert.ok(ranking.filter((r) => !r.unknown).length > 1);
  });
});
