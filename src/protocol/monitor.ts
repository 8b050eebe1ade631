/**
 * The ETL monitor's protocol: the DTOs its panels render (fed by ctl and audit), the methods a
 * webview may call, and their validators.
 */
import { isRecord, nullIfEmpty, optionalText, unknownKeys, type Validation } from './rpc';

/**
 * When in an ETL run a connection snapshot was taken (audit.connection_login_events.stage): at its
 * start, its end, or its failure.
 */
export const SNAPSHOT_STAGES = ['start', 'end', 'failure'] as const;
export type SnapshotStage = (typeof SNAPSHOT_STAGES)[number];

/** `cancelled`: a user stopped the run; its committed batches are kept. */
export type RunStatus = 'running' | 'success' | 'failed' | 'partial' | 'cancelled';

export interface PreflightCheck {
  readonly id: 'control-table' | 'active-entity' | 'audit-tables' | 'target-tables' | 'connection-audit' | 'first-run';
  readonly ok: boolean;
  /** Facts behind the verdict (counts, names); the webview words the check itself. */
  readonly detail: string;
}

export interface EtlRunSummary {
  readonly runId: number;
  readonly entitiesRequested: string;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: RunStatus;
  readonly entitiesSucceeded: number;
  readonly entitiesFailed: number;
  readonly errorMessage: string | null;
  readonly durationSeconds: number | null;
}

