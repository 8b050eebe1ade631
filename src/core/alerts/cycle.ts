import type { Engine } from '../engine/types';
import { deliver, webhookPayload, type AlertEvent, type DeliveryReport } from './deliver';
import { evaluateRules, type Finding } from './rules';
import type { AlertSettings } from './settings';
import { AlertStateStore, type AlertStateRow } from './state';

export interface AlertCycleOptions {
  readonly engine: Engine;
  readonly settings: AlertSettings;
  /** The project's name, in every message. */
  readonly project: string;
  /** The evaluation time (tests pass a fixed one). */
  readonly now?: Date;
  /** The URL of each webhook by its name (from the environment or SecretStorage); never logged. */
  readonly webhookUrl: (name: string, urlEnv: string) => string | undefined;
  /** Evaluate and report only: no state written, nothing delivered. */
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
}

export interface DeliveredEvent {
  readonly event: AlertEvent;
  readonly reports: readonly DeliveryReport[];
  /** Every webhook took it (vacuously true with no webhook configured). */
  readonly delivered: boolean;
}

export interface AlertCycleResult {
  readonly at: Date;
  readonly entities: number;
  readonly findings: readonly Finding[];
  /** What this evaluation opened, reminded of or resolved, with the outcome of each delivery. */
  readonly events: readonly DeliveredEvent[];
  /** The alerts open after this evaluation (from ctl.alert_state; the findings on a dry run). */
  readonly open: readonly AlertStateRow[];
}

/**
 * One evaluation: the rules over the active entities, the state in ctl.alert_state moved
 * (opened, still open, resolved), and every due message delivered to every webhook. Each
 * state move is a conditional write, so when VS Code and `dwb watch` evaluate at once only
 * one of them delivers a given message. A failed delivery gives its claim back, so the next
 * evaluation retries it; it never throws out of the cycle.
 */
export async function runAlertCycle(options: AlertCycleOptions): Promise<AlertCycleResult> {
  const { engine, settings } = options;
  const now = options.now ?? new Date();
  const store = new AlertStateStore(engine, engine.dialect);
  if (options.dryRun !== true) await store.ensureTable();
  const entities = await store.entityStatus(now);
  const findings = evaluateRules(entities, settings, now);
  if (options.dryRun === true) {
    return { at: now, entities: entities.length, findings, events: [], open: findings.map((f) => asRow(f, now)) };
  }

  const before = new Map((await store.list()).map((r) => [r.key, r]));
  const due: { event: AlertEvent; previousSentAt: Date | null }[] = [];
  const current = new Set<string>();
  for (const f of findings) {
    current.add(f.key);
    const row = before.get(f.key);
    let openedAt = row?.openedAt ?? now;
    let kind: AlertEvent['kind'] = row?.lastSentAt == null ? 'opened' : 'reminder';
    if (row === undefined) {
      await store.insertOpen(f, now);
    } else if (row.status === 'resolved') {
      if (await store.reopen(f, now)) {
        openedAt = now;
        kind = 'opened';
      }
    } else {
      await store.touch(f, now);
    }
    if (row?.status === 'resolved') openedAt = now;
    if (await store.claimSend(f.key, now, settings.cooldownMinutes)) {
      due.push({ event: { kind, key: f.key, entityName: f.entityName, rule: f.rule, severity: f.severity, title: f.title, detail: f.detail, at: now, openedAt }, previousSentAt: row?.status === 'open' ? row.lastSentAt : null });
    }
  }
  for (const row of before.values()) {
    if (row.status !== 'open' || current.has(row.key)) continue;
    if (await store.resolve(row.key, now)) {
      due.push({
        event: { kind: 'resolved', key: row.key, entityName: row.entityName, rule: row.rule, severity: row.severity, title: row.title, detail: row.detail ?? '', at: now, openedAt: row.openedAt },
        previousSentAt: row.lastSentAt,
      });
    }
  }

  const events: DeliveredEvent[] = [];
  const context = { project: options.project, timezone: settings.timezone };
  const deliveryOptions = { ...settings.delivery, ...(options.signal ? { signal: options.signal } : {}) };
  for (const { event, previousSentAt } of due) {
    const reports = await Promise.all(settings.webhooks.map((w) =>
      deliver(w, options.webhookUrl(w.name, w.urlEnv), webhookPayload(w.kind, event, context), deliveryOptions)));
    const failed = reports.filter((r) => !r.ok);
    const error = failed.length === 0 ? null : failed.map((r) => r.error).join(' ');
    if (error !== null && event.kind !== 'resolved') await store.releaseSend(event.key, previousSentAt, error, now);
    else await store.recordDelivery(event.key, error);
    events.push({ event, reports, delivered: failed.length === 0 });
  }
  const open = (await store.list()).filter((r) => r.status === 'open');
  return { at: now, entities: entities.length, findings, events, open };
}

function asRow(f: Finding, now: Date): AlertStateRow {
  return {
    key: f.key, entityName: f.entityName, rule: f.rule, status: 'open', severity: f.severity, title: f.title, detail: f.detail,
    openedAt: now, lastSeenAt: now, lastSentAt: null, resolvedAt: null, deliveryError: null,
  };
}

/** The open alerts as ctl.alert_state holds them, without evaluating (the status bar, the monitor). */
export async function openAlerts(engine: Engine): Promise<AlertStateRow[]> {
  const store = new AlertStateStore(engine, engine.dialect);
  await store.ensureTable();
  return (await store.list()).filter((r) => r.status === 'open');
}
