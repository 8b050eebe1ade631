import type { QueryOptions, Queryable } from '../../engine/types';
import type { EntityTrigger } from '../definition/types';
import type { EtlDialect } from '../dialect/types';
import { inSource, triggerKeysOf, triggerRangeSql } from './triggerSql';

/**
 * What a remembering trigger (`"remember": true`) keeps: per trigger row, the entity keys it named
 * when the warehouse last loaded them (`ctl.etl_trigger_memory`). The OLTP keeps no old value, so
 * an order moved from customer A to B names only B now; the memory still says A, and the page
 * re-triggers both. Every write happens in the transaction of the data it describes, so a crash
 * never leaves the memory ahead of the data.
 */

const MEMORY = 'ctl.etl_trigger_memory';
/** Literal lists per statement (IN lists, VALUES rows). */
const LIST_CHUNK = 1000;

export interface MemoryPair {
  readonly row: string;
  readonly member: string;
}

const integer = (v: unknown): string => {
  const s = String(v);
  if (!/^-?\d+$/.test(s)) throw new Error(`a remembering trigger needs integer keys; got '${s}'`);
  return s;
};

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += LIST_CHUNK) out.push(xs.slice(i, i + LIST_CHUNK));
  return out;
}

/**
 * (trigger row key, entity key) pairs of the trigger rows in the keyset range (from, to] (params
 * 1-4 as `triggerKeysSql`), or of every row when `window` is false.
 */
export function triggerPairsSql(t: EntityTrigger, d: EtlDialect, window: boolean, database?: string): string {
  const k = `t.${d.ident(t.key)}`;
  const from = inSource(d, d.table(t.table), t.table, database);
  const keys = inSource(d, triggerKeysOf(t, d), t.table, database);
  const where = window ? `WHERE ${triggerRangeSql(t, d)} AND k.m IS NOT NULL` : 'WHERE k.m IS NOT NULL';
  return `SELECT DISTINCT CAST(${k} AS varchar(30)) AS row_key, CAST(k.m AS varchar(30)) AS member_key FROM ${from} t
      ${d.lateralJoin} (${keys}) k (m)
      ${where}`;
}

/** The trigger rows' keys in the range (from, to] (params 1-4), whatever they name. */
export function triggerRowsSql(t: EntityTrigger, d: EtlDialect, database?: string): string {
  return `SELECT CAST(t.${d.ident(t.key)} AS varchar(30)) AS row_key FROM ${inSource(d, d.table(t.table), t.table, database)} t
      WHERE ${triggerRangeSql(t, d)}`;
}

export async function readPairs(q: Queryable, sql: string, params: readonly unknown[], opts: QueryOptions): Promise<MemoryPair[]> {
  const r = await q.query<Record<string, unknown>>(sql, params as never, opts);
  return r.rows.map((x) => ({ row: integer(x['row_key']), member: integer(x['member_key']) }));
}

/** The members remembered for these trigger rows. */
export async function rememberedMembers(tx: Queryable, d: EtlDialect, entity: string, trigger: string, rows: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const part of chunks(rows)) {
    const r = await tx.query<Record<string, unknown>>(
      `SELECT DISTINCT CAST(member_key AS varchar(30)) AS member_key FROM ${MEMORY}
        WHERE entity_name = ${d.param(1)} AND trigger_name = ${d.param(2)} AND row_key IN (${part.map(integer).join(', ')})`,
      [entity, trigger],
    );
    for (const x of r.rows) out.add(integer(x['member_key']));
  }
  return [...out];
}

/** `keys` extended with literal entity keys (a subquery of one column, as `keys`). */
export function withKeys(keys: string, members: readonly string[]): string {
  if (members.length === 0) return keys;
  return `${keys} UNION SELECT v.m FROM (VALUES ${members.map((m) => `(${integer(m)})`).join(', ')}) v (m)`;
}

/**
 * Replaces what the trigger rows `rows` remember with `pairs` (inside the page's transaction):
 * their previous members were re-triggered by the same page.
 */
export async function replaceMemory(
  tx: Queryable, d: EtlDialect, entity: string, trigger: string, rows: readonly string[] | 'all', pairs: readonly MemoryPair[], opts: QueryOptions,
): Promise<void> {
  const p = d.param;
  if (rows === 'all') {
    await tx.query(`DELETE FROM ${MEMORY} WHERE entity_name = ${p(1)} AND trigger_name = ${p(2)}`, [entity, trigger], opts);
  } else {
    for (const part of chunks(rows)) {
      await tx.query(
        `DELETE FROM ${MEMORY} WHERE entity_name = ${p(1)} AND trigger_name = ${p(2)} AND row_key IN (${part.map(integer).join(', ')})`,
        [entity, trigger], opts,
      );
    }
  }
  await addMemory(tx, d, entity, trigger, pairs, opts);
}

/**
 * (row, member) pairs of the trigger rows changed after `bound` (params 1-2: text, id): the rows
 * no trigger page has read yet. Their members may be loaded (counting them) before their own
 * page, and they may move again before it.
 */
