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

/** (row key, member key) pairs of the trigger rows `t` that `where` keeps (`k.m` the member). */
function pairsSql(t: EntityTrigger, d: EtlDialect, where: string, database?: string): string {
  const from = inSource(d, d.table(t.table), t.table, database);
  const keys = inSource(d, triggerKeysOf(t, d), t.table, database);
  return `SELECT DISTINCT CAST(t.${d.ident(t.key)} AS varchar(30)) AS row_key, CAST(k.m AS varchar(30)) AS member_key FROM ${from} t
      ${d.lateralJoin} (${keys}) k (m)
      WHERE ${where}`;
}

/**
 * The pairs added to the memory in the target's server (the pushdown), those remembered already
 * left out: `pairs` read there; entity and trigger are the params from `entity`, and again from `again`.
 */
function rememberPairsSql(d: EtlDialect, pairs: string, entity: number, again: number, returning: boolean): string {
  const p = d.param;
  return insertMemorySql(d, `SELECT CAST(${p(entity)} AS varchar(100)), CAST(${p(entity + 1)} AS varchar(100)), CAST(x.row_key AS bigint), CAST(x.member_key AS bigint)
    FROM (${pairs}) x
    WHERE NOT EXISTS (SELECT 1 FROM ${MEMORY} m WHERE m.entity_name = ${p(again)} AND m.trigger_name = ${p(again + 1)}
      AND m.row_key = CAST(x.row_key AS bigint) AND m.member_key = CAST(x.member_key AS bigint))`, returning);
}

/**
 * (trigger row key, entity key) pairs of the trigger rows in the keyset range (from, to] (params
 * 1-4 as `triggerKeysSql`), or of every row when `window` is false.
 */
export function triggerPairsSql(t: EntityTrigger, d: EtlDialect, window: boolean, database?: string): string {
  return pairsSql(t, d, window ? `${triggerRangeSql(t, d)} AND k.m IS NOT NULL` : 'k.m IS NOT NULL', database);
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

/** What these trigger rows remember: their (row, member) pairs. */
export async function rememberedPairs(tx: Queryable, d: EtlDialect, entity: string, trigger: string, rows: readonly string[]): Promise<MemoryPair[]> {
  const out: MemoryPair[] = [];
  for (const part of chunks(rows)) {
    const r = await tx.query<Record<string, unknown>>(
      `SELECT CAST(row_key AS varchar(30)) AS row_key, CAST(member_key AS varchar(30)) AS member_key FROM ${MEMORY}
        WHERE entity_name = ${d.param(1)} AND trigger_name = ${d.param(2)} AND row_key IN (${part.map(integer).join(', ')})`,
      [entity, trigger],
    );
    for (const x of r.rows) out.push({ row: integer(x['row_key']), member: integer(x['member_key']) });
  }
  return out;
}

/** The rows of `now` that name a member they do not remember (`remembered`): they moved. */
export function movedRows(remembered: readonly MemoryPair[], now: readonly MemoryPair[]): string[] {
  const was = new Set(remembered.map((x) => `${x.row}|${x.member}`));
  return [...new Set(now.filter((x) => !was.has(`${x.row}|${x.member}`)).map((x) => x.row))];
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
  return pairsSql(t, d, `${u} >= ${ts} AND (${u} > ${ts} OR ${k} > ${d.param(at + 1)}) AND k.m IS NOT NULL`, database);
}

/**
 * The pending pairs added to the memory in the target's server (the pushdown: the target reads
 * the source); params 1-2 entity and trigger, 3-4 the bound; with `returning`, the query gives
 * back the pairs it added (`insertedPairs`).
 */
export function rememberPendingSql(t: EntityTrigger, d: EtlDialect, database?: string, returning = false): string {
  return rememberPairsSql(d, pendingPairsSql(t, d, database, { first: 3 }), 1, 5, returning);
}

/**
 * (row, member) pairs of the trigger rows that name, now, one of `members` (entity keys). A
 * member a page re-extracts counts every row that names it then, whether or not that row changed:
 * the items of an order that moved to B name B without a change of their own, and every target of
 * a month names a target that joined it. Remembered under that member, such a row moving later
 * re-triggers it.
 */
export function namingPairsSql(t: EntityTrigger, d: EtlDialect, members: readonly string[], database?: string): string {
  return pairsSql(t, d, `k.m IN (${members.map(integer).join(', ')})`, database);
}

/** The naming pairs added to the memory in the target's server (the pushdown); params 1-2 entity and trigger, 3-4 again. */
export function rememberNamingSql(t: EntityTrigger, d: EtlDialect, members: readonly string[], database?: string): string {
  return rememberPairsSql(d, namingPairsSql(t, d, members, database), 1, 3, false);
}

/** (row, member) pairs the trigger rows `rows` (their keys) name now. */
export function rowPairsSql(t: EntityTrigger, d: EtlDialect, rows: readonly string[], database?: string): string {
  return pairsSql(t, d, `t.${d.ident(t.key)} IN (${rows.map(integer).join(', ')}) AND k.m IS NOT NULL`, database);
}

/** Keys in lists of at most `LIST_CHUNK` (one statement each). */
export function keyChunks(keys: readonly string[]): string[][] {
  return chunks(keys);
}

/**
 * `INSERT INTO ctl.etl_trigger_memory (...) <select>`, giving back the pairs it inserted when
 * `returning` (as `row_key`, `member_key`).
 */
function insertMemorySql(d: EtlDialect, select: string, returning: boolean): string {
  const into = `INSERT INTO ${MEMORY} (entity_name, trigger_name, row_key, member_key)`;
  if (!returning) return `${into}\n    ${select}`;
  return d.name === 'sqlserver'
    ? `${into} OUTPUT INSERTED.row_key, INSERTED.member_key\n    ${select}`
    : `${into}\n    ${select}\n    RETURNING row_key, member_key`;
}

/** Pairs read back from an insert into the memory (`returning`). */
export function insertedPairs(rows: readonly Record<string, unknown>[]): MemoryPair[] {
  return rows.map((x) => ({ row: integer(x['row_key']), member: integer(x['member_key']) }));
}

/**
 * Adds pairs to what the trigger rows remember (those already remembered stay once); with
 * `returning`, gives back the pairs that were not remembered yet.
 */
export async function addMemory(
  tx: Queryable, d: EtlDialect, entity: string, trigger: string, pairs: readonly MemoryPair[], opts: QueryOptions, returning = false,
): Promise<MemoryPair[]> {
  const p = d.param;
  const unique = [...new Map(pairs.map((x) => [`${x.row}|${x.member}`, x])).values()];
  const out: MemoryPair[] = [];
  for (const part of chunks(unique)) {
    const r = await tx.query<Record<string, unknown>>(insertMemorySql(d,
      `SELECT ${p(1)}, ${p(2)}, v.r, v.m FROM (VALUES ${part.map((x) => `(${integer(x.row)}, ${integer(x.member)})`).join(', ')}) v (r, m)
        WHERE NOT EXISTS (SELECT 1 FROM ${MEMORY} m WHERE m.entity_name = ${p(3)} AND m.trigger_name = ${p(4)} AND m.row_key = v.r AND m.member_key = v.m)`,
      returning), [entity, trigger, entity, trigger], opts);
    if (returning) out.push(...insertedPairs(r.rows));
  }
  return out;
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
