import type { Dialect } from '../engine/types';
import { customerRow } from './people';
import { seconds, utcDay, type GenerationPlan } from './plan';
import { rowRandom } from './random';
import type { GeneratedRow } from './row';
import { orderHeader, orderItems } from './sales';
import { sqlLiteral } from './sqlLiteral';

/**
 * An "incremental" day of OLTP activity, deterministic for a seed: updates, inserts and soft
 * deletes of a fraction of rows, with realistic `updated_at` values that deliberately tie (many
 * rows share one timestamp) and some that fall inside the ETL's cutoff window.
 */
export interface ChangeSet {
  /** Set-based UPDATE statements, in order. */
  readonly updates: readonly string[];
  /** New rows per OLTP table, ids continuing after the current maxima. */
  readonly inserts: Readonly<Record<'customers' | 'orders' | 'order_items' | 'order_item_discounts', readonly GeneratedRow[]>>;
  readonly counts: { readonly updated: number; readonly inserted: number; readonly softDeleted: number };
}

/** What the OLTP holds now: ids are 1..max for every table the change set touches. */
export interface OltpExtent {
  readonly customers: number;
  readonly products: number;
  readonly orders: number;
  readonly orderItems: number;
  readonly orderItemDiscounts: number;
}

export interface ChangeSetOptions {
  readonly seed: number;
  /** Share of existing rows to touch, e.g. 0.01. */
  readonly fraction: number;
  /** The moment the activity ends; updated_at values fall in the hour before it. */
  readonly now: Date;
}

/** Distinct ids in 1..max, `count` of them, drawn deterministically. */
function pickIds(seed: number, stream: string, max: number, count: number): number[] {
  const r = rowRandom(seed, stream, max);
  const ids = new Set<number>();
  const target = Math.min(count, max);
  while (ids.size < target) ids.add(r.int(1, max));
  return [...ids].sort((a, b) => a - b);
}

function inChunks(ids: readonly number[], size = 1000): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/**
 * updated_at values: three groups share a timestamp each (ties the ETL must page through by id),
 * and the last group sits one minute before `now`, inside the default 2-minute cutoff.
 */
export function tieTimes(now: Date): readonly Date[] {
  const t = Math.floor(now.getTime() / 1000) * 1000;
  return [seconds(t - 30 * 60_000), seconds(t - 10 * 60_000), seconds(t - 10 * 60_000), seconds(t - 60_000)];
}

export function buildChangeSet(plan: GenerationPlan, extent: OltpExtent, options: ChangeSetOptions, dialect: Dialect): ChangeSet {
  const times = tieTimes(options.now);
  const at = (i: number): Date => times[i % times.length] ?? options.now;
  const ts = (d: Date): string => sqlLiteral(d, dialect);
  const bool = (b: boolean): string => sqlLiteral(b, dialect);
  const touch = Math.max(1, Math.round(extent.customers * options.fraction));
  const updates: string[] = [];

  const updatedCustomers = pickIds(options.seed, 'inc-customers', extent.customers, touch);
  const deletedCustomers = pickIds(options.seed, 'inc-customers-deleted', extent.customers, Math.max(1, Math.round(touch / 5)))
    .filter((id) => !updatedCustomers.includes(id));
  inChunks(updatedCustomers).forEach((ids, i) => updates.push(
    'UPDATE core.customers SET credit_score = CASE WHEN credit_score >= 950 THEN credit_score - 50 ELSE credit_score + 50 END, '
    + `customer_type = CASE WHEN customer_type = 'Novo' THEN 'Recorrente' ELSE customer_type END, `
    + `last_purchase_date = ${sqlLiteral(utcDay(at(i).getTime()), dialect, true)}, updated_at = ${ts(at(i))} `
    + `WHERE customer_id IN (${ids.join(', ')});`));
  inChunks(deletedCustomers).forEach((ids, i) => updates.push(
    `UPDATE core.customers SET deleted_at = ${ts(at(i + 1))}, is_active = ${bool(false)}, customer_type = 'Inativo', updated_at = ${ts(at(i + 1))} `
    + `WHERE customer_id IN (${ids.join(', ')});`));

  const productTouch = Math.max(1, Math.round(extent.products * options.fraction));
  const repriced = pickIds(options.seed, 'inc-products', extent.products, productTouch);
  const retired = pickIds(options.seed, 'inc-products-deleted', extent.products, Math.max(1, Math.round(productTouch / 5)))
    .filter((id) => !repriced.includes(id));
  inChunks(repriced).forEach((ids, i) => updates.push(
    `UPDATE core.products SET list_price = ROUND(list_price * 1.05, 2), updated_at = ${ts(at(i + 2))} WHERE product_id IN (${ids.join(', ')});`));
  inChunks(retired).forEach((ids, i) => updates.push(
    `UPDATE core.products SET product_status = 'Descontinuado', discontinued_date = ${sqlLiteral(utcDay(at(i).getTime()), dialect, true)}, `
    + `deleted_at = ${ts(at(i))}, updated_at = ${ts(at(i))} WHERE product_id IN (${ids.join(', ')});`));

  const newCustomers = Array.from({ length: touch }, (_, k) => {
    const id = extent.customers + k + 1;
    const when = at(k);
    return { ...customerRow(plan, id), customer_type: 'Novo', first_signup_date: utcDay(when.getTime()), created_at: when, updated_at: when };
  });

  const newOrderCount = Math.max(1, Math.round(extent.orders * options.fraction));
  const orderPlan: GenerationPlan = {
    ...plan,
    customers: extent.customers,
    products: extent.products,
    firstOrderItemId: extent.orderItems + 1,
    firstOrderItemDiscountId: extent.orderItemDiscounts + 1,
  };
  const firstOrder = extent.orders + 1;
  const lastOrder = extent.orders + newOrderCount;
  const orders: GeneratedRow[] = [];
  for (let id = firstOrder; id <= lastOrder; id++) {
    const when = at(id);
    const header = orderHeader(orderPlan, id).row;
    orders.push({
      ...header, order_status: 'Pendente', payment_status: 'Pendente', order_date: when,
      approved_at: null, shipped_at: null, delivered_at: null, cancelled_at: null, created_at: when, updated_at: when,
    });
  }
  const items: GeneratedRow[] = [];
  const discounts: GeneratedRow[] = [];
  for (const g of orderItems(orderPlan, firstOrder, lastOrder)) {
    const when = at(Number(g.item['order_id']));
    items.push({ ...g.item, return_quantity: 0, returned_amount: '0.00', created_at: when, updated_at: when });
    if (g.discount !== null) discounts.push({ ...g.discount, applied_at: when, created_at: when, updated_at: when });
  }
  return {
    updates,
    inserts: { customers: newCustomers, orders, order_items: items, order_item_discounts: discounts },
    counts: {
      updated: updatedCustomers.length + repriced.length,
      inserted: newCustomers.length + orders.length + items.length + discounts.length,
      softDeleted: deletedCustomers.length + retired.length,
    },
  };
}
