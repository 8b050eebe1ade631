import type { SqlType } from '../../engine/types';
import { pgIdentifier } from '../../engine/identifiers';
import type { ValueFamily } from '../rules/types';
import type { ColumnMeta, EtlDialect, ExtractSpec, MergeSpec } from './types';
import { mergeSource, scd2Of } from './mergeSource';
import { ensureTableSql } from '../../warehouse/ddl';
import { ETL_REJECT, ETL_TRIGGER_WATERMARK } from '../../warehouse/controlTables';

const ident = pgIdentifier;
const table = (qualified: string): string => qualified.split('.').map(ident).join('.');
/** `count` placeholders from `$from` on, comma-separated. */
const params = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');

const FAMILIES: Record<string, ValueFamily> = {
  'character varying': 'text', text: 'text', character: 'text', 'USER-DEFINED': 'text',
  integer: 'integer', bigint: 'integer', smallint: 'integer',
  numeric: 'decimal', real: 'decimal', 'double precision': 'decimal', money: 'decimal',
  boolean: 'boolean', date: 'date',
  'timestamp without time zone': 'timestamp', 'timestamp with time zone': 'timestamp',
};

function sqlType(c: ColumnMeta): SqlType {
  switch (c.dataType) {
    case 'integer': return { kind: 'int' };
    case 'bigint': return { kind: 'bigint' };
    case 'smallint': return { kind: 'smallint' };
    case 'numeric': return { kind: 'decimal', precision: c.precision ?? 38, scale: c.scale ?? 0 };
    case 'real': case 'double precision': return { kind: 'float' };
    case 'boolean': return { kind: 'bool' };
    case 'date': return { kind: 'date' };
    case 'timestamp without time zone': case 'timestamp with time zone': return { kind: 'timestamp' };
    default: return c.length === null ? { kind: 'text' } : { kind: 'text', length: c.length };
  }
}

/** INSERT ... ON CONFLICT from `from` (a table or CTE), only changed members updated; RETURNING inserted. */
function upsert(m: MergeSpec, from: string): string {
  const src = mergeSource(m, ident, table, from);
  const cols = src.columns.map(ident);
  const rest = src.columns.filter((c) => c !== m.naturalKey).map(ident);
  return `INSERT INTO ${table(m.target)} AS t (${cols.join(', ')})
      ${src.select}
      ON CONFLICT (${ident(m.naturalKey)}) DO UPDATE SET ${rest.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
      WHERE (${rest.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${rest.map((c) => `EXCLUDED.${c}`).join(', ')})
      RETURNING (xmax = 0) AS inserted`;
}

