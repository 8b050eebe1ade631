// `--trace` for the ETL bench: an Engine that passes every call through to the real one and
// times it by statement kind (bulk load into the stage, the merge, watermark, audit counts,
// transaction begin and commit, locks...), so a run's time can be read per kind. Bench only.
import type {
  BatchOptions, BatchResult, BulkColumn, BulkLoadOptions, BulkRows, Engine, QueryOptions, QueryResult, Queryable, Row,
  ServerInfo, Session, SessionOptions, SqlParam, StreamOptions, TableRef,
} from '../src/core/engine/types';

/** What a statement is, from its text: the first pattern that matches names it. */
const KINDS: readonly (readonly [string, RegExp])[] = [
  ['merge (INSERT...NOT EXISTS, UPDATE...FROM when needed)', /^\s*DECLARE @updated int = 0, @inserted int;/],
  ['batch write (merge + rest, one request)', /^\s*DECLARE @merge_/],
  ['SCD2 close / insert', /SET t\.\S+ = SYSUTCDATETIME\(\), t\.\S+ = CAST\(0 AS bit\)|SYSUTCDATETIME\(\), NULL, CAST\(1 AS bit\) FROM/],
  ['watermark (ctl.etl_control)', /^\s*UPDATE ctl\.etl_control SET watermark_updated_at/],
  ['audit batch counts', /^\s*UPDATE audit\.etl_run_entity SET extracted_count/],
  ['truncate stage', /^\s*TRUNCATE TABLE/],
  ['create stage', /OBJECT_ID\('tempdb\.\.#/],
  ['extract page (source read)', /AS \[__wm_ts\]/],
  ['rejects read', /FROM audit\.etl_reject WHERE run_id/],
  ['late members / unresolved', /ctl\.etl_unresolved|\[ctl\]\.\[etl_unresolved\]/],
  ['soft delete', /^\s*DELETE FROM \S+ WHERE \S+ IN \(SELECT/],
  ['applock', /sp_getapplock|sp_releaseapplock/],
  ['catalogue', /INFORMATION_SCHEMA|sys\.(tables|columns|objects|triggers|sql_modules)|pg_catalog/i],
  ['connection snapshot', /usp_capture_connection_snapshot/],
];

export interface TraceLine {
  readonly kind: string;
  readonly count: number;
  readonly ms: number;
  /** The first statement of the kind (on a new connection Babelfish parses and plans it cold). */
  readonly firstMs: number;
}

/** Accumulates time per kind; `during` limits it to a window (one ETL run of the bench). */
export class StatementTrace {
  private readonly byKind = new Map<string, { count: number; ms: number; firstMs: number }>();
  private on = false;

  /** Times the T-SQL merge's UPDATE and INSERT apart, sent as two requests (`--trace-split`). */
  constructor(readonly splitMerge = false) {}

  record(kind: string, ms: number): void {
    if (!this.on) return;
    const k = this.byKind.get(kind) ?? { count: 0, ms: 0, firstMs: ms };
    k.count += 1;
    k.ms += ms;
    this.byKind.set(kind, k);
  }

  async during<T>(work: () => Promise<T>): Promise<T> {
    this.byKind.clear();
    this.on = true;
    try {
      return await work();
    } finally {
      this.on = false;
    }
  }

  lines(): TraceLine[] {
    return [...this.byKind.entries()]
      .map(([kind, v]) => ({ kind, count: v.count, ms: Math.round(v.ms), firstMs: Math.round(v.firstMs) }))
      .sort((a, b) => b.ms - a.ms);
  }

  /** A table: kind, statements, total ms, ms per statement after the first, the first's ms. */
  table(title: string): string {
    const lines = this.lines();
    const total = lines.reduce((a, l) => a + l.ms, 0);
    const rows = lines.map((l) => `  ${l.kind.padEnd(66)} ${String(l.count).padStart(6)} ${String(l.ms).padStart(8)} ms ${(l.count > 1 ? (l.ms - l.firstMs) / (l.count - 1) : l.ms).toFixed(1).padStart(8)} ms each after ${String(l.firstMs).padStart(6)} ms first`);
    return [`${title} (statement time by kind; reads overlap the loads)`, ...rows, `  ${'total'.padEnd(66)} ${''.padStart(6)} ${String(total).padStart(8)} ms`].join('\n');
  }
}

function kindOf(sql: string): string {
  for (const [kind, re] of KINDS) if (re.test(sql)) return kind;
  return `other: ${sql.trim().replace(/\s+/g, ' ').slice(0, 60)}`;
}

async function timed<T>(trace: StatementTrace, kind: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    trace.record(kind, performance.now() - t0);
  }
}

const MERGE_SPLIT = /^(\s*DECLARE @updated int = 0, @inserted int;[\s\S]*?SET @inserted = @@ROWCOUNT;)\s*IF @inserted < ([\s\S]*?)\s*BEGIN([\s\S]*?)SET @updated = @@ROWCOUNT;\s*END;\s*SELECT @inserted AS inserted, @updated AS updated;\s*$/;

class TracedQueryable implements Queryable {
  constructor(protected readonly inner: Queryable, protected readonly trace: StatementTrace) {}

  query<R = Row>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<R>> {
    const split = this.trace.splitMerge ? MERGE_SPLIT.exec(sql) : null;
    if (split !== null) return this.splitMerge<R>(split[1] as string, split[2] as string, split[3] as string, options);
    return timed(this.trace, kindOf(sql), () => this.inner.query<R>(sql, params, options));
  }

  /** The T-SQL merge sent as its statements, each timed (same effect and answer as one request). */
  private async splitMerge<R>(insert: string, staged: string, update: string, options?: QueryOptions): Promise<QueryResult<R>> {
    const i = await timed(this.trace, 'merge: INSERT...WHERE NOT EXISTS', () => this.inner.query(insert, [], options));
    const n = await timed(this.trace, 'merge: staged rows count', () => this.inner.query<{ n: number }>(`SELECT ${staged} AS n`, [], options));
    const u = i.rowsAffected < Number(n.rows[0]?.n)
      ? await timed(this.trace, 'merge: UPDATE...FROM', () => this.inner.query(update, [], options))
      : { rowsAffected: 0 };
    return { rows: [{ inserted: i.rowsAffected, updated: u.rowsAffected }] as R[], columns: [], rowsAffected: u.rowsAffected + i.rowsAffected };
  }

  async *stream<R = Row>(sql: string, params?: readonly SqlParam[], options?: StreamOptions): AsyncIterable<R> {
    yield* this.inner.stream<R>(sql, params, options);
  }

  bulkLoad(table: TableRef, columns: readonly BulkColumn[], rows: BulkRows, options?: BulkLoadOptions): Promise<number> {
    const kind = table.name.startsWith('#') ? 'bulk load into the stage' : `bulk load into ${table.schema ?? ''}.${table.name}`;
    return timed(this.trace, kind, () => this.inner.bulkLoad(table, columns, rows, options));
  }

  batch(sql: string, options?: BatchOptions): Promise<BatchResult> {
    return timed(this.trace, kindOf(sql), () => this.inner.batch(sql, options));
  }
}

class TracedSession extends TracedQueryable implements Session {
  constructor(private readonly session: Session, trace: StatementTrace) {
    super(session, trace);
  }

  get serverProcessId(): number | undefined {
    return this.session.serverProcessId;
  }

  /** Begin: until the work starts; commit: from its end until the transaction resolves. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    let mark = performance.now();
    const result = await this.session.transaction(async (tx) => {
      this.trace.record('transaction begin', performance.now() - mark);
      try {
        return await work(new TracedQueryable(tx, this.trace));
      } finally {
        mark = performance.now();
      }
    });
    this.trace.record('transaction commit', performance.now() - mark);
    return result;
  }

  /** Taking the lock: until the work starts; releasing it: from its end until withLock resolves. */
  async withLock<T>(name: string, options: { readonly timeoutMs: number }, work: () => Promise<T>): Promise<T> {
    let mark = performance.now();
    let started = false;
    try {
      return await this.session.withLock(name, options, async () => {
        started = true;
        this.trace.record('applock take', performance.now() - mark);
        try {
          return await work();
        } finally {
          mark = performance.now();
        }
      });
    } finally {
      this.trace.record(started ? 'applock release' : 'applock take', performance.now() - mark);
    }
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

/** `engine` with every statement timed into `trace`. */
export function tracedEngine(engine: Engine, trace: StatementTrace): Engine {
  const q = new TracedQueryable(engine, trace);
  return {
    kind: engine.kind,
    dialect: engine.dialect,
    serverInfo: (): Promise<ServerInfo> => engine.serverInfo(),
    session: async (options?: SessionOptions): Promise<Session> => new TracedSession(await timed(trace, 'session (connect or reuse)', () => engine.session(options)), trace),
    close: () => engine.close(),
    query: (sql, params, options) => q.query(sql, params, options),
    stream: (sql, params, options) => q.stream(sql, params, options),
    bulkLoad: (table, columns, rows, options) => q.bulkLoad(table, columns, rows, options),
    batch: (sql, options) => q.batch(sql, options),
  };
}
