import type { Queryable } from '../engine/types';
import type { CheckSeverity } from '../project/types';
import { CATEGORY, type CheckDefinition, type CheckFamily } from './catalog';
import type { CheckLocation } from './locate';

export interface CheckResult {
  /** The users' field names first (check, category, ok, value, expected), then ours. */
  readonly check: string;
  readonly category: string;
  readonly ok: boolean;
  /** Offending count (zero, rows) or rows found (minimum); null when the SQL failed. */
  readonly value: number | null;
  readonly expected: string;
  readonly family: CheckFamily;
  readonly severity: CheckSeverity;
  readonly description: string;
  readonly target?: string;
  /** The first offending keys or rows. */
  readonly offending: readonly Record<string, unknown>[];
  readonly location?: CheckLocation;
  /** Problems with a place each (the ETL scope's missing tables and columns): one line in Problems apiece. */
  readonly findings?: readonly { readonly location?: CheckLocation; readonly message: string }[];
  /** The SQL failed: why, naming the check and where it is declared. */
  readonly error?: string;
  readonly durationMs: number;
}

export interface CheckReport {
  readonly suite: 'dw_integrity';
  readonly generated_at_utc: string;
  readonly summary: {
    readonly total_checks: number;
    readonly passed: number;
    readonly failed: number;
    /** Failed checks of severity error: the exit code is non-zero when there is any. */
    readonly errors: number;
    readonly warnings: number;
  };
  readonly checks: readonly CheckResult[];
}

/** JSON-safe values: bigints and Dates as text. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString() : v instanceof Uint8Array ? `0x${Buffer.from(v).toString('hex')}` : v;
  }
  return out;
}

async function runOne(db: Queryable, c: CheckDefinition, limit: number, signal: AbortSignal | undefined): Promise<CheckResult> {
  const started = performance.now();
  const base = {
    check: c.name, category: CATEGORY[c.family], family: c.family, severity: c.severity, description: c.description,
    ...(c.target === undefined ? {} : { target: c.target }),
    ...(c.location === undefined ? {} : { location: c.location }),
  };
  const expected = c.mode === 'minimum' ? `>=${c.minimum ?? 1}` : '0';
  const options = signal === undefined ? {} : { signal };
  try {
    if (c.mode === 'rows') {
      const r = await db.query(c.sql ?? '', [], options);
      return {
        ...base, ok: r.rows.length === 0, value: r.rows.length, expected, offending: r.rows.slice(0, limit).map(plain), durationMs: performance.now() - started,
      };
    }
    const n = Number((await db.query<{ n: unknown }>(c.count ?? '', [], options)).rows[0]?.n ?? 0);
    const ok = c.mode === 'minimum' ? n >= (c.minimum ?? 1) : n === 0;
    const offending = !ok && c.offending !== undefined ? (await db.query(c.offending, [], options)).rows.map(plain) : [];
    return { ...base, ok, value: n, expected, offending, durationMs: performance.now() - started };
  } catch (e) {
    if (signal?.aborted === true) throw e;
    const where = c.setting === undefined ? `check ${c.name}` : `${c.setting}`;
    const at = c.location === undefined ? '' : ` (${c.location.file}:${c.location.line}:${c.location.column})`;
    return { ...base, ok: false, value: null, expected, offending: [], error: `${where}${at}: the SQL failed: ${(e as Error).message}`, durationMs: performance.now() - started };
  }
}

/** Runs every check in order; a check whose SQL fails is a failed result, and the others still run. */
export async function runChecks(
  db: Queryable, checks: readonly CheckDefinition[], options: { readonly limit?: number; readonly signal?: AbortSignal; readonly now?: Date } = {},
): Promise<CheckReport> {
  const results: CheckResult[] = [];
  for (const c of checks) {
    if (options.signal?.aborted === true) break;
    results.push(await runOne(db, c, options.limit ?? 20, options.signal));
  }
  return checkReport(results, options.now);
}

/** The report of some results, with its summary. */
export function checkReport(results: readonly CheckResult[], now: Date = new Date()): CheckReport {
  const failed = results.filter((r) => !r.ok);
  return {
    suite: 'dw_integrity',
    generated_at_utc: now.toISOString(),
    summary: {
      total_checks: results.length,
      passed: results.length - failed.length,
      failed: failed.length,
      errors: failed.filter((r) => r.severity === 'error').length,
      warnings: failed.filter((r) => r.severity === 'warning').length,
    },
    checks: results,
  };
}

/**
 * The lines of a failed check for the Problems panel (the dw-check problem matcher reads these):
 * one, or one per finding at its own place; none when it passed.
 */
export function problemLines(r: CheckResult, relative: (file: string) => string): string[] {
  if (r.ok) return [];
  const line = (location: CheckLocation | undefined, message: string): string =>
    `dw-check: ${r.severity}: ${location === undefined ? '' : `${relative(location.file)}:${location.line}:${location.column}: `}${r.check}: ${message}`;
  if (r.findings !== undefined && r.findings.length > 0) return r.findings.map((f) => line(f.location, f.message));
  return [line(r.location, resultMessage(r))];
}

/** What a failed result says, offending keys included. */
export function resultMessage(r: CheckResult): string {
  if (r.error !== undefined) return r.error;
  if (r.findings !== undefined && r.findings.length > 0) return `${r.description}: ${r.findings.map((f) => f.message).join('; ')}`;
  const keys = r.offending.length === 0 ? '' : `; offending: ${r.offending.map((o) => formatKey(o)).join(', ')}`;
  if (r.family === 'coverage') return `${r.description}: found ${r.value}, expected ${r.expected}`;
  return `${r.description}: ${r.value} offending${keys}`;
}

function formatKey(row: Record<string, unknown>): string {
  const entries = Object.entries(row);
  if (entries.length === 2 && entries[1]?.[0] === 'n') return `${String(entries[0]?.[1])} (${String(entries[1][1])} rows)`;
  return `{${entries.map(([k, v]) => `${k}=${String(v)}`).join(', ')}}`;
}
