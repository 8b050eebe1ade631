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

/** The source's and target's real columns, by name. */
interface Tables {
  readonly source: ReadonlyMap<string, ColumnMeta>;
  readonly target: ReadonlyMap<string, ColumnMeta>;
  /** Source columns the definition derives with SQL (not in the source table). */
  readonly derived: ReadonlySet<string>;
}

function tablesOf(d: EntityDefinition, source: readonly ColumnMeta[], target: readonly ColumnMeta[]): Tables {
  return {
    source: new Map(source.map((c) => [c.name, c])),
    target: new Map(target.map((c) => [c.name, c])),
    derived: new Set((d.source.derived ?? []).map((x) => x.name)),
  };
}

/** The soft-delete column the extract reads; a derived one (an effective deleted-at) is computed, not read. */
function deletedAtOf(d: EntityDefinition, t: Tables): string | undefined {
  return d.source.deletedAt !== undefined && t.derived.has(d.source.deletedAt) ? undefined : d.source.deletedAt;
}

/** Problems of the tables themselves: missing tables, SCD2 columns, key, watermark and soft-delete columns. */
function tableProblems(d: EntityDefinition, t: Tables): DefinitionProblem[] {
  const at = { file: d.file, entity: d.entity };
  const problems: DefinitionProblem[] = [];
  if (d.scd.type === 2 && t.target.size > 0) {
    for (const col of [d.scd.validFrom, d.scd.validTo, d.scd.isCurrent]) {
      if (!t.target.has(col)) problems.push({ ...at, column: col, message: `target table ${d.target.table} has no SCD2 column ${col}` });
    }
  }
  if (t.source.size === 0) problems.push({ ...at, message: `source table ${d.source.table} does not exist or has no columns` });
  if (t.target.size === 0) problems.push({ ...at, message: `target table ${d.target.table} does not exist or has no columns` });
  for (const col of [d.source.key, d.source.updatedAt, deletedAtOf(d, t)]) {
    if (col !== undefined && t.source.size > 0 && !t.source.has(col)) {
      problems.push({ ...at, column: col, message: `source table ${d.source.table} has no column ${col}` });
    }
  }
  return problems;
}

/** Problems of one mapped column: its rule, its source and target columns, and the types between them. */
function columnProblems(d: EntityDefinition, m: EntityDefinition['columns'][number], t: Tables, dialect: EtlDialect): DefinitionProblem[] {
  const here = { file: d.file, entity: d.entity, column: m.target, rule: m.rule };
  const rule = findRule(m.rule);
  if (rule === undefined) return [{ ...here, message: 'names a rule that is not in the catalogue' }];
  const problems: DefinitionProblem[] = [];
  const s = t.source.get(m.source);
  const tc = t.target.get(m.target);
  if (s === undefined && !t.derived.has(m.source) && t.source.size > 0) {
    problems.push({ ...here, message: `maps source column ${m.source}, which ${d.source.table} does not have` });
  }
  if (tc === undefined) {
    if (t.target.size > 0) problems.push({ ...here, message: `target table ${d.target.table} has no column ${m.target}` });
    return problems;
  }
  if (rule.kind === 'lookup') return problems;
  const sf = s === undefined ? undefined : dialect.family(s.dataType);
  if (s !== undefined && sf !== undefined && !rule.accepts.includes(sf)) {
    problems.push({ ...here, message: `cannot read source column ${m.source} of type ${s.dataType} (accepts ${rule.accepts.join(', ')})` });
  }
  const out = rule.produces === 'source' ? sf : rule.produces;
  const tf = dialect.family(tc.dataType);
  if (out !== undefined && tf !== undefined && !convertible(out, tf)) {
    problems.push({ ...here, message: `produces ${out}, which target column ${m.target} of type ${tc.dataType} cannot hold` });
  }
  return problems;
}

/** The active flag, when the definition names one that no mapping writes: it must be in the target. */
function activeProblems(d: EntityDefinition, t: Tables): DefinitionProblem[] {
  const active = d.target.activeColumn;
  if (active === undefined || d.columns.some((c) => c.target === active) || t.target.has(active)) return [];
  return [{ file: d.file, entity: d.entity, column: active, message: `target table ${d.target.table} has no active column ${active}` }];
}

/**
 * Every problem of a definition against the columns the source and target really have, naming
 * entity, column and rule: every mapped column exists, every rule can read its source and write
 * its target.
 */
export function definitionProblems(
  d: EntityDefinition,
  source: readonly ColumnMeta[],
  target: readonly ColumnMeta[],
  dialect: EtlDialect,
): DefinitionProblem[] {
  const t = tablesOf(d, source, target);
  return [...tableProblems(d, t), ...d.columns.flatMap((m) => columnProblems(d, m, t, dialect)), ...activeProblems(d, t)];
}

/**
 * Checks a definition (definitionProblems: all problems at once, before any data moves) and
 * compiles it: the columns with their rules, the lookups with their stage columns, what the
 * extract reads and which dimensions load first.
 */
export function compileEntity(
  d: EntityDefinition,
  source: readonly ColumnMeta[],
  target: readonly ColumnMeta[],
  dialect: EtlDialect,
): CompiledEntity {
  const problems = definitionProblems(d, source, target, dialect);
  if (problems.length > 0) throw new EntityDefinitionError(problems);
  const t = tablesOf(d, source, target);
  const columns: CompiledColumn[] = [];
  const lookups: CompiledLookup[] = [];
  for (const m of d.columns) {
    const rule = findRule(m.rule) as ScalarRule | LookupRule;
    if (rule.kind === 'lookup') {
      lookups.push({ source: m.source, target: m.target, rule, stageColumn: `__lk_${m.target}`, stageType: rule.match === 'date' ? 'date' : 'bigint' });
    } else {
      columns.push({ source: m.source, target: m.target, rule, required: m.required ?? false, meta: t.target.get(m.target) as ColumnMeta });
    }
  }
  const active = d.target.activeColumn;
  const targetColumns = columns.map((c) => c.meta);
  if (active !== undefined && !columns.some((c) => c.target === active)) targetColumns.push(t.target.get(active) as ColumnMeta);
  const deletedAt = deletedAtOf(d, t);
  const read = [...columns, ...lookups].map((c) => c.source).filter((c) => !t.derived.has(c));
  const sourceColumns = [...new Set([...read, ...(deletedAt === undefined ? [] : [deletedAt])])];
  const dependsOn = [...new Set(lookups.map((l) => l.rule.dimension.table).filter((x) => x !== d.target.table))];
  return { definition: d, columns, lookups, targetColumns, dependsOn, sourceColumns };
}
