import type { Dialect, SqlType } from '../../engine/types';
import type { ValueFamily } from '../rules/types';

/** A target or source column as the catalogue (information_schema) describes it. */
export interface ColumnMeta {
  readonly name: string;
  readonly dataType: string;
  readonly precision: number | null;
  readonly scale: number | null;
  readonly length: number | null;
}

/** What a page of the incremental window reads. */
export interface ExtractSpec {
  readonly table: string;
  readonly key: string;
  readonly updatedAt: string;
  /** Source columns read, besides key and updatedAt. */
  readonly columns: readonly string[];
  readonly derived: readonly { readonly name: string; readonly sql: string }[];
  /**
   * Another database of the same server holding the source (SQL Server three-part names): the
   * table, and names in its schema inside the derived SQL, are read from there.
   */
  readonly database?: string;
  /** The page read as a derived table (the pushdown): no final ORDER BY, which T-SQL refuses there. */
  readonly asSubquery?: boolean;
  /**
   * Instead of the (updated_at, id) window, the rows whose key is in `keys` (a subquery of one
   * column, with its own parameters: a trigger's page), whatever their updated_at, ordered by key.
   * `chunk`: only keys above `$<chunk>` and at most `$<chunk + 1>` rows (the transfer's chunks).
   */
  readonly byKeys?: { readonly keys: string; readonly chunk?: number };
}

/** A surrogate key the merge resolves: stage natural key joined to the dimension, -1 when absent. */
export interface MergeLookup {
  /** Target column receiving the surrogate key. */
  readonly target: string;
  /** Stage column holding the source's natural key. */
  readonly stageColumn: string;
  readonly table: string;
  readonly naturalKey: string;
  readonly surrogateKey: string;
  /** The natural key's type in the stage (`bigint`, `date`), spelled alike in both dialects. */
  readonly keyType?: string;
}

export interface MergeSpec {
  readonly target: string;
  readonly stage: string;
  readonly naturalKey: string;
  readonly columns: readonly string[];
  /** Extra stage columns (name and a type both dialects spell alike): the pushdown's bookkeeping. */
  readonly extra?: readonly { readonly name: string; readonly type: string }[];
  /** A condition on stage rows; only those are merged. */
  readonly filter?: string;
  /** Target columns filled by a join to their dimension (their natural keys travel in `extra`). */
  readonly lookups?: readonly MergeLookup[];
  /** SCD type 2: versions instead of updates in place (see `scd2CloseSql`/`scd2InsertSql`). */
  readonly history?: { readonly validFrom: string; readonly validTo: string; readonly isCurrent: string };
  /** The target columns' data types as the catalogue spells them: a dialect whose comparison depends on the type (collations) reads them. */
  readonly types?: Readonly<Record<string, string>>;
}

/**
 * Everything the ETL says differently per dialect. The runner composes these; it never
 * branches on the dialect itself.
 */
