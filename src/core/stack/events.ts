/** What the status bar shows. */
export type StackStatus = 'down' | 'starting' | 'healthy' | 'unhealthy';

export type StackPhase =
  | 'checks' | 'pull' | 'build' | 'up' | 'health' | 'bootstrap' | 'connection' | 'watch' | 'down' | 'destroy' | 'backup' | 'restore';

/** Progress a stack operation reports; every text in it is already masked. */
export type StackEvent =
  | { readonly type: 'phase'; readonly phase: StackPhase; readonly state: 'start' | 'done'; readonly elapsedMs?: number }
  /** A line from compose, docker or a container. */
  | { readonly type: 'output'; readonly line: string }
  /** One health poll while waiting: the server's state and its last log lines. */
  | {
    readonly type: 'health';
    readonly service: string;
    readonly status: StackStatus;
    readonly elapsedMs: number;
    readonly logTail: readonly string[];
  };

export type StackEventListener = (event: StackEvent) => void;
