import type { Engine } from '../../../src/core/engine/types';
import { consumptionViews, dimensionTables, factTables, qualifiedName } from '../../../src/core/warehouse';

/**
 * Every built-in check's value by another formulation than the checks' own: NOT EXISTS instead
 * of an anti-join, a window count instead of GROUP BY/HAVING, a count by key instead of COUNT(*).
 */
export async function independentValues(db: Engine): Promise<Map<string, number>> {
  const d = db.dialect;
  const n = async (sql: string): Promise<number> => Number((await db.query<{ n: unknown }>(sql)).rows[0]?.n ?? NaN);
  const out = new Map<string, number>();
  for (const fact of factTables) {
    for (const fk of fact.foreignKeys ?? []) {
      const ref = qualifiedName({ schema: fk.references.schema, name: fk.references.table }, d);
      out.set(`fk_orphans.${fact.name.toLowerCase()}.${fk.column}`,
        await n(`SELECT COUNT(*) AS n FROM ${qualifiedName(fact, d)} f WHERE NOT EXISTS (SELECT 1 FROM ${ref} r WHERE r.${fk.references.column} = f.${fk.column})`));
    }
  }
  for (const table of [...dimensionTables, ...factTables]) {
    const key = table.unique?.[0];
    if (key === undefined) continue;
    const cols = key.join(', ');
    out.set(`duplicate_keys.${table.name.toLowerCase()}`,
      await n(`SELECT COUNT(DISTINCT ${key[0]}) AS n FROM (SELECT ${cols}, COUNT(*) OVER (PARTITION BY ${cols}) AS c FROM ${qualifiedName(table, d)}) x WHERE c > 1`));
  }
  for (const table of dimensionTables) {
    out.set(`coverage.${table.name.toLowerCase()}`, await n(`SELECT COUNT(${table.primaryKey}) - SUM(CASE WHEN ${table.primaryKey} = -1 THEN 1 ELSE 0 END) AS n FROM ${qualifiedName(table, d)}`));
  }
  for (const table of factTables) out.set(`coverage.${table.name.toLowerCase()}`, await n(`SELECT COUNT(${table.primaryKey}) AS n FROM ${qualifiedName(table, d)}`));
  for (const view of Object.values(consumptionViews)) out.set(`coverage.${view.name}`, await n(`SELECT COUNT(1) AS n FROM ${qualifiedName(view, d)}`));
  return out;
}
