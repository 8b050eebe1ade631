import { ascii } from './brazil';
import { COLORS, MATERIALS, SUBCATEGORIES, type Subcategory } from './catalog';
import { DAY_MS, money, seconds, utcDay, type GenerationPlan } from './plan';
import { rowRandom } from './random';
import type { GeneratedRow } from './row';

/** Rows of core.products and core.discount_campaigns. */

export interface ProductPricing {
  readonly listCents: number;
  readonly costCents: number;
}

function subcategoryOf(plan: GenerationPlan, productId: number): Subcategory {
  const sub = SUBCATEGORIES[rowRandom(plan.seed, 'product-subcategory', productId).int(0, SUBCATEGORIES.length - 1)];
  if (sub === undefined) throw new RangeError('no subcategory');
  return sub;
}

/**
 * Prices of every product, computed once per plan: two numbers per product (the catalogue is
 * 1k products per scale unit), so order items never rebuild product rows.
 */
const priceTables = new WeakMap<GenerationPlan, Int32Array>();

export function productPricing(plan: GenerationPlan, productId: number): ProductPricing {
  let table = priceTables.get(plan);
  if (table === undefined) {
    table = new Int32Array((plan.products + 1) * 2);
    priceTables.set(plan, table);
  }
  const at = productId * 2;
  if (productId <= plan.products && table[at] !== 0) return { listCents: table[at] ?? 0, costCents: table[at + 1] ?? 0 };
  const price = computePricing(plan, productId);
  if (productId <= plan.products) {
    table[at] = price.listCents;
    table[at + 1] = price.costCents;
  }
  return price;
}

/** A product's prices, from its own stream, so any product's price can be rebuilt alone. */
function computePricing(plan: GenerationPlan, productId: number): ProductPricing {
  const sub = subcategoryOf(plan, productId);
  const r = rowRandom(plan.seed, 'product-price', productId);
  // Prices end in ,90 as shop prices do.
  const listCents = Math.round(r.int(sub.priceCents[0], sub.priceCents[1]) / 100) * 100 - 10;
  const costCents = Math.round(listCents * (0.45 + r.next() * 0.3));
  return { listCents: Math.max(listCents, 99), costCents: Math.max(costCents, 50) };
}

export function productRow(plan: GenerationPlan, id: number): GeneratedRow {
  const r = rowRandom(plan.seed, 'products', id);
  const sub = subcategoryOf(plan, id);
  const price = productPricing(plan, id);
  const brand = r.pick(sub.brands);
  const model = `${String.fromCharCode(65 + r.int(0, 25))}${r.int(10, 999)}`;
  const status = r.weighted([['Ativo', 88], ['Inativo', 7], ['Descontinuado', 5]] as const);
  const launch = plan.periodStart.getTime() - r.int(0, 900) * DAY_MS;
  const created = launch - r.int(0, 60) * DAY_MS;
  const discontinued = status === 'Descontinuado' ? plan.periodStart.getTime() + r.int(30, 600) * DAY_MS : null;
  const updated = discontinued ?? (r.chance(0.5) ? created : plan.periodStart.getTime() + r.int(0, 700) * DAY_MS);
  const name = `${sub.item} ${brand} ${model}`;
  const min = r.int(5, 50);
  return {
    product_id: id,
    product_code: `PRD-${String(id).padStart(7, '0')}`,
    sku: `${sub.category.slice(0, 3).toUpperCase()}-${String(id).padStart(7, '0')}`,
    barcode: `789${r.digits(10)}`,
    product_name: name,
    short_description: `${sub.item} ${brand}, modelo ${model}.`,
    full_description: r.chance(0.7) ? `${name}. Produto da linha ${sub.name} da marca ${brand}, com garantia do fabricante.` : null,
    category_name: sub.category,
    subcategory_name: sub.name,
    product_line: r.pick(['Básica', 'Intermediária', 'Premium']),
    brand,
    manufacturer: `${brand} do Brasil`,
    supplier_id: r.int(1, plan.suppliers),
    country_origin: r.weighted([['Brasil', 70], ['China', 20], ['Estados Unidos', 5], ['Alemanha', 5]] as const),
    weight_kg: (r.int(50, 25_000) / 1000).toFixed(3),
    height_cm: (r.int(20, 2000) / 10).toFixed(2),
    width_cm: (r.int(20, 2000) / 10).toFixed(2),
    depth_cm: (r.int(10, 1000) / 10).toFixed(2),
    color: r.pick(COLORS),
    material: r.pick(MATERIALS),
    cost_price: money(price.costCents),
    list_price: money(price.listCents),
    suggested_margin_percent: (((price.listCents - price.costCents) / price.listCents) * 100).toFixed(2),
    is_perishable: sub.perishable === true,
    is_fragile: sub.fragile === true,
    requires_refrigeration: sub.refrigerated === true,
    minimum_age: sub.minimumAge ?? null,
    min_stock: min,
    max_stock: min * r.int(4, 20),
    reorder_days: r.int(3, 60),
    product_status: status,
    launch_date: utcDay(launch),
    discontinued_date: discontinued === null ? null : utcDay(discontinued),
    keywords: [sub.category, sub.name, brand].join(',').toLowerCase(),
    rating_avg: r.chance(0.85) ? (r.int(250, 500) / 100).toFixed(2) : null,
    rating_count: r.int(0, 5000),
    created_at: seconds(created),
    updated_at: seconds(updated),
    deleted_at: null,
  };
}

