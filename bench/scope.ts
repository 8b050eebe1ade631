/**
 * bench:scope: what the ETL scope check adds to a bootstrap. A scaffolded project (structure only,
 * every entity active) is bootstrapped once in a fresh process (the check then also compiles the
 * definitions' JSON Schema, once per process), then again DWB_BENCH_RUNS times (default 5): each
 * rerun's steps (scripts that find everything in place: the fastest bootstrap there is) against
 * the scope check that follows them, and the check's one catalog query per database against
 * reading the same tables' columns one query per table (as the ETL's compile does).
 * Goal: the scope check <= 10% of the bootstrap that builds the warehouse (the first one); the
 * share of a rerun is printed too.
 *   npm run bench:scope [-- --engine postgres|pglite|sqlserver]   (sqlserver: DW_TEST_MSSQL)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBootstrap } from '../src/core/bootstrap';
import type { Engine } from '../src/core/engine/types';
import { readColumns, TableCatalog } from '../src/core/etl/definition/columns';
import { projectEntitiesDir, readEntityDefinitions } from '../src/core/etl/definition/load';
import { etlDialect } from '../src/core/etl/dialect';
import { ProjectEngines, loadProject, type Project } from '../src/core/project';
import { scaffoldProject } from '../src/core/scaffold/scaffold';
import { dropDatabase, localPostgres, throwawayName } from '../test/support/throwawayDatabase';
import { mssqlConfig, openMssql } from '../test/integration/etl/support/sqlserver';

const GOAL_SHARE = 0.1;
const root = path.resolve(__dirname, '..');
const runs = Number(process.env['DWB_BENCH_RUNS'] ?? 5);
type BenchEngine = 'postgres' | 'pglite' | 'sqlserver';

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): number => Number(x.toFixed(1));

/** The scaffolded project with its structure steps only (no logins, no generated data). */
function benchProject(engine: BenchEngine, database: string | undefined): Project {
  const dir = mkdtempSync(path.join(tmpdir(), `dwb-bench-scope-${engine}-`));
  const { projectFile } = scaffoldProject({ engine, target: dir, assetsRoot: root });
  const config = JSON.parse(readFileSync(projectFile, 'utf8')) as Record<string, unknown> & { bootstrap: { steps: { folder?: string }[] } };
  config['variables'] = { ...(config['variables'] as object), DIM_DATA_START: '2024-01-01', DIM_DATA_END: '2024-12-31', ETL_ACTIVE_ENTITIES: 'all' };
  delete config['stack'];
  config.bootstrap.steps = config.bootstrap.steps.filter((s) => s.folder?.endsWith('/oltp') === true || s.folder?.endsWith('/dw') === true);
  const mssql = mssqlConfig();
  if (engine === 'postgres') {
    config['connection'] = { ...localPostgres };
    config['databases'] = { oltp: database, dw: database };
  } else if (engine === 'sqlserver' && mssql !== undefined) {
    config['connection'] = { host: mssql.host, port: mssql.port, user: mssql.user, trustServerCertificate: true };
  }
  writeFileSync(projectFile, JSON.stringify(config, null, 2));
  return loadProject(projectFile);
}

/** The tables the scope check reads, per database role. */
function scopeTables(dir: string): { oltp: string[]; dw: string[] } {
  const defs = readEntityDefinitions(dir).definitions;
  return {
    oltp: [...new Set(defs.flatMap((d) => [d.source.table, ...(d.source.triggers ?? []).map((t) => t.table)]))],
    dw: [...new Set(['ctl.etl_control', ...defs.map((d) => d.target.table)])],
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function bench(engine: BenchEngine): Promise<Record<string, unknown>> {
  const database = engine === 'postgres' ? throwawayName('dwb_bench_scope') : undefined;
  const mssql = mssqlConfig();
  if (engine === 'sqlserver') {
    if (mssql === undefined) throw new Error('--engine sqlserver needs DW_TEST_MSSQL');
    const master = await openMssql(mssql, 'master');
    try {
      for (const db of ['DW_ECOMMERCE', 'ECOMMERCE_OLTP']) await master.batch(`IF DB_ID(N'${db}') IS NOT NULL DROP DATABASE ${db}`);
    } finally {
      await master.close();
    }
  }
  const project = benchProject(engine, database);
  const engines = new ProjectEngines(project, mssql?.password);
  const entitiesDir = projectEntitiesDir(project, root);
  try {
    const first = await runBootstrap(project, { engines: (r) => engines.get(r), entitiesDir });
    const steps: number[] = [];
    const scope: number[] = [];
    const oneQuery: number[] = [];
    const perTable: number[] = [];
    const tables = scopeTables(entitiesDir);
    const oltp = await engines.get('oltp');
    const dw = await engines.get('dw');
    const read = async (db: Engine, names: readonly string[], each: boolean): Promise<void> => {
      const d = etlDialect(db.dialect);
      if (each) for (const t of names) await readColumns(db, d, t);
      else await TableCatalog.read(db, d, names);
    };
    for (let i = 0; i < runs; i++) {
      const s = await runBootstrap(project, { engines: (r) => engines.get(r), entitiesDir });
      steps.push(s.durationMs - s.scope.durationMs);
      scope.push(s.scope.durationMs);
      const both = (): Promise<unknown> =>
        (oltp === dw ? read(dw, [...tables.oltp, ...tables.dw], false) : Promise.all([read(oltp, tables.oltp, false), read(dw, tables.dw, false)]));
      oneQuery.push(await timed(both));
      perTable.push(await timed(async () => { await read(oltp, tables.oltp, true); await read(dw, tables.dw, true); }));
    }
    const share = first.scope.durationMs / first.durationMs;
    const rerunShare = median(scope) / (median(steps) + median(scope));
    return {
      bench: 'scope', engine, runs, active_entities: first.scope.active.length, tables: tables.oltp.length + tables.dw.length,
      first_bootstrap_ms: ms(first.durationMs), first_scope_ms: ms(first.scope.durationMs), scope_share_of_first: Number(share.toFixed(3)),
      goal_share: GOAL_SHARE, ok: share <= GOAL_SHARE,
      rerun_steps_ms: ms(median(steps)), scope_ms: ms(median(scope)), scope_share_of_rerun: Number(rerunShare.toFixed(3)),
      catalog_one_query_per_database_ms: ms(median(oneQuery)), catalog_one_query_per_table_ms: ms(median(perTable)),
      per_table_vs_one_query: Number((median(perTable) / median(oneQuery)).toFixed(1)),
    };
  } finally {
    await engines.close();
    if (database !== undefined) await dropDatabase(database);
    rmSync(project.root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { engine: { type: 'string', multiple: true } } });
  const chosen = (values.engine ?? ['postgres', 'pglite']) as BenchEngine[];
  const results: Record<string, unknown>[] = [];
  for (const engine of chosen) results.push(await bench(engine));
  const columns = [
    'engine', 'first_bootstrap_ms', 'first_scope_ms', 'scope_share_of_first', 'rerun_steps_ms', 'scope_ms', 'scope_share_of_rerun',
    'catalog_one_query_per_database_ms', 'catalog_one_query_per_table_ms',
  ];
  console.log(columns.join('\t'));
  for (const r of results) console.log(columns.map((c) => String(r[c])).join('\t'));
  console.log(JSON.stringify(results));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
