import { strict as assert } from 'node:assert';
import { isBabelfish } from '../../../src/core/engine/serverProduct';
import type { Row } from '../../../src/core/engine/types';
import { MonitorQueries } from '../../../src/core/monitor/load';
import { SalesQueries } from '../../../src/core/sales/load';
import { DEFAULT_AUDIT_FILTERS } from '../../../src/protocol/monitor';
import type { SalesFilters } from '../../../src/protocol/sales';
import { skipBecause } from '../../support/skip';
import { sqlServerTarget } from '../engine/engineTargets';
import { createSqlServerWarehouse, type SqlServerWarehouse } from './sqlserverFixture';

const cents = (v: unknown): number => Math.round(Number(v ?? 0) * 100) / 100;

/**
 * The dashboards' T-SQL on a real TDS server (SQL Server, or Babelfish in CI): every panel equals
 * an independent T-SQL query, the sales panels over the consumption view bi.vw_vendas (which the
 * dashboard does not read), the monitor's over audit and ctl directly.
 */
describe('dashboards in T-SQL on SQL Server (DW_TEST_MSSQL)', function () {
  // The bootstrap and the fixture on a busy 2-core machine.
  this.timeout(600_000);
  let w: SqlServerWarehouse | undefined;
  const db = (): SqlServerWarehouse => {
    if (w === undefined) throw new Error('no warehouse');
    return w;
  };
  before(async function () {
    if (sqlServerTarget.skipReason !== undefined) skipBecause(this, sqlServerTarget.skipReason);
    w = await createSqlServerWarehouse();
  });
  after(async () => w?.close());

  async function expectedSales(f: SalesFilters) {
    const where = `data BETWEEN @p1 AND @p2 AND (@p3 IS NULL OR categoria = @p3) AND (@p4 IS NULL OR estado = @p4)
      AND (@p5 IS NULL OR regiao_pais = @p5) AND (@p6 IS NULL OR nome_equipe = @p6) AND (@p7 IS NULL OR nome_vendedor = @p7)`;
    const p = [f.from, f.to, f.category, f.state, f.region, f.team, f.seller];
    const q = async (sql: string): Promise<Row[]> => (await db().engine.query(sql, p)).rows;
    const [k] = await q(`SELECT SUM(valor_total_liquido) AS net, SUM(margem_bruta) AS margin, SUM(valor_devolvido) AS ret,
        COUNT(DISTINCT numero_pedido) AS orders, SUM(valor_total_descontos) AS disc, SUM(valor_total_bruto) AS gross, COUNT(*) AS items
      FROM bi.vw_vendas WHERE ${where}`);
    const net = cents(k?.['net']);
    const ranked = async (col: string, n: number): Promise<unknown[]> =>
      (await q(`SELECT TOP (${n}) ${col} AS label, SUM(valor_total_liquido) AS v FROM bi.vw_vendas WHERE ${where} GROUP BY ${col} ORDER BY SUM(valor_total_liquido) DESC, ${col}`))
        .map((r) => [String(r['label']), cents(r['v'])]);
    const month = 'DATEFROMPARTS(YEAR(data), MONTH(data), 1)';
    return {
      kpis: {
        netRevenue: net,
        grossMargin: cents(k?.['margin']),
        orders: Number(k?.['orders']),
        items: Number(k?.['items']),
        averageTicket: Number(k?.['orders']) === 0 ? 0 : Math.round((net / Number(k?.['orders'])) * 100) / 100,
        returnRatePct: net === 0 ? 0 : Math.round((cents(k?.['ret']) / net) * 10000) / 100,
      },
      topProducts: await ranked('nome_produto', 10),
      topStates: await ranked('estado', 10),
      categoryMix: await ranked('categoria', 50),
      trend: (await q(`SELECT CONVERT(char(10), ${month}, 23) AS m, SUM(valor_total_liquido) AS v, SUM(margem_bruta) AS g FROM bi.vw_vendas WHERE ${where} GROUP BY ${month} ORDER BY ${month}`))
        .map((r) => [String(r['m']), cents(r['v']), cents(r['g'])]),
      weekdays: (await q(`SELECT dia_da_semana AS d, SUM(valor_total_liquido) AS v FROM bi.vw_vendas WHERE ${where} GROUP BY dia_da_semana ORDER BY dia_da_semana`)).map((r) => cents(r['v'])),
      sellers: (await q(`SELECT TOP (20) nome_vendedor AS s, SUM(valor_total_liquido) AS v, COUNT(DISTINCT numero_pedido) AS n FROM bi.vw_vendas WHERE ${where}
          GROUP BY nome_vendedor ORDER BY SUM(valor_total_liquido) DESC, nome_vendedor`)).map((r) => [String(r['s']), cents(r['v']), Number(r['n'])]),
    };
  }

  for (const f of [
    { from: '2024-01-01', to: '2024-12-31', category: null, state: null, region: null, team: null, seller: null, grain: 'month' },
    { from: '2024-03-01', to: '2024-08-31', category: 'Casa', state: null, region: null, team: 'Equipe Beta', seller: null, grain: 'month' },
  ] as const satisfies readonly SalesFilters[]) {
    it(`sales: every panel equals the independent query over bi.vw_vendas, KPIs to the cent (${f.from}..${f.to}${f.category === null ? '' : `, ${f.category}, ${f.team}`})`, async () => {
      const data = await new SalesQueries(db().engine, 'sqlserver').load(f);
      const want = await expectedSales(f);
      assert.ok(want.kpis.netRevenue > 0, 'the filters select sales');
      const k = data.kpis;
      assert.deepEqual({
        netRevenue: k.netRevenue, grossMargin: k.grossMargin, orders: k.orders, items: k.items, averageTicket: k.averageTicket, returnRatePct: k.returnRatePct,
      }, want.kpis);
      assert.deepEqual(data.topProducts.map((x) => [x.label, x.netRevenue]), want.topProducts);
      assert.deepEqual(data.topStates.map((x) => [x.label, x.netRevenue]), want.topStates);
      assert.deepEqual(data.categoryMix.map((x) => [x.label, x.netRevenue]), want.categoryMix);
      assert.deepEqual(data.trend.map((x) => [x.period, x.netRevenue, x.grossMargin]), want.trend);
      assert.deepEqual(data.byWeekday.map((x) => x.netRevenue), want.weekdays);
      assert.deepEqual(data.sellerRanking.map((x) => [x.seller, x.netRevenue, x.orders]), want.sellers);
    });
  }

  it('monitor: every panel loads without error and equals the independent queries over audit and ctl', async () => {
    const monitor = new MonitorQueries(db().engine, 'sqlserver');
    const now = new Date();
    const data = await monitor.load({ ...DEFAULT_AUDIT_FILTERS, hours: 720 });
    assert.deepEqual(data.errors, []);
    const q = async (sql: string): Promise<Row[]> => (await db().engine.query(sql, [{ value: new Date(now.getTime() - 14 * 86_400_000), type: { kind: 'timestamp', precision: 3 } }])).rows;
    const running = await q("SELECT run_id FROM audit.etl_run WHERE status = 'running' AND started_at >= @p1 ORDER BY run_id");
    assert.deepEqual(data.running.map((r) => r.runId), running.map((r) => Number(r['run_id'])));
    const perDay = await q(`SELECT CONVERT(char(10), CAST(started_at AS date), 23) AS day, status, COUNT(*) AS runs FROM audit.etl_run
      WHERE started_at >= @p1 GROUP BY CAST(started_at AS date), status`);
    const key = (x: { day: string; status: string; runs: number }): string => `${x.day} ${x.status} ${x.runs}`;
    assert.deepEqual(data.statusPerDay.map(key).sort(), perDay.map((r) => key({ day: String(r['day']), status: String(r['status']), runs: Number(r['runs']) })).sort());
    const volume = await q(`SELECT e.entity_name, COUNT(*) AS runs, SUM(e.extracted_count) AS extracted FROM audit.etl_run_entity e
      WHERE e.started_at >= @p1 GROUP BY e.entity_name`);
    assert.deepEqual(data.volumePerEntity.map((v) => [v.entity, v.runs, v.extracted]).sort(), volume.map((r) => [String(r['entity_name']), Number(r['runs']), Number(r['extracted'])]).sort());
    const failed = await q("SELECT COUNT(*) AS n FROM audit.etl_run_entity WHERE status = 'failed' AND started_at >= @p1");
    assert.equal(data.failures.reduce((s, g) => s + g.count, 0), Number(failed[0]?.['n']));
    assert.deepEqual(data.control.map((c) => c.entity).sort(), (await q('SELECT entity_name FROM ctl.etl_control')).map((r) => String(r['entity_name'])).sort());
    const total = await q('SELECT COUNT(*) AS n FROM audit.connection_login_events WHERE captured_at >= DATEADD(hour, -720, SYSUTCDATETIME())');
    assert.equal(data.connections.total, Number(total[0]?.['n']));
    assert.ok(data.connections.total > 0);
  });

  it('monitor: the connection audit by login, program and host holds the rows independent T-SQL finds, each with its snapshot\'s run and stage', async () => {
    const monitor = new MonitorQueries(db().engine, 'sqlserver');
    // A snapshot as an ETL run takes it (the run's id and stage), of this test's own sessions.
    await db().engine.query('EXEC audit.usp_capture_connection_snapshot @run_id = @p1, @stage = @p2', [{ value: 4242, type: { kind: 'bigint' } }, 'failure']);
    const q = async (sql: string, p: unknown[]): Promise<Row[]> => (await db().engine.query(sql, p as never)).rows;
    for (const [login, program, host] of [['sa', 'sqlcmd', 'host1'], ['etl_monitor', 'DW Workbench', 'host0'], ['sa', 'SSMS', 'host1']] as const) {
      const data = await monitor.load({ ...DEFAULT_AUDIT_FILTERS, login, program, host, hours: 720 });
      assert.deepEqual(data.errors, []);
      const want = await q(`SELECT TOP (200) session_id FROM audit.connection_login_events WHERE login_name = @p1 AND program_name = @p2 AND host_name = @p3
        AND captured_at >= DATEADD(hour, -720, SYSUTCDATETIME()) ORDER BY captured_at DESC, event_id DESC`, [login, program, host]);
      assert.deepEqual(data.connections.recent.map((e) => [e.login, e.program, e.host, e.sessionId]), want.map((r) => [login, program, host, Number(r['session_id'])]), `${login}/${program}/${host}`);
      assert.equal(data.connections.total, want.length);
      if (program !== 'SSMS') assert.ok(want.length > 0, `the fixture has ${login}/${program}/${host}`);
      assert.deepEqual(['host0', 'host1', 'host2'].filter((x) => data.connections.options.hosts.includes(x)), ['host0', 'host1', 'host2'], 'hosts offered to filter by');
    }
    const linked = await monitor.load({ ...DEFAULT_AUDIT_FILTERS, program: 'dwb-dashboard-test', hours: 1 });
    const want = await q(`SELECT TOP (200) run_id, stage FROM audit.connection_login_events WHERE program_name = @p1
      AND captured_at >= DATEADD(hour, -1, SYSUTCDATETIME()) ORDER BY captured_at DESC, event_id DESC`, ['dwb-dashboard-test']);
    assert.deepEqual(linked.connections.recent.map((e) => [e.runId, e.stage]), want.map((r) => [r['run_id'] === null ? null : Number(r['run_id']), r['stage']]));
    assert.ok(linked.connections.recent.some((e) => e.runId === 4242 && e.stage === 'failure'));
  });

  it('connection snapshot: sys.dm_exec_sessions fills the audit panels with this session', async () => {
    const monitor = new MonitorQueries(db().engine, 'sqlserver');
    const captured = await monitor.captureSnapshot();
    assert.ok(captured > 0, 'the snapshot captured sessions');
    const data = await monitor.load({ ...DEFAULT_AUDIT_FILTERS, program: 'dwb-dashboard-test', hours: 1 });
    assert.deepEqual(data.errors, []);
    assert.ok(data.connections.total >= 1, `connections of this program: ${data.connections.total}`);
    assert.ok(data.connections.recent.every((e) => e.program === 'dwb-dashboard-test'));
    assert.ok(data.connections.recent.some((e) => e.database === 'DW_ECOMMERCE' || e.database === 'dw_ecommerce'), JSON.stringify(data.connections.recent[0]));
    // Audit files belong to SQL Server Audit, which Babelfish does not have: the panel is empty there.
    if (isBabelfish(await db().engine.serverInfo())) assert.equal(data.connections.auditFileEvents, null);
  });
});
