/**
 * The Engine layer: one interface over SQL Server (mssql/tedious), PostgreSQL (pg) and
 * PostgreSQL embedded in-process (PGlite). Everything above `src/core/engine` talks to a
 * database only through these types, so the same ETL, script runner and dashboards run on
 * every engine.
 */

/** The SQL dialect a piece of SQL is written in. PGlite speaks `postgres`. */
export type Dialect = 'sqlserver' | 'postgres';

/** Which adapter serves a connection. */
export type EngineKind = 'sqlserver' | 'postgres' | 'pglite';

/** A scalar value that crosses the driver boundary. */
export type SqlValue = null | string | number | bigint | boolean | Date | Uint8Array;

/**
 * The declared type of a parameter or bulk-load column. Drivers infer poorly (a JS number is
 * not a DECIMAL(15,2), a Date is not a DATE), so callers that care say what they mean.
 */
export type SqlType =
  | { readonly kind: 'int' }
  | { readonly kind: 'bigint' }
  | { readonly kind: 'smallint' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'float' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'text'; readonly length?: number }
  | { readonly kind: 'date' }
  /** DATETIME2(p) / timestamp(p) without time zone; values are UTC by convention. */
  | { readonly kind: 'timestamp'; readonly precision?: number }
  | { readonly kind: 'bytes' };

/** A parameter: a bare value (type inferred) or a value with its declared type. */
export type SqlParam = SqlValue | { readonly value: SqlValue; readonly type: SqlType };

/** A result row keyed by column name. */
export type Row = Record<string, unknown>;

export interface ColumnInfo {
  readonly name: string;
  /** The server's own type name, as far as the driver reports it. */
  readonly type: string;
}

export interface QueryResult<R = Row> {
  readonly rows: R[];
  readonly columns: readonly ColumnInfo[];
  /** Rows affected by the (last) DML statement; 0 for SELECT-only batches. */
  readonly rowsAffected: number;
}

export interface QueryOptions {
  /** Aborting cancels the statement on the server, and the promise rejects with kind 'cancelled'. */
  readonly signal?: AbortSignal;
  /** Statement timeout in milliseconds; rejects with kind 'timeout'. */
  readonly timeoutMs?: number;
}

export interface StreamOptions extends QueryOptions {
  /** Rows fetched from the server per round trip (cursor/packet batch). */
  readonly fetchSize?: number;
}

/** A server message that is not an error: PRINT, RAISERROR with severity <= 10, NOTICE. */
export interface ServerMessage {
  readonly message: string;
  /** Error number (SQL Server) or SQLSTATE (PostgreSQL), when the server gives one. */
  readonly number?: number | string;
  readonly severity?: number;
  /** 1-based line within the batch the message came from, when known. */
  readonly line?: number;
  readonly procedure?: string;
}

/** What a raw batch (as the script runner sends it) produced. */
export interface BatchResult {
  readonly resultSets: readonly QueryResult[];
  /** Sum of rows affected by DML statements in the batch. */
  readonly rowsAffected: number;
}

/** What one statement sent through `Session.pipeline` produced. */
export interface PipelinedStatement extends BatchResult {
  /** Notices raised while it ran, in order. */
  readonly messages: readonly ServerMessage[];
  /** Milliseconds from the previous statement's answer (or the send) to this one's. */
  readonly durationMs: number;
}

/**
 * The answer to `Session.pipeline`: the statements that completed, in order, and the one that
 * failed (the statements after it were not run).
 */
export interface PipelineResult {
  readonly completed: readonly PipelinedStatement[];
  readonly failure?: {
    /** Index into the statements sent. */
    readonly index: number;
    readonly error: unknown;
    readonly messages: readonly ServerMessage[];
    readonly durationMs: number;
  };
}

export interface PipelineOptions extends QueryOptions {
  /**
   * Called as each statement's answer arrives (before the promise settles), so progress can be
   * shown while the rest of the group runs. It must not throw.
   */
  readonly onStatement?: (index: number, statement: PipelinedStatement) => void;
}

export interface BatchOptions extends QueryOptions {
  readonly onMessage?: (message: ServerMessage) => void;
}

export interface BulkColumn {
  readonly name: string;
  readonly type: SqlType;
  readonly nullable?: boolean;
}

