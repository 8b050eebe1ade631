import type { ControlRow, EntityHealth, EtlRunSummary, FailureGroup, HealthState, MonitorAlert, PreflightCheck } from '../../protocol/monitor';
import { entityLag } from '../etl/present/lag';
import type { FailedEntityRun } from './failures';

/** Freshness SLA per entity in minutes; entities not listed get `defaultMinutes`. */
export interface SlaPolicy {
  readonly defaultMinutes: number;
  readonly perEntity?: Readonly<Record<string, number>>;
}

export const DEFAULT_SLA: SlaPolicy = { defaultMinutes: 24 * 60 };

export function healthState(
  row: ControlRow,
  lagMinutes: number | null,
  slaMinutes: number,
  counts: { source: number | null; target: number | null } = { source: null, target: null },
): HealthState {
  if (!row.isActive) return 'inactive';
  if (row.lastStatus === 'failed') return 'failed';
  if (lagMinutes === null) return 'never-run';
  if (lagMinutes > slaMinutes) return 'late';
  // Loaded and on time, but source and target disagree: not "ok".
  if (counts.source !== null && counts.target !== null && counts.source !== counts.target) return 'mismatch';
  return 'ok';
}

export function entityHealth(
  row: ControlRow,
  counts: { source: number | null; target: number | null },
  now: Date,
  sla: SlaPolicy,
): EntityHealth {
  const slaMinutes = sla.perEntity?.[row.entity] ?? sla.defaultMinutes;
  const lagMs = entityLag(row.lastSuccessAt, now);
  const lagMinutes = lagMs === undefined ? null : Math.round(lagMs / 60_000);
  return {
    entity: row.entity,
    isActive: row.isActive,
    sourceTable: row.sourceTable,
    targetTable: row.targetTable,
    sourceCount: counts.source,
    targetCount: counts.target,
    lastSuccessAt: row.lastSuccessAt,
    lastStatus: row.lastStatus,
    lagMinutes,
    slaMinutes,
    state: healthState(row, lagMinutes, slaMinutes, counts),
  };
}

/** SLA breaches of active entities, then the latest failure of each entity. */
export function alertsFrom(health: readonly EntityHealth[], failures: readonly FailedEntityRun[]): MonitorAlert[] {
  const alerts: MonitorAlert[] = [];
  for (const h of health) {
    if (h.state === 'late') alerts.push({ severity: 'warning', kind: 'sla-breach', entity: h.entity, at: h.lastSuccessAt, detail: String((h.lagMinutes ?? 0) - h.slaMinutes) });
    if (h.state === 'never-run') alerts.push({ severity: 'warning', kind: 'sla-breach', entity: h.entity, at: null, detail: '' });
  }
  const seen = new Set<string>();
  for (const f of failures) {
    if (seen.has(f.entity)) continue;
    seen.add(f.entity);
    alerts.push({ severity: 'error', kind: 'failure', entity: f.entity, at: f.failedAt, detail: (f.errorMessage ?? '').slice(0, 300) });
  }
  return alerts;
}

export interface PreflightInput {
  readonly control: readonly ControlRow[] | null;
  readonly auditReadable: boolean;
  readonly health: readonly EntityHealth[];
  /** Events in the window; 'not-applicable' where no server sessions exist (the check is left out). */
  readonly connectionEvents: number | null | 'not-applicable';
  readonly recentRuns: readonly EtlRunSummary[];
  readonly failures: readonly FailureGroup[];
}

/** The checklist shown before the first run: each item states the fact it rests on. */
export function preflight(input: PreflightInput): PreflightCheck[] {
  const control = input.control ?? [];
  const active = control.filter((c) => c.isActive);
  const unreadable = input.health.filter((h) => h.isActive && h.targetCount === null).map((h) => h.targetTable);
  return [
    { id: 'control-table', ok: input.control !== null && control.length > 0, detail: String(control.length) },
    { id: 'active-entity', ok: active.length > 0, detail: active.map((c) => c.entity).join(', ') },
    { id: 'audit-tables', ok: input.auditReadable, detail: '' },
    { id: 'target-tables', ok: active.length > 0 && unreadable.length === 0, detail: unreadable.join(', ') },
    ...(input.connectionEvents === 'not-applicable'
      ? []
      : [{ id: 'connection-audit' as const, ok: (input.connectionEvents ?? 0) > 0, detail: String(input.connectionEvents ?? 0) }]),
    { id: 'first-run', ok: input.recentRuns.length > 0, detail: String(input.recentRuns.length) },
  ];
}