export function* productRows(plan: GenerationPlan): Generator<GeneratedRow> {
  for (let id = 1; id <= plan.products; id++) yield productRow(plan, id);
}

export interface CampaignTerms {
  readonly percent: number;
}

/** The share of an item's gross a campaign takes, from its own stream. */
export function campaignTerms(plan: GenerationPlan, discountId: number): CampaignTerms {
  return { percent: rowRandom(plan.seed, 'campaign-terms', discountId).int(5, 30) };
}

export function* campaignRows(plan: GenerationPlan): Generator<GeneratedRow> {
  const names = ['Black Friday', 'Dia das Mães', 'Dia dos Pais', 'Natal', 'Volta às Aulas', 'Aniversário da Loja', 'Liquida Verão', 'Cliente Fiel'];
  for (let id = 1; id <= plan.campaigns; id++) {
    const r = rowRandom(plan.seed, 'discount_campaigns', id);
    const terms = campaignTerms(plan, id);
    const title = r.pick(names);
    const start = plan.periodStart.getTime() + r.int(0, plan.months * 30 - 40) * DAY_MS;
    const end = start + r.int(7, 60) * DAY_MS;
    const created = start - r.int(1, 30) * DAY_MS;
    yield {
      discount_id: id,
      discount_code: `${ascii(title)}${terms.percent}-${id}`.replace(/[^A-Za-z0-9-]/g, '').toUpperCase(),
      campaign_name: `${title} ${new Date(start).getUTCFullYear()}`,
      description: `${terms.percent}% de desconto na campanha ${title}.`,
      discount_type: r.pick(['Cupom', 'Promocao', 'Fidelidade', 'Sazonal']),
      discount_method: 'Percentual',
      discount_value: money(terms.percent * 100),
      min_order_value: r.chance(0.5) ? money(r.int(50, 300) * 100) : null,
      max_discount_value: r.chance(0.5) ? money(r.int(50, 500) * 100) : null,
      max_uses_per_customer: r.chance(0.7) ? r.int(1, 5) : null,
      max_uses_total: r.chance(0.5) ? r.int(1000, 100_000) : null,
      apply_scope: 'Item',
      product_restriction: null,
      start_at: seconds(start),
      end_at: seconds(end),
      current_usage_count: 0,
      total_revenue_generated: '0.00',
      total_discount_given: '0.00',
      is_active: end > plan.periodEnd.getTime() - 30 * DAY_MS,
      approval_required: r.chance(0.1),
      is_stackable: false,
      created_at: seconds(created),
      updated_at: seconds(created),
      deleted_at: null,
    };
  }
}
