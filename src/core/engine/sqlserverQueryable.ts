import sql from 'mssql';
import { EngineError } from './errors';
import { tsqlIdentifier } from './identifiers';
import type { ErrorContext } from './errorContext';
import { mapSqlServerError, type SqlServerErrorFacts } from './sqlserverErrors';
import { mssqlBulkType, mssqlColumnTypeName, mssqlType, mssqlTypedValue, mssqlValue, normaliseRow, type MssqlColumnMeta } from './sqlserverTypes';
import type {
  BatchOptions, BatchResult, BulkColumn, BulkLoadOptions, BulkRows, QueryOptions, QueryResult, Queryable, Row,
  SqlParam, SqlType, SqlValue, StreamOptions, TableRef,
} from './types';

const DEFAULT_FETCH_SIZE = 1000;
const DEFAULT_BULK_BATCH = 5000;

function isTypedParam(p: SqlParam): p is { readonly value: SqlValue; readonly type: SqlType } {
  return p !== null && typeof p === 'object' && !(p instanceof Date) && !(p instanceof Uint8Array) && 'type' in p;
}

function columnsOf(recordset: { columns?: sql.IColumnMetadata } | undefined): MssqlColumnMeta[] {
  return recordset?.columns === undefined ? [] : Object.values(recordset.columns).sort((a, b) => a.index - b.index);
}

function toQueryResult<R>(recordset: sql.IRecordSet<Row> | undefined, rowsAffected: number): QueryResult<R> {
  const columns = columnsOf(recordset);
  return {
    rows: (recordset ?? []).map((r) => normaliseRow(r, columns)) as R[],
    columns: columns.map((c) => ({ name: c.name, type: mssqlColumnTypeName(c) })),
    rowsAffected,
  };
}

/** Statements over mssql requests; `newRequest` decides where they run (pool, session, transaction). */
export class SqlServerQueryable implements Queryable {
  constructor(
    protected readonly newRequest: () => sql.Request,
    protected readonly ctx: ErrorContext,
    protected readonly facts: SqlServerErrorFacts,
    /** Resolves once the connection is open (the Engine's pool connects on first use). */
    private readonly ready: () => Promise<void> = () => Promise.resolve(),
    /** Told when a bulk load failed: Babelfish refuses every later bulk load on that connection. */
    private readonly onBulkFailure: () => void = () => undefined,
  ) {}

  protected error(error: unknown, sqlText: string | undefined, flags: { cancelled?: boolean; timeoutMs?: number } = {}): EngineError {
    return mapSqlServerError(error, { ...this.ctx, ...(sqlText === undefined ? {} : { sql: sqlText }), ...flags }, this.facts);
  }

  /** A request with @p1..@pN bound: declared types explicitly, bare values as mssql infers them. */
  private request(params: readonly SqlParam[] | undefined): sql.Request {
    const request = this.newRequest();
    (params ?? []).forEach((p, i) => {
      if (isTypedParam(p)) request.input(`p${i + 1}`, mssqlType(sql, p.type), mssqlTypedValue(p.type, p.value));
      else request.input(`p${i + 1}`, mssqlValue(p));
    });
    return request;
  }

  /** Aborting or the timeout calls request.cancel(); the rejection then says which one it was. */
  private async cancellable<T>(request: sql.Request, sqlText: string, options: QueryOptions | undefined, work: () => Promise<T>): Promise<T> {
    if (options?.signal?.aborted === true) throw this.error({ code: 'ECANCEL', message: 'Cancelled before it was sent.' }, sqlText, { cancelled: true });
    await this.ready();
    let cancelled = false;
    let timedOut = false;
    const onAbort = (): void => { cancelled = true; request.cancel(); };
    options?.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = options?.timeoutMs === undefined ? undefined : setTimeout(() => { timedOut = true; request.cancel(); }, options.timeoutMs);
    try {
      return await work();
    } catch (error) {
      throw this.error(error, sqlText, { cancelled, ...(timedOut ? { timeoutMs: options?.timeoutMs } : {}) });
    } finally {
      options?.signal?.removeEventListener('abort', onAbort);
      clearTimeout(timer);
    }
  }

