import type { EntityStatus, Watermark } from './control';
import type { RunStatus } from './audit';
import type { RunCutoff } from './cutoff';
import type { SnapshotStage } from '../../../protocol/monitor';

/** How a run moves data: rows through this process, or one in-server statement per batch. */
export type EtlPlan = 'transfer' | 'pushdown';

export interface EntityCounts {
  readonly extracted: number;
  readonly upserted: number;
  readonly softDeleted: number;
  readonly rejected: number;
  readonly batches: number;
}

/**
 * A connection snapshot the run took (audit.usp_capture_connection_snapshot, its rows linked to
 * the run by run_id and stage) at its start, its end, or its failure. `skipped`: the engine has no
 * server sessions to record (PGlite); `failed`: the procedure failed, and the run went on.
 */
export interface SnapshotOutcome {
  readonly stage: SnapshotStage;
  readonly status: 'captured' | 'skipped' | 'failed';
  /** Why it was skipped or failed, with what to do about it. */
  readonly reason?: string;
}

/**
 * What a run reports as it goes: the VS Code task terminal, the entity tree and the monitor
 * subscribe to these. Every event carries the run id of `audit.etl_run`.
 */
export type EtlEvent =
  | {
    readonly type: 'run-start';
    readonly runId: number;
    readonly entities: readonly string[];
    /** The run's one cutoff (every entity reads up to it), and what bounded it. */
    readonly cutoff?: RunCutoff;
  }
  | {
    readonly type: 'entity-start';
    readonly runId: number;
    readonly entity: string;
    readonly plan: EtlPlan;
    /** The pushdown reads the source from this database of the target's server. */
    readonly sourceDatabase?: string;
    readonly watermark: Watermark;
    readonly cutoff: string;
    readonly batchSize: number;
  }
  | {
    readonly type: 'batch';
    readonly runId: number;
    readonly entity: string;
    /** 1-based batch number within the entity. */
    readonly batch: number;
    readonly rows: number;
    readonly upserted: number;
    readonly softDeleted: number;
    readonly rejected: number;
    readonly rowsPerSecond: number;
    /** The watermark committed with this batch. */
    readonly watermark: Watermark;
    /**
       * A trigger's page (rows re-triggered by changes of another table): the trigger and the
       * watermark it committed; `watermark` is then the entity's own, unchanged.
       */
    readonly trigger?: { readonly name: string; readonly watermark: Watermark };
  }
  | {
    readonly type: 'entity-end';
    readonly runId: number;
    readonly entity: string;
    readonly status: EntityStatus;
    readonly counts: EntityCounts;
    readonly watermark: Watermark;
    readonly seconds: number;
    readonly error?: string;
    /** The entity did not run: a dimension it looks up failed in this run. */
    readonly skippedBecause?: string;
  }
  | ({ readonly type: 'snapshot'; readonly runId: number } & SnapshotOutcome)
  | {
    readonly type: 'run-end';
    readonly runId: number;
    readonly status: RunStatus;
    readonly succeeded: number;
    readonly failed: number;
    readonly seconds: number;
    readonly error?: string;
  };

/** Points a test can stop the run at (fault injection); each is awaited before the phase runs. */
export type EtlPhase = 'extract' | 'stage' | 'merge' | 'commit' | 'committed';

export interface EtlPhaseInfo {
  readonly entity: string;
  readonly batch: number;
  /** Server process id of the target session (the connection holding the transaction). */
  readonly targetProcessId: number | undefined;
  /** Set for a trigger's page (`batch` then counts that trigger's pages from 1). */
  readonly trigger?: string;
}
