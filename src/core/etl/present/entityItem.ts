import type { EntityState } from '../control/state';
import { entityLag, humanDuration } from './lag';

export type EntityIcon = 'success' | 'failed' | 'partial' | 'cancelled' | 'running' | 'never' | 'inactive';

/** A tree row for one entity, without any UI type: the extension maps it to a TreeItem. */
export interface EntityItemModel {
  readonly entity: string;
  readonly icon: EntityIcon;
  /** `dwEntity.active` / `dwEntity.inactive`, `.running` appended while a run loads it. */
  readonly contextValue: string;
  /** When the last run started (ISO), or null. */
  readonly lastRunAt: string | null;
  readonly lastRunAgo: string | undefined;
  /** now - last successful load (`entityLag`, as the monitor), human readable; undefined while never loaded. */
  readonly lag: string | undefined;
  /** Rows the target table holds now (not the last run's count); null when it cannot be counted. */
  readonly rows: number | null;
}

function iconOf(s: EntityState, runningHere: boolean): EntityIcon {
  if (runningHere || s.lastRun?.status === 'running') return 'running';
  // Its own icon: an inactive entity is not one that never ran (the last run is in the tooltip).
  if (!s.isActive) return 'inactive';
  const status = s.lastRun?.status ?? s.lastStatus;
  if (status === 'success' || status === 'failed' || status === 'partial' || status === 'cancelled') return status;
  return 'never';
}

export function entityItemModel(s: EntityState, now: Date, runningHere = false): EntityItemModel {
  const icon = iconOf(s, runningHere);
  const lagMs = entityLag(s.lastSuccessAt, now);
  const startedAt = s.lastRun?.startedAt ?? null;
  const startedMs = startedAt === null ? NaN : Date.parse(startedAt);
  return {
    entity: s.entity,
    icon,
    contextValue: `dwEntity.${s.isActive ? 'active' : 'inactive'}${icon === 'running' ? '.running' : ''}`,
    lastRunAt: startedAt,
    lastRunAgo: Number.isNaN(startedMs) ? undefined : humanDuration(now.getTime() - startedMs),
    lag: lagMs === undefined ? undefined : humanDuration(lagMs),
    rows: s.targetRows,
  };
}
