import type { Engine, SqlParam } from '../../engine/types';
import { etlDialect } from '../dialect';
import type { EntityDefinition } from '../definition/types';
import { INITIAL_WATERMARK, isInitialWatermark, readControls, type Watermark } from '../run/control';
import { UnknownEntityError } from '../run/errors';
import type { EtlPlan } from '../run/events';
import { DEFAULT_CUTOFF_MINUTES, runCutoff, runCutoffMinutes, type RunCutoff } from '../run/cutoff';
import { resolvePlan } from '../run/plan';
import { readTriggerWatermarks } from '../run/triggerControl';

/** What a run would do for one entity, read without writing anything. */
export interface EntityRunPlan {
  readonly entity: string;
  readonly plan: EtlPlan;
  /** The window: rows after `from` and up to `cutoff` (the run's, shared by every entity), ordered by (updated_at, id). */
  readonly from: Watermark;
  readonly cutoff: string;
  /** The entity's own cutoff_minutes; the run uses the largest of its entities' (`runCutoff`). */
  readonly cutoffMinutes: number;
  /** The run's one cutoff, as a real run of the same entities would compute it now. */
  readonly runCutoff: RunCutoff;
  readonly runCutoffMinutes: number;
  readonly batchSize: number;
  readonly isActive: boolean;
  /** False when ctl.etl_control has no row yet (a run registers it with the defaults shown). */
  readonly registered: boolean;
  readonly pendingRows: number;
  readonly batches: number;
  /** The entity's triggers, paged after its own window (`source.triggers`). */
  readonly triggers: readonly TriggerRunPlan[];
}

/** One trigger of an entity as the run would page it. */
export interface TriggerRunPlan {
  readonly trigger: string;
  readonly table: string;
  /**
   * Where its window starts; undefined when the entity loads from the start: the run then moves
   * the trigger to its cutoff instead of paging it.
   */
  readonly from: Watermark | undefined;
  readonly pendingRows: number;
  readonly batches: number;
}

export interface DryRunOptions {
  readonly source: Engine;
  readonly target: Engine;
  readonly definitions: readonly EntityDefinition[];
  /** Empty or undefined: every active entity, as a real run picks them. */
  readonly entities?: readonly string[];
  readonly full?: boolean;
  readonly definitionsDir?: string;
  /** The clock the cutoff is taken from, as `runEtl`'s (default: the source server's). */
  readonly now?: () => Date;
}

const DEFAULT_BATCH_SIZE = 1000;

/** Same text in both dialects: information_schema names the table wherever it exists. */
const TRIGGER_TABLE_SQL = `SELECT COUNT(*) AS n FROM information_schema.tables
  WHERE LOWER(table_schema) = 'ctl' AND LOWER(table_name) = 'etl_trigger_watermark'`;

/** Rows in the window (watermark to cutoff). */
function windowCountSql(source: Engine, w: { readonly table: string; readonly key: string; readonly updatedAt: string }): string {
  const d = etlDialect(source.dialect);
  const u = `s.${d.ident(w.updatedAt)}`;
  const k = `s.${d.ident(w.key)}`;
  const p = (i: number): string => d.param(i);
  return `SELECT COUNT(*) AS n FROM ${d.table(w.table)} s
    WHERE ${u} <= ${d.textTimestamp(p(1))} AND ${d.afterWatermark(u, k, d.textTimestamp(p(2)), p(3))}`;
}

/**
 * The dry run: the window (watermark to cutoff), batch size and the rows waiting in it, per
 * entity and per trigger, from ctl.etl_control, ctl.etl_trigger_watermark and the definitions. Reads only; no row, watermark or audit moves.
 */
export async function planEtlRun(o: DryRunOptions): Promise<EntityRunPlan[]> {
  const controls = await readControls(o.target, etlDialect(o.target.dialect));
  const byName = new Map(o.definitions.map((d) => [d.entity, d]));
  const defs =
    o.entities && o.entities.length > 0
      ? o.entities.map((name) => {
          const def = byName.get(name);
          if (def === undefined) throw new UnknownEntityError(name, [...byName.keys()], o.definitionsDir ?? 'the entity definitions');
          return def;
        })
      : o.definitions.filter((d) => controls.some((c) => c.entity === d.entity && c.isActive));
  const sd = etlDialect(o.source.dialect);
  const { plan } = await resolvePlan(o);
  const td = etlDialect(o.target.dialect);
  // A warehouse built before the triggers has no table yet: every trigger starts at the beginning.
  const hasTriggerTable = Number((await o.target.query<Record<string, unknown>>(TRIGGER_TABLE_SQL)).rows[0]?.['n'] ?? 0) > 0;
  const pending = async (w: Parameters<typeof windowCountSql>[1], cutoff: string, from: Watermark): Promise<number> => {
    const params: SqlParam[] = [cutoff, from.updatedAt, { value: from.id, type: { kind: 'bigint' } }];
    return Number((await o.source.query<Record<string, unknown>>(windowCountSql(o.source, w), params)).rows[0]?.['n'] ?? 0);
  };
  // One cutoff for the run, as runEtl computes it: a real run of these entities reads up to it.
  const names = defs.map((def) => def.entity);
  const minutes = runCutoffMinutes(names, controls);
  const shared = await runCutoff(o.source, sd, minutes, names, o.now);
  const out: EntityRunPlan[] = [];
  for (const def of defs) {
    const control = controls.find((c) => c.entity === def.entity);
    const from = o.full || control === undefined ? INITIAL_WATERMARK : control.watermark;
    const cutoffMinutes = control?.cutoffMinutes ?? DEFAULT_CUTOFF_MINUTES;
    const batchSize = control?.batchSize ?? DEFAULT_BATCH_SIZE;
    const cutoff = shared.at;
    const pendingRows = await pending(def.source, cutoff, from);
    const fromStart = isInitialWatermark(from);
    const marks = hasTriggerTable && !fromStart ? await readTriggerWatermarks(o.target, td, def.entity) : new Map<string, Watermark>();
    const triggers: TriggerRunPlan[] = [];
    for (const t of def.source.triggers ?? []) {
      const at = fromStart ? undefined : (marks.get(t.name) ?? INITIAL_WATERMARK);
      const rows = at === undefined ? 0 : await pending(t, cutoff, at);
      triggers.push({ trigger: t.name, table: t.table, from: at, pendingRows: rows, batches: Math.ceil(rows / batchSize) });
    }
    out.push({
      entity: def.entity, plan, from, cutoff, cutoffMinutes, runCutoff: shared, runCutoffMinutes: minutes, batchSize,
      isActive: control?.isActive ?? false, registered: control !== undefined,
      pendingRows, batches: Math.ceil(pendingRows / batchSize), triggers,
    });
  }
  return out;
}
