import type { Engine } from '../engine/types';
import { requireTable } from '../warehouse/contract';
import { buildChangeSet, type ChangeSet, type ChangeSetOptions, type OltpExtent } from './changeSet';
import { identityInserts } from './identityInsert';
import { planFor, type GenerationPlan } from './plan';

/** Applies the deterministic incremental change set to the OLTP through the Engine. */
export class EmptyOltpError extends Error {
  constructor() {
    super('The OLTP has no customers, products or orders: load the base data (generator or seed scripts) before the incremental step.');
    this.name = 'EmptyOltpError';
  }
}

export interface IncrementalSummary {
  readonly updated: number;
  readonly inserted: number;
  readonly softDeleted: number;
}

interface Extent extends OltpExtent {
  readonly sellers: number;
  readonly campaigns: number;
}

const EXTENT_SQL = `SELECT
  (SELECT COALESCE(MAX(customer_id), 0) FROM core.customers) AS customers,
  (SELECT COALESCE(MAX(product_id), 0) FROM core.products) AS products,
  (SELECT COALESCE(MAX(order_id), 0) FROM core.orders) AS orders,
  (SELECT COALESCE(MAX(order_item_id), 0) FROM core.order_items) AS order_items,
  (SELECT COALESCE(MAX(order_item_discount_id), 0) FROM core.order_item_discounts) AS order_item_discounts,
  (SELECT COALESCE(MAX(seller_id), 0) FROM core.sellers) AS sellers,
  (SELECT COALESCE(MAX(discount_id), 0) FROM core.discount_campaigns) AS campaigns`;

async function readExtent(engine: Engine): Promise<Extent> {
  const r = await engine.query<Record<string, unknown>>(EXTENT_SQL);
  const row = r.rows[0] ?? {};
  const n = (k: string): number => Number(row[k] ?? 0);
  return {
    customers: n('customers'), products: n('products'), orders: n('orders'), orderItems: n('order_items'),
    orderItemDiscounts: n('order_item_discounts'), sellers: n('sellers'), campaigns: n('campaigns'),
  };
}

function planOver(seed: number, extent: Extent): GenerationPlan {
  return { ...planFor(1, seed), customers: extent.customers, products: extent.products, sellers: extent.sellers, campaigns: extent.campaigns };
}

/** Every statement of a change set, in the order they must run (referenced rows first). */
export function changeSetStatements(change: ChangeSet, dialect: 'sqlserver' | 'postgres'): string[] {
  return [
    ...change.updates,
    ...identityInserts(requireTable('core', 'customers'), change.inserts.customers, dialect),
    ...identityInserts(requireTable('core', 'orders'), change.inserts.orders, dialect),
    ...identityInserts(requireTable('core', 'order_items'), change.inserts.order_items, dialect),
    ...identityInserts(requireTable('core', 'order_item_discounts'), change.inserts.order_item_discounts, dialect),
  ];
}

/**
 * Updates, inserts and soft-deletes `fraction` of the OLTP's rows in one transaction, so the
 * incremental ETL has real work: ties on updated_at and rows inside the cutoff window included.
 */
export async function applyIncremental(engine: Engine, options: ChangeSetOptions): Promise<IncrementalSummary> {
  const extent = await readExtent(engine);
  if (extent.customers === 0 || extent.products === 0 || extent.sellers === 0 || extent.campaigns === 0) throw new EmptyOltpError();
  const change = buildChangeSet(planOver(options.seed, extent), extent, options, engine.dialect);
  const session = await engine.session();
  try {
    await session.transaction(async (tx) => {
      for (const sql of changeSetStatements(change, engine.dialect)) await tx.batch(sql);
    });
  } finally {
    await session.release();
  }
  return change.counts;
}
