import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { freePort } from '../support/freePort';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Context } from 'mocha';
import { skipBecause } from '../support/skip';
import {
  createProcessRunner,
  openComposeStack,
  type ComposeStack,
  type ProcessRunner,
  type SecretStore,
  type StackEvent,
} from '../../src/core/stack';

export const repoRoot = path.resolve(__dirname, '../..');
/** Built by .ci/setup-docker.sh from docker/images/postgres. */
export const TEST_POSTGRES_IMAGE = 'local/postgres:15-bookworm';
const SETUP_HINT = 'run `bash .ci/setup-docker.sh start`';

/** The compose plugins .ci/setup-docker.sh installs live in its tool folder. */
export function useSetupDockerConfig(): void {
  const config = path.join(process.env['DWB_TOOLS_DIR'] ?? path.join(repoRoot, '.tools'), 'docker/config');
  if (process.env['DOCKER_CONFIG'] === undefined && existsSync(config)) process.env['DOCKER_CONFIG'] = config;
}

/** skipBecause, with the reason on every test of the suite (mocha sets currentTest in before-all hooks). */
export function skipSuite(ctx: Context, reason: string): never {
  return skipBecause(ctx, reason);
}

/** Skips the suite visibly unless a Docker daemon answers and the test image is built. */
export async function requireDocker(ctx: Context, runner: ProcessRunner = createProcessRunner()): Promise<void> {
  useSetupDockerConfig();
  let answered = false;
  try {
    answered = (await runner.run({ command: 'docker', args: ['version', '--format', '{{.Server.Version}}'] })).code === 0;
  } catch {
    answered = false;
  }
  if (!answered) skipSuite(ctx, `no Docker daemon answers; ${SETUP_HINT}`);
  const image = await runner.run({ command: 'docker', args: ['image', 'inspect', '--format', '{{.Id}}', TEST_POSTGRES_IMAGE] });
  if (image.code !== 0) skipSuite(ctx, `image ${TEST_POSTGRES_IMAGE} is not built; ${SETUP_HINT}`);
}

/** Built by .ci/setup-docker.sh (debootstrap of Debian 13): the base of the watch service's image. */
export const TEST_WATCH_BASE_IMAGE = 'local/debian:trixie';

/**
 * Skips the suite visibly unless the watch service's image can be built here: its base image
 * and the CLI bundle it is made from (`npm run build`).
 */
export async function requireWatchImage(ctx: Context, runner: ProcessRunner = createProcessRunner()): Promise<void> {
  if (!existsSync(path.join(repoRoot, 'dist', 'cli.js'))) skipSuite(ctx, 'dist/cli.js is not built (the watch service image is made from it); run `npm run build`');
  const image = await runner.run({ command: 'docker', args: ['image', 'inspect', '--format', '{{.Id}}', TEST_WATCH_BASE_IMAGE] });
  if (image.code !== 0) skipSuite(ctx, `image ${TEST_WATCH_BASE_IMAGE} is not built; ${SETUP_HINT}`);
}

/** The host's address on Docker's default bridge, which containers reach as host.docker.internal (host-gateway). */
export function dockerBridgeAddress(): string | undefined {
  return networkInterfaces()['docker0']?.find((a) => a.family === 'IPv4')?.address;
}

export function memorySecretStore(initial: Record<string, string> = {}): SecretStore & { values: Record<string, string> } {
  const values = { ...initial };
  return {
    values,
    get: (name) => Promise.resolve(values[name]),
    set: (name, value) => { values[name] = value; return Promise.resolve(); },
  };
}

export interface TestStack {
  readonly stack: ComposeStack;
  readonly root: string;
  readonly port: number;
  readonly secrets: ReturnType<typeof memorySecretStore>;
  readonly events: StackEvent[];
  /** down -v and the temporary project folder. */
  dispose(): Promise<void>;
}

/** A PostgreSQL stack on the test image, a free port and a throw-away project folder. */
export async function openTestPostgresStack(
  options: { readonly runner?: ProcessRunner; readonly preferCompose?: 'v1' | 'v2'; readonly port?: number; readonly env?: NodeJS.ProcessEnv; readonly healthTimeoutSeconds?: number } = {},
): Promise<TestStack> {
  const root = mkdtempSync(path.join(tmpdir(), 'dwb-stack-'));
  const port = options.port ?? (await freePort());
  const secrets = memorySecretStore();
  const events: StackEvent[] = [];
  const stack = await openComposeStack({
    engine: 'postgres',
    projectRoot: root,
    projectName: `dwbtest-${randomBytes(4).toString('hex')}`,
    bundledDockerDir: path.join(repoRoot, 'docker'),
    config: { healthTimeoutSeconds: options.healthTimeoutSeconds ?? 120, env: { DWB_HEALTH_INTERVAL: '1s' } },
    env: { DWB_POSTGRES_IMAGE: TEST_POSTGRES_IMAGE, DWB_POSTGRES_PORT: String(port), ...options.env },
    runner: options.runner ?? createProcessRunner(),
    secrets,
    healthPollMs: 500,
    onEvent: (e) => events.push(e),
    ...(options.preferCompose ? { preferCompose: options.preferCompose } : {}),
  });
  return {
    stack, root, port, secrets, events,
    async dispose() {
      await stack.destroy().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
