import type { SqlType } from '../../engine/types';
import { tsqlIdentifier } from '../../engine/identifiers';
import type { ValueFamily } from '../rules/types';
import type { ColumnMeta, EtlDialect, ExtractSpec, MergeSpec } from './types';
import { mergeSource, scd2Of } from './mergeSource';
import { ensureTableSql } from '../../warehouse/ddl';
import { ETL_REJECT, ETL_TRIGGER_WATERMARK } from '../../warehouse/controlTables';

const ident = tsqlIdentifier;
const table = (qualified: string): string => qualified.split('.').map(ident).join('.');
/** `count` placeholders from `@p<from>` on, comma-separated. */
const params = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `@p${from + i}`).join(', ');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Derived SQL of a definition read from another database: every `schema.name` (bracketed or
 * not) in one of `schemas` gains the database, so `core.orders` reads `[OLTP].core.orders`.
 * Names after a dot (already qualified, or `alias.column`) and inside brackets are left alone.
 */
export function qualifySchemas(sql: string, database: string, schemas: readonly string[]): string {
  let out = sql;
  for (const schema of schemas) {
    const name = `(?:\\[${escapeRegExp(schema)}\\]|${escapeRegExp(schema)})`;
    out = out.replace(new RegExp(`(^|[^\\w.\\]@#$])(${name})\\.(?=[\\[A-Za-z_])`, 'gi'), (_m, lead: string, s: string) => `${lead}${ident(database)}.${s}.`);
  }
  return out;
}

const FAMILIES: Record<string, ValueFamily> = {
  varchar: 'text', nvarchar: 'text', char: 'text', nchar: 'text', text: 'text', ntext: 'text',
  int: 'integer', bigint: 'integer', smallint: 'integer', tinyint: 'integer',
  decimal: 'decimal', numeric: 'decimal', money: 'decimal', smallmoney: 'decimal', float: 'decimal', real: 'decimal',
  bit: 'boolean', date: 'date',
  datetime: 'timestamp', datetime2: 'timestamp', smalldatetime: 'timestamp', datetimeoffset: 'timestamp',
};

function sqlType(c: ColumnMeta): SqlType {
  switch (c.dataType) {
    case 'int': return { kind: 'int' };
    case 'bigint': return { kind: 'bigint' };
    case 'smallint': case 'tinyint': return { kind: 'smallint' };
    case 'decimal': case 'numeric': case 'money': case 'smallmoney':
      return { kind: 'decimal', precision: c.precision ?? 38, scale: c.scale ?? 0 };
    case 'float': case 'real': return { kind: 'float' };
    case 'bit': return { kind: 'bool' };
    case 'date': return { kind: 'date' };
    case 'datetime': case 'datetime2': case 'smalldatetime': case 'datetimeoffset': return { kind: 'timestamp', precision: 7 };
    default: return c.length === null || c.length < 0 ? { kind: 'text' } : { kind: 'text', length: c.length };
  }
}

/**
 * The select lists whose EXCEPT tells a changed row from an unchanged one: text columns under a
 * binary collation, since the database's default (`*_CI_AS`) holds 'Silva' and 'SILVA' equal and
 * a change of letter case only would never reach the target.
 */
function changeLists(m: MergeSpec, columns: readonly string[]): { readonly source: string; readonly target: string } {
  const side = (alias: string): string => columns.map((c) => {
    const type = m.types?.[c];
    return `${alias}.${ident(c)}${type !== undefined && FAMILIES[type] === 'text' ? ' COLLATE Latin1_General_BIN2' : ''}`;
  }).join(', ');
  return { source: side('s'), target: side('t') };
}

/**
 * T-SQL, as SQL Server and Babelfish both run it: no MERGE, no CREATE OR ALTER. The upsert's
 * statements take UPDLOCK, HOLDLOCK so a concurrent insert of the same natural key cannot slip
 * between the match and the insert.
 */
