import { findRule } from '../rules/catalogue';
import type { DefinitionProblem } from './errors';
import type { EntityDefinition } from './types';

/** Checks a definition needs no database for: rules exist, keys are mapped, no target twice. */
export function checkDefinition(d: EntityDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const at = { file: d.file, entity: d.entity };
  const targets = new Set<string>();
  for (const c of d.columns) {
    const rule = findRule(c.rule);
    if (rule === undefined) {
      problems.push({ ...at, column: c.target, rule: c.rule, message: 'names a rule that is not in the catalogue' });
    }
    if (targets.has(c.target)) problems.push({ ...at, column: c.target, message: 'is mapped twice' });
    targets.add(c.target);
  }
  const key = d.columns.find((c) => c.target === d.target.naturalKey);
  if (key === undefined || key.source !== d.source.key) {
    problems.push({
      ...at,
      column: d.target.naturalKey,
      message: `the natural key must be mapped from the source key ${d.source.key} with rule direto`,
    });
  } else if (key.rule !== 'direto') {
    problems.push({ ...at, column: key.target, rule: key.rule, message: 'the natural key must use rule direto' });
  }
  if (d.target.activeColumn !== undefined && d.source.deletedAt === undefined) {
    problems.push({ ...at, column: d.target.activeColumn, message: 'an active column needs source.deletedAt' });
  }
  if (d.target.deleteSoftDeleted !== undefined) {
    const at2 = { ...at, column: d.target.deleteSoftDeleted.key };
    if (d.source.deletedAt === undefined) problems.push({ ...at2, message: 'deleteSoftDeleted needs source.deletedAt' });
    if (d.target.activeColumn !== undefined) problems.push({ ...at2, message: 'deleteSoftDeleted and activeColumn exclude each other' });
    if (d.scd.type === 2) problems.push({ ...at2, message: 'deleteSoftDeleted needs SCD type 1' });
  }
  const triggers = new Set<string>();
  for (const t of d.source.triggers ?? []) {
    if (triggers.has(t.name)) problems.push({ ...at, trigger: t.name, message: 'is a trigger name used twice' });
    triggers.add(t.name);
  }
  if (d.scd.type === 2) {
    for (const col of [d.scd.validFrom, d.scd.validTo, d.scd.isCurrent]) {
      if (targets.has(col)) problems.push({ ...at, column: col, message: 'an SCD2 column is maintained by the ETL and must not be mapped' });
    }
  }
  return problems;
}
