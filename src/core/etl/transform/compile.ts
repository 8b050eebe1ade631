import type { ColumnMeta, EtlDialect } from '../dialect/types';
import type { DefinitionProblem } from '../definition/errors';
import { EntityDefinitionError } from '../definition/errors';
import type { EntityDefinition } from '../definition/types';
import { findRule } from '../rules/catalogue';
import type { LookupRule, ScalarRule, ValueFamily } from '../rules/types';

export interface CompiledColumn {
  readonly source: string;
  readonly target: string;
  readonly rule: ScalarRule;
  readonly required: boolean;
  readonly meta: ColumnMeta;
}

/**
 * A surrogate-key lookup: the stage carries the source's natural key in `stageColumn`, and the
 * merge joins it to the dimension, with -1 (the unknown member) when nothing matches.
 */
export interface CompiledLookup {
  readonly source: string;
  readonly target: string;
  readonly rule: LookupRule;
  readonly stageColumn: string;
  /** The natural key's type, spelled alike in both dialects. */
  readonly stageType: 'bigint' | 'date';
}

/** A definition checked against the real source and target: ready to move data. */
export interface CompiledEntity {
  readonly definition: EntityDefinition;
  readonly columns: readonly CompiledColumn[];
  readonly lookups: readonly CompiledLookup[];
  /** Target columns in stage order: the mapped ones, then the active flag when it is not mapped. */
  readonly targetColumns: readonly ColumnMeta[];
  /** Dimension tables the lookups read: they load before this entity. */
  readonly dependsOn: readonly string[];
  /** Source columns the extract reads (derived ones excluded). */
  readonly sourceColumns: readonly string[];
}

/** Conversions a target column can take from a rule's output. */
function convertible(from: ValueFamily, to: ValueFamily): boolean {
  if (from === to || to === 'text') return true;
  const numeric: ValueFamily[] = ['integer', 'decimal'];
  if (numeric.includes(from) && numeric.includes(to)) return true;
  return (from === 'date' && to === 'timestamp') || (from === 'timestamp' && to === 'date');
}

/**
 * Checks a definition against the columns the source and target really have: every mapped
 * column exists, every rule can read its source and write its target. All problems are
 * reported at once, naming entity, column and rule, before any data moves.
 */
export function compileEntity(
  d: EntityDefinition,
  source: readonly ColumnMeta[],
  target: readonly ColumnMeta[],
  dialect: EtlDialect,
): CompiledEntity {
  const problems: DefinitionProblem[] = [];
  const at = { file: d.file, entity: d.entity };
  const src = new Map(source.map((c) => [c.name, c]));
  const tgt = new Map(target.map((c) => [c.name, c]));
  const derived = new Set((d.source.derived ?? []).map((x) => x.name));
  if (d.scd.type === 2 && target.length > 0) {
    for (const col of [d.scd.validFrom, d.scd.validTo, d.scd.isCurrent]) {
      if (!tgt.has(col)) problems.push({ ...at, column: col, message: `target table ${d.target.table} has no SCD2 column ${col}` });
    }
  }
  if (source.length === 0) problems.push({ ...at, message: `source table ${d.source.table} does not exist or has no columns` });
  if (target.length === 0) problems.push({ ...at, message: `target table ${d.target.table} does not exist or has no columns` });
  // The soft-delete column may be derived: an effective deleted-at (a discount of a deleted item).
  const deletedAt = d.source.deletedAt !== undefined && derived.has(d.source.deletedAt) ? undefined : d.source.deletedAt;
  for (const col of [d.source.key, d.source.updatedAt, deletedAt]) {
    if (col !== undefined && source.length > 0 && !src.has(col)) {
      problems.push({ ...at, column: col, message: `source table ${d.source.table} has no column ${col}` });
    }
  }
  const columns: CompiledColumn[] = [];
  const lookups: CompiledLookup[] = [];
  for (const m of d.columns) {
    const rule = findRule(m.rule);
    const here = { ...at, column: m.target, rule: m.rule };
    if (rule === undefined) {
      problems.push({ ...here, message: 'names a rule that is not in the catalogue' });
      continue;
    }
    const s = src.get(m.source);
    const t = tgt.get(m.target);
    if (s === undefined && !derived.has(m.source) && source.length > 0) {
      problems.push({ ...here, message: `maps source column ${m.source}, which ${d.source.table} does not have` });
    }
    if (rule.kind === 'lookup') {
      if (t === undefined && target.length > 0) problems.push({ ...here, message: `target table ${d.target.table} has no column ${m.target}` });
      const stageType = rule.match === 'date' ? 'date' : 'bigint';
      lookups.push({ source: m.source, target: m.target, rule, stageColumn: `__lk_${m.target}`, stageType });
      continue;
    }
    if (t === undefined) {
      if (target.length > 0) problems.push({ ...here, message: `target table ${d.target.table} has no column ${m.target}` });
      continue;
    }
    const sf = s === undefined ? undefined : dialect.family(s.dataType);
    if (s !== undefined && sf !== undefined && !rule.accepts.includes(sf)) {
      problems.push({ ...here, message: `cannot read source column ${m.source} of type ${s.dataType} (accepts ${rule.accepts.join(', ')})` });
    }
    const out = rule.produces === 'source' ? sf : rule.produces;
    const tf = dialect.family(t.dataType);
    if (out !== undefined && tf !== undefined && !convertible(out, tf)) {
      problems.push({ ...here, message: `produces ${out}, which target column ${m.target} of type ${t.dataType} cannot hold` });
    }
    columns.push({ source: m.source, target: m.target, rule, required: m.required ?? false, meta: t });
  }
  const active = d.target.activeColumn;
  const targetColumns = columns.map((c) => c.meta);
  if (active !== undefined && !columns.some((c) => c.target === active)) {
    const meta = tgt.get(active);
    if (meta === undefined) problems.push({ ...at, column: active, message: `target table ${d.target.table} has no active column ${active}` });
    else targetColumns.push(meta);
  }
  if (problems.length > 0) throw new EntityDefinitionError(problems);
  const sourceColumns = [...new Set([...columns, ...lookups].map((c) => c.source).filter((c) => !derived.has(c)))];
  if (deletedAt !== undefined) sourceColumns.push(deletedAt);
  const dependsOn = [...new Set(lookups.map((l) => l.rule.dimension.table).filter((t) => t !== d.target.table))];
  return { definition: d, columns, lookups, targetColumns, dependsOn, sourceColumns: [...new Set(sourceColumns)] };
}
