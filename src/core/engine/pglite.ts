import type { PgliteConnectionConfig } from './config';
import { copyTextChunks, pgCopyStatement } from './copyText';
import type { ErrorContext } from './errorContext';
import { NamedLocks } from './namedLock';
import { EngineError } from './errors';
import { fetchCursor, nextCursorName } from './pgCursor';
import { mapPostgresError } from './pgErrors';
import type { PgliteBackend, PgliteResults, PgliteStatements } from './pgliteBackend';
import { newClusterMade } from './pgliteAssets';
import { PgliteWorkerBackend } from './pgliteWorkerClient';
import { pgParamOids, pgParams, pgTypeNameOfOid } from './pgTypes';
import type {
  BatchOptions, BatchResult, BulkColumn, BulkRows, BulkLoadOptions, Engine, QueryOptions, QueryResult, Queryable, Row,
  ServerInfo, Session, SqlParam, StreamOptions, TableRef,
} from './types';

const DEFAULT_FETCH_SIZE = 1000;
/** Rows per COPY chunk: the chunk is built in memory as one Blob, so it bounds memory. */
const DEFAULT_BULK_BATCH = 10000;

/**
 * Statements on PGlite (PostgreSQL compiled to WebAssembly, running in this process: in a
 * worker thread of its own, or in the caller's thread).
 *
 * Cancellation is best effort, and honest about it: the backend runs synchronously on the
 * thread it runs on and has no signals, so neither an AbortSignal nor statement_timeout can
 * interrupt a running statement. A signal already aborted when a statement is about to start
 * rejects with 'cancelled'; a streaming read stops at its next FETCH; `timeoutMs` is not enforced.
 */
class PgliteQueryable implements Queryable {
  constructor(private readonly runner: PgliteStatements, private readonly ctx: ErrorContext) {}

  private async guarded<T>(sql: string, options: QueryOptions | undefined, work: () => Promise<T>): Promise<T> {
    this.throwIfAborted(options);
    try {
      return await work();
    } catch (error) {
      throw mapPostgresError(error, { ...this.ctx, sql });
    }
  }

  private throwIfAborted(options: QueryOptions | undefined): void {
    if (options?.signal?.aborted === true) {
      throw mapPostgresError({ code: '57014', message: 'Cancelled before it started.' }, { ...this.ctx, cancelled: true });
    }
  }

  private run(sql: string, params?: readonly SqlParam[]): Promise<PgliteResults> {
    return this.runner.query(sql, pgParams(params), pgParamOids(params));
  }

  async query<R = Row>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<R>> {
    return toQueryResult<R>(await this.guarded(sql, options, () => this.run(sql, params)));
  }

  /**
   * A WITH HOLD cursor: it outlives the implicit transaction of its DECLARE, so the backend is
   * free between FETCHes and the consumer may run other statements inside its loop (a cursor
   * inside an open transaction would hold PGlite's only connection until the loop ends). The
   * price: the backend materialises the result at DECLARE, in WebAssembly memory and temp files,
   * while JavaScript holds one fetchSize batch at a time.
   */
  stream<R = Row>(sql: string, params?: readonly SqlParam[], options?: StreamOptions): AsyncIterable<R> {
    const name = nextCursorName();
    return fetchCursor<R>(
      (text, values) => this.guarded(text, options, () => this.run(text, values as readonly SqlParam[] | undefined)),
      {
        declare: `DECLARE ${name} NO SCROLL CURSOR WITH HOLD FOR ${sql}`,
        params: params ?? [],
        name,
        fetchSize: options?.fetchSize ?? DEFAULT_FETCH_SIZE,
        checkAborted: () => this.throwIfAborted(options),
      },
    );
  }

  /** COPY FROM '/dev/blob' in chunks of batchSize rows: measured about 2x the rate of 1000-row INSERTs. */
  async bulkLoad(
    table: TableRef,
    columns: readonly BulkColumn[],
    rows: BulkRows,
    options?: BulkLoadOptions,
  ): Promise<number> {
    const statement = pgCopyStatement(table, columns, "'/dev/blob'");
    let count = 0;
    for await (const chunk of copyTextChunks(columns, rows, options?.batchSize ?? DEFAULT_BULK_BATCH)) {
      await this.guarded(statement, options, () => this.runner.copyFrom(statement, chunk.text));
      count += chunk.rows;
    }
    return count;
  }

