import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadProject, ProjectEngines, type Project } from '../../src/core/project';
import { scaffoldProject } from '../../src/core/scaffold/scaffold';
import {
  createProcessRunner,
  openProjectStack,
  projectOnStack,
  stackAdminPassword,
  type ComposeStack,
  type StackEvent,
} from '../../src/core/stack';
import type { Engine } from '../../src/core/engine/types';
import { memorySecretStore, repoRoot, TEST_POSTGRES_IMAGE } from './dockerTestEnv';
import { freePort } from '../support/freePort';

export interface ProjectStack {
  readonly project: Project;
  readonly stack: ComposeStack;
  readonly secrets: ReturnType<typeof memorySecretStore>;
  readonly events: StackEvent[];
  /** Runs `work` against the warehouse database through the published port, then closes. */
  withDw<T>(work: (dw: Engine) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

/**
 * A PostgreSQL project made by the scaffold (its own compose file, bootstrap plan and ETL
 * definitions), pointed at the test image and a free port, with a small generated data set;
 * `more` adds to its stack section (stack.env kept) and to the file's top level.
 */
export async function scaffoldPostgresProject(
  more: { readonly stack?: Record<string, unknown>; readonly stackEnv?: Record<string, string>; readonly top?: Record<string, unknown> } = {},
): Promise<Project> {
  const root = mkdtempSync(path.join(tmpdir(), 'dwb-stack-project-'));
  const name = `dwbtest-${path.basename(root).slice(-6).toLowerCase()}`;
  scaffoldProject({ engine: 'postgres', target: root, assetsRoot: repoRoot, name });
  const file = path.join(root, 'dw-workbench.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as {
    connection: { port: number };
    stack: { env?: Record<string, string> };
    bootstrap: { steps: { generate?: { scale: number; seed: number } }[] };
  };
  config.connection.port = await freePort();
  config.stack.env = { DWB_POSTGRES_IMAGE: TEST_POSTGRES_IMAGE, DWB_HEALTH_INTERVAL: '1s', ...more.stackEnv };
  Object.assign(config.stack, more.stack);
  for (const step of config.bootstrap.steps) if (step.generate) step.generate.scale = 0.01;
  writeFileSync(file, JSON.stringify({ ...config, ...more.top }, null, 2));
  return loadProject(root);
}

export async function scaffoldPostgresProjectStack(): Promise<ProjectStack> {
  const project = await scaffoldPostgresProject();

  const secrets = memorySecretStore();
  const events: StackEvent[] = [];
  const stack = await openProjectStack(project, {
    runner: createProcessRunner(),
    secrets,
    bundledDockerDir: path.join(repoRoot, 'docker'),
    onEvent: (e) => events.push(e),
  });
  return {
    project, stack, secrets, events,
    async withDw(work) {
      const engines = new ProjectEngines(projectOnStack(project, stack), stackAdminPassword(stack));
      try {
        return await work(await engines.get('dw'));
      } finally {
        await engines.close();
      }
    },
    async dispose() {
      await stack.destroy().catch(() => undefined);
      await rm(project.root, { recursive: true, force: true });
    },
  };
}
