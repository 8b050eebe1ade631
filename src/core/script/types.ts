import type { Dialect } from '../engine/types';

/** Where one line of a batch came from: the file (absolute path) and its 1-based line. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/**
 * A run of batch lines that map to consecutive lines of one file, starting at `batchLine`.
 * `fixed` segments (lines produced by a variable value that contains line breaks) all map to
 * the same source line.
 */
export interface SourceSegment {
  readonly batchLine: number;
  readonly file: string;
  readonly fileLine: number;
  readonly fixed?: boolean;
}

/** What the runner does when a batch fails: stop the script, or report and go on. */
export type OnErrorMode = 'exit' | 'ignore';

/** One unit sent to the server: a T-SQL batch (between GOs) or one PostgreSQL statement. */
export interface Batch {
  /** The SQL sent, with variables substituted and includes expanded. */
  readonly text: string;
  /** How many times to send it (`GO 5`); 1 otherwise. */
  readonly repeat: number;
  /** Batch line -> file:line, through includes; read it with `sourceOf`. */
  readonly sourceMap: readonly SourceSegment[];
  /**
   * The database in effect when the batch starts, as named by an earlier `USE` (T-SQL) or
   * `\c` (psql); undefined means the database of the configured connection.
   */
  readonly database: string | undefined;
  /** The `:on error` / ON_ERROR_STOP mode in force when the batch is sent. */
  readonly onError: OnErrorMode;
  readonly startFile: string;
  readonly startLine: number;
  /**
   * psql's `\echo`: the batch is not sent; the runner reports this text as a message, in its
   * place among the statements (`text` is the command line as written, for previews).
   */
  readonly echo?: string;
}

export interface ScriptPlan {
  readonly dialect: Dialect;
  /** The files the plan was read from, in run order (includes not listed). */
  readonly files: readonly string[];
  readonly batches: readonly Batch[];
}

/**
 * Reads a file for the splitters (the root script and its includes) as raw bytes, so that
 * encoding is checked in one place. Receives an absolute path; rejects when it cannot read it.
 */
export type ScriptFileReader = (absolutePath: string) => Promise<Uint8Array>;

export interface SplitOptions {
  /** Absolute path of the script, used for messages, source maps and relative includes. */
  readonly file: string;
  readonly readFile: ScriptFileReader;
  /**
   * Variables known before the script starts (environment < project file < command line;
   * the caller merges them). Script-level `:setvar` / `\set` override these.
   */
  readonly variables?: Readonly<Record<string, string>>;
  /** Folder against which psql's `\i` resolves (psql uses its working directory). */
  readonly cwd?: string;
}
