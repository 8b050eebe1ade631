import type { EntityState } from '../control/state';
import { humanDuration, watermarkLag } from './lag';

export type EntityIcon = 'success' | 'failed' | 'partial' | 'running' | 'never';

/** A tree row for one entity, without any UI type: the extension maps it to a TreeItem. */
export interface EntityItemModel {
  readonly entity: string;
  readonly icon: EntityIcon;
  /** `dwEntity.active` / `dwEntity.inactive`, `.running` appended while a run loads it. */
  readonly contextValue: string;
  /** When the last run started (ISO), or null. */
  readonly lastRunAt: string | null;
  readonly lastRunAgo: string | undefined;
  /** now - watermark, human readable; undefined while never loaded. */
  readonly lag: string | undefined;
  /** Rows of the last run: upserted, else extracted; null before any run. */
  readonly lastRows: number | null;
}

function iconOf(s: EntityState, runningHere: boolean): EntityIcon {
  if (runningHere || s.lastRun?.status === 'running') return 'running';
  const status = s.lastRun?.status ?? s.lastStatus;
  if (status === 'success' || status === 'failed' || status === 'partial') return status;
  return 'never';
}

export function entityItemModel(s: EntityState, now: Date, runningHere = false): EntityItemModel {
  const icon = iconOf(s, runningHere);
  const lagMs = watermarkLag(s.watermark.updatedAt, now);
  const startedAt = s.lastRun?.startedAt ?? null;
  const startedMs = startedAt === null ? NaN : Date.parse(startedAt);
  return {
    entity: s.entity,
    icon,
    contextValue: `dwEntity.${s.isActive ? 'active' : 'inactive'}${icon === 'running' ? '.running' : ''}`,
    lastRunAt: startedAt,
    lastRunAgo: Number.isNaN(startedMs) ? undefined : humanDuration(now.getTime() - startedMs),
    lag: lagMs === undefined ? undefined : humanDuration(lagMs),
    lastRows: s.lastRun === null ? null : s.lastRun.upserted || s.lastRun.extracted,
  };
}
