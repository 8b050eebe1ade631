import { oltpTables } from '../warehouse/oltpTables';
import type { TableSpec } from '../warehouse/spec';
import { customerRows, regionRows, sellerRows, supplierRows, teamRows } from './people';
import type { GenerationPlan } from './plan';
import { campaignRows, productRows } from './products';
import { toColumns, type GeneratedRow } from './row';
import { orderItemDiscountRows, orderItemRows, orderRows, sellerTargetRows } from './sales';

/** Each OLTP table with its row source, in load order (referenced tables first). */
export interface GeneratedTable {
  readonly spec: TableSpec;
  readonly columns: readonly string[];
  rows(plan: GenerationPlan): Iterable<unknown[]>;
}

const sources: Readonly<Record<string, (plan: GenerationPlan) => Iterable<GeneratedRow>>> = {
  regions: regionRows,
  suppliers: supplierRows,
  customers: (p) => customerRows(p),
  products: productRows,
  teams: teamRows,
  sellers: sellerRows,
  discount_campaigns: campaignRows,
  orders: (p) => orderRows(p),
  order_items: (p) => orderItemRows(p),
  order_item_discounts: (p) => orderItemDiscountRows(p),
  seller_targets_monthly: sellerTargetRows,
};

function* ordered(source: Iterable<GeneratedRow>, columns: readonly string[]): Generator<unknown[]> {
  for (const row of source) yield toColumns(row, columns);
}

export const generatedTables: readonly GeneratedTable[] = oltpTables.map((spec) => {
  const source = sources[spec.name];
  if (source === undefined) throw new Error(`No generator for core.${spec.name}.`);
  const columns = spec.columns.map((c) => c.name);
  return { spec, columns, rows: (plan: GenerationPlan) => ordered(source(plan), columns) };
});
