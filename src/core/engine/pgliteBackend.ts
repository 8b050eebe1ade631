import type { Row } from './types';

/** What a statement returns, as plain data (it may have crossed from a worker thread). */
export interface PgliteResults {
  readonly rows: Row[];
  readonly fields: readonly { readonly name: string; readonly dataTypeID: number }[];
  readonly affectedRows?: number;
}

/** A server message (NOTICE, WARNING) raised while a statement ran. */
export interface PgliteNotice {
  readonly message?: string;
  readonly code?: string;
}

/** Statements on the one PGlite backend: on the database, or inside one of its transactions. */
export interface PgliteStatements {
  query(sql: string, params: readonly (string | Uint8Array | null)[], paramTypes: readonly number[]): Promise<PgliteResults>;
  exec(sql: string, onNotice?: (notice: PgliteNotice) => void): Promise<PgliteResults[]>;
  /** A `COPY ... FROM '/dev/blob'` statement with `text` as the blob. */
  copyFrom(statement: string, text: string): Promise<void>;
}

/**
 * One open PGlite database, wherever it runs: in this thread (`pgliteLocal.ts`), or in a worker
 * thread that owns it (`pgliteWorkerClient.ts`). The adapter (`pglite.ts`) needs only this.
 * `transaction` holds PGlite's mutex until `work` settles: it commits when `work` resolves and
 * rolls back when it rejects, as PGlite's own `transaction`.
 */
export interface PgliteBackend extends PgliteStatements {
  readonly closed: boolean;
  transaction<T>(work: (tx: PgliteStatements) => Promise<T>): Promise<T>;
  /** Whether the connection is inside a transaction its own statements opened (a BEGIN). */
  inTransaction(): Promise<boolean>;
  close(): Promise<void>;
}
