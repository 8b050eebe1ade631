import sql from 'mssql';
import type { ServerConnectionConfig } from './config';
import { EngineError, isEngineError } from './errors';
import { engineErrorMessage, type ErrorContext } from './errorContext';
import { mapSqlServerError, type SqlServerErrorFacts } from './sqlserverErrors';
import { SqlServerQueryable } from './sqlserverQueryable';
import type { Engine, Queryable, ServerInfo, Session, SessionOptions } from './types';
import { BABELFISH_PRODUCT, SQL_SERVER_PRODUCT } from './serverProduct';

export interface SqlServerEngineOptions {
  readonly applicationName?: string;
}

function poolConfig(config: ServerConnectionConfig, options: SqlServerEngineOptions, facts: { loginErrorNumber?: number }, max: number): sql.config {
  return {
    server: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    ...(config.password === undefined ? {} : { password: config.password }),
    connectionTimeout: config.connectTimeoutMs ?? 15000,
    // No driver-side limit: QueryOptions.timeoutMs cancels per statement, ETL batches may run long.
    requestTimeout: 0,
    pool: { min: 0, max },
    options: {
      encrypt: config.encrypt ?? true,
      trustServerCertificate: config.trustServerCertificate ?? false,
      appName: config.applicationName ?? options.applicationName ?? 'DW Workbench',
      useUTC: true,
    },
    // tedious's login error lacks the server's message number (18456 vs 4060): keep it aside.
    beforeConnect: (connection) => {
      connection.on('errorMessage', (token: { number?: number }) => {
        if (token.number !== undefined) facts.loginErrorNumber = token.number;
      });
    },
  };
}

async function connectPool(pool: sql.ConnectionPool, ctx: ErrorContext, facts: SqlServerErrorFacts): Promise<void> {
  try {
    await pool.connect();
  } catch (error) {
    throw mapSqlServerError(error, { ...ctx, phase: 'connect' }, facts);
  }
}

/** The SQL Server adapter over mssql (tedious): a pool for the Engine, a one-connection pool per Session. */
class SqlServerEngine extends SqlServerQueryable implements Engine {
  readonly kind = 'sqlserver' as const;
  readonly dialect = 'sqlserver' as const;
  /** A released `reuse` session kept for the next one, closed after a minute unused. */
  private kept: { readonly session: SqlServerSession; readonly timer: NodeJS.Timeout } | undefined;

  constructor(
    private readonly pool: sql.ConnectionPool,
    private readonly config: ServerConnectionConfig,
    private readonly options: SqlServerEngineOptions,
    ctx: ErrorContext,
    facts: { loginErrorNumber?: number },
  ) {
    let connecting: Promise<void> | undefined;
    // Connect on first use, like pg's pool: creating an Engine never fails for connectivity.
    const ready = (): Promise<void> => {
      connecting ??= connectPool(pool, ctx, facts).catch((error: unknown) => {
        connecting = undefined;
        throw error;
      });
      return connecting;
    };
    super(() => pool.request(), ctx, facts, ready);
  }

  /**
   * Babelfish for PostgreSQL (SQL Server-compatible) answers SERVERPROPERTY('Babelfish') with 1;
   * SQL Server answers NULL. Its ProductVersion is the SQL Server level it emulates (12.0…), so
   * the version reported there is Babelfish's own.
   */
  async serverInfo(): Promise<ServerInfo> {
    const { rows } = await this.query<{ version: string; edition: string; database: string; babelfish: string | null }>(
      "SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS version, CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition, DB_NAME() AS [database], CAST(SERVERPROPERTY('BabelfishVersion') AS nvarchar(128)) AS babelfish",
    );
    const row = rows[0];
    const babelfish = row?.babelfish ?? null;
    return {
      engine: 'sqlserver',
      product: babelfish === null ? SQL_SERVER_PRODUCT : BABELFISH_PRODUCT,
      version: babelfish ?? row?.version ?? '',
      ...(row?.edition === undefined || babelfish !== null ? {} : { edition: row.edition }),
      database: row?.database ?? this.config.database,
      address: `${this.config.host}:${this.config.port}`,
    };
  }

  /**
   * mssql has no public way to pin one pooled connection, so a Session is a pool of exactly one
   * connection: every statement, transaction and session-owned applock lands on the same SPID.
   */
  async session(options: SessionOptions = {}): Promise<Session> {
    const kept = options.reuse === true ? this.take() : undefined;
    if (kept !== undefined) return kept;
    const facts: { loginErrorNumber?: number } = {};
    const pool = new sql.ConnectionPool(poolConfig(this.config, this.options, facts, 1));
    await connectPool(pool, this.ctx, facts);
    const session = new SqlServerSession(pool, this.ctx, facts, options.reuse === true ? (s) => this.keep(s) : undefined);
    const { rows } = await session.query<{ spid: number }>('SELECT @@SPID AS spid');
    session.serverProcessId = rows[0]?.spid;
    return session;
  }

