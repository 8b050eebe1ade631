import { cityOf } from './people';
import { DAY_MS, money, seconds, utcDay, type GenerationPlan } from './plan';
import { campaignTerms, productPricing } from './products';
import { rowRandom, type Random } from './random';
import type { GeneratedRow } from './row';

/** Rows of core.orders, core.order_items, core.order_item_discounts, core.seller_targets_monthly. */

type OrderStatus = 'Pendente' | 'Confirmado' | 'Faturado' | 'Enviado' | 'Entregue' | 'Cancelado' | 'Devolvido';

export interface OrderHeader {
  readonly row: GeneratedRow;
  readonly orderDate: number;
  readonly updatedAt: number;
  readonly status: OrderStatus;
  readonly itemCount: number;
  readonly hasSeller: boolean;
}

const HOUR_MS = 3_600_000;

// Weighted choices, built once (not per row).
const STATUS_WEIGHTS = [
  ['Entregue', 60], ['Enviado', 8], ['Faturado', 5], ['Confirmado', 5], ['Pendente', 5], ['Cancelado', 10], ['Devolvido', 7],
] as const;
const CHANNEL_WEIGHTS = [['Site', 45], ['App', 30], ['Marketplace', 15], ['Loja Fisica', 6], ['Televendas', 4]] as const;
const ITEM_COUNT_WEIGHTS = [[1, 35], [2, 25], [3, 20], [4, 20]] as const;
const PAYMENT_METHOD_WEIGHTS = [['Pix', 40], ['Cartao de Credito', 40], ['Boleto', 10], ['Cartao de Debito', 10]] as const;
const QUANTITY_WEIGHTS = [[1, 70], [2, 18], [3, 8], [5, 4]] as const;

/** An order's draws that its items depend on; the header row is built from them on demand. */
interface OrderFacts {
  readonly r: Random;
  readonly customerId: number;
  readonly orderDate: number;
  readonly status: OrderStatus;
  readonly channel: string;
  readonly hasSeller: boolean;
  readonly approved: number | null;
  readonly shipped: number | null;
  readonly delivered: number | null;
  readonly cancelled: number | null;
  readonly updatedAt: number;
  readonly payment: string;
  readonly itemCount: number;
}

/**
 * The draws of order `id` up to its item count, in the stream's order. The header row draws
 * more from the same stream afterwards (`orderHeader`); the items need only these, so
 * generating items does not build (or allocate) the header row again.
 */
function orderFacts(plan: GenerationPlan, id: number): OrderFacts {
  const r = rowRandom(plan.seed, 'orders', id);
  const customerId = r.int(1, plan.customers);
  const span = plan.periodEnd.getTime() - plan.periodStart.getTime();
  const orderDate = plan.periodStart.getTime() + Math.floor(r.next() * span);
  const status = r.weighted(STATUS_WEIGHTS);
  const channel = r.weighted(CHANNEL_WEIGHTS);
  const hasSeller = channel === 'Loja Fisica' || channel === 'Televendas' || r.chance(0.6);
  const approved = status === 'Pendente' ? null : orderDate + r.int(1, 48) * HOUR_MS;
  const shipped = (status === 'Enviado' || status === 'Entregue' || status === 'Devolvido') && approved !== null ? approved + r.int(1, 72) * HOUR_MS : null;
  const delivered = (status === 'Entregue' || status === 'Devolvido') && shipped !== null ? shipped + r.int(1, 10) * DAY_MS : null;
  const cancelled = status === 'Cancelado' ? orderDate + r.int(1, 96) * HOUR_MS : null;
  const updatedAt = Math.min(plan.periodEnd.getTime(), Math.max(orderDate, approved ?? 0, shipped ?? 0, delivered ?? 0, cancelled ?? 0));
  const payment = status === 'Pendente' ? 'Pendente' : status === 'Cancelado' ? r.pick(['Recusado', 'Estornado'] as const) : status === 'Devolvido' ? 'Estornado' : 'Aprovado';
  const itemCount = r.weighted(ITEM_COUNT_WEIGHTS);
  return { r, customerId, orderDate, status, channel, hasSeller, approved, shipped, delivered, cancelled, updatedAt, payment, itemCount };
}

export function orderHeader(plan: GenerationPlan, id: number): OrderHeader {
  const f = orderFacts(plan, id);
  const { r, orderDate, status, hasSeller } = f;
  const region = cityOf(plan, f.customerId) + 1;
  const year = new Date(orderDate).getUTCFullYear();
  const clamp = (t: number | null): Date | null => (t === null ? null : seconds(Math.min(t, plan.periodEnd.getTime())));
  return {
    orderDate,
    updatedAt: f.updatedAt,
    status,
    hasSeller,
    itemCount: f.itemCount,
    row: {
      order_id: id,
      order_number: `PED-${year}-${String(id).padStart(9, '0')}`,
      customer_id: f.customerId,
      seller_id: hasSeller ? r.int(1, plan.sellers) : null,
      region_id: region,
      order_status: status,
      payment_status: f.payment,
      payment_method: r.weighted(PAYMENT_METHOD_WEIGHTS),
      order_date: seconds(orderDate),
      approved_at: clamp(f.approved),
      shipped_at: clamp(f.shipped),
      delivered_at: clamp(f.delivered),
      cancelled_at: clamp(f.cancelled),
      sales_channel: f.channel,
      currency_code: 'BRL',
      notes: r.chance(0.05) ? 'Entregar em horário comercial.' : null,
      created_at: seconds(orderDate),
      updated_at: seconds(f.updatedAt),
      deleted_at: null,
    },
  };
}