export interface RunEntityDetail {
  readonly runId: number;
  readonly entity: string;
  readonly status: RunStatus;
  readonly extracted: number;
  readonly upserted: number;
  readonly softDeleted: number;
  readonly watermarkFrom: string | null;
  readonly watermarkTo: string | null;
  readonly errorMessage: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/** One entity run on the timeline: what the mark shows, nothing more (the page embeds up to 2000). */
export interface TimelineMark {
  readonly runId: number;
  readonly entity: string;
  readonly status: RunStatus;
  readonly startedAt: string;
}

export interface StatusPerDay {
  readonly day: string;
  readonly status: RunStatus;
  readonly runs: number;
}

export interface VolumePerEntity {
  readonly entity: string;
  readonly runs: number;
  readonly extracted: number;
  readonly upserted: number;
  readonly softDeleted: number;
}

/** `mismatch`: loaded on time, but the source and target counts differ. */
export type HealthState = 'ok' | 'late' | 'failed' | 'inactive' | 'never-run' | 'mismatch';

export interface EntityHealth {
  readonly entity: string;
  readonly isActive: boolean;
  readonly sourceTable: string;
  readonly targetTable: string;
  /** Source rows not soft-deleted; null when the source cannot be read from this connection. */
  readonly sourceCount: number | null;
  /** Target rows, the unknown member (-1) excluded; null when the target cannot be read. */
  readonly targetCount: number | null;
  readonly lastSuccessAt: string | null;
  readonly lastStatus: string | null;
  /** Minutes since the last success; null when never. */
  readonly lagMinutes: number | null;
  readonly slaMinutes: number;
  readonly state: HealthState;
}

export interface ControlRow {
  readonly entity: string;
  readonly sourceTable: string;
  readonly targetTable: string;
  readonly sourcePkColumn: string;
  readonly watermarkUpdatedAt: string;
  readonly watermarkId: number;
  readonly cutoffMinutes: number;
  readonly batchSize: number;
  readonly isActive: boolean;
  readonly lastRunId: number | null;
  readonly lastStatus: string | null;
  readonly lastSuccessAt: string | null;
  readonly updatedAt: string;
}

export type ErrorKind = 'timeout' | 'deadlock' | 'constraint' | 'connection' | 'permission' | 'conversion' | 'other';

export interface FailureGroup {
  readonly kind: ErrorKind;
  readonly count: number;
  readonly lastAt: string;
  readonly entities: readonly string[];
  readonly sample: string;
}

export interface MonitorAlert {
  readonly severity: 'error' | 'warning';
  readonly kind: 'sla-breach' | 'failure';
  readonly entity: string;
  readonly at: string | null;
  /** Minutes late (sla-breach) or the error text (failure). */
  readonly detail: string;
}

export interface ConnectionAuditFilters {
  readonly login: string | null;
  readonly program: string | null;
  readonly host: string | null;
  readonly database: string | null;
  readonly status: string | null;
  /** How far back, in hours (1..720). */
  readonly hours: number;
}

export interface CountedName {
  readonly name: string;
  readonly count: number;
}

export interface ConnectionEvent {
  readonly capturedAt: string;
  readonly sessionId: number;
  readonly login: string | null;
  readonly host: string | null;
  readonly program: string | null;
  readonly database: string | null;
  readonly status: string | null;
  readonly clientAddress: string | null;
  /** The ETL run that took the snapshot (audit.etl_run.run_id), and when in it; null for others. */
  readonly runId: number | null;
  readonly stage: SnapshotStage | null;
}

export interface FailureCorrelation {
  readonly runId: number;
  readonly entity: string;
  readonly failedAt: string;
  /** Connection events captured within ±30 minutes of the failure. */
  readonly connections: number;
  readonly logins: readonly string[];
}

export interface AuditFileEvent {
  readonly eventTime: string;
  readonly action: string;
  readonly login: string;
  readonly succeeded: boolean;
  readonly clientAddress: string | null;
}

export interface ConnectionAudit {
  readonly filters: ConnectionAuditFilters;
  readonly options: {
    readonly logins: readonly string[];
    readonly programs: readonly string[];
    readonly hosts: readonly string[];
    readonly databases: readonly string[];
    readonly statuses: readonly string[];
  };
  readonly total: number;
  readonly topLogins: readonly CountedName[];
  readonly topPrograms: readonly CountedName[];
  readonly topDatabases: readonly CountedName[];
  readonly perHour: readonly { readonly hour: string; readonly count: number }[];
  readonly recent: readonly ConnectionEvent[];
  readonly correlation: readonly FailureCorrelation[];
  /** Login events from SQL Server Audit files; null where the server has none (PostgreSQL). */
  readonly auditFileEvents: readonly AuditFileEvent[] | null;
  /** False on engines without SQL Server Audit (PostgreSQL, PGlite): the webview hides that panel. */
  readonly auditFileApplies: boolean;
}

/** Where a check is declared: relative to the project's folder (absolute when outside it); 1-based. */
export interface CheckLocationDto {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One offending key of a failed check, with the rows holding it when the check counts them. */
export interface WarehouseCheckKey {
  readonly key: string;
  readonly rows: number | null;
}

export type CheckSeverityName = 'error' | 'warning' | 'info';

/** A warehouse check that failed when it last ran (ctl.check_result). */
export interface FailedWarehouseCheck {
  /** `fk_orphans.fact_vendas.cliente_id`, `duplicate_keys.dim_produto`, `custom.<name>`, `scope.<entity>`. */
  readonly check: string;
  /** fk_orphans, duplicate_keys, coverage, custom or scope. */
  readonly family: string;
  readonly severity: CheckSeverityName;
  /** Offending rows (found rows for coverage); null when its SQL failed. */
  readonly value: number | null;
  readonly expected: string;
  readonly description: string;
  readonly target: string | null;
  /** The first few offending keys. */
  readonly keys: readonly WarehouseCheckKey[];
  readonly location: CheckLocationDto | null;
  /** Its SQL failed: why. */
  readonly error: string | null;
  readonly checkedAt: string;
}

/** The latest warehouse check results, as the last runs (CLI or VS Code) recorded them. */
export interface WarehouseChecks {
  /** False when no run has recorded results in this warehouse yet. */
  readonly recorded: boolean;
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
  readonly warnings: number;
  readonly lastCheckedAt: string | null;
  readonly lastCheckedBy: string | null;
  /** Failed checks, errors first (at most 100; `failed` counts them all). */
  readonly failedChecks: readonly FailedWarehouseCheck[];
}

export interface MonitorData {
  readonly preflight: readonly PreflightCheck[];
  readonly running: readonly EtlRunSummary[];
  readonly recentRuns: readonly EtlRunSummary[];
  /** Entity rows of the last 14 days, for the timeline. */
  readonly timeline: readonly TimelineMark[];
  readonly statusPerDay: readonly StatusPerDay[];
  readonly volumePerEntity: readonly VolumePerEntity[];
  readonly health: readonly EntityHealth[];
  readonly control: readonly ControlRow[];
  readonly failures: readonly FailureGroup[];
  readonly alerts: readonly MonitorAlert[];
  readonly connections: ConnectionAudit;
  readonly checks: WarehouseChecks;
  /** Panels that could not be read ("panel: reason"); the rest of the data is still shown. */
  readonly errors: readonly string[];
  readonly generatedAt: string;
}

export type ControlAction = 'run' | 'reset-watermark' | 'activate' | 'deactivate';
export const CONTROL_ACTIONS: readonly ControlAction[] = ['run', 'reset-watermark', 'activate', 'deactivate'];

export interface MonitorMethods {
  'monitor/load': { params: { readonly audit: ConnectionAuditFilters }; result: MonitorData };
  'monitor/runDetail': { params: { readonly runId: number }; result: readonly RunEntityDetail[] };
  'monitor/action': { params: { readonly action: ControlAction; readonly entity: string }; result: { readonly done: boolean } };
  'monitor/captureSnapshot': { params: Record<string, never>; result: { readonly captured: number } };
  'monitor/revealEntity': { params: { readonly entity: string }; result: null };
  /** Runs the warehouse checks and records them (the page then reloads). */
  'monitor/runChecks': { params: Record<string, never>; result: { readonly ran: boolean } };
  /** Opens the file where a recorded check is declared, at its line. */
  'monitor/openCheck': { params: { readonly check: string }; result: { readonly opened: boolean } };
}
export type MonitorMethod = keyof MonitorMethods;

export const DEFAULT_AUDIT_FILTERS: ConnectionAuditFilters = { login: null, program: null, host: null, database: null, status: null, hours: 24 };

/** The text filters of the connection audit, each an exact match on its column. */
const AUDIT_TEXT_FILTERS = ['login', 'program', 'host', 'database', 'status'] as const;

const ENTITY_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
/** A check's name: its family, then what it checks (`fk_orphans.fact_vendas.cliente_id`, `custom.<name>`). */
const CHECK_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,199}$/;

export function validateAuditFilters(x: unknown): Validation<ConnectionAuditFilters> {
  if (!isRecord(x)) return { ok: false, reason: 'audit filters must be an object' };
  const extra = unknownKeys(x, [...AUDIT_TEXT_FILTERS, 'hours']);
  if (extra.length > 0) return { ok: false, reason: `unknown filter ${extra.join(', ')}` };
  const hours = x['hours'];
  if (!Number.isInteger(hours) || (hours as number) < 1 || (hours as number) > 720) return { ok: false, reason: 'hours must be 1..720' };
  for (const k of AUDIT_TEXT_FILTERS) if (!optionalText(x[k], 256)) return { ok: false, reason: `${k} must be text of at most 256 characters` };
  const text = (k: string): string | null => nullIfEmpty(x[k]);
  return {
    ok: true,
    value: { login: text('login'), program: text('program'), host: text('host'), database: text('database'), status: text('status'), hours: hours as number },
  };
}

export function validateMonitorParams(method: string, params: unknown): Validation<{ method: MonitorMethod; params: MonitorMethods[MonitorMethod]['params'] }> {
  if (!isRecord(params)) return { ok: false, reason: 'params must be an object' };
  switch (method) {
    case 'monitor/load': {
      if (unknownKeys(params, ['audit']).length > 0) return { ok: false, reason: 'unknown parameter' };
      const a = validateAuditFilters(params['audit']);
      return a.ok ? { ok: true, value: { method, params: { audit: a.value } } } : a;
    }
    case 'monitor/runDetail': {
      const id = params['runId'];
      if (unknownKeys(params, ['runId']).length > 0 || !Number.isSafeInteger(id) || (id as number) < 1) return { ok: false, reason: 'runId must be a positive integer' };
      return { ok: true, value: { method, params: { runId: id as number } } };
    }
    case 'monitor/action': {
      const { action, entity } = params;
      if (unknownKeys(params, ['action', 'entity']).length > 0) return { ok: false, reason: 'unknown parameter' };
      if (typeof action !== 'string' || !(CONTROL_ACTIONS as readonly string[]).includes(action)) return { ok: false, reason: 'unknown action' };
      if (typeof entity !== 'string' || !ENTITY_NAME.test(entity)) return { ok: false, reason: 'entity must be an entity name' };
      return { ok: true, value: { method, params: { action: action as ControlAction, entity } } };
    }
    case 'monitor/captureSnapshot':
    case 'monitor/runChecks':
      if (Object.keys(params).length > 0) return { ok: false, reason: 'no parameters expected' };
      return { ok: true, value: { method, params: {} } };
    case 'monitor/openCheck': {
      const check = params['check'];
      if (unknownKeys(params, ['check']).length > 0 || typeof check !== 'string' || !CHECK_NAME.test(check)) return { ok: false, reason: 'check must be a check name' };
      return { ok: true, value: { method, params: { check } } };
    }
    case 'monitor/revealEntity': {
      const entity = params['entity'];
      if (unknownKeys(params, ['entity']).length > 0 || typeof entity !== 'string' || !ENTITY_NAME.test(entity)) return { ok: false, reason: 'entity must be an entity name' };
      return { ok: true, value: { method, params: { entity } } };
    }
    default:
      return { ok: false, reason: `unknown method ${method}` };
  }
}

/** What the monitor webview is given when it opens (embedded in its HTML). */
export interface MonitorInitialState {
  readonly kind: 'monitor';
  readonly language: string;
  readonly data: MonitorData;
  readonly snapshot: boolean;
  /** Auto-refresh interval in seconds; 0 = off. */
  readonly autoRefreshSeconds: number;
}
