import type { ComposeStack, UpTimings } from './composeStack';
import type { StackPhase } from './events';

export interface StartHooks {
  /** Runs the project's bootstrap plan against the healthy server. */
  readonly bootstrap?: (stack: ComposeStack) => Promise<void>;
  /** Connects as the project's connection does, so "ready" means usable. */
  readonly checkConnection?: (stack: ComposeStack) => Promise<void>;
}

export interface StartTimings extends UpTimings {
  readonly bootstrapMs: number;
  readonly connectionMs: number;
  /** 0 when stack.watch is off. */
  readonly watchMs: number;
}

/**
 * "Start Stack": compose up, wait for health, bootstrap, connection check, then the watch service
 * (stack.watch; a watch service left running while it is off is removed); timed per phase.
 */
export async function startStack(stack: ComposeStack, hooks: StartHooks = {}, signal?: AbortSignal): Promise<StartTimings> {
  const up = await stack.up(signal);
  const bootstrapMs = await timedPhase(stack, 'bootstrap', hooks.bootstrap);
  const connectionMs = await timedPhase(stack, 'connection', hooks.checkConnection);
  let watchMs = 0;
  if (stack.options.watch === undefined) await stack.removeWatch();
  else watchMs = await timedPhase(stack, 'watch', (s) => s.startWatch(signal));
  return { ...up, bootstrapMs, connectionMs, watchMs };
}

async function timedPhase(
  stack: ComposeStack,
  phase: StackPhase,
  hook: ((stack: ComposeStack) => Promise<void>) | undefined,
): Promise<number> {
  if (hook === undefined) return 0;
  const start = performance.now();
  await stack.phase(phase, () => hook(stack));
  return performance.now() - start;
}