/** A table, optionally schema-qualified. Names are identifiers, quoted by the adapter. */
export interface TableRef {
  readonly schema?: string;
  readonly name: string;
}

/** The rows a bulk load reads, in column order; pulled lazily so a large load streams. */
export type BulkRows = AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>;

export interface BulkLoadOptions {
  readonly signal?: AbortSignal;
  /** Rows per round trip where the protocol batches (TDS bulk load). */
  readonly batchSize?: number;
}

/** Operations available on any connection, pooled or dedicated. */
export interface Queryable {
  /**
   * A parameterised statement. Placeholders are the dialect's own: `@p1, @p2…` on SQL Server,
   * `$1, $2…` on PostgreSQL; `params[i]` binds placeholder i+1.
   */
  query<R = Row>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<R>>;

  /**
   * A streaming read: rows arrive as the consumer pulls them (server cursor / paused request),
   * so memory stays bounded whatever the result size. Breaking out of the loop releases the
   * cursor.
   */
  stream<R = Row>(sql: string, params?: readonly SqlParam[], options?: StreamOptions): AsyncIterable<R>;

  /** Bulk load (TDS bulk load / COPY FROM STDIN) of rows in column order; returns rows loaded. */
  bulkLoad(
    table: TableRef,
    columns: readonly BulkColumn[],
    rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
    options?: BulkLoadOptions,
  ): Promise<number>;

  /**
   * A raw batch with no parameters, as a script runner sends it (a T-SQL batch between GOs,
   * one PostgreSQL statement): every result set, the rows affected, and messages as they come.
   */
  batch(sql: string, options?: BatchOptions): Promise<BatchResult>;
}

/** A dedicated connection: transactions and locks need one. */
export interface Session extends Queryable {
  /**
   * Runs `work` inside a transaction on this connection: commit when it resolves, rollback when
   * it throws (the error is rethrown).
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;

  /**
   * Holds the named exclusive lock (sp_getapplock / pg_advisory_lock on a hash of the name)
   * while `work` runs. Waits up to `timeoutMs` (0: do not wait) and rejects with kind
   * 'lock-timeout' when another connection holds it.
   */
  withLock<T>(name: string, options: { readonly timeoutMs: number }, work: () => Promise<T>): Promise<T>;

  /** The server-side id of this connection (SPID / backend pid), for auditing and tests. */
  readonly serverProcessId: number | undefined;

  /** Returns the connection to its pool (or closes it). */
  release(): Promise<void>;

  /**
   * Optional (PostgreSQL over the network): runs single statements that neither control nor
   * need to be outside a transaction (DML, SELECT), in order, with the effects of sending them
   * one at a time in autocommit (or inside the session's open transaction) and stopping at the
   * first failure, but in one round trip. Adapters without round trips to save leave it out.
   */
  pipeline?(statements: readonly string[], options?: PipelineOptions): Promise<PipelineResult>;
}

export interface ServerInfo {
  readonly engine: EngineKind;
  /** e.g. "Microsoft SQL Server", "PostgreSQL", "PGlite". */
  readonly product: string;
  /** e.g. "16.0.4135.4", "15.19". */
  readonly version: string;
  /** SQL Server edition ("Developer Edition (64-bit)"); undefined elsewhere. */
  readonly edition?: string;
  /** The database this engine is connected to. */
  readonly database: string;
  /** Host and port, or the data directory for PGlite. */
  readonly address: string;
}

export interface SessionOptions {
  /**
   * The caller leaves no session state behind it (no SET, no USE, its temporary tables named by
   * their shape): the engine may keep the connection after `release()` and hand it to the next
   * session that asks the same, instead of logging in again. SQL Server keeps one for a minute
   * (on Babelfish a new connection also parses its first statements several times slower);
   * PostgreSQL's pool reuses every connection anyway; PGlite has one.
   */
  readonly reuse?: boolean;
}

export interface Engine extends Queryable {
  readonly kind: EngineKind;
  readonly dialect: Dialect;
  serverInfo(): Promise<ServerInfo>;
  /** A dedicated connection from the pool. Always `release()` it (use try/finally). */
  session(options?: SessionOptions): Promise<Session>;
  close(): Promise<void>;
}
