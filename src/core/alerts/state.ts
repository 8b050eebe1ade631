import { isEngineError } from '../engine/errors';
import type { Queryable, SqlParam, Dialect } from '../engine/types';
import { ALERT_STATE } from '../warehouse/controlTables';
import { ensureTableSql } from '../warehouse/ddl';
import type { EntityStatus, Finding } from './rules';
import { alertSql, type AlertSql } from './sql';

/** One row of ctl.alert_state. */
export interface AlertStateRow {
  readonly key: string;
  readonly entityName: string;
  readonly rule: string;
  readonly status: 'open' | 'resolved';
  readonly severity: string;
  readonly title: string;
  readonly detail: string | null;
  readonly openedAt: Date;
  readonly lastSeenAt: Date;
  readonly lastSentAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly deliveryError: string | null;
}

const ts = (value: Date | null): SqlParam => ({ value, type: { kind: 'timestamp', precision: 3 } });
const text = (value: string | null, length: number): SqlParam => ({ value: value === null ? null : value.slice(0, length), type: { kind: 'text', length } });
const date = (v: unknown): Date | null => (v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null);

/** Reads and moves alert state in ctl.alert_state; every write is conditional, so concurrent evaluators never both deliver. */
export class AlertStateStore {
  private readonly sql: AlertSql;
  constructor(private readonly db: Queryable, readonly dialect: Dialect) {
    this.sql = alertSql(dialect);
  }

  /** Creates ctl.alert_state on a warehouse bootstrapped before it existed (from the contract, as the script does). */
  async ensureTable(): Promise<void> {
    await this.db.query(ensureTableSql(ALERT_STATE, this.dialect));
  }

  async entityStatus(now: Date): Promise<EntityStatus[]> {
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
    const r = await this.db.query(this.sql.status, [ts(weekAgo), ts(now)]);
    return r.rows.map((row) => ({
      entityName: String(row['entity_name']),
      controlLastStatus: (row['last_status'] as string | null) ?? null,
      lastSuccessAt: date(row['last_success_at']),
      watermarkUpdatedAt: date(row['watermark_updated_at']),
      lastRunStatus: (row['run_status'] as string | null) ?? null,
      lastRunStartedAt: date(row['run_started_at']),
      lastRunFinishedAt: date(row['run_finished_at']),
      lastRunError: (row['run_error'] as string | null) ?? null,
      runs7d: Number(row['runs_7d'] ?? 0),
      failedRuns7d: Number(row['failed_7d'] ?? 0),
    }));
  }

  async list(): Promise<AlertStateRow[]> {
    const r = await this.db.query(this.sql.listState);
    return r.rows.map((row) => ({
      key: String(row['alert_key']),
      entityName: String(row['entity_name']),
      rule: String(row['rule_name']),
      status: row['status'] === 'open' ? 'open' : 'resolved',
      severity: String(row['severity']),
      title: String(row['title']),
      detail: (row['detail'] as string | null) ?? null,
      openedAt: date(row['opened_at']) as Date,
      lastSeenAt: date(row['last_seen_at']) as Date,
      lastSentAt: date(row['last_sent_at']),
      resolvedAt: date(row['resolved_at']),
      deliveryError: (row['delivery_error'] as string | null) ?? null,
    }));
  }

  /** False when the key exists (another evaluator may have inserted it a moment ago: its primary key says so). */
  async insertOpen(f: Finding, now: Date): Promise<boolean> {
    try {
      const r = await this.db.query(this.sql.insertOpen, [
        text(f.key, 200), text(f.entityName, 100), text(f.rule, 40), text(f.severity, 20), text(f.title, 200), text(f.detail, 1000), ts(now),
      ]);
      return r.rowsAffected === 1;
    } catch (e) {
      if (isEngineError(e) && e.kind === 'constraint') return false;
      throw e;
    }
  }

  async reopen(f: Finding, now: Date): Promise<boolean> {
    return (await this.db.query(this.sql.reopen, this.findingParams(f, now))).rowsAffected === 1;
  }

  async touch(f: Finding, now: Date): Promise<void> {
    await this.db.query(this.sql.touch, this.findingParams(f, now));
  }

  /** True when this caller won the right to deliver the alert now (not delivered within the cooldown). */
  async claimSend(key: string, now: Date, cooldownMinutes: number): Promise<boolean> {
    const cutoff = new Date(now.getTime() - cooldownMinutes * 60_000);
    return (await this.db.query(this.sql.claimSend, [text(key, 200), ts(now), ts(cutoff)])).rowsAffected === 1;
  }

  /** The delivery failed: the claim is given back (the next evaluation retries) and the error kept. */
  async releaseSend(key: string, previous: Date | null, error: string, claimedAt: Date): Promise<void> {
    await this.db.query(this.sql.releaseSend, [text(key, 200), ts(previous), text(error, 1000), ts(claimedAt)]);
  }

  async recordDelivery(key: string, error: string | null): Promise<void> {
    await this.db.query(this.sql.recordDelivery, [text(key, 200), text(error, 1000)]);
  }

  async resolve(key: string, now: Date): Promise<boolean> {
    return (await this.db.query(this.sql.resolve, [text(key, 200), ts(now)])).rowsAffected === 1;
  }

  private findingParams(f: Finding, now: Date): SqlParam[] {
    return [text(f.key, 200), text(f.severity, 20), text(f.title, 200), text(f.detail, 1000), ts(now)];
  }
}
