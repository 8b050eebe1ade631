/**
 * Dashboards at size: 10k ETL runs and 100k connection events (plus 100k sales items and the
 * warehouse checks' recorded results) in a throw-away PostgreSQL database built with the
 * project's own scripts, for the monitor and sales; for targets and discounts, the warehouse a
 * user has at scale 1 (a scaffolded project's bootstrap with the generator at scale 1, then the
 * ETL of every entity: fact_metas and fact_descontos as the ETL loads them).
 *
 * Measures (medians of DWB_BENCH_RUNS, default 5):
 * - open -> fully rendered, per dashboard: the host's queries (the same code the extension runs),
 *   the page with the data embedded, until the webview reports it rendered and its charts drew.
 *   Baseline in the same browser: the same page with an empty dataset, so the ratio shows what
 *   the data costs over the page itself.
 * - each dashboard query's server time (EXPLAIN ANALYZE with the real parameters), and whether
 *   its plan reads the large tables through an index (a Seq Scan on them is reported).
 * Goals: first render <= 1 s (monitor, sales), <= 500 ms (targets, discounts), each query <=
 * 100 ms. Prints a table, then one line of JSON.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { checkCatalog, checkResultSql, recordCheckReport, runChecks } from '../src/core/checks';
import { discountsHandler, monitorHandler, salesHandler, targetsHandler, type MessageHandler } from '../src/core/dashboard/handler';
import { FACT_DIALECTS } from '../src/core/dashboard/factDialect';
import { dateRange, int, text as factText } from '../src/core/dashboard/factLoad';
import { DEFAULT_SLA } from '../src/core/dashboard/freshness';
import { DiscountsQueries } from '../src/core/discounts/load';
import { DISCOUNTS_LIMITS, discountsSql } from '../src/core/discounts/sql';
import { TargetsQueries } from '../src/core/targets/load';
import { TARGETS_LIMITS, targetsSql } from '../src/core/targets/sql';
import type { Engine } from '../src/core/engine/types';
import { postgresMonitorDialect } from '../src/core/monitor/dialect';
import { HISTORY_DAYS, MonitorQueries } from '../src/core/monitor/load';
import { monitorSql } from '../src/core/monitor/sql';
import { postgresSalesDialect } from '../src/core/sales/dialect';
import { dateId, SalesQueries } from '../src/core/sales/load';
import { SALES_LIMITS, salesSql } from '../src/core/sales/sql';
import type { SqlParam } from '../src/core/engine/types';
import { DEFAULT_AUDIT_FILTERS, type MonitorData } from '../src/protocol/monitor';
import type { DiscountsData, DiscountsFilters, DiscountsQueryId } from '../src/protocol/discounts';
import { previousComparable } from '../src/protocol/period';
import type { SalesDashboardData, SalesFilters, SalesQueryId } from '../src/protocol/sales';
import type { TargetsData, TargetsFilters, TargetsQueryId } from '../src/protocol/targets';
import { chromiumAvailable, openDashboardBrowser } from '../test/integration/dashboards/browserHarness';
import { createEtlWarehouse } from '../test/integration/dashboards/etlWarehouse';
import { createDashboardWarehouse } from '../test/integration/dashboards/warehouseFixture';

const RUNS = Number(process.env['DWB_BENCH_RUNS'] ?? 5);
const GOAL_RENDER_MS = 1000;
/** Issue 18's goal for the targets and discounts dashboards. */
const GOAL_FACT_RENDER_MS = 500;
const GOAL_QUERY_MS = 100;
const LARGE_TABLES = new Set(['etl_run', 'etl_run_entity', 'connection_login_events', 'fact_vendas', 'fact_metas', 'fact_descontos']);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] }

function seqScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && LARGE_TABLES.has(node['Relation Name'] ?? '') ? [node['Relation Name'] as string] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

async function explain(db: Engine, sql: string, params: readonly SqlParam[]): Promise<{ ms: number; seq: string[] }> {
  const times: number[] = [];
  let seq: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const raw = Object.values(r.rows[0] ?? {})[0];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }[];
    const top = plan[0];
    if (top === undefined) throw new Error('EXPLAIN returned no plan');
    times.push(top['Execution Time'] + top['Planning Time']);
    seq = seqScans(top.Plan);
  }
  return { ms: median(times), seq };
}

type Timed = { name: string; ms: number; seq: string[] };

