// vscode-free: the status bar's look and the polling policy, tested in test/unit/stack-extension.
import type { StackStatus } from '../../core/stack/events';

/** Theme colour ids a status-bar item accepts as its background. */
export type StatusBarBackground = 'statusBarItem.errorBackground' | 'statusBarItem.warningBackground';

export interface StatusBarLook {
  /** A codicon, e.g. '$(pass-filled)'. */
  readonly icon: string;
  readonly background: StatusBarBackground | undefined;
}

const LOOKS: Readonly<Record<StackStatus, StatusBarLook>> = {
  down: { icon: '$(debug-disconnect)', background: undefined },
  starting: { icon: '$(sync~spin)', background: undefined },
  healthy: { icon: '$(pass-filled)', background: undefined },
  // The only state that needs the user's attention: the server runs but fails its healthcheck.
  unhealthy: { icon: '$(error)', background: 'statusBarItem.errorBackground' },
};

export function statusBarLook(status: StackStatus): StatusBarLook {
  return LOOKS[status];
}

/** How often the status is polled while the window has focus (two `docker` calls per poll). */
export const STATUS_POLL_MS = 10_000;

export interface PollState {
  /** The window has focus: nobody looks at a status bar otherwise. */
  readonly focused: boolean;
  /** The project has a `stack` section for a server engine. */
  readonly configured: boolean;
  /** A stack command runs; it reports the status itself when it ends. */
  readonly busy: boolean;
}

export function shouldPoll(state: PollState): boolean {
  return state.focused && state.configured && !state.busy;
}

/** A project the stack commands act on: a `stack` section and an engine that runs in Docker. */
export function hasStack(config: { readonly engine: string; readonly stack?: object }): boolean {
  return config.stack !== undefined && config.engine !== 'pglite';
}
