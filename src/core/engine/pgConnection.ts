import type { ClientBase, QueryResult as PgQueryResult } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { copyTextChunks, pgCopyStatement } from './copyText';
import { fetchCursor, nextCursorName } from './pgCursor';
import { PipelineQuery } from './pgPipeline';
import { pgParamOids, pgParams, pgResultParsers, pgTypeNameOfOid } from './pgTypes';
import { mapPostgresError } from './pgErrors';
import type { EngineError } from './errors';
import type { ErrorContext } from './errorContext';
import type {
  BatchOptions, BatchResult, BulkColumn, BulkRows, BulkLoadOptions, ColumnInfo, PipelineOptions, PipelineResult, QueryOptions, QueryResult,
  Queryable, Row, ServerMessage, SqlParam, StreamOptions, TableRef,
} from './types';

/** What a connection needs from its engine: error context and a way to cancel a backend. */
export interface PgConnectionContext {
  readonly errorContext: Omit<ErrorContext, 'phase'>;
  /** Runs pg_cancel_backend(pid) from another connection. */
  readonly cancelBackend: (pid: number) => Promise<void>;
}

type PgTypeParser = (oid: number, format?: string) => (text: string) => unknown;

/**
 * pg's per-query `types` doubles as the Parse message's parameter OIDs (an array) and as the
 * result's type-parser lookup (getTypeParser): one object serves both, so declared parameter
 * types reach the server and this engine's parsers apply without touching pg's global parsers.
 */
export function pgQueryTypes(oids: number[], fallback: PgTypeParser): number[] & { getTypeParser: PgTypeParser } {
  const getTypeParser: PgTypeParser = (oid, format) =>
    (format ?? 'text') === 'text' && pgResultParsers[oid] !== undefined ? pgResultParsers[oid] : fallback(oid, format);
  return Object.assign(oids, { getTypeParser });
}

const DEFAULT_FETCH_SIZE = 1000;
/** Rows per write into the COPY stream. */
const COPY_CHUNK_ROWS = 500;

/** A Queryable over one pg client; the engine borrows a client per call, a Session keeps one. */
export class PgConnection implements Queryable {
  constructor(
    private readonly client: ClientBase,
    private readonly ctx: PgConnectionContext,
    private readonly fallbackParser: PgTypeParser,
  ) {}

  get processId(): number | undefined {
    return (this.client as unknown as { processID?: number | null }).processID ?? undefined;
  }

  async query<R = Row>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<R>> {
    const result = await this.cancellable(sql, options, () => this.send(sql, params));
    return toQueryResult<R>(result);
  }

  private send(sql: string, params?: readonly SqlParam[]): Promise<PgQueryResult> {
    return this.client.query({
      text: sql,
      values: pgParams(params),
      types: pgQueryTypes(pgParamOids(params), this.fallbackParser),
    });
  }

  async *stream<R = Row>(sql: string, params?: readonly SqlParam[], options?: StreamOptions): AsyncGenerator<R> {
    const name = nextCursorName();
    const ownTransaction = this.client.getTransactionStatus() !== 'T';
    const run = (text: string, values?: readonly unknown[]): Promise<PgQueryResult> =>
      this.cancellable(text, options, () => this.send(text, values as readonly SqlParam[] | undefined));
    if (ownTransaction) await run('BEGIN');
    let ok = false;
    try {
      yield* fetchCursor<R>(run, {
        declare: `DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`,
        params: params ?? [],
        name,
        fetchSize: options?.fetchSize ?? DEFAULT_FETCH_SIZE,
        checkAborted: () => this.throwIfAborted(options),
      });
      ok = true;
    } finally {
      if (ownTransaction) await this.client.query(ok ? 'COMMIT' : 'ROLLBACK').catch(() => undefined);
    }
  }

  async bulkLoad(
    table: TableRef,
    columns: readonly BulkColumn[],
    rows: BulkRows,
    options?: BulkLoadOptions,
  ): Promise<number> {
    const statement = pgCopyStatement(table, columns, 'STDIN');
    return this.cancellable(statement, { signal: options?.signal }, async () => {
      const copy = this.client.query(copyFrom(statement));
      let count = 0;
      // A Readable over a generator honours backpressure: chunks are encoded only as COPY drains.
      const encoded = Readable.from(
        (async function* () {
          for await (const chunk of copyTextChunks(columns, rows, options?.batchSize ?? COPY_CHUNK_ROWS)) {
            count += chunk.rows;
            yield chunk.text;
          }
        })(),
      );
      await pipeline(encoded, copy);
      return count;
    });
  }