export function pendingPairsSql(t: EntityTrigger, d: EtlDialect, database?: string, into?: { first: number }): string {
  const u = `t.${d.ident(t.updatedAt)}`;
  const k = `t.${d.ident(t.key)}`;
  const at = into?.first ?? 1;
  const ts = d.textTimestamp(d.param(at));
  const from = inSource(d, d.table(t.table), t.table, database);
  const keys = inSource(d, triggerKeysOf(t, d), t.table, database);
  return `SELECT DISTINCT CAST(${k} AS varchar(30)) AS row_key, CAST(k.m AS varchar(30)) AS member_key FROM ${from} t
      ${d.lateralJoin} (${keys}) k (m)
      WHERE ${u} >= ${ts} AND (${u} > ${ts} OR ${k} > ${d.param(at + 1)}) AND k.m IS NOT NULL`;
}

/**
 * The pending pairs added to the memory in the target's server (the pushdown: the target reads
 * the source); params 1-2 entity and trigger, 3-4 the bound.
 */
export function rememberPendingSql(t: EntityTrigger, d: EtlDialect, database?: string): string {
  const p = d.param;
  return `INSERT INTO ${MEMORY} (entity_name, trigger_name, row_key, member_key)
    SELECT CAST(${p(1)} AS varchar(100)), CAST(${p(2)} AS varchar(100)), CAST(x.row_key AS bigint), CAST(x.member_key AS bigint)
    FROM (${pendingPairsSql(t, d, database, { first: 3 })}) x
    WHERE NOT EXISTS (SELECT 1 FROM ${MEMORY} m WHERE m.entity_name = ${p(5)} AND m.trigger_name = ${p(6)}
      AND m.row_key = CAST(x.row_key AS bigint) AND m.member_key = CAST(x.member_key AS bigint))`;
}

/**
 * (row, member) pairs of the trigger rows that name, now, one of the members the one-column
 * subquery `members` gives (its params are the caller's). A member a page re-extracts counts every
 * row that names it then, whether or not that row changed: an item whose order moved to B names B
 * without a change of its own, and a target that joined a month is named by every target of the
 * month. Those pairs are remembered under the member the page loaded, so the row moving later
 * re-triggers it.
 */
export function namingPairsSql(t: EntityTrigger, d: EtlDialect, members: string, database?: string): string {
  const k = `t.${d.ident(t.key)}`;
  const from = inSource(d, d.table(t.table), t.table, database);
  const keys = inSource(d, triggerKeysOf(t, d), t.table, database);
  return `SELECT DISTINCT CAST(${k} AS varchar(30)) AS row_key, CAST(k.m AS varchar(30)) AS member_key FROM ${from} t
      ${d.lateralJoin} (${keys}) k (m)
      WHERE k.m IN (${members})`;
}

/**
 * The naming pairs added to the memory in the target's server (the pushdown); params 1-4 are the
 * members subquery's (a trigger page's range), 5-6 entity and trigger.
 */
export function rememberNamingSql(t: EntityTrigger, d: EtlDialect, members: string, database?: string): string {
  const p = d.param;
  return `INSERT INTO ${MEMORY} (entity_name, trigger_name, row_key, member_key)
    SELECT CAST(${p(5)} AS varchar(100)), CAST(${p(6)} AS varchar(100)), CAST(x.row_key AS bigint), CAST(x.member_key AS bigint)
    FROM (${namingPairsSql(t, d, members, database)}) x
    WHERE NOT EXISTS (SELECT 1 FROM ${MEMORY} m WHERE m.entity_name = ${p(7)} AND m.trigger_name = ${p(8)}
      AND m.row_key = CAST(x.row_key AS bigint) AND m.member_key = CAST(x.member_key AS bigint))`;
}

/** Adds pairs to what the trigger rows remember (those already remembered stay once). */
export async function addMemory(
  tx: Queryable, d: EtlDialect, entity: string, trigger: string, pairs: readonly MemoryPair[], opts: QueryOptions,
): Promise<void> {
  const p = d.param;
  const unique = [...new Map(pairs.map((x) => [`${x.row}|${x.member}`, x])).values()];
  for (const part of chunks(unique)) {
    await tx.query(
      `INSERT INTO ${MEMORY} (entity_name, trigger_name, row_key, member_key)
        SELECT ${p(1)}, ${p(2)}, v.r, v.m FROM (VALUES ${part.map((x) => `(${integer(x.row)}, ${integer(x.member)})`).join(', ')}) v (r, m)
        WHERE NOT EXISTS (SELECT 1 FROM ${MEMORY} m WHERE m.entity_name = ${p(3)} AND m.trigger_name = ${p(4)} AND m.row_key = v.r AND m.member_key = v.m)`,
      [entity, trigger, entity, trigger], opts,
    );
  }
}

/** Of the triggers `names`, those with nothing remembered yet (a warehouse loaded before they remembered). */
export async function triggersWithoutMemory(q: Queryable, d: EtlDialect, entity: string, names: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) {
    const r = await q.query<{ x: unknown }>(`SELECT CASE WHEN EXISTS (SELECT 1 FROM ${MEMORY}
      WHERE entity_name = ${d.param(1)} AND trigger_name = ${d.param(2)}) THEN 1 ELSE 0 END AS x`, [entity, name]);
    if (Number(r.rows[0]?.x) === 0) out.push(name);
  }
  return out;
}
