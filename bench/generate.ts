// Loads the generated OLTP at scale 10 (override: --scale N) into PostgreSQL twice, once through
// the Engine's bulk load (COPY) and once through multi-row INSERTs of the same rows, each into a
// fresh throw-away database, and prints a table then one JSON line:
// {"rows":…, "bulk_rows_s":…, "insert_rows_s":…, "bulk_s":…, "peak_rss_mb":…}
// Options: --scale N, --only table,table (e.g. --scale 100 --only regions,customers: 1M customers),
// --methods bulk (skip the INSERT baseline on large runs).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../src/core/engine/factory';
import { loadGenerated, type LoadOptions } from '../src/core/generate/load';
import { planFor } from '../src/core/generate/plan';
import { generatedTables } from '../src/core/generate/tables';
import { warehouseScripts } from '../src/core/warehouse/scripts';

const host = process.env['PGHOST'] ?? '127.0.0.1';
const port = Number(process.env['PGPORT'] ?? 5432);
const user = process.env['PGUSER'] ?? 'postgres';
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const scale = Number(arg('--scale') ?? 10);
// --only regions,customers: load just these tables (a 1M-customer run is --scale 100 --only regions,customers).
const only = arg('--only')?.split(',');
// --methods bulk: skip the INSERT baseline (large runs).
const methods = (arg('--methods') ?? 'bulk,insert').split(',') as NonNullable<LoadOptions['method']>[];
const root = path.resolve(__dirname, '..');

function pg(command: string, args: string[]): void {
  const r = spawnSync(command, ['-h', host, '-p', String(port), '-U', user, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${r.stderr}`);
}

function freshWarehouse(name: string): void {
  pg('createdb', [name]);
  for (const s of warehouseScripts('postgres')) {
    if (s.group !== 'oltp') continue;
    pg('psql', ['-X', '-q', '-d', name, '-v', 'ON_ERROR_STOP=1', '-f', path.join(root, 'sql', s.path)]);
  }
}

/** Generation alone (no database), so the table shows what loading itself costs. */
function measureGeneration(): { rows: number; seconds: number; cpuSeconds: number } {
  const plan = planFor(scale, 42);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let rows = 0;
  for (const table of generatedTables) if (only === undefined || only.includes(table.spec.name)) for (const _ of table.rows(plan)) rows++;
  const used = process.cpuUsage(cpu);
  return { rows, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function measure(method: NonNullable<LoadOptions['method']>): Promise<{ rows: number; seconds: number; cpuSeconds: number }> {
  const db = `dwb_bench_gen_${method}_${process.pid}`;
  freshWarehouse(db);
  const engine = await createEngine({ engine: 'postgres', host, port, user, database: db });
  try {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const summary = await loadGenerated(engine, { scale, seed: 42, method, ...(only === undefined ? {} : { tables: only }) });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    return { rows: summary.totalRows, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
  } finally {
    await engine.close();
    pg('dropdb', ['--if-exists', '--force', db]);
  }
}

async function main(): Promise<void> {
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const loadBefore = load();
  const generation = measureGeneration();
  const measured = new Map<string, { rows: number; seconds: number; cpuSeconds: number }>();
  for (const method of methods) measured.set(method, await measure(method));
  const bulk = measured.get('bulk');
  const insert = measured.get('insert');
  if (bulk !== undefined && insert !== undefined && bulk.rows !== insert.rows) throw new Error(`row counts differ: ${bulk.rows} vs ${insert.rows}`);
  const rate = (m: { rows: number; seconds: number } | undefined): number | undefined => (m === undefined ? undefined : Math.round(m.rows / m.seconds));
  const line = (name: string, m: { rows: number; seconds: number; cpuSeconds: number }): string =>
    `${name.padEnd(16)}${m.seconds.toFixed(1).padStart(9)}${m.cpuSeconds.toFixed(1).padStart(12)}${String(Math.round(m.rows / m.seconds)).padStart(10)}`;
  const rows = (bulk ?? insert)?.rows ?? generation.rows;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`scale ${scale}${only === undefined ? '' : ` (${only.join(', ')} only)`}, ${rows} rows; loads include generation and, on PostgreSQL, recreating the FKs and indexes after the rows (validated)`);
  console.log(`load average before ${loadBefore}, after ${load()}; peak RSS ${peakRssMb} MB`);
  console.log('method            seconds  client cpu s    rows/s');
  console.log(line('generate only', generation));
  if (bulk !== undefined) console.log(line('bulk (COPY)', bulk));
  if (insert !== undefined) console.log(line('INSERT x500', insert));
  if (bulk !== undefined && insert !== undefined) console.log(`bulk / insert: ${((rate(bulk) ?? 0) / (rate(insert) ?? 1)).toFixed(2)}x`);
  console.log(JSON.stringify({
    rows, bulk_rows_s: rate(bulk) ?? null, insert_rows_s: rate(insert) ?? null,
    bulk_s: bulk === undefined ? null : +bulk.seconds.toFixed(1), peak_rss_mb: peakRssMb,
  }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
