/**
 * Dashboards at size: 10k ETL runs and 100k connection events (plus 100k sales items) in a
 * throw-away PostgreSQL database built with the project's own scripts.
 *
 * Measures (medians of DWB_BENCH_RUNS, default 5):
 * - open -> fully rendered, per dashboard: the host's queries (the same code the extension runs),
 *   the page with the data embedded, until the webview reports it rendered and its charts drew.
 *   Baseline in the same browser: the same page with an empty dataset, so the ratio shows what
 *   the data costs over the page itself.
 * - each dashboard query's server time (EXPLAIN ANALYZE with the real parameters), and whether
 *   its plan reads the large tables through an index (a Seq Scan on them is reported).
 * Goals: first render <= 1 s, each query <= 100 ms. Prints a table, then one line of JSON.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { monitorHandler, salesHandler } from '../src/core/dashboard/handler';
import { postgresMonitorDialect } from '../src/core/monitor/dialect';
import { HISTORY_DAYS, MonitorQueries } from '../src/core/monitor/load';
import { monitorSql } from '../src/core/monitor/sql';
import { postgresSalesDialect } from '../src/core/sales/dialect';
import { dateId, SalesQueries } from '../src/core/sales/load';
import { SALES_LIMITS, salesSql } from '../src/core/sales/sql';
import type { SqlParam } from '../src/core/engine/types';
import { DEFAULT_AUDIT_FILTERS, type MonitorData } from '../src/protocol/monitor';
import type { SalesDashboardData, SalesFilters, SalesQueryId } from '../src/protocol/sales';
import { bothDashboards, chromiumAvailable, openDashboardBrowser } from '../test/integration/dashboards/browserHarness';
import { createDashboardWarehouse, type DashboardWarehouse } from '../test/integration/dashboards/warehouseFixture';

const RUNS = Number(process.env['DWB_BENCH_RUNS'] ?? 5);
const GOAL_RENDER_MS = 1000;
const GOAL_QUERY_MS = 100;
const LARGE_TABLES = new Set(['etl_run', 'etl_run_entity', 'connection_login_events', 'fact_vendas']);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] }

function seqScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && LARGE_TABLES.has(node['Relation Name'] ?? '') ? [node['Relation Name'] as string] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

async function explain(w: DashboardWarehouse, sql: string, params: readonly SqlParam[]): Promise<{ ms: number; seq: string[] }> {
  const times: number[] = [];
  let seq: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await w.engine.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const raw = Object.values(r.rows[0] ?? {})[0];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }[];
    const top = plan[0];
    if (top === undefined) throw new Error('EXPLAIN returned no plan');
    times.push(top['Execution Time'] + top['Planning Time']);
    seq = seqScans(top.Plan);
  }
  return { ms: median(times), seq };
}

async function queryTimes(w: DashboardWarehouse, filters: SalesFilters): Promise<{ name: string; ms: number; seq: string[] }[]> {
  const text = (v: string | null): SqlParam => ({ value: v, type: { kind: 'text', length: 200 } });
  const out: { name: string; ms: number; seq: string[] }[] = [];
  const sales = salesSql(postgresSalesDialect);
  const filterParams: SqlParam[] = [{ value: dateId(filters.from), type: { kind: 'int' } }, { value: dateId(filters.to), type: { kind: 'int' } }, text(null), text(null), text(null), text(null), text(null)];
  for (const id of Object.keys(sales) as SalesQueryId[]) {
    const limit = SALES_LIMITS[id];
    const params = id === 'options' || id === 'freshness' ? [] : limit === undefined ? filterParams : [...filterParams, { value: limit, type: { kind: 'int' } } as SqlParam];
    out.push({ name: `sales.${id}`, ...(await explain(w, sales[id], params)) });
  }
  const m = monitorSql(postgresMonitorDialect);
  const now = Date.now();
  const since: SqlParam = { value: new Date(now - HISTORY_DAYS * 86_400_000), type: { kind: 'timestamp', precision: 3 } };
  const day: SqlParam = { value: new Date(now - 24 * 3_600_000), type: { kind: 'timestamp', precision: 3 } };
  // The connection-audit filters as monitor/sql.ts numbers them: since, login, program, database, status, host.
  const audit = [day, text(null), text(null), text(null), text(null), text(null)];
  const runId: SqlParam = { value: 5000, type: { kind: 'bigint' } };
  const monitorQueries: [string, string, SqlParam[]][] = [
    ['running', m.running, [since]], ['recentRuns', m.recentRuns, []], ['runDetail', m.runDetail, [runId]], ['timeline', m.timeline, [since]],
    ['statusPerDay', m.statusPerDay, [since]], ['volumePerEntity', m.volumePerEntity, [since]], ['failures', m.failures, [since]], ['control', m.control, []],
    ['auditTotal', m.auditTotal, audit], ['topLogins', m.topLogins, audit], ['topPrograms', m.topPrograms, audit], ['topDatabases', m.topDatabases, audit],
    ['perHour', m.perHour, audit], ['recentEvents', m.recentEvents, audit], ['auditOptions', m.auditOptions, [day]], ['correlation', m.correlation, [since]],
  ];
  for (const [name, sql, params] of monitorQueries) out.push({ name: `monitor.${name}`, ...(await explain(w, sql, params)) });
  return out;
}

function emptyLike<T extends SalesDashboardData | MonitorData>(d: T): T {
  return JSON.parse(JSON.stringify(d, (_k, v: unknown) => (Array.isArray(v) ? [] : v))) as T;
}

async function main(): Promise<void> {
  if (!chromiumAvailable()) throw new Error('Chromium is missing: apt-get install -y chromium');
  const root = path.resolve(__dirname, '..');
  if (spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--production'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  const started = Date.now();
  const w = await createDashboardWarehouse({ sales: 100_000, runs: 10_000, events: 100_000, runDays: 90, eventDays: 30 });
  console.log(`fixture: 100k sales items, 10k runs (20k entity rows), 100k connection events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  try {
    const sales = new SalesQueries(w.engine, 'postgres');
    const monitor = new MonitorQueries(w.engine, 'postgres');
    const b = await openDashboardBrowser(bothDashboards(
      salesHandler(sales, { showSql: () => Promise.resolve(), exportCsv: () => Promise.resolve({ saved: false, rows: 0 }) }),
      monitorHandler(monitor, { runEntity: () => Promise.resolve(false), revealEntity: () => Promise.resolve() })));
    const waitCharts = () => b.page.waitForFunction(() => document.querySelectorAll('.chart').length === document.querySelectorAll('.chart canvas').length);
    const render = { monitor: [] as number[], sales: [] as number[], monitorBase: [] as number[], salesBase: [] as number[] };
    const filters = await sales.defaultFilters(new Date().toISOString().slice(0, 10));
    try {
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        const md = await monitor.load(DEFAULT_AUDIT_FILTERS);
        await b.open('monitor', { kind: 'monitor', language: 'en', data: md, snapshot: false, autoRefreshSeconds: 0 }, 'dark');
        await waitCharts();
        render.monitor.push(performance.now() - t);
        t = performance.now();
        const sd = await sales.load(filters);
        await b.open('sales', { kind: 'sales', language: 'en', data: sd, snapshot: false }, 'light');
        await waitCharts();
        render.sales.push(performance.now() - t);
        t = performance.now();
        await b.open('monitor', { kind: 'monitor', language: 'en', data: emptyLike(md), snapshot: false, autoRefreshSeconds: 0 }, 'dark');
        render.monitorBase.push(performance.now() - t);
        t = performance.now();
        await b.open('sales', { kind: 'sales', language: 'en', data: emptyLike(sd), snapshot: false }, 'light');
        render.salesBase.push(performance.now() - t);
      }
    } finally {
      await b.close();
    }
    const queries = await queryTimes(w, filters);
    const rows: [string, string, string, string][] = [
      ['monitor: open -> rendered', median(render.monitor).toFixed(0), `baseline (empty) ${median(render.monitorBase).toFixed(0)} ms, x${(median(render.monitor) / median(render.monitorBase)).toFixed(1)}`, median(render.monitor) <= GOAL_RENDER_MS ? 'ok' : 'OVER GOAL'],
      ['sales: open -> rendered', median(render.sales).toFixed(0), `baseline (empty) ${median(render.salesBase).toFixed(0)} ms, x${(median(render.sales) / median(render.salesBase)).toFixed(1)}`, median(render.sales) <= GOAL_RENDER_MS ? 'ok' : 'OVER GOAL'],
      ...queries.map((q): [string, string, string, string] => [q.name, q.ms.toFixed(2), q.seq.length === 0 ? 'index' : `SEQ SCAN ${q.seq.join(', ')}`, q.ms <= GOAL_QUERY_MS ? 'ok' : 'OVER GOAL']),
    ];
    const width = [40, 10, 52, 10];
    console.log(['what', 'ms', 'plan / baseline', 'goal'].map((h, i) => h.padEnd(width[i] ?? 10)).join(' '));
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(width[i] ?? 10)).join(' '));
    console.log(JSON.stringify({
      monitor_render_ms: Math.round(median(render.monitor)),
      sales_render_ms: Math.round(median(render.sales)),
      slowest_query_ms: Math.round(Math.max(...queries.map((q) => q.ms)) * 100) / 100,
    }));
  } finally {
    await w.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