  async batch(sql: string, options?: BatchOptions): Promise<BatchResult> {
    const onNotice = (notice: PgNotice): void => options?.onMessage?.(toServerMessage(notice));
    this.client.on('notice', onNotice);
    try {
      // No parameters: pg sends the text with the simple query protocol, so several statements
      // run as one batch and each returns its own result.
      const raw = await this.cancellable(sql, options, () =>
        this.client.query({ text: sql, types: pgQueryTypes([], this.fallbackParser) }),
      );
      const results: PgQueryResult[] = Array.isArray(raw) ? (raw as PgQueryResult[]) : [raw];
      return {
        resultSets: results.filter((r) => r.fields.length > 0).map((r) => toQueryResult(r)),
        rowsAffected: results.reduce((sum, r) => sum + affected(r), 0),
      };
    } finally {
      this.client.off('notice', onNotice);
    }
  }

  /**
   * Statements in one round trip (see pgPipeline.ts): each one wrapped in BEGIN/COMMIT outside a
   * transaction, unwrapped inside the session's open one; the server skips everything after a
   * failure. A failed statement's own BEGIN is rolled back here, so the session is as psql's
   * would be after the same failure.
   */
  async pipeline(statements: readonly string[], options?: PipelineOptions): Promise<PipelineResult> {
    const outside = this.client.getTransactionStatus() === 'I';
    const types = pgQueryTypes([], this.fallbackParser);
    const query = new PipelineQuery(statements, outside, (oid) => types.getTypeParser(oid, 'text'), options?.onStatement);
    const onNotice = (notice: PgNotice): void => query.addMessage(toServerMessage(notice));
    this.client.on('notice', onNotice);
    try {
      await this.cancellable(() => statements[query.failedIndex ?? 0] ?? '', options, () => query.run(this.client));
      return { completed: query.completed };
    } catch (error) {
      if (query.failedIndex === undefined) throw error;
      if (outside && this.client.getTransactionStatus() === 'E') await this.client.query('ROLLBACK').catch(() => undefined);
      return {
        completed: query.completed,
        failure: { index: query.failedIndex, error, messages: query.failedMessages, durationMs: query.failedDurationMs },
      };
    } finally {
      this.client.off('notice', onNotice);
    }
  }

  /** An EngineError for a condition this adapter detects itself (as the server would report it). */
  error(shape: { readonly code: string; readonly message: string }, cancelled = false): EngineError {
    return mapPostgresError(shape, { ...this.ctx.errorContext, phase: 'statement', cancelled });
  }

  private throwIfAborted(options: QueryOptions | undefined): void {
    if (options?.signal?.aborted === true) throw this.error({ code: '57014', message: 'Cancelled before it was sent.' }, true);
  }

  /**
   * Runs one round trip; an abort or the timeout cancels the backend from another connection
   * (repeated until the statement ends, as a cancel that lands between statements is lost).
   */
  async cancellable<T>(sql: string | (() => string), options: QueryOptions | undefined, work: () => Promise<T>): Promise<T> {
    this.throwIfAborted(options);
    let cancelled = false;
    let timedOut = false;
    let repeat: NodeJS.Timeout | undefined;
    const pid = this.processId;
    const cancel = (): void => {
      if (pid === undefined || repeat !== undefined) return;
      const fire = (): void => void this.ctx.cancelBackend(pid).catch(() => undefined);
      fire();
      repeat = setInterval(fire, 1000);
    };
    const onAbort = (): void => { cancelled = true; cancel(); };
    options?.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = options?.timeoutMs === undefined ? undefined : setTimeout(() => { timedOut = true; cancel(); }, options.timeoutMs);
    try {
      return await work();
    } catch (error) {
      throw mapPostgresError(error, {
        ...this.ctx.errorContext,
        phase: 'statement',
        sql: typeof sql === 'string' ? sql : sql(),
        cancelled,
        ...(timedOut ? { timeoutMs: options?.timeoutMs } : {}),
      });
    } finally {
      options?.signal?.removeEventListener('abort', onAbort);
      clearTimeout(timer);
      clearInterval(repeat);
    }
  }
}

interface PgNotice {
  readonly message?: string;
  readonly code?: string;
}

function toServerMessage(notice: PgNotice): ServerMessage {
  return { message: notice.message ?? '', ...(notice.code === undefined ? {} : { number: notice.code }) };
}

function affected(r: PgQueryResult): number {
  return r.command === 'SELECT' || r.command === 'FETCH' ? 0 : r.rowCount ?? 0;
}

function toQueryResult<R>(r: PgQueryResult): QueryResult<R> {
  const columns: ColumnInfo[] = r.fields.map((f) => ({ name: f.name, type: pgTypeNameOfOid(f.dataTypeID) }));
  return { rows: r.rows as R[], columns, rowsAffected: affected(r) };
}
