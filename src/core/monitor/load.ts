import type {
  AuditFileEvent,
  CheckLocationDto,
  ConnectionAudit,
  ConnectionAuditFilters,
  ControlRow,
  CountedName,
  EntityHealth,
  FailureCorrelation,
  MonitorData,
  RunEntityDetail,
  SnapshotStage,
} from '../../protocol/monitor';
import { SNAPSHOT_STAGES } from '../../protocol/monitor';
import { NO_CHECKS, readCheckResults, recordedCheckLocation } from '../checks/store';
import type { Dialect, Queryable, Row, SqlParam } from '../engine/types';
import { postgresMonitorDialect, sqlServerMonitorDialect, type MonitorSqlDialect } from './dialect';
import { groupFailures, type FailedEntityRun } from './failures';
import { alertsFrom, DEFAULT_SLA, entityHealth, preflight, type SlaPolicy } from './health';
import { controlRow, num, numOrNull, runEntity, runSummary, textOrNull, timelineMark } from './rows';
import { monitorSql, type MonitorSql } from './sql';
import { cellText, isoTimestamp } from '../sales/load';

const dialects: Record<Dialect, MonitorSqlDialect> = { postgres: postgresMonitorDialect, sqlserver: sqlServerMonitorDialect };
const texts: Record<Dialect, MonitorSql> = { postgres: monitorSql(postgresMonitorDialect), sqlserver: monitorSql(sqlServerMonitorDialect) };

export const HISTORY_DAYS = 14;

export interface MonitorOptions {
  readonly sla?: SlaPolicy;
  /** SQL Server: the OLTP database holding source tables (`ECOMMERCE_OLTP`), for reconciliation. */
  readonly sourceDatabase?: string;
  /** SQL Server: the `.sqlaudit` file pattern (e.g. `/var/opt/mssql/audit/*.sqlaudit`). */
  readonly auditFilePattern?: string;
  readonly now?: () => Date;
  /**
   * Targets (`schema.table`, lower case) that keep soft-deleted source rows, flagged inactive
   * (the definitions' `target.activeColumn`): they reconcile with every source row, deleted
   * ones included; other targets with the source rows not deleted.
   */
  readonly keepsSoftDeleted?: readonly string[];
  /**
   * False where no server sessions exist to audit (the embedded engine): the pre-flight list
   * leaves out its connection-audit check. Default true.
   */
  readonly connectionAudit?: boolean;
}

/** `MonitorOptions.keepsSoftDeleted` from entity definitions: the targets with an active flag. */
export function targetsKeepingSoftDeleted(definitions: readonly { readonly target: { readonly table: string; readonly activeColumn?: string } }[]): string[] {
  return definitions.filter((d) => d.target.activeColumn !== undefined).map((d) => d.target.table.toLowerCase());
}

/** What a user calls each part of the monitor that a query fills (errors name these, not the queries). */
const PANEL_NAMES = {
  control: 'ctl.etl_control',
  running: 'Running now',
  recent: 'Last runs',
  timeline: 'Timeline',
  statusPerDay: 'Runs per day',
  volume: 'Volume per entity',
  failures: 'Recent failures',
  connections: 'Connection audit',
  checks: 'Warehouse checks',
} as const;
const PANEL_COUNT = Object.keys(PANEL_NAMES).length;

/** `schema.table` as ctl.etl_control stores it; anything else is not queried. */
const QUALIFIED = /^([A-Za-z_][A-Za-z0-9_]{0,127})\.([A-Za-z_][A-Za-z0-9_]{0,127})$/;

const ts = (d: Date): SqlParam => ({ value: d, type: { kind: 'timestamp', precision: 3 } });
const text = (v: string | null): SqlParam => ({ value: v, type: { kind: 'text', length: 256 } });

/** Reads and acts on ctl and audit for the monitor, in one dialect. */
export class MonitorQueries {
  private readonly sql: MonitorSql;
  private readonly d: MonitorSqlDialect;

