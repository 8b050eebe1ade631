import path from 'node:path';
import type { CheckLocationDto, FailedWarehouseCheck, WarehouseCheckKey, WarehouseChecks } from '../../protocol/monitor';
import { isEngineError } from '../engine/errors';
import type { Dialect, Engine, Queryable, Row, SqlParam } from '../engine/types';
import { isoTimestamp } from '../sales/load';
import { CHECK_RESULT } from '../warehouse/controlTables';
import { ensureTableSql } from '../warehouse/ddl';
import type { CheckReport, CheckResult } from './run';

/** Failed checks the monitor is given (errors first); the summary counts every one. */
export const MONITOR_FAILED_CHECKS = 100;
/** Offending keys the monitor shows per check ("a few"); the table keeps up to `checks.offendingLimit`. */
export const MONITOR_CHECK_KEYS = 5;
/** Characters of one offending value shown (a custom check may return long text). */
const KEY_CHARS = 120;

export interface RecordOptions {
  /** The project's folder: locations are kept relative to it (the same on every machine that opens it). */
  readonly root: string;
  /** Who ran the checks: `dwb check`, `VS Code (user)`, the dw-check task. */
  readonly by: string;
  /**
   * The checks ran were a subset (`--only`): only their rows are replaced. Otherwise the run
   * replaces the whole table, so checks that no longer exist leave it.
   */
  readonly partial?: boolean;
}

const text = (value: string | null, length?: number): SqlParam => ({ value: value === null || length === undefined ? value : value.slice(0, length), type: { kind: 'text', ...(length === undefined ? {} : { length }) } });
const int = (value: number | null): SqlParam => ({ value, type: { kind: 'int' } });

/** A place as stored: relative to the project's folder when inside it (forward slashes), absolute otherwise. */
export function storedPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

/** A result's offending rows as kept: a scope finding's file relative like the location. */
function offendingJson(r: CheckResult, root: string): string | null {
  if (r.offending.length === 0) return null;
  const rows = r.offending.map((o) => (typeof o['file'] === 'string' ? { ...o, file: storedPath(root, o['file']) } : o));
  return JSON.stringify(rows);
}

function insertSql(dialect: Dialect): string {
  const p = (n: number): string => (dialect === 'postgres' ? `$${n}` : `@p${n}`);
  const columns = CHECK_RESULT.columns.map((c) => c.name);
  return `INSERT INTO ctl.check_result (${columns.join(', ')}) VALUES (${columns.map((_, i) => p(i + 1)).join(', ')})`;
}

function rowParams(r: CheckResult, o: RecordOptions, at: Date): SqlParam[] {
  return [
    text(r.check, 200), text(r.family, 20), text(r.category, 40), text(r.severity, 20), { value: r.ok, type: { kind: 'bool' } },
    { value: r.value, type: { kind: 'bigint' } }, text(r.expected, 40), text(r.description, 1000), text(r.target ?? null, 256),
    text(offendingJson(r, o.root)), text(r.location === undefined ? null : storedPath(o.root, r.location.file), 1000),
    int(r.location?.line ?? null), int(r.location?.column ?? null), text(r.error ?? null),
    int(Math.min(2_147_483_647, Math.round(r.durationMs))), { value: at, type: { kind: 'timestamp', precision: 3 } }, text(o.by, 128),
  ];
}

/**
 * Keeps a run's results in ctl.check_result (created first on a warehouse bootstrapped before
 * it), in one transaction under an application lock: two runs at once write one after the other,
 * and a reader sees the previous run or this one, never half of each.
 */
export async function recordCheckReport(engine: Engine, report: CheckReport, o: RecordOptions): Promise<number> {
  const dialect = engine.dialect;
  await engine.query(ensureTableSql(CHECK_RESULT, dialect));
  const at = new Date(report.generated_at_utc);
  const insert = insertSql(dialect);
  const session = await engine.session();
  try {
    return await session.withLock('dw-workbench.check_result', { timeoutMs: 30_000 }, () => session.transaction(async (tx) => {
      if (o.partial === true) {
        for (const r of report.checks) await tx.query(`DELETE FROM ctl.check_result WHERE check_name = ${dialect === 'postgres' ? '$1' : '@p1'}`, [text(r.check, 200)]);
      } else {
        await tx.query('DELETE FROM ctl.check_result');
      }
      for (const r of report.checks) await tx.query(insert, rowParams(r, o, at));
      return report.checks.length;
    }));
  } finally {
    await session.release();
  }
}

/**
 * The table is not there (a warehouse bootstrapped before it, checks never recorded): PostgreSQL's
 * undefined_table, SQL Server's 208, and Babelfish's generic error with PostgreSQL's message.
 */
