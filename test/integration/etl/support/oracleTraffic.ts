import { setTimeout as pause } from 'node:timers/promises';
import type { Engine, Queryable } from '../../../../src/core/engine/types';
import type { Random } from '../../../../src/core/generate/random';

/** A change to the OLTP: what it does (for a failure message) and its statement. */
export type Change = readonly [what: string, sql: string];

/** Keys of the OLTP rows the changes pick from (read at the start of a round). */
export interface Pools {
  readonly customers: string[];
  readonly orders: string[];
  readonly items: string[];
  readonly sellers: string[];
  readonly teams: string[];
}

export async function readPools(oltp: Queryable): Promise<Pools> {
  const ids = async (sql: string): Promise<string[]> => (await oltp.query<Record<string, unknown>>(sql)).rows.map((r) => String(Object.values(r)[0]));
  return {
    customers: await ids('SELECT customer_id FROM core.customers ORDER BY customer_id'),
    orders: await ids('SELECT order_id FROM core.orders ORDER BY order_id'),
    items: await ids('SELECT order_item_id FROM core.order_items ORDER BY order_item_id'),
    sellers: await ids('SELECT seller_id FROM core.sellers ORDER BY seller_id'),
    teams: await ids('SELECT team_id FROM core.teams ORDER BY team_id'),
  };
}

/** Takes `n` random keys out of `from` (so no other change picks them) and returns them. */
export function reserve(rnd: Random, from: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n && from.length > 0; i++) out.push(...from.splice(rnd.int(0, from.length - 1), 1));
  return out;
}

/**
 * The single changes, each stamped `at` (an SQL expression: a literal, or the writer's
 * transaction time) and tagged `tag` where it names a new row (unique in the database).
 */
export const changes = {
  customersTouched: (keys: readonly string[], at: string): Change => [`customers ${keys.join(',')} touched`,
    `UPDATE core.customers SET email = CASE WHEN email = lower(email) THEN upper(email) ELSE lower(email) END,
      updated_at = ${at} WHERE customer_id IN (${keys.join(', ')})`],
  orderInserted: (customer: string, likeItem: string, at: string, tag: string): Change => [`order ${tag} inserted for ${customer}`,
    `WITH o AS (INSERT INTO core.orders (order_number, customer_id, seller_id, region_id, order_date, created_at, updated_at)
        SELECT '${tag}', ${customer}, seller_id, region_id, order_date, ${at}, ${at} FROM core.orders ORDER BY order_id LIMIT 1
        RETURNING order_id)
      INSERT INTO core.order_items (order_id, product_id, quantity, unit_price, gross_amount, discount_amount, net_amount, cost_amount, created_at, updated_at)
      SELECT o.order_id, i.product_id, 1, i.unit_price, i.unit_price, 0, i.unit_price, i.cost_amount, ${at}, ${at}
      FROM o, core.order_items i WHERE i.order_item_id = ${likeItem}`],
  /** A new customer with one order of one item, all stamped `at`. */
  customerWithOrder: (at: string, tag: string): Change => [`customer ${tag} inserted with an order`,
    `WITH c AS (
        INSERT INTO core.customers (customer_code, full_name, email, created_at, updated_at)
        VALUES ('${tag}', 'Cliente ${tag}', '${tag}@Mail.com', ${at}, ${at}) RETURNING customer_id),
      o AS (
        INSERT INTO core.orders (order_number, customer_id, seller_id, region_id, order_date, created_at, updated_at)
        SELECT 'P${tag}', c.customer_id, (SELECT min(seller_id) FROM core.sellers), (SELECT min(region_id) FROM core.regions),
          CAST(${at} AS date), ${at}, ${at} FROM c RETURNING order_id)
      INSERT INTO core.order_items (order_id, product_id, quantity, unit_price, gross_amount, discount_amount, net_amount, cost_amount, created_at, updated_at)
      SELECT o.order_id, (SELECT min(product_id) FROM core.products), 2, 10, 20, 0, 20, 8, ${at}, ${at} FROM o`],
  orderMoved: (order: string, to: string, at: string): Change => [`order ${order} moved to ${to}`,
    `UPDATE core.orders SET customer_id = ${to}, updated_at = ${at} WHERE order_id = ${order}`],
  orderDeletedOrRestored: (order: string, at: string): Change => [`order ${order} deleted or restored`,
    `UPDATE core.orders SET deleted_at = CASE WHEN deleted_at IS NULL THEN ${at} END, updated_at = ${at} WHERE order_id = ${order}`],
  itemDeletedOrRestored: (item: string, at: string): Change => [`item ${item} deleted or restored`,
    `UPDATE core.order_items SET deleted_at = CASE WHEN deleted_at IS NULL THEN ${at} END, updated_at = ${at} WHERE order_item_id = ${item}`],
  itemMoved: (item: string, order: string, at: string): Change => [`item ${item} moved to order ${order}`,
    `UPDATE core.order_items SET order_id = ${order}, updated_at = ${at} WHERE order_item_id = ${item}`],
  sellerMoved: (seller: string, team: string, manager: string, at: string): Change => [`seller ${seller} moved to team ${team}, manager ${manager}`,
    `UPDATE core.sellers SET team_id = ${team}, manager_seller_id = CASE WHEN ${manager} = seller_id THEN NULL ELSE ${manager} END, updated_at = ${at}
      WHERE seller_id = ${seller}`],
  sellerDeletedOrRestored: (seller: string, at: string): Change => [`seller ${seller} deleted or restored`,
    `UPDATE core.sellers SET deleted_at = CASE WHEN deleted_at IS NULL THEN ${at} END, updated_at = ${at} WHERE seller_id = ${seller}`],
  supplierRenamed: (offset: number, name: string, at: string): Change => [`supplier #${offset} renamed ${name}`,
    `UPDATE core.suppliers SET supplier_name = 'Fornecedor ${name}', updated_at = ${at}
      WHERE supplier_id = (SELECT supplier_id FROM core.suppliers ORDER BY supplier_id OFFSET ${offset} LIMIT 1)`],
  targetRealized: (offset: number, amount: number, at: string): Change => [`target #${offset} realized ${amount} more`,
    `UPDATE core.seller_targets_monthly SET realized_amount = realized_amount + ${amount}, updated_at = ${at}
      WHERE seller_target_id = (SELECT seller_target_id FROM core.seller_targets_monthly ORDER BY seller_target_id OFFSET ${offset} LIMIT 1)`],
  /** To a month of 2026 (the generated targets are of 2024-2025) where its seller has none yet. */
  targetMoved: (offset: number, month: number, at: string): Change => {
    const m = `CAST('2026-${String(month).padStart(2, '0')}-01' AS date)`;
    return [`target #${offset} moved to 2026-${month}`, `UPDATE core.seller_targets_monthly t SET target_month = ${m}, updated_at = ${at}
      WHERE t.seller_target_id = (SELECT seller_target_id FROM core.seller_targets_monthly ORDER BY seller_target_id OFFSET ${offset} LIMIT 1)
        AND NOT EXISTS (SELECT 1 FROM core.seller_targets_monthly x WHERE x.seller_id = t.seller_id AND x.target_month = ${m})`];
  },
};

