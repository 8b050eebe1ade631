import type { EntityTrigger } from '../definition/types';
import type { EtlDialect } from '../dialect/types';

/** Column of the keys a trigger's SQL gives (the alias of its one column). */
const KEY_COLUMN = '__key';

/** The trigger's mapping SQL in the dialect. */
export function triggerKeysOf(t: EntityTrigger, d: EtlDialect): string {
  return typeof t.keys === 'string' ? t.keys : t.keys[d.name];
}

/** Schemas whose names gain the source database (the trigger table's own). */
export function schemasOf(table: string): string[] {
  return table.includes('.') ? [table.slice(0, table.lastIndexOf('.'))] : ['dbo'];
}

/** `sql` read from `database` when the source is another database of the target's server. */
export function inSource(d: EtlDialect, sql: string, table: string, database: string | undefined): string {
  return database === undefined ? sql : d.inDatabase(sql, database, schemasOf(table));
}

/**
 * One page of a trigger's (updated_at, key) window, as the main stream pages (params: cutoff,
 * watermark text, watermark id, page size), reduced to one row: the page's size `n` and its last
 * (updated_at, key) as `wm_ts`, `wm_id`. No row when the page is empty.
 */
export function triggerPageSql(t: EntityTrigger, d: EtlDialect, database?: string): string {
  const page = d.extractPageSql({
    table: t.table, key: t.key, updatedAt: t.updatedAt, columns: [], derived: [], asSubquery: true,
    ...(database === undefined ? {} : { database }),
  });
  const u = d.ident(t.updatedAt);
  const k = d.ident(t.key);
  return `SELECT y.${d.ident('__wm_ts')} AS wm_ts, CAST(y.${k} AS varchar(30)) AS wm_id, y.${d.ident('__n')} AS n
    FROM (SELECT x.*, COUNT(*) OVER () AS ${d.ident('__n')}, ROW_NUMBER() OVER (ORDER BY x.${u} DESC, x.${k} DESC) AS ${d.ident('__rn')}
      FROM (${page}) x) y
    WHERE y.${d.ident('__rn')} = 1`;
}

/**
 * The entity's source keys due for the trigger rows in the keyset range (from, to]: params
 * 1-4 are from text, from id, to text, to id. `t` is the trigger row in the definition's SQL;
 * one trigger row may give many keys (an order: its items), or none. The range is spelled so the
 * (updated_at, key) index is entered at `from` and left at `to` (a bare `u > a OR (u = a AND
 * k > b)` makes the planner read the index from its start).
 */
export function triggerKeysSql(t: EntityTrigger, d: EtlDialect, database?: string): string {
  const from = inSource(d, d.table(t.table), t.table, database);
  const keys = inSource(d, triggerKeysOf(t, d), t.table, database);
  return `SELECT k.${d.ident(KEY_COLUMN)} FROM ${from} t
      ${d.lateralJoin} (${keys}) k (${d.ident(KEY_COLUMN)})
      WHERE ${triggerRangeSql(t, d)}`;
}

/** The condition of the trigger rows `t` in the keyset range (from, to], params 1-4 as `triggerKeysSql`. */
export function triggerRangeSql(t: EntityTrigger, d: EtlDialect): string {
  const u = `t.${d.ident(t.updatedAt)}`;
  const k = `t.${d.ident(t.key)}`;
  const ts = (i: number): string => d.textTimestamp(d.param(i));
  return `${u} >= ${ts(1)} AND ${u} <= ${ts(3)}
        AND (${u} > ${ts(1)} OR ${k} > ${d.param(2)}) AND (${u} < ${ts(3)} OR ${k} <= ${d.param(4)})`;
}

/** The trigger's mapping run on no row: compiles its SQL against the real tables, moves nothing. */
export function triggerProbeSql(t: EntityTrigger, d: EtlDialect): string {
  return `SELECT k.${d.ident(KEY_COLUMN)} FROM ${d.table(t.table)} t
      ${d.lateralJoin} (${triggerKeysOf(t, d)}) k (${d.ident(KEY_COLUMN)})
      WHERE 1 = 0`;
}
