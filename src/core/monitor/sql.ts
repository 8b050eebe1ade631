import type { MonitorSqlDialect } from './dialect';

/**
 * The monitor's SQL. Run lists read audit.etl_run through ix_etl_run_started_at and reach the
 * entity rows by run_id (uq_etl_run_entity_run_id_entity_name), so every window query is an
 * index range scan however long the history grows.
 */
export function monitorSql(d: MonitorSqlDialect) {
  const runColumns = `r.run_id, r.entities_requested, r.started_by, r.started_at, r.finished_at, r.status,
       r.entities_succeeded, r.entities_failed, r.error_message`;
  const entityColumns = `e.run_id, e.entity_name, e.status, e.extracted_count, e.upserted_count, e.soft_deleted_count,
       e.watermark_from_updated_at, e.watermark_from_id, e.watermark_to_updated_at, e.watermark_to_id,
       e.error_message, e.started_at, e.finished_at`;
  // Connection-audit filters: 1 since, 2 login, 3 program, 4 database, 5 status, 6 host.
  const events = `FROM audit.connection_login_events c
 WHERE c.captured_at >= ${d.p(1)}
   AND (${d.pText(2)} IS NULL OR c.login_name = ${d.p(2)})
   AND (${d.pText(3)} IS NULL OR c.program_name = ${d.p(3)})
   AND (${d.pText(4)} IS NULL OR c.database_name = ${d.p(4)})
   AND (${d.pText(5)} IS NULL OR c.status = ${d.p(5)})
   AND (${d.pText(6)} IS NULL OR c.host_name = ${d.p(6)})`;
  const top = (column: string): string => `SELECT ${d.top(10)} ${column} AS name, COUNT(*) AS n
  ${events}
 GROUP BY ${column}
 ORDER BY n DESC, name
 ${d.limit(10)}`;
  return {
    now: `SELECT ${d.nowUtc} AS now_utc`,
    running: `SELECT ${d.top(50)} ${runColumns}
  FROM audit.etl_run r
 WHERE r.status = 'running' AND r.started_at >= ${d.p(1)}
 ORDER BY r.started_at DESC
 ${d.limit(50)}`,
    recentRuns: `SELECT ${d.top(50)} ${runColumns}
  FROM audit.etl_run r
 ORDER BY r.started_at DESC
 ${d.limit(50)}`,
    runDetail: `SELECT ${entityColumns}
  FROM audit.etl_run_entity e
 WHERE e.run_id = ${d.p(1)}
 ORDER BY e.started_at, e.entity_name`,
    timeline: `SELECT ${d.top(2000)} e.run_id, e.entity_name, e.status, e.started_at
  FROM audit.etl_run r
  JOIN audit.etl_run_entity e ON e.run_id = r.run_id
 WHERE r.started_at >= ${d.p(1)}
 ORDER BY r.started_at DESC
 ${d.limit(2000)}`,
    statusPerDay: `SELECT ${d.dayText('r.started_at')} AS day, r.status, COUNT(*) AS runs
  FROM audit.etl_run r
 WHERE r.started_at >= ${d.p(1)}
 GROUP BY ${d.dayText('r.started_at')}, r.status
 ORDER BY day, r.status`,
    volumePerEntity: `SELECT e.entity_name, COUNT(*) AS runs, SUM(e.extracted_count) AS extracted,
       SUM(e.upserted_count) AS upserted, SUM(e.soft_deleted_count) AS soft_deleted
  FROM audit.etl_run r
  JOIN audit.etl_run_entity e ON e.run_id = r.run_id
 WHERE r.started_at >= ${d.p(1)}
 GROUP BY e.entity_name
 ORDER BY e.entity_name`,
    failures: `SELECT ${d.top(1000)} e.run_id, e.entity_name, e.error_message, COALESCE(e.finished_at, e.started_at) AS failed_at
  FROM audit.etl_run r
  JOIN audit.etl_run_entity e ON e.run_id = r.run_id
 WHERE r.started_at >= ${d.p(1)} AND e.status = 'failed'
 ORDER BY r.started_at DESC
 ${d.limit(1000)}`,
    control: `SELECT entity_name, source_table, target_table, source_pk_column, watermark_updated_at, watermark_id,
       cutoff_minutes, batch_size, is_active, last_run_id, last_status, last_success_at, updated_at
  FROM ctl.etl_control
 ORDER BY entity_name`,
    resetWatermark: `UPDATE ctl.etl_control
   SET watermark_updated_at = '1900-01-01', watermark_id = 0, updated_at = ${d.nowUtc}
 WHERE entity_name = ${d.p(1)}`,
    setActive: `UPDATE ctl.etl_control
   SET is_active = ${d.p(2)}, updated_at = ${d.nowUtc}
 WHERE entity_name = ${d.p(1)}`,
    setAllActive: `UPDATE ctl.etl_control
   SET is_active = ${d.p(1)}, updated_at = ${d.nowUtc}
 WHERE is_active <> ${d.p(1)}`,
    captureSnapshot: d.captureSnapshot,
    capturedSince: `SELECT COUNT(*) AS n FROM audit.connection_login_events WHERE captured_at >= ${d.p(1)}`,
    auditTotal: `SELECT COUNT(*) AS n
  ${events}`,
    topLogins: top('c.login_name'),
    topPrograms: top('c.program_name'),
    topDatabases: top('c.database_name'),
    perHour: `SELECT ${d.hourText('c.captured_at')} AS hour, COUNT(*) AS n
  ${events}
 GROUP BY ${d.hourText('c.captured_at')}
 ORDER BY hour`,
    recentEvents: `SELECT ${d.top(200)} c.captured_at, c.session_id, c.login_name, c.host_name, c.program_name,
       c.database_name, c.status, c.client_net_address, c.run_id, c.stage
  ${events}
 ORDER BY c.captured_at DESC, c.event_id DESC
 ${d.limit(200)}`,
    auditOptions: `SELECT 'login' AS kind, c.login_name AS value FROM audit.connection_login_events c WHERE c.captured_at >= ${d.p(1)} GROUP BY c.login_name
UNION ALL SELECT 'program', c.program_name FROM audit.connection_login_events c WHERE c.captured_at >= ${d.p(1)} GROUP BY c.program_name
UNION ALL SELECT 'host', c.host_name FROM audit.connection_login_events c WHERE c.captured_at >= ${d.p(1)} GROUP BY c.host_name
UNION ALL SELECT 'database', c.database_name FROM audit.connection_login_events c WHERE c.captured_at >= ${d.p(1)} GROUP BY c.database_name
UNION ALL SELECT 'status', c.status FROM audit.connection_login_events c WHERE c.captured_at >= ${d.p(1)} GROUP BY c.status`,
    // The 20 latest failed entity runs in the window, and who was connected within 30 minutes.
    correlation: `WITH failed AS (
  SELECT ${d.top(20)} e.run_id, e.entity_name, COALESCE(e.finished_at, e.started_at) AS failed_at
    FROM audit.etl_run r
    JOIN audit.etl_run_entity e ON e.run_id = r.run_id
   WHERE r.started_at >= ${d.p(1)} AND e.status = 'failed'
   ORDER BY r.started_at DESC
   ${d.limit(20)}
)
SELECT f.run_id, f.entity_name, f.failed_at, c.login_name, COUNT(c.event_id) AS n
  FROM failed f
  LEFT JOIN audit.connection_login_events c
    ON c.captured_at BETWEEN ${d.addMinutes('f.failed_at', '-30')} AND ${d.addMinutes('f.failed_at', '30')}
 GROUP BY f.run_id, f.entity_name, f.failed_at, c.login_name
 ORDER BY f.failed_at DESC`,
    auditFileEvents: d.auditFileEvents,
    targetCount: (target: string, unknownKey: string | undefined) =>
      `SELECT COUNT(*) AS n FROM ${target}${unknownKey === undefined ? '' : ` WHERE ${unknownKey} <> -1`}`,
    // A target that keeps soft-deleted rows (flagged inactive) is reconciled with every source row.
    sourceCount: (source: string, withDeleted: boolean) => `SELECT COUNT(*) AS n FROM ${source}${withDeleted ? '' : ' WHERE deleted_at IS NULL'}`,
  } as const;
}

export type MonitorSql = ReturnType<typeof monitorSql>;
