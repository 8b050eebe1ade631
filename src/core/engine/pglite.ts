import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type PGliteOptions, type Results, type Transaction } from '@electric-sql/pglite';
import type { PgliteConnectionConfig } from './config';
import { copyTextChunks, pgCopyStatement } from './copyText';
import type { ErrorContext } from './errorContext';
import { NamedLocks } from './namedLock';
import { EngineError } from './errors';
import { fetchCursor, nextCursorName } from './pgCursor';
import { mapPostgresError } from './pgErrors';
import { pgParamOids, pgParams, pgResultParsers, pgTypeNameOfOid } from './pgTypes';
import type {
  BatchOptions, BatchResult, BulkColumn, BulkRows, BulkLoadOptions, Engine, QueryOptions, QueryResult, Queryable, Row,
  ServerInfo, Session, SqlParam, StreamOptions, TableRef,
} from './types';

/** PGlite itself, or one of its transactions: both run statements on the one backend. */
type PgliteRunner = Pick<PGlite, 'query' | 'exec'> | Transaction;

const DEFAULT_FETCH_SIZE = 1000;
/** Rows per COPY chunk: the chunk is built in memory as one Blob, so it bounds memory. */
const DEFAULT_BULK_BATCH = 10000;

/**
 * Statements on PGlite (PostgreSQL compiled to WebAssembly, running in this process).
 *
 * Cancellation is best effort, and honest about it: the backend runs synchronously on the
 * JavaScript thread and has no signals, so neither an AbortSignal nor statement_timeout can
 * interrupt a running statement. A signal already aborted when a statement is about to start
 * rejects with 'cancelled'; a streaming read stops at its next FETCH; `timeoutMs` is not enforced.
 */
class PgliteQueryable implements Queryable {
  constructor(private readonly runner: PgliteRunner, private readonly ctx: ErrorContext) {}

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

  private run(sql: string, params?: readonly SqlParam[]): Promise<Results<Row>> {
    return this.runner.query<Row>(sql, pgParams(params), { paramTypes: pgParamOids(params) });
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
      const blob = new Blob([chunk.text]);
      await this.guarded(statement, options, () => this.runner.query(statement, [], { blob }));
      count += chunk.rows;
    }
    return count;
  }

  async batch(sql: string, options?: BatchOptions): Promise<BatchResult> {
    const results = await this.guarded(sql, options, () =>
      this.runner.exec(sql, {
        onNotice: (notice) => options?.onMessage?.({
          message: notice.message ?? '',
          ...(notice.code === undefined ? {} : { number: notice.code }),
        }),
      }),
    );
    return {
      resultSets: results.filter((r) => r.fields.length > 0).map((r) => toQueryResult(r)),
      rowsAffected: results.reduce((sum, r) => sum + affected(r), 0),
    };
  }
}

function affected(r: Results): number {
  return r.fields.length > 0 ? 0 : r.affectedRows ?? 0;
}

function toQueryResult<R>(r: Results): QueryResult<R> {
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

  constructor(private readonly db: PGlite, private readonly config: PgliteConnectionConfig, private readonly errorCtx: ErrorContext) {
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

  constructor(private readonly db: PGlite, private readonly errorCtx: ErrorContext, private readonly locks: NamedLocks) {
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
    if (!this.db.closed && this.db.isInTransaction()) await this.db.exec('ROLLBACK');
  }
}

/**
 * In the bundles (dist/extension.js, dist/cli.js) PGlite's WebAssembly and data files sit in
 * dist/pglite/ (copied by scripts/build.mjs, shipped in the vsix); from the sources PGlite finds
 * them in node_modules itself.
 */
async function bundledAssets(): Promise<Partial<PGliteOptions>> {
  const dir = path.join(__dirname, 'pglite');
  if (!existsSync(path.join(dir, 'pglite.wasm'))) return {};
  const [wasm, initdb, data] = await Promise.all(
    ['pglite.wasm', 'initdb.wasm', 'pglite.data'].map((file) => readFile(path.join(dir, file))),
  );
  return {
    pgliteWasmModule: await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>),
    initdbWasmModule: await WebAssembly.compile(initdb as Uint8Array<ArrayBuffer>),
    fsBundle: new Blob([data as Uint8Array<ArrayBuffer>]),
  };
}

/** Opens (or creates, on first use: initdb takes seconds) the PGlite database of a connection. */
export async function openPgliteEngine(config: PgliteConnectionConfig): Promise<Engine> {
  const errorCtx: ErrorContext = {
    engine: 'pglite',
    phase: 'statement',
    address: config.dataDir ?? '(in memory)',
    database: config.database,
  };
  let db: PGlite;
  try {
    // PGlite creates only the last folder of the path; a new project has no .dw/ yet.
    if (config.dataDir !== undefined) mkdirSync(path.dirname(config.dataDir), { recursive: true });
    // Parsers on this instance only: the same exact-string / UTC-Date choices as PostgreSQL.
    db = await PGlite.create({
      ...(await bundledAssets()),
      ...(config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
      parsers: pgResultParsers,
    });
    await db.exec("SET TimeZone = 'UTC'");
  } catch (error) {
    // Not 'unreachable': there is no server to start, only a folder to fix.
    throw new EngineError(
      `Cannot open the PGlite database in ${errorCtx.address}: ${error instanceof Error ? error.message : String(error)}. Check that the folder is writable and not open in another window.`,
      { kind: 'other', engine: 'pglite', target: errorCtx.address, cause: error },
    );
  }
  return new PgliteEngine(db, config, errorCtx);
}
