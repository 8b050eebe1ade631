import pg from 'pg';
import type { ServerConnectionConfig } from './config';
import { advisoryLockKey } from './lockKey';
import { EngineError, isEngineError } from './errors';
import { mapPostgresError } from './pgErrors';
import { PgConnection, type PgConnectionContext } from './pgConnection';
import type { ErrorContext } from './errorContext';
import type {
  BatchOptions, BatchResult, BulkColumn, BulkRows, BulkLoadOptions, Engine, PipelineOptions, PipelineResult, QueryOptions, QueryResult, Queryable, Row,
  ServerInfo, Session, SqlParam, StreamOptions, TableRef,
} from './types';

export interface PostgresEngineOptions {
  readonly applicationName?: string;
}

/** The PostgreSQL adapter: a pg Pool, COPY through pg-copy-streams, cursors for streaming. */
export class PostgresEngine implements Engine {
  readonly kind = 'postgres' as const;
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly ctx: PgConnectionContext;
  private readonly clientConfig: pg.ClientConfig;

  constructor(private readonly config: ServerConnectionConfig, options: PostgresEngineOptions = {}) {
    this.clientConfig = {
      host: config.host,
      port: config.port,
      database: config.database,
      user: config.user,
      ...(config.password === undefined ? {} : { password: config.password }),
      ssl: config.encrypt === true ? { rejectUnauthorized: config.trustServerCertificate !== true } : false,
      connectionTimeoutMillis: config.connectTimeoutMs ?? 15000,
      application_name: config.applicationName ?? options.applicationName ?? 'DW Workbench',
      // Timestamps are UTC by convention: the session zone makes now() and timestamptz agree.
      options: '-c TimeZone=UTC',
    };
    this.pool = new pg.Pool({ ...this.clientConfig, max: config.poolMax ?? 10 });
    // An idle client that dies (server restart) must not crash the process.
    this.pool.on('error', () => undefined);
    this.ctx = {
      errorContext: {
        engine: 'postgres',
        address: `${config.host}:${config.port}`,
        database: config.database,
        user: config.user,
        ...(config.dockerStack === undefined ? {} : { dockerStack: config.dockerStack }),
        ...(config.password === undefined ? {} : { password: config.password }),
      },
      cancelBackend: (pid) => this.cancelBackend(pid),
    };
  }

  private errorContext(phase: ErrorContext['phase']): ErrorContext {
    return { ...this.ctx.errorContext, phase };
  }