  async batch(sql: string, options?: BatchOptions): Promise<BatchResult> {
    const results = await this.guarded(sql, options, () =>
      this.runner.exec(sql, options?.onMessage === undefined ? undefined : (notice) => options.onMessage?.({
        message: notice.message ?? '',
        ...(notice.code === undefined ? {} : { number: notice.code }),
      })),
    );
    return {
      resultSets: results.filter((r) => r.fields.length > 0).map((r) => toQueryResult(r)),
      rowsAffected: results.reduce((sum, r) => sum + affected(r), 0),
    };
  }
}

function affected(r: PgliteResults): number {
  return r.fields.length > 0 ? 0 : r.affectedRows ?? 0;
}

function toQueryResult<R>(r: PgliteResults): QueryResult<R> {
  return {
    rows: r.rows as R[],
    columns: r.fields.map((f) => ({ name: f.name, type: pgTypeNameOfOid(f.dataTypeID) })),
    rowsAffected: affected(r),
  };
}

/**
 * The PGlite adapter. PGlite is one backend, one connection: every Session is this same
 * instance, and PGlite serialises statements with its own mutex. A transaction holds that mutex
 * until it ends, so statements outside it (on the Engine or another Session) wait for it; work
 * inside a transaction must use the `tx` it is given. Named locks are in-process (see NamedLocks).
 */
class PgliteEngine extends PgliteQueryable implements Engine {
  readonly kind = 'pglite' as const;
  readonly dialect = 'postgres' as const;
  private readonly locks = new NamedLocks();

  constructor(private readonly db: PgliteBackend, private readonly config: PgliteConnectionConfig, private readonly errorCtx: ErrorContext) {
    super(db, errorCtx);
  }

  async serverInfo(): Promise<ServerInfo> {
    const { rows } = await this.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    return {
      engine: 'pglite',
      product: 'PGlite',
      version: rows[0]?.version ?? '',
      database: this.config.database,
      address: this.config.dataDir ?? '(in memory)',
    };
  }

  session(): Promise<Session> {
    return Promise.resolve(new PgliteSession(this.db, this.errorCtx, this.locks));
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

class PgliteSession extends PgliteQueryable implements Session {
  readonly serverProcessId = undefined;

  constructor(private readonly db: PgliteBackend, private readonly errorCtx: ErrorContext, private readonly locks: NamedLocks) {
    super(db, errorCtx);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new PgliteQueryable(tx, this.errorCtx)));
  }

  async withLock<T>(name: string, options: { readonly timeoutMs: number }, work: () => Promise<T>): Promise<T> {
    const release = await this.locks.acquire(name, options.timeoutMs);
    if (release === undefined) {
      throw mapPostgresError({ code: '55P03', message: `The lock "${name}" is held by another session.` }, this.errorCtx);
    }
    try {
      return await work();
    } finally {
      release();
    }
  }

  /**
   * A transaction the session's own statements left open (a script that stopped after BEGIN) is
   * rolled back, as closing a server connection would: PGlite's one connection is shared, and
   * everything after would otherwise run in it, or fail in its aborted state.
   */
  async release(): Promise<void> {
    if (!this.db.closed && (await this.db.inTransaction())) await this.db.exec('ROLLBACK');
  }
}

/** Where the database runs: a worker thread of its own (the default), or the caller's thread. */
export type PgliteThread = 'worker' | 'caller';

/**
 * Opens (or creates, on first use: initdb takes seconds) the PGlite database of a connection.
 * By default a worker thread owns it (`pgliteWorkerClient.ts`): PGlite's backend runs each
 * statement synchronously on the thread it lives in, and in the caller's thread a run of
 * statements would hold that thread's event loop until the last one ends (an ETL run in the
 * extension host: no progress in its terminal, no answer to any command).
 */
export async function openPgliteEngine(config: PgliteConnectionConfig, thread: PgliteThread = 'worker'): Promise<Engine> {
  const errorCtx: ErrorContext = {
    engine: 'pglite',
    phase: 'statement',
    address: config.dataDir ?? '(in memory)',
    database: config.database,
  };
  let db: PgliteBackend;
  try {
    if (thread === 'worker') {
      db = await PgliteWorkerBackend.open(config);
    } else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- PGlite itself loads only when it runs in this thread
      const { openPgliteHere } = require('./pgliteLocal') as typeof import('./pgliteLocal');
      const opened = await openPgliteHere(config);
      if (opened.initdb) newClusterMade(opened.dumped);
      db = opened.db;
    }
  } catch (error) {
    // Not 'unreachable': there is no server to start, only a folder to fix.
    throw new EngineError(
      `Cannot open the PGlite database in ${errorCtx.address}: ${error instanceof Error ? error.message : String(error)}. Check that the folder is writable and not open in another window.`,
      { kind: 'other', engine: 'pglite', target: errorCtx.address, cause: error },
    );
  }
  return new PgliteEngine(db, config, errorCtx);
}
