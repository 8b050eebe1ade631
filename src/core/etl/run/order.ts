import type { CompiledEntity } from '../transform/compile';

/**
 * Entities in load order: an entity whose lookups read another requested entity's target table
 * (a fact's dimensions, dim_vendedor's dim_equipe) runs after it, so its keys resolve in the
 * same run. Otherwise the requested order is kept. A lookup into the entity's own table
 * (dim_vendedor's manager) is no dependency. Cycles cannot be ordered: they keep their order.
 */
export function loadOrder(entities: readonly CompiledEntity[]): CompiledEntity[] {
  const byTable = new Map(entities.map((e) => [e.definition.target.table, e]));
  const done = new Set<CompiledEntity>();
  const visiting = new Set<CompiledEntity>();
  const out: CompiledEntity[] = [];
  const visit = (e: CompiledEntity): void => {
    if (done.has(e) || visiting.has(e)) return;
    visiting.add(e);
    for (const table of e.dependsOn) {
      const dep = byTable.get(table);
      if (dep !== undefined) visit(dep);
    }
    visiting.delete(e);
    done.add(e);
    out.push(e);
  };
  for (const e of entities) visit(e);
  return out;
}