/** The statements of each kind of change in one SQL dialect (`changes`: PostgreSQL; `support/oracleTsql.ts`: T-SQL). */
export type ChangeForms = typeof changes;

/**
 * A round's changes between runs: customers stamped alike (ties, in one statement; every change
 * of the round shares the stamp), orders inserted, orders and items moved, soft deletes and
 * restores, a seller moved or deleted, a supplier renamed, a target realized or moved.
 */
export function roundChanges(rnd: Random, p: Pools, at: string, tag: string, forms: ChangeForms = changes): Change[] {
  const out: Change[] = [forms.customersTouched(Array.from({ length: rnd.int(1, 6) }, () => rnd.pick(p.customers)), at)];
  for (let i = rnd.int(0, 2); i > 0; i--) out.push(forms.orderInserted(rnd.pick(p.customers), rnd.pick(p.items), at, `${tag}-${i}`));
  for (let i = rnd.int(0, 3); i > 0; i--) out.push(forms.orderMoved(rnd.pick(p.orders), rnd.pick(p.customers), at));
  if (rnd.chance(0.5)) out.push(forms.orderDeletedOrRestored(rnd.pick(p.orders), at));
  if (rnd.chance(0.5)) out.push(forms.itemDeletedOrRestored(rnd.pick(p.items), at));
  if (rnd.chance(0.3)) out.push(forms.itemMoved(rnd.pick(p.items), rnd.pick(p.orders), at));
  if (rnd.chance(0.5)) out.push(forms.sellerMoved(rnd.pick(p.sellers), rnd.pick(p.teams), rnd.pick(p.sellers), at));
  if (rnd.chance(0.2)) out.push(forms.sellerDeletedOrRestored(rnd.pick(p.sellers), at));
  if (rnd.chance(0.3)) out.push(forms.supplierRenamed(rnd.int(0, 3), tag, at));
  if (rnd.chance(0.3)) out.push(forms.targetRealized(rnd.int(0, 20), rnd.int(1, 500), at));
  if (rnd.chance(0.3)) out.push(forms.targetMoved(rnd.int(0, 40), rnd.int(1, 12), at));
  return out;
}

