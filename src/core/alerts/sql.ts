import type { Dialect } from '../engine/types';

/** The T-SQL and PostgreSQL texts of the alerts: the entity status and the state table. */
export interface AlertSql {
  /** Params: 7-day window start, evaluation time. One row per active entity. */
  readonly status: string;
  readonly listState: string;
  /** Params: key, entity, rule, severity, title, detail, now. Inserts unless the key exists. */
  readonly insertOpen: string;
  /** Params: key, severity, title, detail, now. A resolved alert opens again (never delivered yet). */
  readonly reopen: string;
  /** Params: key, severity, title, detail, now. An open alert still holds. */
  readonly touch: string;
  /** Params: key, now, cooldown cutoff. Claims the delivery: one evaluator wins. */
  readonly claimSend: string;
  /** Params: key, previous last_sent_at, error, now (the claim's time). Gives the claim back. */
  readonly releaseSend: string;
  /** Params: key, error (NULL when delivered). */
  readonly recordDelivery: string;
  /** Params: key, now. */
  readonly resolve: string;
}

interface Pieces {
  readonly p: (n: number) => string;
  readonly isActive: string;
  /** A correlated subquery joined to each row, kept when it returns nothing. */
  readonly apply: (body: string, alias: string) => string;
  readonly top1: string;
  readonly limit1: string;
}

function build(d: Pieces): AlertSql {
  const p = d.p;
  return {
    // Per active entity, through the (entity_name, started_at) index: its latest run and its
    // runs of the window (one sort of every run by entity name cost more than all of it). The
    // latest run is the latest started: the entity lock keeps two runs of one entity from
    // overlapping, so it is also the latest finished (the users' order).
    status: `SELECT c.entity_name, c.last_status, c.last_success_at, c.watermark_updated_at,
       l.status AS run_status, l.started_at AS run_started_at, l.finished_at AS run_finished_at,
       l.error_message AS run_error, COALESCE(r.runs, 0) AS runs_7d, COALESCE(r.failed, 0) AS failed_7d
  FROM ctl.etl_control c
  ${d.apply(`SELECT ${d.top1}re.status, re.started_at, re.finished_at, re.error_message
      FROM audit.etl_run_entity re
     WHERE re.entity_name = c.entity_name
     ORDER BY re.started_at DESC, re.run_entity_id DESC${d.limit1}`, 'l')}
  ${d.apply(`SELECT COUNT(*) AS runs, SUM(CASE WHEN re.status = 'failed' THEN 1 ELSE 0 END) AS failed
      FROM audit.etl_run_entity re
     WHERE re.entity_name = c.entity_name AND re.started_at >= ${p(1)} AND re.started_at <= ${p(2)}`, 'r')}
 WHERE ${d.isActive}
 ORDER BY c.entity_name`,
    listState: `SELECT alert_key, entity_name, rule_name, status, severity, title, detail, opened_at, last_seen_at,
       last_sent_at, resolved_at, delivery_error
  FROM ctl.alert_state ORDER BY alert_key`,
    insertOpen: `INSERT INTO ctl.alert_state (alert_key, entity_name, rule_name, status, severity, title, detail, opened_at, last_seen_at, updated_at)
SELECT ${p(1)}, ${p(2)}, ${p(3)}, 'open', ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(7)}, ${p(7)}
 WHERE NOT EXISTS (SELECT 1 FROM ctl.alert_state WHERE alert_key = ${p(1)})`,
    reopen: `UPDATE ctl.alert_state
   SET status = 'open', severity = ${p(2)}, title = ${p(3)}, detail = ${p(4)}, opened_at = ${p(5)}, last_seen_at = ${p(5)},
       last_sent_at = NULL, resolved_at = NULL, delivery_error = NULL, updated_at = ${p(5)}
 WHERE alert_key = ${p(1)} AND status = 'resolved'`,
    touch: `UPDATE ctl.alert_state
   SET severity = ${p(2)}, title = ${p(3)}, detail = ${p(4)}, last_seen_at = ${p(5)}, updated_at = ${p(5)}
 WHERE alert_key = ${p(1)} AND status = 'open'`,
    claimSend: `UPDATE ctl.alert_state SET last_sent_at = ${p(2)}, updated_at = ${p(2)}
 WHERE alert_key = ${p(1)} AND status = 'open' AND (last_sent_at IS NULL OR last_sent_at <= ${p(3)})`,
    releaseSend: `UPDATE ctl.alert_state SET last_sent_at = ${p(2)}, delivery_error = ${p(3)}
 WHERE alert_key = ${p(1)} AND last_sent_at = ${p(4)}`,
    recordDelivery: `UPDATE ctl.alert_state SET delivery_error = ${p(2)} WHERE alert_key = ${p(1)}`,
    resolve: `UPDATE ctl.alert_state SET status = 'resolved', resolved_at = ${p(2)}, last_seen_at = ${p(2)}, updated_at = ${p(2)}
 WHERE alert_key = ${p(1)} AND status = 'open'`,
  };
}

const postgres = build({
  p: (n) => `$${n}`, isActive: 'c.is_active', apply: (body, alias) => `LEFT JOIN LATERAL (${body}) ${alias} ON true`, top1: '', limit1: '\n     LIMIT 1',
});
const sqlserver = build({
  p: (n) => `@p${n}`, isActive: 'c.is_active = 1', apply: (body, alias) => `OUTER APPLY (${body}) ${alias}`, top1: 'TOP (1) ', limit1: '',
});

export function alertSql(dialect: Dialect): AlertSql {
  return dialect === 'postgres' ? postgres : sqlserver;
}