export interface EtlDialect {
  readonly name: Dialect;
  /** Placeholder for parameter i (1-based). */
  readonly param: (i: number) => string;
  readonly ident: (name: string) => string;
  /** `schema.table` quoted. */
  readonly table: (qualified: string) => string;
  /** The current UTC time as the server sees it. */
  readonly nowUtc: string;
  /** A timestamp column as full-precision ISO text, so a watermark round-trips exactly. */
  readonly timestampText: (expr: string) => string;
  /** Text (from timestampText or a stored watermark) back to a timestamp. */
  readonly textTimestamp: (expr: string) => string;
  /** Now minus `$1`/`@p1` minutes, as full-precision ISO text: the window's upper bound. */
  readonly cutoffSql: string;
  readonly family: (dataType: string) => ValueFamily | undefined;
  readonly sqlType: (column: ColumnMeta) => SqlType;
  /** Columns of a table; params: schema, table. Rows: name, data_type, precision, scale, length. */
  readonly columnsSql: string;
  /**
   * Columns of many tables in one query; params: `schemas` schema names, then `tables` table
   * names (every table of those names in those schemas). Rows: table_schema, table_name, then as
   * `columnsSql`.
   */
  readonly catalogColumnsSql: (schemas: number, tables: number) => string;
  /** One page of the (updated_at, id) window; params: cutoff text, wm text, wm id, page size. */
  /**
   * Rows after the watermark (ts, id) in (updated_at, key) order, written so an index on
   * (updated_at, key) seeks `ts` instead of reading from its start: `u`, `k` are column
   * expressions, `ts` a timestamp expression, `id` the key's. A bare `u > ts OR (u = ts AND
   * k > id)` made every page scan all the rows before it.
   */
  readonly afterWatermark: (u: string, k: string, ts: string, id: string) => string;
  readonly extractPageSql: (spec: ExtractSpec) => string;
  /** A session-scoped staging table shaped like the target's mapped columns, empty. */
  readonly createStageSql: (spec: MergeSpec) => string;
  readonly truncateStageSql: (stage: string) => string;
  /** The stage as SQL names it (a temp table: `pg_temp` / `#`). */
  readonly stageTable: (stage: string) => string;
  /** The stage's name as bulk load addresses it. */
  stageRef(stage: string): { readonly schema?: string; readonly name: string };
  /**
   * Ends a derived table whose computed columns must be evaluated once per row, not inlined
   * into every reference (PostgreSQL flattens subqueries: ` OFFSET 0` stops it).
   */
  readonly fence: string;
  /**
   * The upsert as a data-modifying CTE body reading `from` (a CTE name), returning one row per
   * member written; undefined when the dialect has none. Lets the pushdown merge a page without
   * staging it.
   */
  readonly upsertCte?: (spec: MergeSpec, from: string) => string;
  /**
   * One row: instance, login — who and where a connection is, for the plan choice. Undefined
   * when the dialect cannot read another database in a query.
   */
  readonly identitySql?: string;
  /** One row: ok = 1 when the login may enter database `p1`. With `identitySql`. */
  readonly databaseAccessSql?: string;
  /** Run first in every batch transaction: settings scoped to that transaction. */
  readonly batchSettingsSql?: string;
  /** Set-based upsert from the stage; one row back: inserted, updated. */
  readonly mergeSql: (spec: MergeSpec) => string;
  /**
   * After the merge: lookups into the merged table itself (a seller's manager) resolved again,
   * now that the batch's own rows have surrogate keys. Undefined when the spec has none.
   */
  readonly selfLookupSql: (spec: MergeSpec) => string | undefined;
  /**
   * SCD type 2, first statement of the batch: closes (valid_to = now, is_current = false) the
   * current version of every staged member whose tracked columns changed. One row back: n.
   */
  readonly scd2CloseSql: (spec: MergeSpec) => string;
  /**
   * Second statement: a new current version for every staged member without a current version
   * (new ones and the ones just closed). One row back: n. Unchanged members get nothing, so a
   * rerun of a batch is a no-op.
   */
  readonly scd2InsertSql: (spec: MergeSpec) => string;
  /** `CREATE` for audit.etl_reject when missing (warehouses built before it). */
  readonly ensureRejectTableSql: string;
  /** `CREATE` for ctl.etl_trigger_watermark when missing (warehouses built before it). */
  readonly ensureTriggerTableSql: string;
  /** The connection snapshot procedure, its rows linked to run `p1` at stage `p2` (start, end, failure). */
  readonly captureSnapshotSql: string;
  /** Joins a correlated subquery to each row before it: `CROSS JOIN LATERAL` / `CROSS APPLY`. */
  readonly lateralJoin: string;
  /**
   * SQL naming source tables as `schema.table` read from another database of the same server:
   * names in `schemas` gain the database (`core.orders` -> `[OLTP].core.orders`).
   */
  readonly inDatabase: (sql: string, database: string, schemas: readonly string[]) => string;
  readonly trueLiteral: string;
  readonly falseLiteral: string;
  /** Appends `RETURNING`/`OUTPUT` for an INSERT that must give back the new identity. */
  readonly insertReturning: (table: string, columns: readonly string[], values: readonly string[], idColumn: string) => string;
  /**
   * One row (or none): `oldest`, the start of the oldest transaction still open in the source
   * database by another session, as UTC ISO text (NULL when none); `pid`, its server process;
   * `hidden`, how many other sessions' transactions this login cannot see. The run's cutoff
   * never passes `oldest` (`runCutoff`). May fail when the login lacks the permission.
   */
  readonly openTransactionsSql: string;
  /**
   * The same answer another way, tried when `openTransactionsSql` fails (Babelfish has no
   * sys.dm_tran_* views but reads PostgreSQL's pg_stat_activity over TDS).
   */
  readonly openTransactionsFallbackSql?: string;
  /** What the source login needs for `openTransactionsSql` to see every session. */
  readonly openTransactionsPermission: string;
  /**
   * Target rows still on the unknown member (-1) for `lookup` whose member has arrived since,
   * set to its surrogate key from `ctl.etl_unresolved` (the natural key their batch could not
   * find; `lateMembers.ts`). `entity` is a quoted literal. One row back: n, the rows resolved.
   */
  readonly resolveLateMembersSql: (target: string, naturalKey: string, lookup: MergeLookup, entity: string) => string;
}
