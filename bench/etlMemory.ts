// The trigger memory's cost for bench:etl (`"remember": true` triggers, ctl.etl_trigger_memory):
// one OLTP generated at `scale` and bootstrapped once, then cloned (CREATE DATABASE ... TEMPLATE),
// so two warehouses start from the same rows: one loaded with the shipped definitions (memory),
// one with the same definitions without "remember" (no memory). Both take the full load of the
// nine entities, then the same changes before each incremental run, the two runs alternated (which
// goes first swaps every trial) in this process: 1% of the orders touched, half of those moved to
// another customer, and 1% of the targets realized more, a third of those moved to a month of their
// own (each moved target re-triggers the month it left and the one it joined). Per run: the whole
// run and, from its events, dim_cliente (orders, order_items) and fact_metas (month_peers); the
// memory's rows per entity after the load.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBootstrap } from '../src/core/bootstrap';
import { createEngine } from '../src/core/engine/factory';
import type { Engine } from '../src/core/engine/types';
import { loadEntityDefinitions, projectEntitiesDir } from '../src/core/etl/definition/load';
import type { EntityDefinition } from '../src/core/etl/definition/types';
import type { EtlPlan } from '../src/core/etl/run/events';
import { runEtl } from '../src/core/etl/run/run';
import { ProjectEngines, loadProject } from '../src/core/project';
import { scaffoldProject } from '../src/core/scaffold/scaffold';
import { asSuperuser, dropDatabase, localPostgres, postgresConnection, throwawayName } from '../test/support/throwawayDatabase';

const SECRETS = { ETL_MONITOR_PASSWORD: 'Monitor-bench-1', ETL_BACKUP_PASSWORD: 'Backup-bench-1' };

/** The shipped definitions without "remember": the warehouse without memory. */
function withoutMemory(defs: readonly EntityDefinition[]): EntityDefinition[] {
  return defs.map((d) => ({
    ...d,
    source: { ...d.source, ...(d.source.triggers === undefined ? {} : { triggers: d.source.triggers.map(({ remember: _, ...t }) => t) }) },
  }));
}

