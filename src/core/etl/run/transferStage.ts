import type { SqlType } from '../../engine/types';
import type { EtlDialect, MergeSpec } from '../dialect/types';
import type { CompiledEntity } from '../transform/compile';
import { mergeSpecOf } from './mergeSpec';
import { DELETED_COLUMN, NOT_DELETED } from './softDelete';

export interface TransferStage {
  readonly merge: MergeSpec;
  /** The stage's columns as bulk load writes them: target columns, lookups' natural keys, the deleted flag. */
  readonly bulkColumns: { readonly name: string; readonly type: SqlType; readonly nullable: boolean }[];
}

/**
 * The transfer plan's stage and merge for an entity: the rows transformed in process land in
 * `stage` (a session temp table) and one merge writes them. The main stream and the triggers'
 * pages use the same shape, each under its own stage name.
 */
export function transferStageOf(entity: CompiledEntity, d: EtlDialect, stage: string): TransferStage {
  const def = entity.definition;
  const deletes = def.target.deleteSoftDeleted !== undefined;
  return {
    merge: mergeSpecOf(entity, stage, deletes ? { trailing: [{ name: DELETED_COLUMN, type: 'int' }], filter: NOT_DELETED } : {}),
    bulkColumns: [
      ...entity.targetColumns.map((c) => ({ name: c.name, type: d.sqlType(c), nullable: true })),
      ...entity.lookups.map((l) => ({
        name: l.stageColumn,
        type: l.stageType === 'date' ? { kind: 'date' as const } : { kind: 'bigint' as const },
        nullable: true,
      })),
      ...(deletes ? [{ name: DELETED_COLUMN, type: { kind: 'int' as const }, nullable: true }] : []),
    ],
  };
}