function missingTable(e: unknown): boolean {
  if (!isEngineError(e)) return false;
  return e.number === '42P01' || e.number === 208 || (e.number === 33557097 && /^relation ".*check_result" does not exist/i.test(e.message));
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const clip = (s: string): string => (s.length > KEY_CHARS ? `${s.slice(0, KEY_CHARS - 1)}…` : s);

/**
 * The first offending keys of a stored result, as the monitor shows them: a key column's value
 * with its row count (`n`), several columns as `name=value`, a scope finding as its text.
 */
export function offendingKeys(family: string, json: unknown, limit = MONITOR_CHECK_KEYS): WarehouseCheckKey[] {
  if (typeof json !== 'string' || json === '') return [];
  let rows: unknown;
  try {
    rows = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(rows)) return [];
  return rows.slice(0, limit).filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null).map((r) => {
    if (family === 'scope' && typeof r['problem'] === 'string') return { key: clip(r['problem']), rows: null };
    const entries = Object.entries(r);
    const counted = entries.length >= 2 && entries[entries.length - 1]?.[0] === 'n';
    const keys = counted ? entries.slice(0, -1) : entries;
    const key = keys.length === 1 ? String(keys[0]?.[1]) : keys.map(([k, v]) => `${k}=${String(v)}`).join(', ');
    return { key: clip(key), rows: counted ? num(entries[entries.length - 1]?.[1]) : null };
  });
}

const SEVERITIES = ['error', 'warning', 'info'] as const;

function failedCheck(r: Row): FailedWarehouseCheck {
  const family = String(r['family']);
  const file = r['location_file'];
  const severity = SEVERITIES.find((s) => s === r['severity']) ?? 'error';
  const location: CheckLocationDto | null = typeof file === 'string' && file !== ''
    ? { file, line: num(r['location_line']) || 1, column: num(r['location_column']) || 1 }
    : null;
  return {
    check: String(r['check_name']),
    family,
    severity,
    value: r['check_value'] === null || r['check_value'] === undefined ? null : Number(r['check_value']),
    expected: String(r['expected']),
    description: String(r['description']),
    target: typeof r['target_object'] === 'string' ? r['target_object'] : null,
    keys: offendingKeys(family, r['offending']),
    location,
    error: typeof r['error_message'] === 'string' ? r['error_message'] : null,
    checkedAt: isoTimestamp(r['checked_at']) ?? '',
  };
}

/** The monitor's reads of ctl.check_result: two small queries, whatever the number of checks. */
export function checkResultSql(dialect: Dialect): { summary: string; failed: string; location: string } {
  const pg = dialect === 'postgres';
  const notOk = pg ? 'NOT ok' : 'ok = 0';
  const top = (n: number): string => (pg ? '' : `TOP (${n}) `);
  const limit = (n: number): string => (pg ? ` LIMIT ${n}` : '');
  return {
    summary: `SELECT COUNT(*) AS total,
       COALESCE(SUM(CASE WHEN ${notOk} THEN 1 ELSE 0 END), 0) AS failed,
       COALESCE(SUM(CASE WHEN ${notOk} AND severity = 'error' THEN 1 ELSE 0 END), 0) AS errors,
       COALESCE(SUM(CASE WHEN ${notOk} AND severity = 'warning' THEN 1 ELSE 0 END), 0) AS warnings,
       MAX(checked_at) AS last_at,
       (SELECT ${top(1)}checked_by FROM ctl.check_result ORDER BY checked_at DESC, check_name${limit(1)}) AS last_by
  FROM ctl.check_result`,
    failed: `SELECT ${top(MONITOR_FAILED_CHECKS)}check_name, family, severity, check_value, expected, description, target_object, offending,
       location_file, location_line, location_column, error_message, checked_at
  FROM ctl.check_result
 WHERE ${notOk}
 ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, check_name${limit(MONITOR_FAILED_CHECKS)}`,
    location: `SELECT location_file, location_line, location_column FROM ctl.check_result WHERE check_name = ${pg ? '$1' : '@p1'}`,
  };
}

export const NO_CHECKS: WarehouseChecks = {
  recorded: false, total: 0, passed: 0, failed: 0, errors: 0, warnings: 0, lastCheckedAt: null, lastCheckedBy: null, failedChecks: [],
};

/** What the last runs of the checks found, for the monitor; nothing recorded when the table is missing or empty. */
export async function readCheckResults(db: Queryable, dialect: Dialect): Promise<WarehouseChecks> {
  const sql = checkResultSql(dialect);
  try {
    const [summary, failed] = await Promise.all([db.query(sql.summary), db.query(sql.failed)]);
    const s = summary.rows[0] ?? {};
    const total = num(s['total']);
    if (total === 0) return NO_CHECKS;
    return {
      recorded: true,
      total,
      passed: total - num(s['failed']),
      failed: num(s['failed']),
      errors: num(s['errors']),
      warnings: num(s['warnings']),
      lastCheckedAt: isoTimestamp(s['last_at']),
      lastCheckedBy: typeof s['last_by'] === 'string' ? s['last_by'] : null,
      failedChecks: failed.rows.map(failedCheck),
    };
  } catch (e) {
    if (missingTable(e)) return NO_CHECKS;
    throw e;
  }
}

/** Where a recorded check is declared, as stored (relative to the project's folder, or absolute); null when unknown. */
export async function recordedCheckLocation(db: Queryable, dialect: Dialect, check: string): Promise<CheckLocationDto | null> {
  try {
    const r = (await db.query(checkResultSql(dialect).location, [text(check, 200)])).rows[0];
    return r === undefined ? null : failedCheck({ ...r, check_name: check, family: '', severity: 'error', expected: '', description: '' }).location;
  } catch (e) {
    if (missingTable(e)) return null;
    throw e;
  }
}
