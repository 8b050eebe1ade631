/**
 * bench:alerts: evaluating every alert rule over 10k runs (PostgreSQL). The warehouse is the
 * dashboards' fixture (the project's scripts, then 10k runs of two entities, 20k entity rows,
 * spread over 14 days) with every registered entity active. "evaluate" is what each alert
 * cycle starts with: the status query over ctl.etl_control and audit.etl_run_entity and the
 * four rules (no state written); "cycle" adds the state moves in ctl.alert_state (no webhook).
 * Goal: evaluate <= 100 ms (median of DWB_BENCH_RUNS, default 20). Prints one line of JSON.
 */
import { alertSettings, AlertStateStore, evaluateRules, runAlertCycle } from '../src/core/alerts';
import { createDashboardWarehouse } from '../test/integration/dashboards/warehouseFixture';

const GOAL_MS = 100;
const RUNS = 10_000;
const reps = Number(process.env['DWB_BENCH_RUNS'] ?? 20);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const w = await createDashboardWarehouse({ sales: 100, runs: RUNS, events: 10 });
  try {
    const db = w.engine;
    await db.query('UPDATE ctl.etl_control SET is_active = true');
    await db.batch('ANALYZE');
    const settings = alertSettings(undefined);
    const store = new AlertStateStore(db, db.dialect);
    await store.ensureTable();
    const entityRows = Number((await db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM audit.etl_run_entity')).rows[0]?.n);
    const runs = Number((await db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM audit.etl_run')).rows[0]?.n);
    const evaluate: number[] = [];
    const rules: number[] = [];
    let findings = 0;
    for (let i = 0; i < reps + 2; i++) {
      const now = new Date();
      const t0 = performance.now();
      const status = await store.entityStatus(now);
      const t1 = performance.now();
      findings = evaluateRules(status, settings, now).length;
      const t2 = performance.now();
      if (i >= 2) {
        evaluate.push(t2 - t0);
        rules.push(t2 - t1);
      }
    }
    const cycle: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await runAlertCycle({ engine: db, settings, project: 'bench', webhookUrl: () => undefined });
      cycle.push(performance.now() - t0);
    }
    const evaluateMs = median(evaluate);
    console.log(JSON.stringify({
      bench: 'alerts', engine: 'postgres', runs, run_entity_rows: entityRows, entities: 9, findings,
      evaluate_ms: Number(evaluateMs.toFixed(2)), rules_only_ms: Number(median(rules).toFixed(3)), cycle_ms: Number(median(cycle).toFixed(2)),
      goal_ms: GOAL_MS, ratio_to_goal: Number((evaluateMs / GOAL_MS).toFixed(3)), ok: evaluateMs <= GOAL_MS, reps,
    }));
  } finally {
    await w.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