  /**
   * A pooled client, watched until it goes back; connection failures become unreachable /
   * login-failed / database-missing.
   */
  private async connect(): Promise<Lease> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw mapPostgresError(error, this.errorContext('connect'));
    }
    return new Lease(client, this.connection(client), this.ctx.errorContext);
  }

  private connection(client: pg.PoolClient): PgConnection {
    return new PgConnection(client, this.ctx, (oid, format) => pg.types.getTypeParser(oid, format as 'text') as (text: string) => unknown);
  }

  private async withConnection<T>(work: (c: PgConnection) => Promise<T>): Promise<T> {
    const lease = await this.connect();
    try {
      return await lease.run(work);
    } finally {
      lease.release();
    }
  }

  /** Cancels a running statement from a connection of its own (the pool may be exhausted). */
  private async cancelBackend(pid: number): Promise<void> {
    const client = new pg.Client(this.clientConfig);
    // A dedicated client that dies (server restart) must not crash the process either.
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query('SELECT pg_cancel_backend($1)', [pid]);
    } finally {
      await client.end();
    }
  }

  query<R = Row>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<R>> {
    return this.withConnection((c) => c.query<R>(sql, params, options));
  }

  async *stream<R = Row>(sql: string, params?: readonly SqlParam[], options?: StreamOptions): AsyncGenerator<R> {
    const lease = await this.connect();
    try {
      yield* lease.stream<R>(sql, params, options);
    } finally {
      lease.release();
    }
  }

  bulkLoad(
    table: TableRef,
    columns: readonly BulkColumn[],
    rows: BulkRows,
    options?: BulkLoadOptions,
  ): Promise<number> {
    return this.withConnection((c) => c.bulkLoad(table, columns, rows, options));
  }

  batch(sql: string, options?: BatchOptions): Promise<BatchResult> {
    return this.withConnection((c) => c.batch(sql, options));
  }

  async serverInfo(): Promise<ServerInfo> {
    const { rows } = await this.query<{ version: string; database: string }>(
      "SELECT current_setting('server_version') AS version, current_database() AS database",
    );
    const row = rows[0];
    return {
      engine: 'postgres',
      product: 'PostgreSQL',
      version: (row?.version ?? '').split(' ')[0] ?? '',
      database: row?.database ?? this.config.database,
      address: `${this.config.host}:${this.config.port}`,
    };
  }

  async session(): Promise<Session> {
    return new PostgresSession(await this.connect());
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * A client checked out of the pool, with an 'error' listener for as long as it is out: pg emits
 * 'error' on a client whose connection dies (backend terminated, server restart, network), and
 * the pool listens only on idle clients, so without this an unhandled 'error' event would crash
 * the process. A client that died goes back with the error, and the pool destroys it rather
 * than hand it out again.
 */
class Lease {
  /** Set when the connection died; every later call on this lease rejects with it. */
  private lost: EngineError | undefined;
  private released = false;
  private readonly onError = (error: Error): void => {
    this.lost ??= connectionLostError(error, this.errorContext);
  };

  constructor(
    private readonly client: pg.PoolClient,
    private readonly conn: PgConnection,
    private readonly errorContext: PgConnectionContext['errorContext'],
  ) {
    client.on('error', this.onError);
  }

  get broken(): boolean {
    return this.lost !== undefined;
  }

  get processId(): number | undefined {
    return this.conn.processId;
  }

  /** The connection (for a call that must not run once it died, like ROLLBACK after a failure). */
  get connection(): PgConnection {
    return this.conn;
  }

  /** The connection, or the error that broke it. */
  private live(): PgConnection {
    if (this.lost !== undefined) throw this.lost;
    return this.conn;
  }

  /**
   * A call on the connection; a statement the dying connection took down rejects with the
   * connection-lost error. A statement running when the server terminates its backend fails with
   * the termination itself (SQLSTATE 57P01..57P03, class 08) before pg emits 'error': both mean
   * a dead connection.
   */
  async run<T>(call: (conn: PgConnection) => Promise<T>): Promise<T> {
    try {
      return await call(this.live());
    } catch (error) {
      throw this.failure(error);
    }
  }

  async *stream<R>(sql: string, params?: readonly SqlParam[], options?: StreamOptions): AsyncGenerator<R> {
    try {
      yield* this.live().stream<R>(sql, params, options);
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** What a failed call should reject with. */
  failure(error: unknown): unknown {
    if (this.lost === undefined && isEngineError(error) && connectionLost(error.number)) {
      this.lost = connectionLostError(error, this.errorContext);
    }
    return this.lost ?? error;
  }

  /**
   * Back to the pool: destroyed when the connection died or is still inside a transaction, kept
   * otherwise. The pool's own idle listener takes over from ours in the same call.
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.client.removeListener('error', this.onError);
    if (this.lost !== undefined) this.client.release(this.lost);
    else this.client.release(this.client.getTransactionStatus() !== 'I');
  }
}

/** A dedicated pooled client: transactions and advisory locks live on it. */
class PostgresSession implements Session {
  constructor(private readonly lease: Lease) {}

  get serverProcessId(): number | undefined {
    return this.lease.processId;
  }

  query<R = Row>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<R>> {
    return this.lease.run((c) => c.query<R>(sql, params, options));
  }

  stream<R = Row>(sql: string, params?: readonly SqlParam[], options?: StreamOptions): AsyncGenerator<R> {
    return this.lease.stream<R>(sql, params, options);
  }

  bulkLoad(
    table: TableRef,
    columns: readonly BulkColumn[],
    rows: BulkRows,
    options?: BulkLoadOptions,
  ): Promise<number> {
    return this.lease.run((c) => c.bulkLoad(table, columns, rows, options));
  }

  batch(sql: string, options?: BatchOptions): Promise<BatchResult> {
    return this.lease.run((c) => c.batch(sql, options));
  }

  async pipeline(statements: readonly string[], options?: PipelineOptions): Promise<PipelineResult> {
    const result = await this.lease.run((c) => c.pipeline(statements, options));
    if (result.failure === undefined) return result;
    return { ...result, failure: { ...result.failure, error: this.lease.failure(result.failure.error) } };
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.query('BEGIN');
    try {
      const result = await work(this);
      await this.query('COMMIT');
      return result;
    } catch (error) {
      if (!this.lease.broken) await this.lease.connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * pg_advisory_lock on the name's 64-bit hash, waiting at most timeoutMs through lock_timeout
   * (the server then raises 55P03, mapped to 'lock-timeout'); 0 means try once.
   */
  async withLock<T>(name: string, options: { readonly timeoutMs: number }, work: () => Promise<T>): Promise<T> {
    const key = advisoryLockKey(name);
    if (options.timeoutMs <= 0) {
      const { rows } = await this.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key]);
      if (rows[0]?.locked !== true) throw this.lease.connection.error({ code: '55P03', message: `The lock "${name}" is held by another connection.` });
    } else {
      const { rows } = await this.query<{ previous: string }>(
        "SELECT current_setting('lock_timeout') AS previous, set_config('lock_timeout', $1, false)",
        [`${Math.ceil(options.timeoutMs)}ms`],
      );
      try {
        await this.query('SELECT pg_advisory_lock($1::bigint)', [key]);
      } finally {
        await this.query("SELECT set_config('lock_timeout', $1, false)", [rows[0]?.previous ?? '0']);
      }
    }
    try {
      return await work();
    } finally {
      // A dropped connection took its advisory locks with it.
      if (!this.lease.broken) await this.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    }
  }

  release(): Promise<void> {
    this.lease.release();
    return Promise.resolve();
  }
}

/** SQLSTATEs that mean the backend is gone: 57P01..57P03 (terminated, crash, starting) and class 08. */
function connectionLost(code: string | number | undefined): boolean {
  return typeof code === 'string' && (/^57P0[123]$/.test(code) || code.startsWith('08'));
}

/** The connection was dropped (server terminated it, restart, network): open a new one. */
function connectionLostError(cause: Error, ctx: PgConnectionContext['errorContext']): EngineError {
  const where = `PostgreSQL at ${ctx.address}/${ctx.database}`;
  return new EngineError(
    `The connection to ${where} was closed (${cause.message}). Work in progress on it was rolled back; run the operation again, and if this repeats check that the server is up ('DW: Start Stack').`,
    { kind: 'unreachable', engine: ctx.engine, target: `${ctx.address}/${ctx.database}`, cause },
  );
}
