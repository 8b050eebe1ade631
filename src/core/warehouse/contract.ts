import { controlTables } from './controlTables';
import { dimensionTables, factTables } from './dwTables';
import { oltpTables } from './oltpTables';
import type { TableSpec } from './spec';

/** Every table the warehouse scripts create, in creation order (references before referrers). */
export const warehouseContract: readonly TableSpec[] = [
  ...oltpTables,
  ...dimensionTables,
  ...factTables,
  ...controlTables,
];

export function findTable(schema: string, name: string): TableSpec | undefined {
  const s = schema.toLowerCase();
  const n = name.toLowerCase();
  return warehouseContract.find((tb) => tb.schema.toLowerCase() === s && tb.name.toLowerCase() === n);
}

export function requireTable(schema: string, name: string): TableSpec {
  const table = findTable(schema, name);
  if (table === undefined) throw new RangeError(`${schema}.${name} is not a table of the warehouse contract.`);
  return table;
}
