import type { Dialect } from '../../engine/types';

/** SQL that is the same in every dialect, or written once per dialect. */
export type PortableSql = string | Readonly<Record<Dialect, string>>;

/** A column computed set-based by the extract (aggregates, joined names), visible to the mapping. */
export interface DerivedColumn {
  readonly name: string;
  /** A scalar SQL expression over the source row, aliased `s` (e.g. a correlated subquery). */
  readonly sql: PortableSql;
}

/**
 * Another source table whose changes re-trigger rows of the entity (a customer's orders, an
 * order's items): its own (updated_at, key) window and watermark, mapped to the entity's keys.
 */
export interface EntityTrigger {
  /** Unique within the entity; names its watermark in ctl.etl_trigger_watermark. */
  readonly name: string;
  /** Schema-qualified table watched (`core.orders`). */
  readonly table: string;
  readonly key: string;
  readonly updatedAt: string;
  /**
   * A SELECT of one column: the entity's source keys due when the trigger row (aliased `t`)
   * changed, e.g. `SELECT t.customer_id` or `SELECT i.order_item_id FROM core.order_items i
   * WHERE i.order_id = t.order_id` (one to many).
   */
  readonly keys: PortableSql;
  /**
   * Remember per trigger row the keys it named when they were last loaded
   * (`ctl.etl_trigger_memory`, in the page's transaction) and re-trigger them as well: the
   * OLTP keeps no old value, so without it a row pointing elsewhere now (an order moved to
   * another customer) re-triggers only its new member. Integer keys only.
   */
  readonly remember?: boolean;
}

export interface EntitySource {
  /** Schema-qualified source table (`core.customers`). */
  readonly table: string;
  /** The source's identity key: the second half of the (updated_at, id) watermark. */
  readonly key: string;
  readonly updatedAt: string;
  /**
   * Soft-delete column (or derived column: an effective deleted-at): a row with it set loads with
   * the target's active flag false, or leaves a target with `deleteSoftDeleted`.
   */
  readonly deletedAt?: string;
  readonly derived?: readonly DerivedColumn[];
  /** Changes of other tables that re-trigger rows of this entity. */
  readonly triggers?: readonly EntityTrigger[];
}

export interface EntityTarget {
  /** Schema-qualified target table (`dim.dim_cliente`). */
  readonly table: string;
  /** Target column holding the source key: the merge matches on it. */
  readonly naturalKey: string;
  /** Boolean target column forced false for soft-deleted source rows. */
  readonly activeColumn?: string;
  /**
   * A target without an active flag (a fact): soft-deleted source rows are DELETED from it in the
   * batch transaction, after the rows of `dependents` that reference them through `key`.
   */
  readonly deleteSoftDeleted?: {
    readonly key: string;
    readonly dependents?: readonly { readonly table: string; readonly column: string }[];
  };
}

export type ScdPolicy =
  | { readonly type: 1 }
  | { readonly type: 2; readonly validFrom: string; readonly validTo: string; readonly isCurrent: string };

export interface ColumnMapping {
  /** Source column (or derived column) read. */
  readonly source: string;
  readonly target: string;
  /** A rule name from the catalogue (`src/core/etl/rules`). */
  readonly rule: string;
  /** A NULL after the rule rejects the row. */
  readonly required?: boolean;
}

/** One entity as its definition file (`etl/entities/<entity>.json`) states it. */
export interface EntityDefinition {
  readonly entity: string;
  readonly description?: string;
  readonly source: EntitySource;
  readonly target: EntityTarget;
  readonly scd: ScdPolicy;
  readonly columns: readonly ColumnMapping[];
  /**
   * When a dimension this entity looks up failed in the same run: 'skip' (default) does not
   * load the entity (its keys would resolve against a stale dimension); 'load' loads it anyway.
   */
  readonly onDependencyFailure?: 'skip' | 'load';
  /** The file it came from, for messages. */
  readonly file: string;
}
