import { strict as assert } from 'node:assert';
import { monitorHandler, salesHandler } from '../../../src/core/dashboard/handler';
import { MonitorQueries } from '../../../src/core/monitor/load';
import { SalesQueries } from '../../../src/core/sales/load';
import { createDashboardWarehouse, type DashboardWarehouse } from './warehouseFixture';

const filters = { from: '2024-01-01', to: '2024-12-31', category: null, state: null, region: null, team: null, seller: null, grain: 'month' };

describe('dashboard hosts reject malformed and hostile messages (PostgreSQL)', () => {
  let w: DashboardWarehouse;
  const calls: string[] = [];
  let sales: ReturnType<typeof salesHandler>;
  let monitor: ReturnType<typeof monitorHandler>;

  before(async () => {
    w = await createDashboardWarehouse({ sales: 300, runs: 20, events: 50 });
    sales = salesHandler(new SalesQueries(w.engine, 'postgres'), {
      showSql: (q) => { calls.push(`showSql ${q}`); return Promise.resolve(); },
      exportCsv: () => { calls.push('exportCsv'); return Promise.resolve({ saved: false, rows: 0 }); },
    });
    monitor = monitorHandler(new MonitorQueries(w.engine, 'postgres'), {
      runEntity: (e) => { calls.push(`run ${e}`); return Promise.resolve(true); },
      revealEntity: (e) => { calls.push(`reveal ${e}`); return Promise.resolve(); },
    });
  });

  after(async () => w?.close());

  it('answers an invalid request with an error reply and does nothing', async () => {
    const replies = await Promise.all([
      sales({ kind: 'request', id: 1, method: 'sales/load', params: { filters: { ...filters, from: "2024-01-01'; DROP TABLE fact.fact_vendas; --" } } }),
      sales({ kind: 'request', id: 2, method: 'sales/exportCsv', params: { filters: { ...filters, grain: 'year' } } }),
      sales({ kind: 'request', id: 3, method: 'monitor/load', params: {} }),
      monitor({ kind: 'request', id: 4, method: 'monitor/action', params: { action: 'run', entity: "x'; DELETE FROM ctl.etl_control; --" } }),
      monitor({ kind: 'request', id: 5, method: 'monitor/action', params: { action: 'truncate', entity: 'dim_cliente' } }),
      monitor({ kind: 'request', id: 6, method: 'monitor/revealEntity', params: { entity: 'dim_cliente', then: 'eval' } }),
      monitor({ kind: 'oops', id: 7 }),
    ]);
    assert.deepEqual(replies.map((r) => r !== undefined && !r.ok && r.error.code), ['invalid-params', 'invalid-params', 'unknown-method', 'invalid-params', 'invalid-params', 'invalid-params', 'invalid-message']);
    assert.deepEqual(calls, []);
    assert.equal((await w.engine.query('SELECT count(*) AS n FROM ctl.etl_control')).rows[0]?.['n'], '9');
  });

  it('ignores messages with no id to answer', async () => {
    for (const m of [undefined, null, 'sales/load', 17, { method: 'sales/load' }]) assert.equal(await sales(m), undefined);
  });

  it('passes filter values as parameters: an injection attempt is only a category that matches nothing', async () => {
    const reply = await sales({ kind: 'request', id: 8, method: 'sales/load', params: { filters: { ...filters, category: "Casa' OR '1'='1" } } });
    assert.ok(reply?.ok);
    const data = reply.result as { kpis: { netRevenue: number; items: number } };
    assert.equal(data.kpis.items, 0);
    assert.equal((await w.engine.query('SELECT count(*) AS n FROM fact.fact_vendas')).rows[0]?.['n'], '300');
  });

  it('refuses a watermark reset when the host cannot ask the user: nothing changes', async () => {
    const watermark = async () => (await w.engine.query("SELECT watermark_id::text || ' ' || watermark_updated_at::text AS w FROM ctl.etl_control WHERE entity_name = 'dim_cliente'")).rows[0]?.['w'];
    await w.engine.query("UPDATE ctl.etl_control SET watermark_id = 42, watermark_updated_at = '2024-05-01' WHERE entity_name = 'dim_cliente'");
    const before = await watermark();
    assert.match(String(before), /^42 2024-05-01/);
    const reply = await monitor({ kind: 'request', id: 10, method: 'monitor/action', params: { action: 'reset-watermark', entity: 'dim_cliente' } });
    assert.deepEqual(reply, { kind: 'reply', id: 10, ok: true, result: { done: false } });
    assert.equal(await watermark(), before);
    assert.deepEqual(calls, []);
  });

  it('reports a failing query as data, with the server error kept out of the control flow', async () => {
    await w.engine.query('ALTER TABLE fact.fact_vendas RENAME TO fact_vendas_moved');
    try {
      const reply = await sales({ kind: 'request', id: 9, method: 'sales/load', params: { filters } });
      assert.ok(reply !== undefined && !reply.ok);
      assert.equal(reply.error.code, 'query-failed');
    } finally {
      await w.engine.query('ALTER TABLE fact.fact_vendas_moved RENAME TO fact_vendas');
    }
  });
});
