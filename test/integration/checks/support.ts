import { rmSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runBootstrap } from '../../../src/core/bootstrap';
import type { Engine } from '../../../src/core/engine/types';
import { loadEntityDefinitions } from '../../../src/core/etl/definition/load';
import { runEtl } from '../../../src/core/etl/run/run';
import { ProjectEngines, type Project } from '../../../src/core/project';
import { main } from '../../../src/cli/main';
import { BOOTSTRAP_SECRETS, entitiesDirOf, scaffoldEtlProject } from '../etl/support/project';

const repo = path.resolve(__dirname, '../../..');

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `dwb <args>` in-process in `cwd` with `env`, capturing its output. */
export async function dwb(cwd: string, env: NodeJS.ProcessEnv, args: readonly string[], signal?: AbortSignal): Promise<CliOutcome> {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  out.on('data', (c: Buffer) => o.push(c));
  err.on('data', (c: Buffer) => e.push(c));
  const code = await main([...args], { stdout: out, stderr: err, env, cwd, ...(signal ? { signal } : {}) });
  return { code, stdout: Buffer.concat(o).toString('utf8'), stderr: Buffer.concat(e).toString('utf8') };
}

export interface LoadedWarehouse {
  readonly project: Project;
  readonly engine: Engine;
  close(): Promise<void>;
}

/** A PGlite project scaffolded, bootstrapped (generator at `scale`) and loaded by a full ETL of every shipped entity. */
export async function createPgliteLoadedWarehouse(scale: number): Promise<LoadedWarehouse> {
  const project = scaffoldEtlProject('pglite', undefined, scale, 'dwb-checks');
  const engines = new ProjectEngines(project, undefined);
  const close = async (): Promise<void> => {
    await engines.close();
    rmSync(project.root, { recursive: true, force: true });
  };
  try {
    const boot = await runBootstrap(project, { engines: (r) => engines.get(r), entitiesDir: entitiesDirOf(project), secrets: BOOTSTRAP_SECRETS });
    if (!boot.ok) throw new Error(`bootstrap failed: ${JSON.stringify(boot)}`);
    const dw = await engines.get('dw');
    await dw.query('UPDATE ctl.etl_control SET cutoff_minutes = 0, is_active = true');
    const definitions = loadEntityDefinitions(path.join(repo, 'etl', 'entities'));
    const r = await runEtl({ source: dw, target: dw, definitions, entities: definitions.map((d) => d.entity), startedBy: 'checks test' });
    if (r.status !== 'success') throw new Error(`ETL: ${JSON.stringify(r.entities)}`);
    return { project, engine: dw, close };
  } catch (e) {
    await close();
    throw e;
  }
}
