// An ETL run on PGlite as the extension host sees it: when the first batch's progress line can
// reach the terminal, and how long the thread's event loop (every command, every view) waited at
// most while the run went on. The same run with PGlite in the caller's thread (the baseline: how
// it ran before) and in its worker thread (createEngine's default), alternated, on one data
// directory with dim_cliente seeded in the server.
//
// pglite_first_progress_ms: from the call to runEtl (the engine just opened) until a macrotask
// scheduled at the first `batch` event runs: the terminal's write travels to VS Code as one, so
// this is when the line can appear; pglite_first_line_ms the same for the run's first line
// (`run-start`, before the setup queries and the first batch).
// max_event_loop_delay_ms: perf_hooks.monitorEventLoopDelay over the run (10 ms resolution):
// the longest a command issued during the run waited for the thread; the same over opening the
// database (open_max_event_loop_delay_ms), which the entity tree does when the window starts.
// Usage: npm run bench:pglite [-- --rows 20000 --batch 1000 --trials 3]
// Prints a table, then one last line of JSON.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createEngine } from '../src/core/engine/factory';
import type { ConnectionConfig } from '../src/core/engine/config';
import type { Engine } from '../src/core/engine/types';
import { loadEntityDefinitions } from '../src/core/etl/definition/load';
import { runEtl } from '../src/core/etl/run/run';
import { defaultScriptVariables } from '../src/core/warehouse/scripts';