  private take(): SqlServerSession | undefined {
    const kept = this.kept;
    if (kept === undefined) return undefined;
    clearTimeout(kept.timer);
    this.kept = undefined;
    return kept.session;
  }

  /** Keeps a released session (the newest: an older one kept is closed). */
  private keep(session: SqlServerSession): void {
    void this.take()?.close();
    const timer = setTimeout(() => {
      if (this.kept?.session === session) this.kept = undefined;
      void session.close();
    }, KEEP_MS);
    timer.unref();
    this.kept = { session, timer };
  }

  async close(): Promise<void> {
    await this.take()?.close();
    if (this.pool.connected || this.pool.connecting) await this.pool.close();
  }
}

/** How long a released `reuse` session stays open for the next one. */
const KEEP_MS = 60_000;

class SqlServerSession extends SqlServerQueryable implements Session {
  serverProcessId: number | undefined;
  /** Application locks taken and not (yet) released: a session holding one is never kept. */
  private locksHeld = 0;
  /** A bulk load failed on this connection: Babelfish refuses every later one there, so it is never kept. */
  private bulkFailed = false;
  private readonly bulkFailure = (): void => {
    this.bulkFailed = true;
  };

  constructor(
    private readonly pool: sql.ConnectionPool,
    ctx: ErrorContext,
    facts: SqlServerErrorFacts,
    /** Where a released session goes when it may be reused (`SessionOptions.reuse`). */
    private readonly onRelease?: (session: SqlServerSession) => void,
  ) {
    super(() => pool.request(), ctx, facts, undefined, () => this.bulkFailure());
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const tx = new sql.Transaction(this.pool);
    try {
      await tx.begin();
    } catch (error) {
      throw this.error(error, undefined);
    }
    try {
      const result = await work(new SqlServerQueryable(() => new sql.Request(tx), this.ctx, this.facts, undefined, this.bulkFailure));
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw isEngineError(error) ? error : this.error(error, undefined);
    }
  }

  /** sp_getapplock owned by the session; a negative return (timeout, deadlock) is 'lock-timeout'. */
  async withLock<T>(name: string, options: { readonly timeoutMs: number }, work: () => Promise<T>): Promise<T> {
    const { rows } = await this.query<{ result: number }>(
      "DECLARE @r int; EXEC @r = sp_getapplock @Resource = @p1, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @p2; SELECT @r AS result",
      [{ value: name, type: { kind: 'text', length: 255 } }, { value: Math.max(0, Math.ceil(options.timeoutMs)), type: { kind: 'int' } }],
    );
    const result = rows[0]?.result ?? -999;
    if (result < 0) {
      const ctx = { ...this.ctx, phase: 'statement' as const };
      throw new EngineError(engineErrorMessage('lock-timeout', ctx, `sp_getapplock returned ${result} for "${name}".`), {
        kind: 'lock-timeout', engine: 'sqlserver', number: result, target: `${ctx.address}/${ctx.database}`,
      });
    }
    this.locksHeld++;
    try {
      return await work();
    } finally {
      await this.query("EXEC sp_releaseapplock @Resource = @p1, @LockOwner = 'Session'", [{ value: name, type: { kind: 'text', length: 255 } }]);
      this.locksHeld--;
    }
  }

  /**
   * Kept for the next `reuse` session when it may be: still connected, no lock held, no bulk load
   * failed, no transaction open, still in its own database. Otherwise (or when the check fails) closed.
   */
  async release(): Promise<void> {
    if (this.onRelease !== undefined && this.locksHeld === 0 && !this.bulkFailed && this.pool.connected && (await this.reusable())) {
      this.onRelease(this);
      return;
    }
    await this.close();
  }

  private async reusable(): Promise<boolean> {
    try {
      const { rows } = await this.query<{ open: number; db: string }>('SELECT @@TRANCOUNT AS [open], DB_NAME() AS db');
      return rows[0]?.open === 0 && rows[0].db.toLowerCase() === this.ctx.database.toLowerCase();
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

/** The Engine for a SQL Server connection; it connects on first use. */
export function openSqlServerEngine(config: ServerConnectionConfig, options: SqlServerEngineOptions = {}): Engine {
  const facts: { loginErrorNumber?: number } = {};
  const ctx: ErrorContext = {
    engine: 'sqlserver',
    phase: 'statement',
    address: `${config.host}:${config.port}`,
    database: config.database,
    user: config.user,
    ...(config.dockerStack === undefined ? {} : { dockerStack: config.dockerStack }),
    ...(config.password === undefined ? {} : { password: config.password }),
  };
  const pool = new sql.ConnectionPool(poolConfig(config, options, facts, config.poolMax ?? 10));
  pool.on('error', () => undefined);
  return new SqlServerEngine(pool, config, options, ctx, facts);
}
