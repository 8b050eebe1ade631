import type { QueryOptions, Queryable } from '../../engine/types';
import type { EtlDialect, MergeSpec } from '../dialect/types';
import { noteUnresolved, noteUnresolvedSql } from './lateMembers';

/** Writes one staged batch into the target; resolves with the members inserted or changed. */
export type BatchMerge = (tx: Queryable, options: QueryOptions) => Promise<number>;

const numberOf = (rows: readonly Record<string, unknown>[], column: string): number => Number(rows[0]?.[column] ?? 0);

/**
 * The batch's write, SQL built once per entity. SCD type 1: the upsert, then self-lookups.
 * SCD type 2: close the changed current versions, then insert a current version for every
 * member without one; both in the caller's batch transaction, so a crash leaves neither.
 * Type 1 with lookups: the rows left on -1 with a natural key are noted for re-resolution
 * (`lateMembers.ts`), in the same transaction.
 */
export function batchMerge(d: EtlDialect, m: MergeSpec, entity: string): BatchMerge {
  if (m.history !== undefined) {
    const close = d.scd2CloseSql(m);
    const insert = d.scd2InsertSql(m);
    return async (tx, options) => {
      await tx.query(close, [], options);
      return numberOf((await tx.query<Record<string, unknown>>(insert, [], options)).rows, 'n');
    };
  }
  const merge = d.mergeSql(m);
  const selfLookup = d.selfLookupSql(m);
  const notes = noteUnresolvedSql(d, m, entity);
  return async (tx, options) => {
    const r = await tx.query<Record<string, unknown>>(merge, [], options);
    if (selfLookup !== undefined) await tx.query(selfLookup, [], options);
    await noteUnresolved(tx, notes, options);
    return numberOf(r.rows, 'inserted') + numberOf(r.rows, 'updated');
  };
}
