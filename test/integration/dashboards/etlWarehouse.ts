import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBootstrap } from '../../../src/core/bootstrap';
import type { Engine } from '../../../src/core/engine/types';
import { loadEntityDefinitions } from '../../../src/core/etl/definition/load';
import { runEtl, type EtlRunResult } from '../../../src/core/etl/run/run';
import { applyIncremental } from '../../../src/core/generate/incremental';
import { postgresMonitorDialect } from '../../../src/core/monitor/dialect';
import { ProjectEngines, loadProject, type Project } from '../../../src/core/project';
import { scaffoldProject } from '../../../src/core/scaffold/scaffold';
import { dropDatabase, localPostgres, throwawayName } from '../../support/throwawayDatabase';
import { entitiesDirOf } from '../etl/support/project';

const repo = path.resolve(__dirname, '../../..');
const SECRETS = { ETL_MONITOR_PASSWORD: 'Monitor-test-1', ETL_BACKUP_PASSWORD: 'Backup-test-1' };

export interface EtlWarehouseOptions {
  /** Generator scale (the scaffolded project's plan says 1; the suites use a small one). */
  readonly scale?: number;
  /** After the two runs, one more run of these entities in which `failing` fails (a real failed run). */
  readonly failure?: { readonly entities: readonly string[]; readonly failing: string; readonly message: string };
}

export interface EtlWarehouse {
  readonly engine: Engine;
  readonly database: string;
  readonly project: Project;
  /** The runs in order: initial, incremental, and the failed one when asked for. */
  readonly runs: readonly EtlRunResult[];
  close(): Promise<void>;
}

/**
 * The warehouse a user has after following the README on PostgreSQL: a project scaffolded by
 * `dwb init`, its bootstrap plan (structure, roles, the generator at `scale`), the ETL of every
 * shipped entity (initial run), a share of OLTP rows changed, the ETL again (incremental), and a
 * connection snapshot taken by the warehouse's own procedure. Built once per suite.
 */
export async function createEtlWarehouse(options: EtlWarehouseOptions = {}): Promise<EtlWarehouse> {
  // The bootstrap creates the database (as a user's would); the suite drops it.
  const database = throwawayName('dwb_dash_etl');
  const dir = mkdtempSync(path.join(tmpdir(), 'dwb-dash-etl-'));
  const { projectFile } = scaffoldProject({ engine: 'postgres', target: dir, assetsRoot: repo });
  const config = JSON.parse(readFileSync(projectFile, 'utf8')) as Record<string, unknown>;
  config['connection'] = { host: localPostgres.host, port: localPostgres.port, user: localPostgres.user };
  config['databases'] = { oltp: database, dw: database };
  for (const s of (config['bootstrap'] as { steps: { generate?: { scale: number } }[] }).steps) {
    if (s.generate) s.generate.scale = options.scale ?? 0.02;
  }
  writeFileSync(projectFile, JSON.stringify(config, null, 2));
  const project = loadProject(projectFile);
  const engines = new ProjectEngines(project, undefined);
  const close = async (): Promise<void> => {
    await engines.close();
    await dropDatabase(database);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const boot = await runBootstrap(project, { engines: (r) => engines.get(r), entitiesDir: entitiesDirOf(project), secrets: SECRETS });
    if (!boot.ok) throw new Error(`bootstrap failed: ${JSON.stringify(boot)}`);
    const dw = await engines.get('dw');
    // No cutoff: the incremental changes are stamped a few minutes back and must be picked up.
    await dw.query('UPDATE ctl.etl_control SET cutoff_minutes = 0, is_active = true');
    const definitions = loadEntityDefinitions(path.join(repo, 'etl', 'entities'));
    const entities = definitions.map((d) => d.entity);
    const runs: EtlRunResult[] = [];
    const etl = async (names: readonly string[], extra: Partial<Parameters<typeof runEtl>[0]> = {}): Promise<EtlRunResult> => {
      const r = await runEtl({ source: dw, target: dw, definitions, entities: [...names], startedBy: 'dashboard test', ...extra });
      runs.push(r);
      return r;
    };
    for (const r of [await etl(entities)]) if (r.status !== 'success') throw new Error(`initial ETL: ${JSON.stringify(r.entities)}`);
    await applyIncremental(dw, { seed: 7, fraction: 0.02, now: new Date(Date.now() - 5 * 60_000) });
    const incremental = await etl(entities);
    if (incremental.status !== 'success') throw new Error(`incremental ETL: ${JSON.stringify(incremental.entities)}`);
    const failure = options.failure;
    if (failure !== undefined) {
      await etl(failure.entities, {
        beforePhase: (_phase, info) => (info.entity === failure.failing ? Promise.reject(new Error(failure.message)) : Promise.resolve()),
      });
    }
    await dw.batch(postgresMonitorDialect.captureSnapshot);
    await dw.batch('ANALYZE');
    return { engine: dw, database, project, runs, close };
  } catch (e) {
    await close();
    throw e;
  }
}