/** One change of the concurrent writer, in its own short transaction. */
export function writerChange(rnd: Random, p: Pools, at: string, tag: string, forms: ChangeForms = changes): Change {
  switch (rnd.weighted<string>([['insert', 3], ['touch', 3], ['move', 3], ['delete', 2], ['item', 2], ['seller', 1], ['target', 1], ['supplier', 1]])) {
    case 'insert': return rnd.chance(0.5) ? forms.customerWithOrder(at, tag) : forms.orderInserted(rnd.pick(p.customers), rnd.pick(p.items), at, tag);
    case 'touch': return forms.customersTouched(Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(p.customers)), at);
    case 'move': return forms.orderMoved(rnd.pick(p.orders), rnd.pick(p.customers), at);
    case 'delete': return rnd.chance(0.5) ? forms.orderDeletedOrRestored(rnd.pick(p.orders), at) : forms.itemDeletedOrRestored(rnd.pick(p.items), at);
    case 'item': return forms.itemMoved(rnd.pick(p.items), rnd.pick(p.orders), at);
    case 'seller': return forms.sellerMoved(rnd.pick(p.sellers), rnd.pick(p.teams), rnd.pick(p.sellers), at);
    case 'target': return rnd.chance(0.5) ? forms.targetRealized(rnd.int(0, 20), rnd.int(1, 500), at) : forms.targetMoved(rnd.int(0, 40), rnd.int(1, 12), at);
    default: return forms.supplierRenamed(rnd.int(0, 3), tag, at);
  }
}

/**
 * The rows a held transaction may change: taken out of the pools at the start of a round, so no
 * other transaction waits on its row locks (the writer's changes run inside the runs' phases, and
 * a wait there would stop the run).
 */
export interface Reserved {
  readonly customers: string[];
  readonly orders: string[];
  readonly items: string[];
}

/** One or two changes of a transaction held open: on reserved rows, or new ones. */
export function heldChanges(rnd: Random, p: Pools, r: Reserved, at: string, tag: string, forms: ChangeForms = changes): Change[] {
  const out: Change[] = [];
  for (let i = rnd.int(1, 2); i > 0; i--) {
    const kind = rnd.pick(['touch', 'move', 'item', 'insert']);
    const own = (from: string[]): string | undefined => from.pop();
    const customer = kind === 'touch' ? own(r.customers) : undefined;
    const order = kind === 'move' ? own(r.orders) : undefined;
    const item = kind === 'item' ? own(r.items) : undefined;
    if (customer !== undefined) out.push(forms.customersTouched([customer], at));
    else if (order !== undefined) out.push(forms.orderMoved(order, rnd.pick(p.customers), at));
    else if (item !== undefined) out.push(forms.itemDeletedOrRestored(item, at));
    else out.push(forms.customerWithOrder(at, `${tag}-${i}`));
  }
  return out;
}

/** The server's time as text, read first in a held transaction (PostgreSQL: the transaction's start). */
const PG_STARTED_AT = `SELECT to_char(now() AT TIME ZONE 'utc', 'YYYY-MM-DD HH24:MI:SS.US') AS t`;

/** A transaction of its own session kept open until `commit()`; its changes are stamped with its start. */
export class HeldTransaction {
  private constructor(private readonly go: () => void, readonly done: Promise<void>, readonly startedAt: string) {}

  static async open(oltp: Engine, statements: readonly string[], startedAtSql = PG_STARTED_AT): Promise<HeldTransaction> {
    const s = await oltp.session();
    let go: () => void = () => undefined;
    const released = new Promise<void>((resolve) => { go = resolve; });
    let opened: (at: string) => void = () => undefined;
    const started = new Promise<string>((resolve) => { opened = resolve; });
    const done = (async () => {
      try {
        await s.transaction(async (tx) => {
          const at = await tx.query<{ t: unknown }>(startedAtSql);
          for (const sql of statements) await tx.query(sql);
          opened(String(at.rows[0]?.t));
          await released;
        });
      } finally {
        await s.release();
      }
    })();
    // A failing statement ends the transaction before it is open: its error is the caller's.
    const at = await Promise.race([started, done.then(() => '')]);
    return new HeldTransaction(go, done, at);
  }

  async commit(): Promise<void> {
    this.go();
    await this.done;
  }
}

/** Waits until the server's clock has passed `at` plus `seconds` (the clock, not another actor, is awaited). */
export async function serverClockPast(db: Queryable, at: string, seconds: number): Promise<void> {
  for (;;) {
    const r = await db.query<{ past: boolean }>(`SELECT (now() AT TIME ZONE 'utc') >= CAST($1 AS timestamp) + make_interval(secs => $2) AS past`, [at, seconds]);
    if (r.rows[0]?.past === true) return;
    await pause(50);
  }
}

/**
 * Waits until the server's clock is a second past every watermark of the warehouse (main streams
 * and triggers): a run with a clock ahead of the server's can leave a watermark a little in the
 * future, and a change the OLTP stamps before it would never be read.
 */
export async function serverClockPastWatermarks(dw: Queryable): Promise<void> {
  const r = await dw.query<{ t: unknown }>(`SELECT to_char(max(w), 'YYYY-MM-DD HH24:MI:SS') AS t FROM (
      SELECT max(watermark_updated_at) AS w FROM ctl.etl_control UNION ALL SELECT max(watermark_updated_at) FROM ctl.etl_trigger_watermark) x`);
  const at = r.rows[0]?.t;
  if (typeof at === 'string') await serverClockPast(dw, at, 1);
}