function argNumber(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

const rows = argNumber('rows', 20_000);
const batch = argNumber('batch', 1_000);
const trials = argNumber('trials', 3);
const root = path.resolve(__dirname, '..');
const SCRIPTS = ['oltp/01_schema.sql', 'oltp/02_tables.sql', 'oltp/03_indexes.sql', 'dw/01_schemas.sql', 'dw/02_dimensions.sql', 'dw/06_etl_control.sql'];
const definitions = loadEntityDefinitions(path.join(root, 'etl/entities'));
type Thread = 'caller' | 'worker';

interface Sample {
  readonly openMs: number;
  readonly openMaxDelayMs: number;
  readonly firstLineMs: number;
  readonly firstProgressMs: number;
  readonly maxDelayMs: number;
  readonly runMs: number;
}

async function seed(db: Engine): Promise<void> {
  const active = `'${defaultScriptVariables['ETL_ACTIVE_ENTITIES'] ?? ''}'`;
  for (const s of SCRIPTS) await db.batch(readFileSync(path.join(root, 'sql/postgres', s), 'utf8').replaceAll(":'ETL_ACTIVE_ENTITIES'", active));
  await db.batch(`
    INSERT INTO core.customers (customer_code, full_name, email, phone, document_number, birth_date, gender, customer_type,
      segment, credit_score, value_category, address_line, district, city, state, country, zip_code, first_signup_date,
      last_purchase_date, is_active, accepts_email_marketing, is_vip, created_at, updated_at, deleted_at)
    SELECT 'C' || g, 'Cliente ' || g, ' Cliente' || g || '@Mail.COM ', '(11) 98888-0000', '123.456.789-09', DATE '1980-01-01' + (g % 9000),
      (ARRAY['M','F','O'])[1 + g % 3], 'Recorrente', (ARRAY['Pessoa Fisica','Pessoa Juridica'])[1 + g % 2], g % 1001, 'Prata',
      'Rua A, ' || g, 'Centro', '  SÃO   paulo ', 'SP', 'BR', '01310-100', DATE '2020-01-01', NULL, true, g % 2 = 0, false,
      TIMESTAMP '2020-01-01', TIMESTAMP '2024-01-01' + g * INTERVAL '1 second', NULL
    FROM generate_series(1, ${rows}) AS g;
    UPDATE ctl.etl_control SET batch_size = ${batch}, cutoff_minutes = 0 WHERE entity_name = 'dim_cliente';`);
}

/** Max event-loop delay (ms) while `work` runs, from a monitor with 10 ms resolution. */
async function withDelayMonitor<T>(work: () => Promise<T>): Promise<{ value: T; maxDelayMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // The monitor's first tick only starts its clock: let it pass before the work.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const value = await work();
  // A delay is recorded when the monitor's timer next fires: in the caller's thread, after the work.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  return { value, maxDelayMs: delay.max / 1e6 };
}

async function sample(config: ConnectionConfig, thread: Thread): Promise<Sample> {
  let openMs = 0;
  const { value: db, maxDelayMs: openMaxDelayMs } = await withDelayMonitor(async () => {
    const t0 = performance.now();
    const engine = await createEngine(config, { pgliteThread: thread });
    openMs = performance.now() - t0;
    return engine;
  });
  try {
    let firstProgressMs: number | undefined;
    let firstLineMs: number | undefined;
    let start = 0;
    const { value: runMs, maxDelayMs } = await withDelayMonitor(async () => {
      start = performance.now();
      await runEtl({
        source: db, target: db, definitions, entities: ['dim_cliente'], full: true, startedBy: 'bench',
        // In the caller's thread this runs after the run (the terminal got the line then too).
        onEvent: (e) => {
          if (e.type === 'run-start') setImmediate(() => (firstLineMs = performance.now() - start));
          if (e.type === 'batch' && e.batch === 1) setImmediate(() => (firstProgressMs = performance.now() - start));
        },
      });
      return performance.now() - start;
    });
    if (firstProgressMs === undefined || firstLineMs === undefined) throw new Error('the run\'s first lines were never delivered');
    return { openMs, openMaxDelayMs, firstLineMs, firstProgressMs, maxDelayMs, runMs };
  } finally {
    await db.close();
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const round = (x: number): number => Math.round(x * 10) / 10;
const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dwb-bench-pglite-'));
  const config: ConnectionConfig = { engine: 'pglite', database: 'dw', dataDir: path.join(dir, 'pglite') };
  try {
    const setup = await createEngine(config, { pgliteThread: 'caller' });
    try {
      await seed(setup);
    } finally {
      await setup.close();
    }
    // The first load inserts; every measured run reloads the same rows (full), so runs compare.
    await sample(config, 'caller');
    const samples: Record<Thread, Sample[]> = { caller: [], worker: [] };
    for (let t = 0; t < trials; t++) {
      for (const thread of t % 2 === 0 ? (['caller', 'worker'] as const) : (['worker', 'caller'] as const)) {
        const s = await sample(config, thread);
        samples[thread].push(s);
        process.stderr.write(`trial ${t + 1} ${thread}: open ${round(s.openMs)} ms (max loop delay ${round(s.openMaxDelayMs)} ms), first progress ${round(s.firstProgressMs)} ms, max loop delay ${round(s.maxDelayMs)} ms, run ${round(s.runMs)} ms\n`);
      }
    }
    const m = (thread: Thread, key: keyof Sample): number => round(median(samples[thread].map((s) => s[key])));
    const result = {
      rows, batch, trials,
      caller_first_line_ms: m('caller', 'firstLineMs'),
      pglite_first_line_ms: m('worker', 'firstLineMs'),
      caller_first_progress_ms: m('caller', 'firstProgressMs'),
      pglite_first_progress_ms: m('worker', 'firstProgressMs'),
      first_progress_ratio: ratio(m('worker', 'firstProgressMs'), m('caller', 'firstProgressMs')),
      caller_max_event_loop_delay_ms: m('caller', 'maxDelayMs'),
      max_event_loop_delay_ms: m('worker', 'maxDelayMs'),
      max_event_loop_delay_ratio: ratio(m('worker', 'maxDelayMs'), m('caller', 'maxDelayMs')),
      caller_run_ms: m('caller', 'runMs'),
      worker_run_ms: m('worker', 'runMs'),
      run_ratio: ratio(m('worker', 'runMs'), m('caller', 'runMs')),
      caller_open_ms: m('caller', 'openMs'),
      worker_open_ms: m('worker', 'openMs'),
      caller_open_max_event_loop_delay_ms: m('caller', 'openMaxDelayMs'),
      open_max_event_loop_delay_ms: m('worker', 'openMaxDelayMs'),
    };
    const table: [string, number, number, number, string][] = [
      ['first run line delivered, ms', result.caller_first_line_ms, result.pglite_first_line_ms, ratio(result.pglite_first_line_ms, result.caller_first_line_ms), 'run N: <entities>'],
      ['first batch delivered, ms', result.caller_first_progress_ms, result.pglite_first_progress_ms, result.first_progress_ratio, 'goal <= 1000 ms'],
      ['max event-loop delay, ms', result.caller_max_event_loop_delay_ms, result.max_event_loop_delay_ms, result.max_event_loop_delay_ratio, 'goal <= 200 ms'],
      ['run, ms', result.caller_run_ms, result.worker_run_ms, result.run_ratio, 'the price of the messages'],
      ['open, ms', result.caller_open_ms, result.worker_open_ms, ratio(result.worker_open_ms, result.caller_open_ms), 'from the sources: tsx compiles the worker\'s modules'],
      ['open: max loop delay, ms', result.caller_open_max_event_loop_delay_ms, result.open_max_event_loop_delay_ms, ratio(result.open_max_event_loop_delay_ms, result.caller_open_max_event_loop_delay_ms), 'the tree opens it at startup'],
    ];
    process.stdout.write(`${''.padEnd(28)} ${'caller'.padStart(9)} ${'worker'.padStart(9)} ${'ratio'.padStart(7)}  (median of ${trials}; ${rows} rows in batches of ${batch})\n`);
    for (const [k, c, w, r, note] of table) process.stdout.write(`${k.padEnd(28)} ${String(c).padStart(9)} ${String(w).padStart(9)} ${String(r).padStart(7)}  ${note}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