  async query<R = Row>(sqlText: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<R>> {
    const request = this.request(params);
    const result = await this.cancellable(request, sqlText, options, () => request.query<Row>(sqlText));
    return toQueryResult<R>(result.recordset, result.rowsAffected.reduce((a, b) => a + b, 0));
  }

  /** A streaming request, paused while `fetchSize` rows wait for the consumer. */
  async *stream<R = Row>(sqlText: string, params?: readonly SqlParam[], options?: StreamOptions): AsyncGenerator<R> {
    if (options?.signal?.aborted === true) throw this.error({ code: 'ECANCEL', message: 'Cancelled before it was sent.' }, sqlText, { cancelled: true });
    await this.ready();
    const request = this.request(params);
    request.stream = true;
    const high = options?.fetchSize ?? DEFAULT_FETCH_SIZE;
    const queue: Row[] = [];
    let columns: MssqlColumnMeta[] = [];
    let done = false;
    let paused = false;
    let failure: unknown;
    let cancelled = false;
    let wake: (() => void) | undefined;
    const notify = (): void => { wake?.(); wake = undefined; };
    request.on('recordset', (meta: sql.IColumnMetadata) => { columns = columnsOf({ columns: meta }); });
    request.on('row', (row: Row) => {
      queue.push(normaliseRow(row, columns));
      if (queue.length >= high && !paused) paused = request.pause();
      notify();
    });
    request.on('error', (error: unknown) => { failure ??= error; notify(); });
    request.on('done', () => { done = true; notify(); });
    const onAbort = (): void => { cancelled = true; request.cancel(); };
    options?.signal?.addEventListener('abort', onAbort, { once: true });
    void request.query(sqlText);
    try {
      for (;;) {
        const row = queue.shift();
        if (row !== undefined) {
          if (paused && queue.length <= high / 2) paused = !request.resume();
          yield row as R;
          continue;
        }
        if (failure !== undefined) throw this.error(failure, sqlText, { cancelled });
        if (done) return;
        await new Promise<void>((resolve) => { wake = resolve; });
      }
    } finally {
      options?.signal?.removeEventListener('abort', onAbort);
      if (!done) {
        if (paused) request.resume();
        request.cancel();
      }
    }
  }

  /** TDS bulk load, one sql.Table of at most batchSize rows at a time so memory stays bounded. */
  async bulkLoad(table: TableRef, columns: readonly BulkColumn[], rows: BulkRows, options?: BulkLoadOptions): Promise<number> {
    const batchSize = options?.batchSize ?? DEFAULT_BULK_BATCH;
    const path = table.schema === undefined ? tsqlIdentifier(table.name) : `${tsqlIdentifier(table.schema)}.${tsqlIdentifier(table.name)}`;
    const newTable = (): sql.Table => {
      const t = new sql.Table(path);
      t.create = false;
      for (const c of columns) t.columns.add(c.name, mssqlBulkType(sql, c.type), { nullable: c.nullable ?? true });
      return t;
    };
    let chunk = newTable();
    let pending = 0;
    let count = 0;
    const flush = async (): Promise<void> => {
      if (pending === 0) return;
      const request = this.newRequest();
      const full = chunk;
      chunk = newTable();
      pending = 0;
      try {
        const result = await this.cancellable(request, `bulk load ${path}`, { signal: options?.signal }, () => request.bulk(full));
        count += result.rowsAffected;
      } catch (error) {
        this.onBulkFailure();
        throw error;
      }
    };
    for await (const row of rows) {
      chunk.rows.add(...(row.map(mssqlValue) as Parameters<sql.Table['rows']['add']>));
      if (++pending >= batchSize) await flush();
    }
    await flush();
    return count;
  }

  /** A raw T-SQL batch (SQL batch, not sp_executesql), with PRINT / RAISERROR <= 10 as messages. */
  async batch(sqlText: string, options?: BatchOptions): Promise<BatchResult> {
    const request = this.newRequest();
    request.on('info', (info: { message: string; number?: number; class?: number; lineNumber?: number; procName?: string }) => {
      options?.onMessage?.({
        message: info.message,
        ...(info.number === undefined ? {} : { number: info.number }),
        ...(info.class === undefined ? {} : { severity: info.class }),
        ...(info.lineNumber === undefined ? {} : { line: info.lineNumber }),
        ...(info.procName === undefined || info.procName === '' ? {} : { procedure: info.procName }),
      });
    });
    const result = await this.cancellable(request, sqlText, options, () => request.batch<Row>(sqlText));
    return {
      resultSets: result.recordsets.map((r) => toQueryResult(r, 0)),
      rowsAffected: result.rowsAffected.reduce((a, b) => a + b, 0),
    };
  }
}