export function* orderRows(plan: GenerationPlan, first = plan.firstOrderId, last = plan.orders): Generator<GeneratedRow> {
  for (let id = first; id <= last; id++) yield orderHeader(plan, id).row;
}

export interface GeneratedItem {
  readonly item: GeneratedRow;
  /** The discount applied to the item, when it had one. */
  readonly discount: GeneratedRow | null;
}

/** The items of every order in [first, last], with their discounts, ids in order. */
export function* orderItems(plan: GenerationPlan, first = plan.firstOrderId, last = plan.orders): Generator<GeneratedItem> {
  let itemId = plan.firstOrderItemId;
  let discountId = plan.firstOrderItemDiscountId;
  for (let orderId = first; orderId <= last; orderId++) {
    const header = orderFacts(plan, orderId);
    const r = rowRandom(plan.seed, 'order_items', orderId);
    for (let n = 0; n < header.itemCount; n++) {
      const productId = r.int(1, plan.products);
      const price = productPricing(plan, productId);
      const quantity = r.weighted(QUANTITY_WEIGHTS);
      const gross = price.listCents * quantity;
      const campaign = r.chance(0.25) ? r.int(1, plan.campaigns) : null;
      const discount = campaign === null ? 0 : Math.round((gross * campaignTerms(plan, campaign).percent) / 100);
      const net = gross - discount;
      const returned = header.status === 'Devolvido' ? quantity : r.chance(0.02) ? 1 : 0;
      const commission = header.hasSeller ? r.int(1, 5) : null;
      const created = seconds(header.orderDate);
      const updated = seconds(header.updatedAt);
      const id = itemId++;
      yield {
        item: {
          order_item_id: id,
          order_id: orderId,
          product_id: productId,
          quantity,
          unit_price: money(price.listCents),
          gross_amount: money(gross),
          discount_amount: money(discount),
          net_amount: money(net),
          cost_amount: money(price.costCents * quantity),
          return_quantity: returned,
          returned_amount: money(Math.round((net * returned) / quantity)),
          commission_percent: commission === null ? null : `${commission}.00`,
          commission_amount: commission === null ? null : money(Math.round((net * commission) / 100)),
          had_discount: campaign !== null,
          created_at: created,
          updated_at: updated,
          deleted_at: null,
        },
        discount: campaign === null ? null : {
          order_item_discount_id: discountId++,
          order_item_id: id,
          discount_id: campaign,
          application_level: 'Item',
          discount_amount: money(discount),
          base_amount: money(gross),
          final_amount: money(net),
          applied_at: created,
          approved: true,
          rejection_reason: null,
          created_at: created,
          updated_at: created,
          deleted_at: null,
        },
      };
    }
  }
}

export function* orderItemRows(plan: GenerationPlan, first?: number, last?: number): Generator<GeneratedRow> {
  for (const g of orderItems(plan, first, last)) yield g.item;
}

export function* orderItemDiscountRows(plan: GenerationPlan, first?: number, last?: number): Generator<GeneratedRow> {
  for (const g of orderItems(plan, first, last)) if (g.discount !== null) yield g.discount;
}

export function* sellerTargetRows(plan: GenerationPlan): Generator<GeneratedRow> {
  let id = 1;
  for (let sellerId = 1; sellerId <= plan.sellers; sellerId++) {
    for (let m = 0; m < plan.months; m++) {
      const r = rowRandom(plan.seed, 'seller_targets_monthly', sellerId * 1000 + m);
      const month = Date.UTC(plan.periodStart.getUTCFullYear(), plan.periodStart.getUTCMonth() + m, 1);
      const target = r.int(20, 200) * 100_000;
      const realized = Math.round(target * (0.5 + r.next() * 0.8));
      const quantity = r.int(20, 300);
      const closedAt = Date.UTC(new Date(month).getUTCFullYear(), new Date(month).getUTCMonth() + 1, 2);
      const closed = closedAt <= plan.periodEnd.getTime();
      const at = seconds(Math.min(closed ? closedAt : month, plan.periodEnd.getTime()));
      yield {
        seller_target_id: id++,
        seller_id: sellerId,
        target_month: utcDay(month),
        period_type: 'Mensal',
        target_amount: money(target),
        target_quantity: quantity,
        realized_amount: money(realized),
        realized_quantity: Math.round(quantity * (realized / target)),
        period_closed: closed,
        created_at: seconds(month),
        updated_at: at,
        deleted_at: null,
      };
    }
  }
}