async function queryTimes(w: Engine, filters: SalesFilters): Promise<Timed[]> {
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
  const checks = checkResultSql('postgres');
  monitorQueries.push(['checksSummary', checks.summary, []], ['checksFailed', checks.failed, []]);
  for (const [name, sql, params] of monitorQueries) out.push({ name: `monitor.${name}`, ...(await explain(w, sql, params)) });
  return out;
}

/** Every targets query with the parameters its load passes (kpis also for the previous period). */
async function targetsQueryTimes(db: Engine, tf: TargetsFilters): Promise<Timed[]> {
  const out: Timed[] = [];
  const t = targetsSql(FACT_DIALECTS.postgres);
  const tp = (p: { from: string; to: string }): SqlParam[] => [...dateRange(p), factText(null), factText(null), factText(null)];
  for (const id of Object.keys(t) as TargetsQueryId[]) {
    const limit = TARGETS_LIMITS[id];
    const params = id === 'options' || id === 'freshness' ? [] : limit === undefined ? tp(tf) : [...tp(tf), int(limit)];
    out.push({ name: `targets.${id}`, ...(await explain(db, t[id], params)) });
  }
  out.push({ name: 'targets.kpis (previous period)', ...(await explain(db, t.kpis, tp(previousComparable(tf.from, tf.to)))) });
  return out;
}

/** Every discounts query with the parameters its load passes for `df` (kpis also for the previous period). */
async function discountsQueryTimes(db: Engine, df: DiscountsFilters, label: string): Promise<Timed[]> {
  const out: Timed[] = [];
  const d = discountsSql(FACT_DIALECTS.postgres);
  const dp = (p: { from: string; to: string }): SqlParam[] => [...dateRange(p), factText(null), factText(null), factText(null), factText(null), factText(null)];
  for (const id of Object.keys(d) as DiscountsQueryId[]) {
    const limit = DISCOUNTS_LIMITS[id];
    const base = id === 'options' || id === 'freshness' ? [] : limit === undefined ? dp(df) : [...dp(df), int(limit)];
    const params = id === 'topByRoi' ? [...base, int(df.minApplications)] : base;
    out.push({ name: `${label}.${id}`, ...(await explain(db, d[id], params)) });
  }
  out.push({ name: `${label}.kpis (previous period)`, ...(await explain(db, d.kpis, dp(previousComparable(df.from, df.to)))) });
  return out;
}

function emptyLike<T extends SalesDashboardData | MonitorData | TargetsData | DiscountsData>(d: T): T {
  return JSON.parse(JSON.stringify(d, (_k, v: unknown) => (Array.isArray(v) ? [] : v))) as T;
}

/** One page, four dashboards: each request goes to its dashboard's handler by its method's prefix. */
function byPrefix(handlers: Record<string, MessageHandler>): MessageHandler {
  return (m) => {
    const method = typeof m === 'object' && m !== null ? (m as { method?: unknown }).method : undefined;
    const handler = typeof method === 'string' ? handlers[method.split('/')[0] ?? ''] : undefined;
    if (handler === undefined) throw new Error(`no dashboard answers ${String(method)}`);
    return handler(m);
  };
}

