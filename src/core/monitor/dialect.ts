import { pgIdentifier, tsqlIdentifier } from '../engine/identifiers';
/**
 * What differs between T-SQL and PostgreSQL in the monitor's queries. The query texts are
 * written once in `sql.ts` from these pieces.
 */
export interface MonitorSqlDialect {
  p(n: number): string;
  /** Placeholder for a nullable text filter, typed where the server needs it for `IS NULL`. */
  pText(n: number): string;
  top(n: number): string;
  limit(n: number): string;
  /** The current UTC time as a timestamp without zone. */
  readonly nowUtc: string;
  /** Expression: the timestamp truncated to its day, as ISO text. */
  dayText(column: string): string;
  /** Expression: the timestamp truncated to its hour, as ISO text (`YYYY-MM-DDTHH:00`). */
  hourText(column: string): string;
  /** Expression: timestamp plus a number of minutes given by a parameter. */
  addMinutes(column: string, minutes: string): string;
  /** Runs the snapshot procedure. */
  readonly captureSnapshot: string;
  /** Login events from SQL Server Audit files (param 1: file pattern); null where there are none. */
  readonly auditFileEvents: string | null;
  /** Quotes an identifier that has already been checked against a strict pattern. */
  quote(identifier: string): string;
  /** Where source tables live, when not in the warehouse's own database. */
  sourcePrefix(sourceDatabase: string | undefined): string;
}

export const postgresMonitorDialect: MonitorSqlDialect = {
  p: (n) => `$${n}`,
  pText: (n) => `$${n}::varchar`,
  top: () => '',
  limit: (n) => `LIMIT ${n}`,
  nowUtc: `(now() AT TIME ZONE 'UTC')`,
  dayText: (c) => `to_char(date_trunc('day', ${c}), 'YYYY-MM-DD')`,
  hourText: (c) => `to_char(date_trunc('hour', ${c}), 'YYYY-MM-DD"T"HH24:00')`,
  addMinutes: (c, m) => `(${c} + make_interval(mins => ${m}))`,
  captureSnapshot: 'CALL audit.usp_capture_connection_snapshot()',
  auditFileEvents: null,
  quote: (id) => pgIdentifier(id.toLowerCase()),
  sourcePrefix: () => '',
};

export const sqlServerMonitorDialect: MonitorSqlDialect = {
  p: (n) => `@p${n}`,
  pText: (n) => `@p${n}`,
  top: (n) => `TOP (${n})`,
  limit: () => '',
  nowUtc: 'SYSUTCDATETIME()',
  dayText: (c) => `CONVERT(char(10), ${c}, 23)`,
  hourText: (c) => `LEFT(CONVERT(char(19), DATEADD(hour, DATEDIFF(hour, 0, ${c}), 0), 126), 13) + ':00'`,
  addMinutes: (c, m) => `DATEADD(minute, ${m}, ${c})`,
  captureSnapshot: 'EXEC audit.usp_capture_connection_snapshot',
  auditFileEvents: `SELECT TOP (200) event_time, action_id, server_principal_name, succeeded, client_ip
  FROM sys.fn_get_audit_file(@p1, DEFAULT, DEFAULT)
 WHERE action_id IN ('LGIS', 'LGIF', 'LGO')
 ORDER BY event_time DESC`,
  quote: tsqlIdentifier,
  sourcePrefix: (db) => (db === undefined ? '' : `${tsqlIdentifier(db)}.`),
};
