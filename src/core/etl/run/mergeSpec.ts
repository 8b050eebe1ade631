import type { MergeLookup, MergeSpec } from '../dialect/types';
import type { CompiledEntity } from '../transform/compile';

type StageColumn = { readonly name: string; readonly type: string };

/** The lookups' stage columns (natural keys) and how the merge resolves them. */
export function lookupsOf(entity: CompiledEntity): {
  readonly extra: readonly StageColumn[];
  readonly lookups: readonly MergeLookup[];
} {
  return {
    extra: entity.lookups.map((l) => ({ name: l.stageColumn, type: l.stageType })),
    lookups: entity.lookups.map((l) => ({ target: l.target, stageColumn: l.stageColumn, keyType: l.stageType, ...l.rule.dimension })),
  };
}

/** The SCD2 columns of the merge, when the entity keeps history. */
export function historyOf(entity: CompiledEntity): Pick<MergeSpec, 'history'> {
  const scd = entity.definition.scd;
  return scd.type === 2 ? { history: { validFrom: scd.validFrom, validTo: scd.validTo, isCurrent: scd.isCurrent } } : {};
}

/**
 * The merge of an entity's stage into its target: the one builder of both plans. The stage holds
 * the target columns, then `leading` plan columns, the lookups' natural keys and `trailing` ones;
 * `filter` (over the stage) picks the rows the merge writes.
 */
export function mergeSpecOf(
  entity: CompiledEntity,
  stage: string,
  plan: { readonly leading?: readonly StageColumn[]; readonly trailing?: readonly StageColumn[]; readonly filter?: string } = {},
): MergeSpec {
  const def = entity.definition;
  const { extra, lookups } = lookupsOf(entity);
  return {
    target: def.target.table,
    stage,
    naturalKey: def.target.naturalKey,
    columns: entity.targetColumns.map((c) => c.name),
    extra: [...(plan.leading ?? []), ...extra, ...(plan.trailing ?? [])],
    lookups,
    ...(plan.filter === undefined ? {} : { filter: plan.filter }),
    ...historyOf(entity),
    types: Object.fromEntries(entity.targetColumns.map((c) => [c.name, c.dataType])),
  };
}
