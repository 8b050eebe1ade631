/** What a `dwb` subcommand gets: its arguments and the process's streams, never globals. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Aborted on the first Ctrl+C: long jobs stop cleanly (roll back, never half-advance). */
  readonly signal?: AbortSignal;
}

/** One `dwb` subcommand. `run` resolves to the process exit code (see EXIT_CODES). */
export interface CliCommand {
  readonly name: string;
  /** One line for `dwb --help`. */
  readonly summary: string;
  /** The usage text for `dwb <name> --help`. */
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Documented exit codes (README, `dwb --help`). */
export const EXIT_CODES = {
  ok: 0,
  /** The job ran and failed: a script error, an ETL entity failed, a check did not pass. */
  failed: 1,
  /** The command line is wrong: unknown command or option, missing argument. */
  usage: 2,
  /** The project file is missing or invalid. */
  project: 3,
  /** The database or Docker cannot be reached, or login failed. */
  unreachable: 4,
  /** Interrupted (Ctrl+C). */
  interrupted: 130,
} as const;
