import type { PgliteConnectionConfig } from './config';
import type { NewClusterStart, PgliteWasm } from './pgliteAssets';
import type { PgliteNotice } from './pgliteBackend';

/**
 * Messages between the thread that uses a PGlite database (`pgliteWorkerClient.ts`) and the
 * worker thread that owns it (`pgliteWorker.ts`). Every request carries an id its reply repeats;
 * statements name the transaction they belong to (`tx`), or none.
 */
export type PgliteRequest =
  | { readonly op: 'query'; readonly id: number; readonly tx?: number; readonly sql: string; readonly params: readonly (string | Uint8Array | null)[]; readonly paramTypes: readonly number[] }
  | { readonly op: 'exec'; readonly id: number; readonly tx?: number; readonly sql: string; readonly notices: boolean }
  | { readonly op: 'copy'; readonly id: number; readonly tx?: number; readonly sql: string; readonly text: string }
  /** Replied with the transaction's number once PGlite is inside it (its mutex held). */
  | { readonly op: 'begin'; readonly id: number }
  /** Replied when the transaction has committed (or rolled back), with the COMMIT's error if it failed. */
  | { readonly op: 'end'; readonly id: number; readonly tx: number; readonly commit: boolean }
  | { readonly op: 'in-transaction'; readonly id: number }
  | { readonly op: 'close'; readonly id: number };

export type PgliteReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError }
  /** A server message of the running `exec`, sent before its reply. */
  | { readonly id: number; readonly notice: PgliteNotice };

/** The worker's first message: the database is open, or could not be opened. */
export type PgliteOpened =
  | { readonly opened: true; /** initdb made the database (`dumped`: its cluster, when asked for). */ readonly initdb: boolean; readonly dumped?: Uint8Array }
  | { readonly opened: false; readonly error: SerializedError };

/** What the worker is started with (`workerData`). */
export interface PgliteWorkerData {
  readonly config: PgliteConnectionConfig;
  /** Compiled by the thread that starts the worker, once per process (`pgliteWasm`). */
  readonly wasm: PgliteWasm;
  /** How a new database starts, as the starting thread says (`nextNewCluster`; its template is shared memory). */
  readonly start: NewClusterStart;
}

/**
 * An error as data: its message, name and the fields a PostgreSQL error carries (code,
 * position, where...), which `mapPostgresError` reads on the other side.
 */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly fields: Readonly<Record<string, string | number | boolean>>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { name: error.name, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }), fields };
}

/** The error a worker reported, rebuilt in this thread with the same message, name and fields. */
export class PgliteWorkerError extends Error {
  constructor(serialized: SerializedError) {
    super(serialized.message);
    Object.assign(this, serialized.fields);
    this.name = serialized.name;
    if (serialized.stack !== undefined) this.stack = serialized.stack;
  }
}