export const postgresEtl: EtlDialect = {
  name: 'postgres',
  param: (i) => `$${i}`,
  ident,
  table,
  nowUtc: `(now() AT TIME ZONE 'utc')`,
  timestampText: (e) => `to_char(${e}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  textTimestamp: (e) => `CAST(${e} AS timestamp)`,
  cutoffSql: `SELECT to_char((now() AT TIME ZONE 'utc') - make_interval(mins => CAST($1 AS int)), 'YYYY-MM-DD"T"HH24:MI:SS.US') AS cutoff`,
  family: (t) => FAMILIES[t],
  sqlType,
  columnsSql: `SELECT column_name AS name, data_type, numeric_precision AS precision, numeric_scale AS scale,
      character_maximum_length AS length
    FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
  catalogColumnsSql: (schemas, tables) => `SELECT table_schema, table_name, column_name AS name, data_type, numeric_precision AS precision,
      numeric_scale AS scale, character_maximum_length AS length
    FROM information_schema.columns
    WHERE table_schema IN (${params(1, schemas)}) AND table_name IN (${params(schemas + 1, tables)})
    ORDER BY table_schema, table_name, ordinal_position`,
  // A row comparison, which the (updated_at, key) index seeks.
  afterWatermark: (u, k, ts, id) => `(${u}, ${k}) > (${ts}, ${id})`,
  extractPageSql(s: ExtractSpec): string {
    // A PostgreSQL query reads one database only; the plan choice never asks for another.
    if (s.database !== undefined) throw new Error(`PostgreSQL cannot read ${s.table} from database ${s.database} in the same query`);
    const k = ident(s.key);
    const u = ident(s.updatedAt);
    const cols = [...new Set([s.key, s.updatedAt, ...s.columns])].map((c) => `s.${ident(c)}`);
    const derived = s.derived.map((d) => `${d.sql} AS ${ident(d.name)}`);
    const by = s.byKeys;
    const rows = by === undefined
      ? `WHERE p.${u} <= CAST($1 AS timestamp)
          AND ${postgresEtl.afterWatermark(`p.${u}`, `p.${k}`, 'CAST($2 AS timestamp)', '$3')}
        ORDER BY p.${u}, p.${k} LIMIT $4`
      : `WHERE p.${k} IN (${by.keys})${by.chunk === undefined ? '' : ` AND p.${k} > $${by.chunk}
        ORDER BY p.${k} LIMIT $${by.chunk + 1}`}`;
    const order = by === undefined ? `s.${u}, s.${k}` : `s.${k}`;
    return `SELECT ${[...cols, ...derived, `to_char(s.${u}, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "__wm_ts"`].join(', ')}
      FROM (SELECT * FROM ${table(s.table)} p
        ${rows}) s${s.asSubquery === true ? '' : `
      ORDER BY ${order}`}`;
  },
  createStageSql: (m: MergeSpec) =>
    `CREATE TEMP TABLE IF NOT EXISTS ${ident(m.stage)} AS SELECT ${[
      ...m.columns.map(ident),
      ...(m.extra ?? []).map((x) => `CAST(NULL AS ${x.type}) AS ${ident(x.name)}`),
    ].join(', ')} FROM ${table(m.target)} WITH NO DATA`,
  truncateStageSql: (stage) => `TRUNCATE ${ident(stage)}`,
  stageRef: (stage) => ({ name: stage }),
  stageTable: (stage) => ident(stage),
  fence: ' OFFSET 0',
  upsertCte: (m, from) => upsert(m, from),
  // JIT compiles these wide rule expressions for seconds per batch: more than running them.
  batchSettingsSql: 'SET LOCAL jit = off',
  mergeSql: (m: MergeSpec) => `WITH m AS (${upsert(m, ident(m.stage))})
    SELECT CAST(count(*) FILTER (WHERE inserted) AS int) AS inserted,
           CAST(count(*) FILTER (WHERE NOT inserted) AS int) AS updated FROM m`,
  scd2CloseSql(m: MergeSpec): string {
    const h = scd2Of(m);
    const src = mergeSource(m, ident, table, ident(m.stage));
    const rest = src.columns.filter((c) => c !== m.naturalKey).map(ident);
    const nk = ident(m.naturalKey);
    return `WITH c AS (
      UPDATE ${table(m.target)} AS t SET ${ident(h.validTo)} = (now() AT TIME ZONE 'utc'), ${ident(h.isCurrent)} = false
      FROM (${src.select}) s
      WHERE t.${nk} = s.${nk} AND t.${ident(h.isCurrent)}
        AND (${rest.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${rest.map((c) => `s.${c}`).join(', ')})
      RETURNING 1)
    SELECT CAST(count(*) AS int) AS n FROM c`;
  },
  scd2InsertSql(m: MergeSpec): string {
    const h = scd2Of(m);
    const src = mergeSource(m, ident, table, ident(m.stage));
    const cols = src.columns.map(ident);
    const nk = ident(m.naturalKey);
    return `WITH i AS (
      INSERT INTO ${table(m.target)} (${[...cols, ident(h.validFrom), ident(h.validTo), ident(h.isCurrent)].join(', ')})
      SELECT ${cols.map((c) => `s.${c}`).join(', ')}, (now() AT TIME ZONE 'utc'), NULL, true FROM (${src.select}) s
      WHERE NOT EXISTS (SELECT 1 FROM ${table(m.target)} t WHERE t.${nk} = s.${nk} AND t.${ident(h.isCurrent)})
      RETURNING 1)
    SELECT CAST(count(*) AS int) AS n FROM i`;
  },
  selfLookupSql(m: MergeSpec): string | undefined {
    const own = (m.lookups ?? []).filter((l) => l.table === m.target);
    if (own.length === 0) return undefined;
    const nk = ident(m.naturalKey);
    return own.map((l) => `UPDATE ${table(m.target)} AS t SET ${ident(l.target)} = g.${ident(l.surrogateKey)}
      FROM ${ident(m.stage)} s JOIN ${table(m.target)} g ON g.${ident(l.naturalKey)} = s.${ident(l.stageColumn)}
      WHERE t.${nk} = s.${nk}${m.filter === undefined ? '' : ` AND s.${m.filter}`}
        AND t.${ident(l.target)} IS DISTINCT FROM g.${ident(l.surrogateKey)}`).join(';\n');
  },
  // The warehouse scripts (06_etl_control.sql) create both; these cover warehouses built before,
  // generated from the contract (an integration test compares them with the scripts' tables).
  ensureRejectTableSql: ensureTableSql(ETL_REJECT, 'postgres'),
  ensureTriggerTableSql: ensureTableSql(ETL_TRIGGER_WATERMARK, 'postgres'),
  captureSnapshotSql: 'CALL audit.usp_capture_connection_snapshot($1, $2)',
  lateralJoin: 'CROSS JOIN LATERAL',
  inDatabase: (_sql, database) => {
    throw new Error(`PostgreSQL cannot read database ${database} in the same query`);
  },
  trueLiteral: 'true',
  falseLiteral: 'false',
  insertReturning: (t, columns, values, id) =>
    `INSERT INTO ${table(t)} (${columns.map(ident).join(', ')}) VALUES (${values.join(', ')}) RETURNING ${ident(id)}`,
  // Other client sessions of this database with a transaction open (xact_start). Sessions of
  // other roles show NULLs and '<insufficient privilege>' unless the login has pg_read_all_stats.
  openTransactionsSql: `SELECT to_char(min(xact_start) AT TIME ZONE 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS oldest,
      CAST((array_agg(pid ORDER BY xact_start) FILTER (WHERE xact_start IS NOT NULL))[1] AS varchar(20)) AS pid,
      CAST(count(*) FILTER (WHERE query = '<insufficient privilege>') AS int) AS hidden
    FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND (backend_type = 'client backend' OR backend_type IS NULL)`,
  openTransactionsPermission: 'pg_read_all_stats (GRANT pg_read_all_stats TO <login>), or the role of every writer',
  resolveLateMembersSql: (target, naturalKey, l, entity) => `WITH r AS (
      UPDATE ${table(target)} AS t SET ${ident(l.target)} = g.${ident(l.surrogateKey)}
      FROM ctl.etl_unresolved u JOIN ${table(l.table)} g ON g.${ident(l.naturalKey)} = CAST(u.member_key AS ${l.keyType ?? 'bigint'})
      WHERE u.entity_name = ${entity} AND u.target_column = '${l.target}' AND t.${ident(naturalKey)} = u.row_key AND t.${ident(l.target)} = -1
      RETURNING 1)
    SELECT CAST(count(*) AS int) AS n FROM r`,
};
