import { StackError } from './errors';
import type { ContainerState, DockerCli } from './docker';
import type { StackEventListener, StackStatus } from './events';

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
    }),
};

export function statusOf(state: ContainerState | undefined): StackStatus {
  if (state === undefined) return 'down';
  if (state.status === 'restarting') return 'starting';
  if (!state.running) return 'down';
  if (state.health === undefined || state.health === 'healthy') return 'healthy';
  return state.health === 'starting' ? 'starting' : 'unhealthy';
}

export interface HealthWait {
  readonly docker: DockerCli;
  readonly projectName: string;
  readonly service: string;
  readonly timeoutMs: number;
  readonly pollMs?: number;
  readonly logLines?: number;
  readonly mask: (text: string) => string;
  readonly onEvent?: StackEventListener;
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
}

/**
 * Polls the service's container until its healthcheck passes. Each poll reports the state and
 * the container's last log lines; on timeout, or when the container stops, the error carries them.
 */
export async function waitForHealthy(w: HealthWait): Promise<void> {
  const clock = w.clock ?? realClock;
  const started = clock.now();
  const lines = w.logLines ?? 5;
  let id: string | undefined;
  for (;;) {
    // The container is looked up once it exists; each poll then costs one inspect and one logs.
    id ??= (await w.docker.serviceContainers(w.projectName, w.service))[0];
    const state = id === undefined ? undefined : await w.docker.containerState(id);
    const status = statusOf(state);
    const elapsedMs = clock.now() - started;
    const tail = id === undefined ? [] : (await w.docker.logTail(id, lines)).map(w.mask);
    w.onEvent?.({ type: 'health', service: w.service, status, elapsedMs, logTail: tail });
    if (status === 'healthy') return;
    if (state !== undefined && !state.running && state.status === 'exited') {
      throw new StackError(
        `The ${w.service} container stopped (exit code ${state.exitCode}) before it became healthy. `
          + 'Its last log lines follow; fix the cause, then start the stack again.',
        { kind: 'container-exited', service: w.service, logTail: await tailFor(w, id) },
      );
    }
    if (elapsedMs >= w.timeoutMs || w.signal?.aborted === true) {
      throw new StackError(
        `The ${w.service} container did not become healthy within ${Math.round(w.timeoutMs / 1000)} s `
          + `(last state: ${status}). Its last log lines follow; raise stack.healthTimeoutSeconds in `
          + 'dw-workbench.json if the server is just slow to start.',
        { kind: 'health-timeout', service: w.service, logTail: await tailFor(w, id) },
      );
    }
    await clock.sleep(w.pollMs ?? 1000, w.signal);
  }
}

async function tailFor(w: HealthWait, id: string | undefined): Promise<string[]> {
  return id === undefined ? [] : (await w.docker.logTail(id, 20)).map(w.mask);
}
