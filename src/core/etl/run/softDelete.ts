import type { QueryOptions, Queryable } from '../../engine/types';
import type { EntityDefinition } from '../definition/types';
import type { EtlDialect } from '../dialect/types';

/** Stage column flagging a soft-deleted source row (1) in both plans' stages. */
export const DELETED_COLUMN = '__deleted';

/** Merge filter of an entity that deletes: soft-deleted rows are not upserted, they are deleted. */
export const NOT_DELETED = `${DELETED_COLUMN} = 0`;

/**
 * The statements removing the batch's soft-deleted rows from a target without an active flag
 * (`target.deleteSoftDeleted`), in order: each dependent's rows referencing them first (its
 * foreign key), then the target rows. Portable: the same text in PostgreSQL and T-SQL, over
 * the stage as the dialect names it (`pg_temp` table / `#` table). `accepted` limits them to
 * the stage rows the rules accepted (the pushdown's rejects stay in its stage).
 */
export function softDeleteSql(def: EntityDefinition, d: EtlDialect, stage: string, accepted?: string): string[] {
  const del = def.target.deleteSoftDeleted;
  if (del === undefined) return [];
  const nk = d.ident(def.target.naturalKey);
  const where = `s.${d.ident(DELETED_COLUMN)} = 1${accepted === undefined ? '' : ` AND ${accepted}`}`;
  const keys = `SELECT s.${nk} FROM ${d.stageTable(stage)} s WHERE ${where}`;
  return [
    ...(del.dependents ?? []).map(
      (x) => `DELETE FROM ${d.table(x.table)} WHERE ${d.ident(x.column)} IN (SELECT t.${d.ident(del.key)} FROM ${d.table(def.target.table)} t
      WHERE t.${nk} IN (${keys}))`,
    ),
    `DELETE FROM ${d.table(def.target.table)} WHERE ${nk} IN (${keys})`,
  ];
}

/** Runs `softDeleteSql` in the batch transaction; the target rows deleted. */
export async function deleteSoftDeleted(tx: Queryable, statements: readonly string[], opts: QueryOptions): Promise<number> {
  let deleted = 0;
  for (const sql of statements) deleted = (await tx.query(sql, [], opts)).rowsAffected;
  return deleted;
}
