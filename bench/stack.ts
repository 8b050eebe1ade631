// "Start Stack" to ready (compose up, health, bootstrap), against a bare `docker compose up
// --wait` of the same compose file in the same run. Needs a Docker daemon and the test image:
// `bash .ci/setup-docker.sh start`. Prints a table, then one line of JSON.
//   BENCH_RUNS (default 1): runs of each, alternated; medians are reported.
//   BENCH_SCALE (default 0.01): scale of the generated data in the bootstrap plan.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { freePort } from '../test/support/freePort';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadProject, type Project } from '../src/core/project';
import { scaffoldProject } from '../src/core/scaffold/scaffold';
import { projectEntitiesDir } from '../src/core/etl/definition/load';
import {
  bootstrapOnStack,
  checkStackConnection,
  composeProcess,
  createProcessRunner,
  ensureStackSecrets,
  openProjectStack,
  startStack,
  writeEnvFile,
  type SecretStore,
} from '../src/core/stack';

const root = path.resolve(__dirname, '..');
const IMAGE = process.env['DWB_POSTGRES_IMAGE'] ?? 'local/postgres:15-bookworm';
const RUNS = Number(process.env['BENCH_RUNS'] ?? 1);
const SCALE = Number(process.env['BENCH_SCALE'] ?? 0.01);
const toolConfig = path.join(process.env['DWB_TOOLS_DIR'] ?? path.join(root, '.tools'), 'docker/config');
if (process.env['DOCKER_CONFIG'] === undefined && existsSync(toolConfig)) process.env['DOCKER_CONFIG'] = toolConfig;
const runner = createProcessRunner();

function memoryStore(): SecretStore {
  const values: Record<string, string> = {};
  return { get: (n) => Promise.resolve(values[n]), set: (n, v) => { values[n] = v; return Promise.resolve(); } };
}

async function benchProject(): Promise<Project> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dwb-bench-stack-'));
  scaffoldProject({ engine: 'postgres', target: dir, assetsRoot: root, name: `dwbbench-${path.basename(dir).slice(-6).toLowerCase()}` });
  const file = path.join(dir, 'dw-workbench.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as {
    connection: { port: number };
    stack: { env?: Record<string, string> };
    bootstrap: { steps: { generate?: { scale: number } }[] };
  };
  config.connection.port = await freePort();
  config.stack.env = { DWB_POSTGRES_IMAGE: IMAGE, DWB_HEALTH_INTERVAL: '1s' };
  for (const step of config.bootstrap.steps) if (step.generate) step.generate.scale = SCALE;
  writeFileSync(file, JSON.stringify(config, null, 2));
  return loadProject(dir);
}

interface StartRun { up: number; health: number; bootstrap: number; connection: number }

/** DW Workbench's "Start Stack" on fresh volumes. */
async function startStackRun(): Promise<StartRun> {
  const project = await benchProject();
  const stack = await openProjectStack(project, { runner, secrets: memoryStore(), bundledDockerDir: path.join(root, 'docker') });
  try {
    const t = await startStack(stack, {
      bootstrap: async (s) => { await bootstrapOnStack(project, s, { entitiesDir: projectEntitiesDir(project, root) }); },
      checkConnection: async (s) => { await checkStackConnection(project, s); },
    });
    return { up: t.checksMs + t.upMs, health: t.healthMs, bootstrap: t.bootstrapMs, connection: t.connectionMs };
  } finally {
    await stack.destroy();
    await rm(project.root, { recursive: true, force: true });
  }
}

/** The baseline: `docker compose up -d --wait` of the same file with the same settings, fresh volumes. */
async function bareUpWaitRun(): Promise<number> {
  const project = await benchProject();
  const stack = await openProjectStack(project, { runner, secrets: memoryStore(), bundledDockerDir: path.join(root, 'docker') });
  const envFile = path.join(project.root, '.dw', 'bare.env');
  await writeEnvFile(envFile, await ensureStackSecrets(stack.definition, memoryStore()));
  const target = { projectName: `${stack.projectName}-bare`, composeFile: stack.options.composeFile, envFile };
  const env = { ...stack.options.settings, DWB_BACKUP_DIR: stack.options.backupDir };
  try {
    const t0 = performance.now();
    const r = await runner.run(composeProcess(stack.options.compose, target, ['up', '-d', '--wait'], env));
    const ms = performance.now() - t0;
    if (r.code !== 0) throw new Error(`docker compose up --wait failed: ${r.stderr}`);
    return ms;
  } finally {
    await runner.run(composeProcess(stack.options.compose, target, ['down', '-v'], env));
    await rm(project.root, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

async function main(): Promise<void> {
  const daemon = await runner.run({ command: 'docker', args: ['image', 'inspect', '--format', '{{.Id}}', IMAGE] }).catch(() => undefined);
  if (daemon?.code !== 0) {
    process.stderr.write(`No Docker daemon or no image ${IMAGE}: run \`bash .ci/setup-docker.sh start\` first.\n`);
    process.exit(1);
  }
  const ours: StartRun[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternated, so a machine that slows down during the run weighs on both sides.
    bare.push(await bareUpWaitRun());
    ours.push(await startStackRun());
  }
  const s = (ms: number) => Math.round(ms) / 1000;
  const result = {
    up_s: s(median(ours.map((r) => r.up))),
    health_s: s(median(ours.map((r) => r.health))),
    bootstrap_s: s(median(ours.map((r) => r.bootstrap))),
    bare_up_wait_s: s(median(bare)),
  };
  const upToHealthy = result.up_s + result.health_s;
  const rows: [string, string][] = [
    ['runs (each, alternated)', String(RUNS)],
    ['bootstrap data scale', String(SCALE)],
    ['Start Stack: compose up (incl. checks)', `${result.up_s.toFixed(2)} s`],
    ['Start Stack: health', `${result.health_s.toFixed(2)} s`],
    ['Start Stack: bootstrap', `${result.bootstrap_s.toFixed(2)} s`],
    ['Start Stack: connection check', `${s(median(ours.map((r) => r.connection))).toFixed(2)} s`],
    ['bare docker compose up -d --wait', `${result.bare_up_wait_s.toFixed(2)} s`],
    ['(up + health) / bare up --wait', (upToHealthy / result.bare_up_wait_s).toFixed(2)],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
