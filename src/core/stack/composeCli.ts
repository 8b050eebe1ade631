import { StackError } from './errors';
import { isCommandMissing, type ProcessRunner, type ProcessSpec } from './process';

/** How compose is invoked here: v2 as a docker CLI plugin, or the v1 `docker-compose` binary. */
export interface ComposeCli {
  readonly version: 'v2' | 'v1';
  readonly command: string;
  /** Arguments before compose's own (e.g. ['compose'] for v2). */
  readonly prefix: readonly string[];
  /** What `version --short` printed. */
  readonly release: string;
}

const V2: Omit<ComposeCli, 'release'> = { version: 'v2', command: 'docker', prefix: ['compose'] };
const V1: Omit<ComposeCli, 'release'> = { version: 'v1', command: 'docker-compose', prefix: [] };

/** Compose v2 (`docker compose`) when present, else v1 (`docker-compose`). */
export async function detectComposeCli(
  runner: ProcessRunner,
  options: { readonly prefer?: 'v2' | 'v1' } = {},
): Promise<ComposeCli> {
  const order = options.prefer === 'v1' ? [V1, V2] : [V2, V1];
  let missing = 0;
  for (const candidate of order) {
    const release = await tryVersion(runner, candidate);
    if (release === null) missing++;
    else if (release !== undefined) return { ...candidate, release };
  }
  if (missing === order.length) {
    throw new StackError(
      "Docker is not installed: neither 'docker' nor 'docker-compose' was found on PATH. Install Docker Engine or "
        + 'Docker Desktop (https://docs.docker.com/engine/install/), then run the command again.',
      { kind: 'docker-missing' },
    );
  }
  throw new StackError(
    'Docker Compose is not installed: neither `docker compose` (v2) nor `docker-compose` (v1) answered. '
      + 'Install the Docker Compose plugin (https://docs.docker.com/compose/install/), then run the command again.',
    { kind: 'compose-missing' },
  );
}

/** The release; undefined when the command runs but has no compose; null when it does not exist. */
async function tryVersion(runner: ProcessRunner, cli: Omit<ComposeCli, 'release'>): Promise<string | undefined | null> {
  try {
    const r = await runner.run({ command: cli.command, args: [...cli.prefix, 'version', '--short'] });
    return r.code === 0 ? r.stdout.trim() : undefined;
  } catch (e) {
    if (isCommandMissing(e)) return null;
    throw e;
  }
}

/**
 * One compose invocation for a project, as data. `env` (settings and secrets) reaches compose
 * only as the child process's environment, which compose interpolates from; nothing is written.
 */
export function composeProcess(
  cli: ComposeCli,
  target: { readonly projectName: string; readonly composeFile: string },
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): ProcessSpec {
  return {
    command: cli.command,
    args: [
      ...cli.prefix,
      '--project-name', target.projectName,
      '--file', target.composeFile,
      ...args,
    ],
    env,
  };
}