/** The OLTP generated at `scale` with the warehouse's tables (no ETL run yet), in `database`. */
async function bootstrap(root: string, database: string, scale: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dwb-bench-memory-'));
  try {
    const { projectFile } = scaffoldProject({ engine: 'postgres', target: dir, assetsRoot: root });
    const config = JSON.parse(readFileSync(projectFile, 'utf8')) as Record<string, unknown>;
    config['variables'] = { DIM_DATA_START: '2015-01-01', DIM_DATA_END: '2030-12-31' };
    config['connection'] = { ...localPostgres };
    config['databases'] = { oltp: database, dw: database };
    delete config['stack'];
    const steps = (config['bootstrap'] as { steps: { generate?: { scale: number } }[] }).steps;
    for (const s of steps) if (s.generate) s.generate.scale = scale;
    writeFileSync(projectFile, JSON.stringify(config, null, 2));
    const project = loadProject(projectFile);
    const engines = new ProjectEngines(project, undefined);
    try {
      const summary = await runBootstrap(project, { engines: (r) => engines.get(r), entitiesDir: projectEntitiesDir(project, root), secrets: SECRETS });
      if (!summary.ok) throw new Error(`the bench's bootstrap at scale ${scale} failed`);
      const db = await engines.get('dw');
      await db.query('UPDATE ctl.etl_control SET cutoff_minutes = 0, batch_size = 1000');
    } finally {
      await engines.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Timed {
  readonly total: number;
  readonly perEntity: ReadonlyMap<string, number>;
}

export interface MemoryBenchResult {
  readonly memory_scale: number;
  /** ctl.etl_trigger_memory rows after the full load: dim_cliente's (orders and items), fact_metas' (month peers), all. */
  readonly memory_rows_dim_cliente: number;
  readonly memory_rows_fact_metas: number;
  readonly memory_rows: number;
  readonly memory_full_s: number;
  readonly memory_full_without_s: number;
  readonly memory_fact_metas_full_s: number;
  readonly memory_fact_metas_full_without_s: number;
  readonly memory_transfer_incremental_s: number;
  readonly memory_transfer_incremental_without_s: number;
  readonly memory_pushdown_incremental_s: number;
  readonly memory_pushdown_incremental_without_s: number;
  /** fact_metas' part of those runs (its month_peers trigger pages included). */
  readonly memory_fact_metas_transfer_s: number;
  readonly memory_fact_metas_transfer_without_s: number;
  readonly memory_fact_metas_pushdown_s: number;
  readonly memory_fact_metas_pushdown_without_s: number;
  /** dim_cliente's part of those runs. */
  readonly memory_dim_cliente_transfer_s: number;
  readonly memory_dim_cliente_transfer_without_s: number;
  readonly memory_dim_cliente_pushdown_s: number;
  readonly memory_dim_cliente_pushdown_without_s: number;
}

const median = (xs: readonly number[]): number => Number(([...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN).toFixed(3));

export async function benchMemory(
  opts: { root: string; scale: number; trials: number },
  seconds: (work: () => Promise<unknown>) => Promise<number>,
): Promise<MemoryBenchResult> {
  const shipped = loadEntityDefinitions(path.join(opts.root, 'etl/entities'));
  const entities = shipped.map((d) => d.entity);
  const names = { memory: throwawayName('dwb_bench_mem'), without: throwawayName('dwb_bench_nomem') };
  const open: Engine[] = [];
  try {
    await seconds(() => bootstrap(opts.root, names.memory, opts.scale));
    await asSuperuser(`CREATE DATABASE "${names.without}" TEMPLATE "${names.memory}"`);
    const engine = (name: string): Promise<Engine> => createEngine({ ...postgresConnection(name), poolMax: 4 });
    const db = { memory: await engine(names.memory), without: await engine(names.without) };
    open.push(db.memory, db.without);
    const defs = { memory: shipped, without: withoutMemory(shipped) };
    type Variant = keyof typeof db;

    // A clock of our own, an hour ahead, moved a minute per change set: every change is above the
    // last run's watermark and below the next run's cutoff, whatever the runs' own duration.
    const base = Math.ceil(Date.now() / 1000) * 1000 + 3_600_000;
    let minute = 0;
    const stampText = (): string => new Date(base + minute * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    const run = async (v: Variant, plan: EtlPlan): Promise<Timed> => {
      const perEntity = new Map<string, number>();
      const at = base + minute * 60_000 + 2000;
      let failed: string[] = [];
      const total = await seconds(async () => {
        const r = await runEtl({
          source: db[v], target: db[v], definitions: defs[v], entities, plan, startedBy: 'bench', now: () => new Date(at),
          onEvent: (e) => { if (e.type === 'entity-end') perEntity.set(e.entity, e.seconds); },
        });
        failed = r.entities.filter((e) => e.status !== 'success').map((e) => `${e.entity}: ${e.error ?? e.status}`);
      });
      if (failed.length > 0) throw new Error(`the ${v} warehouse's ${plan} run failed: ${failed.join('; ')}`);
      return { total, perEntity };
    };
    /** The same changes in both OLTPs, stamped alike. */
    const change = async (trial: number): Promise<void> => {
      minute++;
      const at = `CAST('${stampText()}' AS timestamp)`;
      const k = trial % 100;
      for (const v of ['memory', 'without'] as const) {
        await db[v].batch(`
          UPDATE core.orders SET updated_at = ${at},
              customer_id = CASE WHEN order_id % 200 = ${k} THEN (SELECT max(customer_id) FROM core.customers) - (order_id % 97) ELSE customer_id END
            WHERE order_id % 100 = ${k};
          UPDATE core.seller_targets_monthly SET updated_at = ${at}, realized_amount = realized_amount + 1,
              target_month = CASE WHEN seller_target_id % 300 = ${k} THEN CAST(target_month + make_interval(years => ${100 * (trial + 1)}) AS date) ELSE target_month END
            WHERE seller_target_id % 100 = ${k}`);
      }
    };
    const pair = async (trial: number, plan: EtlPlan): Promise<Record<Variant, Timed>> => {
      const order: Variant[] = trial % 2 === 0 ? ['memory', 'without'] : ['without', 'memory'];
      const out: Partial<Record<Variant, Timed>> = {};
      for (const v of order) out[v] = await run(v, plan);
      return out as Record<Variant, Timed>;
    };

    const full = await pair(0, 'pushdown');
    const memoryRows = async (entity?: string): Promise<number> => Number((await db.memory.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM ctl.etl_trigger_memory${entity === undefined ? '' : ' WHERE entity_name = $1'}`, entity === undefined ? [] : [entity])).rows[0]?.n);
    const rows = { dimCliente: await memoryRows('dim_cliente'), factMetas: await memoryRows('fact_metas'), all: await memoryRows() };

    const samples: Record<EtlPlan, Record<Variant, Timed[]>> = { transfer: { memory: [], without: [] }, pushdown: { memory: [], without: [] } };
    for (let trial = 0; trial < opts.trials; trial++) {
      for (const plan of ['transfer', 'pushdown'] as const) {
        await change(2 * trial + (plan === 'transfer' ? 1 : 2));
        const r = await pair(trial, plan);
        samples[plan].memory.push(r.memory);
        samples[plan].without.push(r.without);
      }
    }
    const of = (plan: EtlPlan, v: Variant, entity?: string): number =>
      median(samples[plan][v].map((t) => (entity === undefined ? t.total : t.perEntity.get(entity) ?? NaN)));
    return {
      memory_scale: opts.scale,
      memory_rows_dim_cliente: rows.dimCliente,
      memory_rows_fact_metas: rows.factMetas,
      memory_rows: rows.all,
      memory_full_s: median([full.memory.total]),
      memory_full_without_s: median([full.without.total]),
      memory_fact_metas_full_s: median([full.memory.perEntity.get('fact_metas') ?? NaN]),
      memory_fact_metas_full_without_s: median([full.without.perEntity.get('fact_metas') ?? NaN]),
      memory_transfer_incremental_s: of('transfer', 'memory'),
      memory_transfer_incremental_without_s: of('transfer', 'without'),
      memory_pushdown_incremental_s: of('pushdown', 'memory'),
      memory_pushdown_incremental_without_s: of('pushdown', 'without'),
      memory_fact_metas_transfer_s: of('transfer', 'memory', 'fact_metas'),
      memory_fact_metas_transfer_without_s: of('transfer', 'without', 'fact_metas'),
      memory_fact_metas_pushdown_s: of('pushdown', 'memory', 'fact_metas'),
      memory_fact_metas_pushdown_without_s: of('pushdown', 'without', 'fact_metas'),
      memory_dim_cliente_transfer_s: of('transfer', 'memory', 'dim_cliente'),
      memory_dim_cliente_transfer_without_s: of('transfer', 'without', 'dim_cliente'),
      memory_dim_cliente_pushdown_s: of('pushdown', 'memory', 'dim_cliente'),
      memory_dim_cliente_pushdown_without_s: of('pushdown', 'without', 'dim_cliente'),
    };
  } finally {
    for (const e of open) await e.close().catch(() => undefined);
    for (const n of Object.values(names)) await dropDatabase(n).catch(() => undefined);
  }
}