async function main(): Promise<void> {
  if (!chromiumAvailable()) throw new Error('Chromium is missing: apt-get install -y chromium');
  const root = path.resolve(__dirname, '..');
  if (spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--production'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  let started = Date.now();
  const w = await createDashboardWarehouse({ sales: 100_000, runs: 10_000, events: 100_000, runDays: 90, eventDays: 30 });
  // The built-in checks' results, as `dwb check` keeps them: the monitor's health panel lists the failed ones.
  const checkReport = await runChecks(w.engine, checkCatalog({ dialect: 'postgres', entityFiles: [], scriptPaths: [path.join(root, 'sql/postgres/dw')] }));
  await recordCheckReport(w.engine, checkReport, { root, by: 'bench:webview' });
  console.log(`fixture: 100k sales items, 10k runs (20k entity rows), 100k connection events, ${checkReport.summary.total_checks} check results (${checkReport.summary.failed} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  started = Date.now();
  const f = await createEtlWarehouse({ scale: 1 });
  const factRows = async (table: string): Promise<number> => Number((await f.engine.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]?.['n']);
  const sizes = { fact_vendas: await factRows('fact.fact_vendas'), fact_metas: await factRows('fact.fact_metas'), fact_descontos: await factRows('fact.fact_descontos') };
  console.log(`scale 1: bootstrap with the generator and ETL of every entity in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(sizes)}`);
  try {
    const sales = new SalesQueries(w.engine, 'postgres');
    const monitor = new MonitorQueries(w.engine, 'postgres');
    const targets = new TargetsQueries(f.engine, 'postgres', { sla: DEFAULT_SLA });
    const discounts = new DiscountsQueries(f.engine, 'postgres', { sla: DEFAULT_SLA });
    const factHost = { showSql: () => Promise.resolve(), exportCsv: () => Promise.resolve({ saved: false, rows: 0 }) };
    const b = await openDashboardBrowser(byPrefix({
      monitor: monitorHandler(monitor, { runEntity: () => Promise.resolve(false), revealEntity: () => Promise.resolve() }),
      sales: salesHandler(sales, factHost),
      targets: targetsHandler(targets, factHost),
      discounts: discountsHandler(discounts, factHost),
    }));
    const waitCharts = () => b.page.waitForFunction(() => document.querySelectorAll('.chart').length === document.querySelectorAll('.chart canvas').length);
    const today = new Date().toISOString().slice(0, 10);
    const filters = await sales.defaultFilters(today);
    const tf = await targets.defaultFilters(today);
    const df = await discounts.defaultFilters(today);
    // The generator's orders fall in fixed years (from 2024) and the incremental run adds today's:
    // the default period (the 12 months up to the last month with discounts) may hold only those.
    // The busiest calendar year is what a user with a year of discounts opens.
    const busy = (await f.engine.query(`SELECT data_aplicacao_id / 10000 AS y, COUNT(*) AS n FROM fact.fact_descontos
      WHERE data_aplicacao_id > 0 GROUP BY data_aplicacao_id / 10000 ORDER BY COUNT(*) DESC, 1 DESC LIMIT 1`)).rows[0];
    const year = Number(busy?.['y']);
    const dfYear: DiscountsFilters = { ...df, from: `${year}-01-01`, to: `${year}-12-31` };
    const applications = async (p: { from: string; to: string }): Promise<number> => Number((await f.engine.query(
      'SELECT COUNT(*) AS n FROM fact.fact_descontos WHERE data_aplicacao_id BETWEEN $1 AND $2', dateRange(p))).rows[0]?.['n']);
    const targetRows = Number((await f.engine.query('SELECT COUNT(*) AS n FROM fact.fact_metas WHERE data_id BETWEEN $1 AND $2', dateRange(tf))).rows[0]?.['n']);
    type Case = { key: string; kind: 'monitor' | 'sales' | 'targets' | 'discounts'; what: string; theme: 'dark' | 'light'; load: () => Promise<MonitorData | SalesDashboardData | TargetsData | DiscountsData>; goal: number };
    const cases: Case[] = [
      { key: 'monitor', kind: 'monitor', what: 'monitor', theme: 'dark', load: () => monitor.load(DEFAULT_AUDIT_FILTERS), goal: GOAL_RENDER_MS },
      { key: 'sales', kind: 'sales', what: 'sales', theme: 'light', load: () => sales.load(filters), goal: GOAL_RENDER_MS },
      { key: 'targets', kind: 'targets', what: `targets ${tf.from.slice(0, 7)}..${tf.to.slice(0, 7)}, ${targetRows} rows`, theme: 'light', load: () => targets.load(tf), goal: GOAL_FACT_RENDER_MS },
      { key: 'discounts', kind: 'discounts', what: `discounts ${df.from.slice(0, 7)}..${df.to.slice(0, 7)}, ${await applications(df)} appl.`, theme: 'dark', load: () => discounts.load(df), goal: GOAL_FACT_RENDER_MS },
      { key: 'discountsYear', kind: 'discounts', what: `discounts ${year}, ${await applications(dfYear)} appl.`, theme: 'light', load: () => discounts.load(dfYear), goal: GOAL_FACT_RENDER_MS },
    ];
    const render = Object.fromEntries(cases.flatMap((c) => [[c.key, [] as number[]], [`${c.key}Base`, [] as number[]], [`${c.key}Load`, [] as number[]]])) as Record<string, number[]>;
    const shown: Record<string, number> = {};
    /** The detail's rows in the data (the page draws the first page of them). */
    const detailRows: Record<string, number> = {};
    const state = (c: Case, data: unknown): unknown => ({ kind: c.kind, language: 'en', data, snapshot: false, ...(c.kind === 'monitor' ? { autoRefreshSeconds: 0 } : {}) });
    try {
      for (let i = 0; i < RUNS; i++) {
        for (const c of cases) {
          let t = performance.now();
          const data = await c.load();
          render[`${c.key}Load`]?.push(performance.now() - t);
          await b.open(c.kind, state(c, data), c.theme);
          await waitCharts();
          render[c.key]?.push(performance.now() - t);
          shown[c.key] = await b.page.locator(c.kind === 'monitor' ? '[data-testid="checks"] tbody tr' : '[data-testid="detail"] tbody tr').count();
          if (c.kind !== 'monitor') detailRows[c.key] = (data as TargetsData | DiscountsData | SalesDashboardData).detail.length;
          t = performance.now();
          await b.open(c.kind, state(c, emptyLike(data)), c.theme);
          render[`${c.key}Base`]?.push(performance.now() - t);
        }
      }
    } finally {
      await b.close();
    }
    const queries = [
      ...(await queryTimes(w.engine, filters)), ...(await targetsQueryTimes(f.engine, tf)),
      ...(await discountsQueryTimes(f.engine, df, 'discounts')), ...(await discountsQueryTimes(f.engine, dfYear, `discounts@${year}`)),
    ];
    const renderRow = (c: Case): [string, string, string, string] => {
      const ms = median(render[c.key] ?? []);
      const base = median(render[`${c.key}Base`] ?? []);
      const load = median(render[`${c.key}Load`] ?? []);
      return [`${c.what}: open -> rendered`, ms.toFixed(0), `queries ${load.toFixed(0)} ms; empty page ${base.toFixed(0)} ms, x${(ms / base).toFixed(1)}; goal ${c.goal}`, ms <= c.goal ? 'ok' : 'OVER GOAL'];
    };
    const rows: [string, string, string, string][] = [
      ...cases.map(renderRow),
      ...queries.map((q): [string, string, string, string] => [q.name, q.ms.toFixed(2), q.seq.length === 0 ? 'index' : `SEQ SCAN ${q.seq.join(', ')}`, q.ms <= GOAL_QUERY_MS ? 'ok' : 'OVER GOAL']),
    ];
    const width = [56, 10, 60, 10];
    console.log(['what', 'ms', 'plan / baseline', 'goal'].map((h, i) => h.padEnd(width[i] ?? 10)).join(' '));
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(width[i] ?? 10)).join(' '));
    const drawn = (key: string): string => `${shown[key]} of ${detailRows[key]}`;
    console.log(`shown: ${shown['monitor']} failed checks in the monitor's health panel; detail rows drawn on first paint: sales ${drawn('sales')}, targets ${drawn('targets')}, discounts ${drawn('discounts')}, discounts ${year} ${drawn('discountsYear')}`);
    const slowest = (prefix: string): number => Math.round(Math.max(...queries.filter((q) => q.name.startsWith(prefix)).map((q) => q.ms)) * 100) / 100;
    const ms = (key: string): number => Math.round(median(render[key] ?? []));
    const ratio = (key: string): number => Math.round((median(render[key] ?? []) / median(render[`${key}Base`] ?? [])) * 10) / 10;
    console.log(JSON.stringify({
      monitor_render_ms: ms('monitor'),
      sales_render_ms: ms('sales'),
      targets_render_ms: ms('targets'),
      discounts_render_ms: ms('discounts'),
      discounts_year_render_ms: ms('discountsYear'),
      queries_ms: Object.fromEntries(cases.map((c) => [c.key, ms(`${c.key}Load`)])),
      ratio_to_empty: { monitor: ratio('monitor'), sales: ratio('sales'), targets: ratio('targets'), discounts: ratio('discounts'), discounts_year: ratio('discountsYear') },
      fact_render_goal_ms: GOAL_FACT_RENDER_MS,
      slowest_query_ms: Math.round(Math.max(...queries.map((q) => q.ms)) * 100) / 100,
      slowest_targets_query_ms: slowest('targets.'),
      slowest_discounts_query_ms: slowest('discounts'),
      query_goal_ms: GOAL_QUERY_MS,
      over_goal: rows.filter((r) => r[3] !== 'ok').map((r) => r[0]),
      scale1_rows: sizes,
    }));
  } finally {
    await f.close();
    await w.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
