import type { AlertRuleName } from '../project/types';
import type { AlertSettings } from './settings';

/** What the status query gives per active entity (ctl.etl_control + audit.etl_run_entity). */
export interface EntityStatus {
  readonly entityName: string;
  /** ctl.etl_control.last_status. */
  readonly controlLastStatus: string | null;
  readonly lastSuccessAt: Date | null;
  readonly watermarkUpdatedAt: Date | null;
  /** The entity's latest audit.etl_run_entity row. */
  readonly lastRunStatus: string | null;
  readonly lastRunStartedAt: Date | null;
  readonly lastRunFinishedAt: Date | null;
  readonly lastRunError: string | null;
  /** Runs started in the 7 days before the evaluation time, and how many of them failed. */
  readonly runs7d: number;
  readonly failedRuns7d: number;
}

export type AlertSeverity = 'critical' | 'warning';

/** One rule that holds for one entity now. */
export interface Finding {
  /** `entity|rule`: the identity of the alert in ctl.alert_state. */
  readonly key: string;
  readonly entityName: string;
  readonly rule: AlertRuleName;
  readonly severity: AlertSeverity;
  readonly title: string;
  readonly detail: string;
}

const MINUTE = 60_000;

function truncate(text: string, limit = 220): string {
  const flat = text.split(/\s+/).filter(Boolean).join(' ');
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 3)}...`;
}

/**
 * The four rules over the entities' status at `now` (pure: the benchmark and the unit tests
 * call it directly). Semantics are the users' alert runner's: a failure in either the control
 * row or the latest run; freshness from the watermark, else the last success, else the last
 * run; no run in N hours (or none ever); 7-day failure rate at or above the threshold with at
 * least minRuns runs.
 */
export function evaluateRules(entities: readonly EntityStatus[], settings: AlertSettings, now: Date): Finding[] {
  const findings: Finding[] = [];
  const { rules } = settings;
  const at = now.getTime();
  for (const e of entities) {
    const add = (rule: AlertRuleName, severity: AlertSeverity, title: string, detail: string): void => {
      findings.push({ key: `${e.entityName}|${rule}`, entityName: e.entityName, rule, severity, title, detail });
    };
    const control = (e.controlLastStatus ?? '').toLowerCase();
    const last = (e.lastRunStatus ?? '').toLowerCase();
    if (rules.etl_failure.enabled && (control === 'failed' || last === 'failed')) {
      add('etl_failure', 'critical', 'ETL failure',
        `Last status: control=${control || '-'}, run=${last || '-'}; error: ${truncate(e.lastRunError ?? '') || '(no message)'}`);
    }
    const runReference = e.lastRunFinishedAt ?? e.lastRunStartedAt;
    const freshness = e.watermarkUpdatedAt ?? e.lastSuccessAt ?? runReference;
    if (rules.sla_watermark_delay.enabled && freshness !== null) {
      const minutes = Math.floor((at - freshness.getTime()) / MINUTE);
      if (minutes > rules.sla_watermark_delay.slaMinutes) {
        add('sla_watermark_delay', 'warning', 'Watermark behind its SLA',
          `No update for ${minutes} minutes (SLA ${rules.sla_watermark_delay.slaMinutes} min).`);
      }
    }
    if (rules.sla_no_recent_run.enabled) {
      if (runReference === null) {
        add('sla_no_recent_run', 'warning', 'No recent run', 'The entity has no run in audit.etl_run_entity.');
      } else {
        const hours = Math.floor((at - runReference.getTime()) / (60 * MINUTE));
        if (hours > rules.sla_no_recent_run.hours) {
          add('sla_no_recent_run', 'warning', 'No recent run', `Last run ${hours} hours ago (limit ${rules.sla_no_recent_run.hours} h).`);
        }
      }
    }
    const rate = rules.etl_recurrent_failure;
    if (rate.enabled && e.runs7d >= rate.minRuns && e.runs7d > 0 && e.failedRuns7d / e.runs7d >= rate.threshold) {
      add('etl_recurrent_failure', 'warning', 'Recurrent ETL failures (7 days)',
        `Failure rate ${((100 * e.failedRuns7d) / e.runs7d).toFixed(1)}% (${e.failedRuns7d}/${e.runs7d}); threshold ${(rate.threshold * 100).toFixed(1)}%.`);
    }
  }
  return findings;
}