export const sqlserverEtl: EtlDialect = {
  name: 'sqlserver',
  param: (i) => `@p${i}`,
  ident,
  table,
  nowUtc: 'SYSUTCDATETIME()',
  timestampText: (e) => `CONVERT(varchar(27), ${e}, 126)`,
  textTimestamp: (e) => `CAST(${e} AS datetime2(7))`,
  cutoffSql: 'SELECT CONVERT(varchar(27), DATEADD(minute, -CAST(@p1 AS int), SYSUTCDATETIME()), 126) AS cutoff',
  family: (t) => FAMILIES[t],
  sqlType,
  columnsSql: `SELECT COLUMN_NAME AS name, DATA_TYPE AS data_type, NUMERIC_PRECISION AS precision,
      NUMERIC_SCALE AS scale, CHARACTER_MAXIMUM_LENGTH AS length
    FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = @p1 AND TABLE_NAME = @p2 ORDER BY ORDINAL_POSITION`,
  catalogColumnsSql: (schemas, tables) => `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, COLUMN_NAME AS name, DATA_TYPE AS data_type,
      NUMERIC_PRECISION AS precision, NUMERIC_SCALE AS scale, CHARACTER_MAXIMUM_LENGTH AS length
    FROM INFORMATION_SCHEMA.COLUMNS
    WHERE TABLE_SCHEMA IN (${params(1, schemas)}) AND TABLE_NAME IN (${params(schemas + 1, tables)})
    ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`,
  // No row comparison in T-SQL: the `>=` bound is what the (updated_at, key) index seeks.
  afterWatermark: (u, k, ts, id) => `${u} >= ${ts} AND (${u} > ${ts} OR ${k} > ${id})`,
  extractPageSql(s: ExtractSpec): string {
    const k = ident(s.key);
    const u = ident(s.updatedAt);
    const cols = [...new Set([s.key, s.updatedAt, ...s.columns])].map((c) => `s.${ident(c)}`);
    const schemas = s.table.includes('.') ? [s.table.slice(0, s.table.lastIndexOf('.'))] : ['dbo'];
    const inSource = (sql: string): string => (s.database === undefined ? sql : qualifySchemas(sql, s.database, schemas));
    const derived = s.derived.map((d) => `${inSource(d.sql)} AS ${ident(d.name)}`);
    const from = s.database === undefined ? table(s.table) : `${ident(s.database)}.${s.table.includes('.') ? table(s.table) : `[dbo].${ident(s.table)}`}`;
    const by = s.byKeys;
    const rows = by === undefined
      ? `SELECT TOP (@p4) * FROM ${from} p
        WHERE p.${u} <= CAST(@p1 AS datetime2(7))
          AND ${sqlserverEtl.afterWatermark(`p.${u}`, `p.${k}`, 'CAST(@p2 AS datetime2(7))', '@p3')}
        ORDER BY p.${u}, p.${k}`
      : by.chunk === undefined
        ? `SELECT * FROM ${from} p WHERE p.${k} IN (${by.keys})`
        : `SELECT TOP (@p${by.chunk + 1}) * FROM ${from} p WHERE p.${k} IN (${by.keys}) AND p.${k} > @p${by.chunk}
        ORDER BY p.${k}`;
    const order = by === undefined ? `s.${u}, s.${k}` : `s.${k}`;
    return `SELECT ${[...cols, ...derived, `CONVERT(varchar(27), s.${u}, 126) AS [__wm_ts]`].join(', ')}
      FROM (${rows}) s${s.asSubquery === true ? '' : `
      ORDER BY ${order}`}`;
  },
  createStageSql: (m: MergeSpec) =>
    `IF OBJECT_ID('tempdb..#${m.stage}') IS NULL SELECT TOP 0 ${[
      ...m.columns.map(ident),
      ...(m.extra ?? []).map((x) => `CAST(NULL AS ${x.type}) AS ${ident(x.name)}`),
    ].join(', ')} INTO ${ident(`#${m.stage}`)} FROM ${table(m.target)}`,
  truncateStageSql: (stage) => `TRUNCATE TABLE ${ident(`#${stage}`)}`,
  stageRef: (stage) => ({ name: `#${stage}` }),
  stageTable: (stage) => ident(`#${stage}`),
  identitySql: 'SELECT CAST(@@SERVERNAME AS nvarchar(128)) AS instance, CAST(SUSER_SNAME() AS nvarchar(128)) AS login',
  databaseAccessSql: 'SELECT CAST(HAS_DBACCESS(@p1) AS int) AS ok',
  // T-SQL does not inline a derived table's computed columns into each reference.
  fence: '',
  mergeSql(m: MergeSpec): string {
    const src = mergeSource(m, ident, table, ident(`#${m.stage}`));
    const cols = src.columns.map(ident);
    const rest = src.columns.filter((c) => c !== m.naturalKey).map(ident);
    const changed = changeLists(m, src.columns.filter((c) => c !== m.naturalKey));
    const nk = ident(m.naturalKey);
    // No MERGE (Babelfish has none; on SQL Server this is the form recommended over it): the new
    // members inserted, then the changed ones updated, both under UPDLOCK, HOLDLOCK so a
    // concurrent writer of the same natural key waits for the batch transaction (the INSERT's
    // probe locks the members it finds, the range of those it does not). When every staged row
    // was new (an initial load) the UPDATE has nothing to change and is not run: on Babelfish it
    // costs more than the INSERT, the most of it the first time on a connection.
    return `DECLARE @updated int = 0, @inserted int;
      INSERT INTO ${table(m.target)} (${cols.join(', ')})
      SELECT ${cols.map((c) => `s.${c}`).join(', ')} FROM (${src.select}) s
      WHERE NOT EXISTS (SELECT 1 FROM ${table(m.target)} t WITH (UPDLOCK, HOLDLOCK) WHERE t.${nk} = s.${nk});
      SET @inserted = @@ROWCOUNT;
      IF @inserted < (SELECT COUNT(*) FROM (${src.select}) s)
      BEGIN
        UPDATE t SET ${rest.map((c) => `${c} = s.${c}`).join(', ')}
        FROM ${table(m.target)} t WITH (UPDLOCK, HOLDLOCK) JOIN (${src.select}) s ON t.${nk} = s.${nk}
        WHERE EXISTS (SELECT ${changed.source} EXCEPT SELECT ${changed.target});
        SET @updated = @@ROWCOUNT;
      END;
      SELECT @inserted AS inserted, @updated AS updated;`;
  },
  scd2CloseSql(m: MergeSpec): string {
    const h = scd2Of(m);
    const src = mergeSource(m, ident, table, ident(`#${m.stage}`));
    const changed = changeLists(m, src.columns.filter((c) => c !== m.naturalKey));
    const nk = ident(m.naturalKey);
    return `UPDATE t SET t.${ident(h.validTo)} = SYSUTCDATETIME(), t.${ident(h.isCurrent)} = CAST(0 AS bit)
      FROM ${table(m.target)} t WITH (UPDLOCK, HOLDLOCK) JOIN (${src.select}) s ON t.${nk} = s.${nk}
      WHERE t.${ident(h.isCurrent)} = 1
        AND EXISTS (SELECT ${changed.source} EXCEPT SELECT ${changed.target});
      SELECT @@ROWCOUNT AS n;`;
  },
  scd2InsertSql(m: MergeSpec): string {
    const h = scd2Of(m);
    const src = mergeSource(m, ident, table, ident(`#${m.stage}`));
    const cols = src.columns.map(ident);
    const nk = ident(m.naturalKey);
    return `INSERT INTO ${table(m.target)} (${[...cols, ident(h.validFrom), ident(h.validTo), ident(h.isCurrent)].join(', ')})
      SELECT ${cols.map((c) => `s.${c}`).join(', ')}, SYSUTCDATETIME(), NULL, CAST(1 AS bit) FROM (${src.select}) s
      WHERE NOT EXISTS (SELECT 1 FROM ${table(m.target)} t WITH (UPDLOCK, HOLDLOCK) WHERE t.${nk} = s.${nk} AND t.${ident(h.isCurrent)} = 1);
      SELECT @@ROWCOUNT AS n;`;
  },
  selfLookupSql(m: MergeSpec): string | undefined {
    const own = (m.lookups ?? []).filter((l) => l.table === m.target);
    if (own.length === 0) return undefined;
    const nk = ident(m.naturalKey);
    return own.map((l) => `UPDATE t SET t.${ident(l.target)} = g.${ident(l.surrogateKey)}
      FROM ${table(m.target)} t JOIN ${ident(`#${m.stage}`)} s ON t.${nk} = s.${nk}
        JOIN ${table(m.target)} g ON g.${ident(l.naturalKey)} = s.${ident(l.stageColumn)}
      WHERE ${m.filter === undefined ? '' : `s.${m.filter} AND `}(t.${ident(l.target)} IS NULL OR t.${ident(l.target)} <> g.${ident(l.surrogateKey)})`).join(';\n');
  },
  // The warehouse scripts (06_etl_control.sql) create both; these cover warehouses built before,
  // generated from the contract (an integration test compares them with the scripts' tables).
  ensureRejectTableSql: ensureTableSql(ETL_REJECT, 'sqlserver'),
  ensureTriggerTableSql: ensureTableSql(ETL_TRIGGER_WATERMARK, 'sqlserver'),
  captureSnapshotSql: 'EXEC audit.usp_capture_connection_snapshot @run_id = @p1, @stage = @p2',
  lateralJoin: 'CROSS APPLY',
  inDatabase: qualifySchemas,
  trueLiteral: 'CAST(1 AS bit)',
  falseLiteral: 'CAST(0 AS bit)',
  insertReturning: (t, columns, values, id) =>
    `INSERT INTO ${table(t)} (${columns.map(ident).join(', ')}) OUTPUT INSERTED.${ident(id)} VALUES (${values.join(', ')})`,
  // --- Run cutoff and late members (added with the shared run cutoff; not yet run on a server) ---
  // The oldest transaction open by another session of the instance (all databases: a conservative
  // bound), its begin time moved from server local time to UTC. Needs VIEW SERVER STATE (SQL Server
  // 2019 and before) or VIEW SERVER PERFORMANCE STATE (2022): without it the query fails and the
  // run treats the open transactions as unseen (`runCutoff`).
  openTransactionsSql: `SELECT TOP (1)
      CONVERT(varchar(27), DATEADD(minute, -DATEPART(TZOFFSET, SYSDATETIMEOFFSET()), CAST(a.transaction_begin_time AS datetime2(7))), 126) AS oldest,
      CAST(st.session_id AS varchar(20)) AS pid, 0 AS hidden
    FROM sys.dm_tran_active_transactions a
    JOIN sys.dm_tran_session_transactions st ON st.transaction_id = a.transaction_id
    WHERE st.session_id <> @@SPID
    ORDER BY a.transaction_begin_time`,
  // Babelfish for PostgreSQL: every T-SQL database lives in one PostgreSQL database, whose
  // sessions pg_stat_activity lists with their transaction's start (@@SPID is the backend's pid).
  openTransactionsFallbackSql: `SELECT TOP (1)
      CONVERT(varchar(27), DATEADD(minute, -DATEPART(TZOFFSET, SYSDATETIMEOFFSET()), CAST(a.xact_start AS datetime2(6))), 126) AS oldest,
      CAST(a.pid AS varchar(20)) AS pid,
      (SELECT COUNT(*) FROM pg_catalog.pg_stat_activity h WHERE h.query = '<insufficient privilege>') AS hidden
    FROM pg_catalog.pg_stat_activity a
    WHERE a.xact_start IS NOT NULL AND a.pid <> @@SPID
      AND a.datname = (SELECT m.datname FROM pg_catalog.pg_stat_activity m WHERE m.pid = @@SPID)
    ORDER BY a.xact_start`,
  openTransactionsPermission: 'VIEW SERVER STATE (SQL Server 2022: VIEW SERVER PERFORMANCE STATE)',
  resolveLateMembersSql: (target, naturalKey, l, entity) => `UPDATE t SET t.${ident(l.target)} = g.${ident(l.surrogateKey)}
      FROM ${table(target)} t
      JOIN [ctl].[etl_unresolved] u ON u.row_key = t.${ident(naturalKey)} AND u.entity_name = ${entity} AND u.target_column = N'${l.target}'
      JOIN ${table(l.table)} g ON g.${ident(l.naturalKey)} = CAST(u.member_key AS ${l.keyType ?? 'bigint'})
      WHERE t.${ident(l.target)} = -1;
    SELECT @@ROWCOUNT AS n;`,
};
