import pg from 'pg';
import type { ServerConnectionConfig } from './config';
import { advisoryLockKey } from './lockKey';
import { EngineError } from './errors';
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
        ...(config.password === undefined ? {} : { password: config.password }),
      },
      cancelBackend: (pid) => this.cancelBackend(pid),
    };
  }

  private errorContext(phase: ErrorContext['phase']): ErrorContext {
    return { ...this.ctx.errorContext, phase };
  }

  /** A pooled client; connection failures become unreachable / login-failed / database-missing. */
  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw mapPostgresError(error, this.errorContext('connect'));
    }
  }

  private connection(client: pg.PoolClient): PgConnection {
    return new PgConnection(client, this.ctx, (oid, format) => pg.types.getTypeParser(oid, format as 'text') as (text: string) => unknown);
  }

  private async withConnection<T>(work: (c: PgConnection) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await work(this.connection(client));
    } finally {
      releaseClient(client);
    }
  }

  /** Cancels a running statement from a connection of its own (the pool may be exhausted). */
  private async cancelBackend(pid: number): Promise<void> {
    const client = new pg.Client(this.clientConfig);
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
    const client = await this.connect();
    try {
      yield* this.connection(client).stream<R>(sql, params, options);
    } finally {
      releaseClient(client);
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
    const client = await this.connect();
    return new PostgresSession(client, this.connection(client), this.ctx.errorContext);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A dedicated pooled client: transactions and advisory locks live on it. */
class PostgresSession implements Session {
  private released = false;
  /** Set when the server or the network dropped the connection; every later call rejects with it. */
  private broken: EngineError | undefined;
  /**
   * pg emits 'error' on a checked-out client whose connection dies between statements (the pool
   * only listens on idle clients); without a listener that is an uncaught exception.
   */
  private readonly onConnectionError = (error: Error): void => {
    this.broken ??= brokenConnectionError(error, this.errorContext);
  };

  constructor(
    private readonly client: pg.PoolClient,
    private readonly liveConn: PgConnection,
    private readonly errorContext: PgConnectionContext['errorContext'],
  ) {
    client.on('error', this.onConnectionError);
  }

  /** The connection, or the error that broke it. */
  private get conn(): PgConnection {
    if (this.broken !== undefined) throw this.broken;
    return this.liveConn;
  }

  get serverProcessId(): number | undefined {
    return this.liveConn.processId;
  }

  /**
   * Runs a call on the connection; a statement the dying connection took down rejects with the
   * broken-connection error (pg raises 'error' right after failing the statement).
   */
  private async guarded<T>(call: (conn: PgConnection) => Promise<T>): Promise<T> {
    try {
      return await call(this.conn);
    } catch (error) {
      throw this.brokenBy(error);
    }
  }

  /**
   * A statement running when the server terminates its backend fails with the termination
   * itself (SQLSTATE 57P01..57P03, class 08), before pg raises 'error'; both mean a dead session.
   */
  private brokenBy(error: unknown): unknown {
    if (this.broken === undefined && error instanceof EngineError && connectionLost(error.number)) {
      this.broken = brokenConnectionError(error, this.errorContext);
    }
    return this.broken ?? error;
  }

  query<R = Row>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<R>> {
    return this.guarded((c) => c.query<R>(sql, params, options));
  }

  async *stream<R = Row>(sql: string, params?: readonly SqlParam[], options?: StreamOptions): AsyncGenerator<R> {
    try {
      yield* this.conn.stream<R>(sql, params, options);
    } catch (error) {
      throw this.brokenBy(error);
    }
  }

  bulkLoad(
    table: TableRef,
    columns: readonly BulkColumn[],
    rows: BulkRows,
    options?: BulkLoadOptions,
  ): Promise<number> {
    return this.guarded((c) => c.bulkLoad(table, columns, rows, options));
  }

  batch(sql: string, options?: BatchOptions): Promise<BatchResult> {
    return this.guarded((c) => c.batch(sql, options));
  }

  async pipeline(statements: readonly string[], options?: PipelineOptions): Promise<PipelineResult> {
    const result = await this.guarded((c) => c.pipeline(statements, options));
    if (result.failure === undefined) return result;
    return { ...result, failure: { ...result.failure, error: this.brokenBy(result.failure.error) } };
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.query('BEGIN');
    try {
      const result = await work(this);
      await this.query('COMMIT');
      return result;
    } catch (error) {
      if (this.broken === undefined) await this.liveConn.query('ROLLBACK').catch(() => undefined);
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
      if (rows[0]?.locked !== true) throw this.liveConn.error({ code: '55P03', message: `The lock "${name}" is held by another connection.` });
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
      if (this.broken === undefined) await this.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    }
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.client.removeListener('error', this.onConnectionError);
    // A broken client is destroyed by the pool rather than handed out again.
    if (this.broken === undefined) releaseClient(this.client);
    else this.client.release(this.broken);
    return Promise.resolve();
  }
}

function connectionLost(code: string | number | undefined): boolean {
  return typeof code === 'string' && (/^57P0[123]$/.test(code) || code.startsWith('08'));
}

/** The session's connection was dropped (server terminated it, restart, network): open a new one. */
function brokenConnectionError(cause: Error, ctx: PgConnectionContext['errorContext']): EngineError {
  const where = `PostgreSQL at ${ctx.address}/${ctx.database}`;
  return new EngineError(
    `The connection to ${where} was closed (${cause.message}). Work in progress on it was rolled back; run the operation again, and if this repeats check that the server is up ('DW: Start Stack').`,
    { kind: 'unreachable', engine: ctx.engine, target: `${ctx.address}/${ctx.database}`, cause },
  );
}

/** Back to the pool, unless it is still inside a transaction: then it is closed, not reused. */
function releaseClient(client: pg.PoolClient): void {
  client.release(client.getTransactionStatus() !== 'I');
}
