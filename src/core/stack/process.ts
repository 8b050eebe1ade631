import { spawn } from 'node:child_process';

/** An external process as data: never a shell line. */
export interface ProcessSpec {
  readonly command: string;
  readonly args: readonly string[];
  /** Added to the runner's base environment. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

export interface ProcessRunOptions {
  /** Each complete output line as it arrives (stdout and stderr), for progress and logs. */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Aborting kills the process (SIGTERM); the promise then resolves with its exit status. */
  readonly signal?: AbortSignal;
}

export interface ProcessResult {
  /** Exit code; null when killed by a signal. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a process to completion. Rejects with code 'ENOENT' when the command does not exist. */
export interface ProcessRunner {
  run(spec: ProcessSpec, options?: ProcessRunOptions): Promise<ProcessResult>;
}

/** The real runner: spawns without a shell and streams output line by line. */
export function createProcessRunner(baseEnv: NodeJS.ProcessEnv = process.env): ProcessRunner {
  return {
    run(spec, options = {}) {
      return new Promise<ProcessResult>((resolve, reject) => {
        const child = spawn(spec.command, [...spec.args], {
          shell: false,
          cwd: spec.cwd,
          env: { ...baseEnv, ...spec.env },
          stdio: ['ignore', 'pipe', 'pipe'],
          signal: options.signal,
        });
        const out = collectLines(child.stdout, (l) => options.onLine?.(l, 'stdout'));
        const err = collectLines(child.stderr, (l) => options.onLine?.(l, 'stderr'));
        child.once('error', (e: NodeJS.ErrnoException) => {
          // An abort surfaces as an error too; it is an outcome, not a failure to start.
          if (e.name !== 'AbortError') reject(e);
        });
        child.once('close', (code) => resolve({ code, stdout: out.text(), stderr: err.text() }));
      });
    },
  };
}

function collectLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): { text(): string } {
  let all = '';
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    all += chunk;
    pending += chunk;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      onLine(pending.slice(0, nl).replace(/\r$/, ''));
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  });
  stream.on('end', () => {
    if (pending.length > 0) onLine(pending);
    pending = '';
  });
  return { text: () => all };
}

export function isCommandMissing(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as NodeJS.ErrnoException).code === 'ENOENT';
}
