import type { Row } from '../../engine/types';
import type { CompiledEntity } from './compile';

/** A source row the rules refused, with the reason: written to audit.etl_reject, never dropped. */
export interface RejectedRow {
  readonly sourceKey: string;
  readonly column: string | null;
  readonly rule: string | null;
  readonly reason: string;
}

export interface TransformedBatch {
  /**
   * Target rows in `targetColumns` order, then the lookups' natural keys, then (an entity with
   * `target.deleteSoftDeleted`) 1 for a soft-deleted source row else 0: ready for the stage.
   */
  readonly rows: unknown[][];
  readonly rejects: RejectedRow[];
  /** Loaded rows whose source is soft-deleted. */
  readonly softDeleted: number;
}

/** A lookup's natural key as the stage column takes it: dates from a timestamp keep the day. */
function naturalKey(value: unknown, type: 'bigint' | 'date'): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'date' && typeof value === 'string') return value.slice(0, 10);
  return value;
}

/**
 * Applies the rules to a page of source rows, in process. A soft-deleted row loads with the
 * active flag false (the dimension keeps the member for history) and counts as a soft delete.
 */
export function transformBatch(entity: CompiledEntity, page: readonly Row[]): TransformedBatch {
  const { definition: d, columns } = entity;
  const activeAt = d.target.activeColumn === undefined ? -1 : entity.targetColumns.findIndex((c) => c.name === d.target.activeColumn);
  const flagDeleted = d.target.deleteSoftDeleted !== undefined;
  const rows: unknown[][] = [];
  const rejects: RejectedRow[] = [];
  let softDeleted = 0;
  for (const row of page) {
    const out: unknown[] = new Array(entity.targetColumns.length + entity.lookups.length + (flagDeleted ? 1 : 0));
    let reject: RejectedRow | undefined;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      const outcome = c.rule.apply(row[c.source]);
      if (!outcome.ok) {
        reject = { sourceKey: String(row[d.source.key]), column: c.target, rule: c.rule.name, reason: outcome.reason };
        break;
      }
      if (c.required && (outcome.value === null || outcome.value === undefined)) {
        reject = { sourceKey: String(row[d.source.key]), column: c.target, rule: c.rule.name, reason: `required column ${c.target} is empty` };
        break;
      }
      out[i] = outcome.value;
    }
    if (reject !== undefined) {
      rejects.push(reject);
      continue;
    }
    const deleted = d.source.deletedAt !== undefined && row[d.source.deletedAt] !== null && row[d.source.deletedAt] !== undefined;
    if (deleted) softDeleted++;
    if (activeAt >= 0) {
      if (deleted) out[activeAt] = false;
      else if (activeAt >= columns.length) out[activeAt] = true;
    }
    // Natural keys for the merge's join; the dimension, not this process, resolves them.
    entity.lookups.forEach((l, i) => {
      out[entity.targetColumns.length + i] = naturalKey(row[l.source], l.stageType);
    });
    // A target that deletes them (a fact) gets the flag last: the stage's `__deleted`.
    if (flagDeleted) out[entity.targetColumns.length + entity.lookups.length] = deleted ? 1 : 0;
    rows.push(out);
  }
  return { rows, rejects, softDeleted };
}