  constructor(private readonly db: Queryable, readonly dialect: Dialect, private readonly options: MonitorOptions = {}) {
    this.sql = texts[dialect];
    this.d = dialects[dialect];
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async rows(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    return (await this.db.query(sql, params)).rows;
  }

  async load(filters: ConnectionAuditFilters): Promise<MonitorData> {
    const now = this.now();
    const since = ts(new Date(now.getTime() - HISTORY_DAYS * 86_400_000));
    const errors: string[] = [];
    let lastError: unknown;
    const settle = async <T>(panel: keyof typeof PANEL_NAMES, work: Promise<T>, fallback: T): Promise<T> =>
      work.catch((e: unknown) => {
        lastError = e;
        errors.push(`${PANEL_NAMES[panel]}: ${e instanceof Error ? e.message : String(e)}`);
        return fallback;
      });
    // Everything at once: the reconciliation counts start as soon as ctl.etl_control is read,
    // alongside the other panels' queries rather than after them.
    const controlRead = settle('control', this.rows(this.sql.control).then((r) => r.map(controlRow)), null);
    const [control, health, running, recent, timeline, statusPerDay, volume, failed, connections, checks] = await Promise.all([
      controlRead,
      controlRead.then((c) => this.health(c ?? [], now)),
      settle('running', this.rows(this.sql.running, [since]).then((r) => r.map(runSummary)), null),
      settle('recent', this.rows(this.sql.recentRuns).then((r) => r.map(runSummary)), null),
      settle('timeline', this.rows(this.sql.timeline, [since]).then((r) => r.map(timelineMark)), []),
      settle('statusPerDay', this.rows(this.sql.statusPerDay, [since]), []),
      settle('volume', this.rows(this.sql.volumePerEntity, [since]), []),
      settle('failures', this.rows(this.sql.failures, [since]).then((r) => r.map(failedRun)), []),
      settle('connections', this.connectionAudit(filters, now), null),
      // The last recorded results, not a run: two reads of a table of one row per check.
      settle('checks', readCheckResults(this.db, this.dialect), NO_CHECKS),
    ]);
    // Nothing could be read (the connection is down): one error, not one per panel.
    if (errors.length === PANEL_COUNT && lastError instanceof Error) throw lastError;
    const failures = groupFailures(failed);
    return {
      preflight: preflight({
        control,
        auditReadable: running !== null && recent !== null,
        health,
        connectionEvents: this.options.connectionAudit === false ? 'not-applicable' : connections?.total ?? null,
        recentRuns: recent ?? [],
        failures,
      }),
      running: running ?? [],
      recentRuns: recent ?? [],
      timeline,
      statusPerDay: statusPerDay.map((r) => ({ day: String(r['day']), status: String(r['status']) as 'success', runs: num(r['runs']) })),
      volumePerEntity: volume.map((r) => ({
        entity: String(r['entity_name']), runs: num(r['runs']), extracted: num(r['extracted']), upserted: num(r['upserted']), softDeleted: num(r['soft_deleted']),
      })),
      health,
      control: control ?? [],
      failures,
      alerts: alertsFrom(health, failed),
      connections: connections ?? emptyAudit(filters, this.auditFileApplies()),
      checks,
      errors,
      generatedAt: now.toISOString(),
    };
  }

  /** Where a recorded check is declared (as stored), or null. */
  checkLocation(check: string): Promise<CheckLocationDto | null> {
    return recordedCheckLocation(this.db, this.dialect, check);
  }

  async runDetail(runId: number): Promise<RunEntityDetail[]> {
    return (await this.rows(this.sql.runDetail, [{ value: runId, type: { kind: 'bigint' } }])).map(runEntity);
  }

  /** Source-versus-target counts per entity; a table this connection cannot read counts as null. */
  private async health(control: readonly ControlRow[], now: Date): Promise<EntityHealth[]> {
    return Promise.all(
      control.map(async (row) => {
        const [source, target] = await Promise.all([this.count(this.sourceCountSql(row)), this.targetRows(row.targetTable)]);
        return entityHealth(row, { source, target }, now, this.options.sla ?? DEFAULT_SLA);
      }),
    );
  }

  private sourceCountSql(row: ControlRow): string | undefined {
    const m = QUALIFIED.exec(row.sourceTable);
    if (m === null) return undefined;
    const withDeleted = this.options.keepsSoftDeleted?.includes(row.targetTable.toLowerCase()) ?? false;
    return this.sql.sourceCount(`${this.d.sourcePrefix(this.options.sourceDatabase)}${this.d.quote(m[1] as string)}.${this.d.quote(m[2] as string)}`, withDeleted);
  }

  /** A COUNT(*) query's answer; null when there is no query or this connection cannot run it. */
  private async count(sql: string | undefined): Promise<number | null> {
    if (sql === undefined) return null;
    try {
      return num((await this.rows(sql))[0]?.['n']);
    } catch {
      return null;
    }
  }

  /**
   * The rows a target table (`schema.table` as ctl.etl_control names it) holds now, the unknown
   * member excluded; null when it cannot be read. The tree shows this, like the reconciliation.
   */
  targetRows(targetTable: string): Promise<number | null> {
    return this.count(this.targetCountSql(targetTable));
  }

  private targetCountSql(targetTable: string): string | undefined {
    const m = QUALIFIED.exec(targetTable);
    if (m === null) return undefined;
    const [, schema, table] = m as unknown as [string, string, string];
    // Dimensions keep an unknown member with surrogate key -1 (dim_cliente -> cliente_id).
    const unknownKey = schema.toLowerCase() === 'dim' ? this.d.quote(`${table.replace(/^dim_/i, '')}_id`.toLowerCase()) : undefined;
    return this.sql.targetCount(`${this.d.quote(schema)}.${this.d.quote(table)}`, unknownKey);
  }

  private async connectionAudit(f: ConnectionAuditFilters, now: Date): Promise<ConnectionAudit> {
    const since = ts(new Date(now.getTime() - f.hours * 3_600_000));
    const p = [since, text(f.login), text(f.program), text(f.database), text(f.status), text(f.host)];
    const counted = (rows: Row[]): CountedName[] => rows.map((r) => ({ name: cellText(r['name'], '—'), count: num(r['n']) }));
    const [total, logins, programs, databases, perHour, recent, options, correlation, auditFile] = await Promise.all([
      this.rows(this.sql.auditTotal, p),
      this.rows(this.sql.topLogins, p),
      this.rows(this.sql.topPrograms, p),
      this.rows(this.sql.topDatabases, p),
      this.rows(this.sql.perHour, p),
      this.rows(this.sql.recentEvents, p),
      this.rows(this.sql.auditOptions, [since]),
      this.rows(this.sql.correlation, [ts(new Date(now.getTime() - HISTORY_DAYS * 86_400_000))]),
      this.auditFileEvents(),
    ]);
    const opt = (kind: string): string[] =>
      options.filter((r) => r['kind'] === kind && r['value'] !== null).map((r) => String(r['value'])).sort((a, b) => a.localeCompare(b));
    return {
      filters: f,
      options: { logins: opt('login'), programs: opt('program'), hosts: opt('host'), databases: opt('database'), statuses: opt('status') },
      total: num(total[0]?.['n']),
      topLogins: counted(logins),
      topPrograms: counted(programs),
      topDatabases: counted(databases),
      perHour: perHour.map((r) => ({ hour: String(r['hour']), count: num(r['n']) })),
      recent: recent.map((r) => ({
        capturedAt: isoTimestamp(r['captured_at']) ?? '',
        sessionId: num(r['session_id']),
        login: textOrNull(r['login_name']),
        host: textOrNull(r['host_name']),
        program: textOrNull(r['program_name']),
        database: textOrNull(r['database_name']),
        status: textOrNull(r['status']),
        clientAddress: textOrNull(r['client_net_address']),
        runId: numOrNull(r['run_id']),
        stage: snapshotStage(r['stage']),
      })),
      correlation: correlate(correlation),
      auditFileEvents: auditFile,
      auditFileApplies: this.auditFileApplies(),
    };
  }

  /** SQL Server Audit files exist only on SQL Server, and are read only when a pattern is given. */
  private auditFileApplies(): boolean {
    return this.sql.auditFileEvents !== null && this.options.auditFilePattern !== undefined;
  }

  private async auditFileEvents(): Promise<AuditFileEvent[] | null> {
    const sql = this.sql.auditFileEvents;
    if (sql === null || this.options.auditFilePattern === undefined) return null;
    try {
      return (await this.rows(sql, [text(this.options.auditFilePattern)])).map((r) => ({
        eventTime: isoTimestamp(r['event_time']) ?? '',
        action: String(r['action_id']).trim(),
        login: cellText(r['server_principal_name']),
        succeeded: r['succeeded'] === true || r['succeeded'] === 1,
        clientAddress: textOrNull(r['client_ip']),
      }));
    } catch {
      // No audit files yet (or no permission to read them): the panel says so.
      return null;
    }
  }

  async resetWatermark(entity: string): Promise<boolean> {
    return (await this.db.query(this.sql.resetWatermark, [text(entity)])).rowsAffected === 1;
  }

  async setActive(entity: string, active: boolean): Promise<boolean> {
    return (await this.db.query(this.sql.setActive, [text(entity), { value: active, type: { kind: 'bool' } }])).rowsAffected === 1;
  }

  /** Activates (or deactivates) every registered entity; returns how many changed. */
  async setAllActive(active: boolean): Promise<number> {
    return (await this.db.query(this.sql.setAllActive, [{ value: active, type: { kind: 'bool' } }])).rowsAffected;
  }

  /** Runs the snapshot procedure; returns the sessions it captured. */
  async captureSnapshot(): Promise<number> {
    const before = (await this.rows(this.sql.now))[0]?.['now_utc'];
    await this.db.batch(this.sql.captureSnapshot);
    const since: SqlParam = before instanceof Date ? ts(before) : text(String(before));
    return num((await this.rows(this.sql.capturedSince, [since]))[0]?.['n']);
  }
}

/** A stored stage the protocol knows; anything else (a hand-written row) shows as none. */
function snapshotStage(v: unknown): SnapshotStage | null {
  return (SNAPSHOT_STAGES as readonly unknown[]).includes(v) ? (v as SnapshotStage) : null;
}

function failedRun(r: Row): FailedEntityRun {
  return { entity: String(r['entity_name']), errorMessage: textOrNull(r['error_message']), failedAt: isoTimestamp(r['failed_at']) ?? '' };
}

function correlate(rows: Row[]): FailureCorrelation[] {
  const byRun = new Map<string, { runId: number; entity: string; failedAt: string; connections: number; logins: Set<string> }>();
  for (const r of rows) {
    const key = `${String(r['run_id'])}/${String(r['entity_name'])}`;
    let c = byRun.get(key);
    if (c === undefined) {
      c = { runId: num(r['run_id']), entity: String(r['entity_name']), failedAt: isoTimestamp(r['failed_at']) ?? '', connections: 0, logins: new Set() };
      byRun.set(key, c);
    }
    const n = num(r['n']);
    c.connections += n;
    if (n > 0 && r['login_name'] !== null && r['login_name'] !== undefined) c.logins.add(cellText(r['login_name']));
  }
  return [...byRun.values()].map((c) => ({ ...c, logins: [...c.logins].sort() }));
}

function emptyAudit(filters: ConnectionAuditFilters, auditFileApplies: boolean): ConnectionAudit {
  return {
    filters,
    options: { logins: [], programs: [], hosts: [], databases: [], statuses: [] },
    total: 0, topLogins: [], topPrograms: [], topDatabases: [], perHour: [], recent: [], correlation: [], auditFileEvents: null, auditFileApplies,
  };
}
