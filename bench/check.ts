/**
 * bench:check: every built-in warehouse check on PostgreSQL at scale-1 volume. The warehouse is
 * the dashboards' fixture (the project's scripts, dimensions, DWB_BENCH_SALES fact_vendas rows,
 * default 150 000: about what the generator's scale 1 yields from its 50 000 orders). Goal: the
 * whole built-in suite <= 5 s. Prints one line of JSON with the slowest checks.
 */
import { checkCatalog, runChecks } from '../src/core/checks';
import { createDashboardWarehouse } from '../test/integration/dashboards/warehouseFixture';

const GOAL_MS = 5000;
const sales = Number(process.env['DWB_BENCH_SALES'] ?? 150_000);

async function main(): Promise<void> {
  const w = await createDashboardWarehouse({ sales, runs: 100, events: 10 });
  try {
    const db = w.engine;
    await db.batch('ANALYZE');
    const checks = checkCatalog({ dialect: db.dialect, entityFiles: [], scriptPaths: [] });
    const factRows = Number((await db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM fact.fact_vendas')).rows[0]?.n);
    const t0 = performance.now();
    const report = await runChecks(db, checks);
    const totalMs = performance.now() - t0;
    const slowest = [...report.checks].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5)
      .map((c) => ({ check: c.check, ms: Number(c.durationMs.toFixed(1)) }));
    console.log(JSON.stringify({
      bench: 'check', engine: 'postgres', fact_vendas_rows: factRows, checks: report.summary.total_checks, failed: report.summary.failed,
      errors_in_sql: report.checks.filter((c) => c.error !== undefined).length,
      total_ms: Number(totalMs.toFixed(1)), goal_ms: GOAL_MS, ratio_to_goal: Number((totalMs / GOAL_MS).toFixed(3)), ok: totalMs <= GOAL_MS, slowest,
    }));
  } finally {
    await w.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
