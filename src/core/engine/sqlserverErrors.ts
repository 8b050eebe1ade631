import { EngineError, isEngineError, type EngineErrorKind } from './errors';
import { causeWithoutPassword, certificateCodes, engineErrorMessage, maskPassword, type ErrorContext } from './errorContext';

/**
 * The fields mssql's ConnectionError / RequestError and tedious's errors carry. mssql wraps the
 * tedious error as `originalError`; TLS failures hang below it as `cause`.
 */
export interface SqlServerErrorShape {
  readonly message?: string;
  readonly code?: string;
  readonly number?: number;
  readonly state?: number;
  readonly class?: number;
  readonly lineNumber?: number;
  readonly procName?: string;
  readonly originalError?: unknown;
  readonly cause?: unknown;
}

/** Extra facts an adapter knows that the error object lacks. */
export interface SqlServerErrorFacts {
  /** The number of the server's login error message (tedious's ELOGIN error omits it). */
  readonly loginErrorNumber?: number;
}

const networkCodes = new Set(['ESOCKET', 'EINSTLOOKUP', 'ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'ECONNCLOSED']);
const constraintNumbers = new Set([2627, 2601, 547, 515]);
const permissionNumbers = new Set([229, 230, 262, 297, 300]);

/**
 * Babelfish for PostgreSQL keeps SQL Server's numbers for some errors (2627, 8134, 50000) but
 * reports syntax errors, missing objects and bad casts all as 33557097, and a login to a missing
 * database without a number: those are told apart by the message.
 */
const BABELFISH_GENERIC = 33557097;
const babelfishMissingDatabase = /^database ".*" does not exist$/i;

function messages(links: readonly SqlServerErrorShape[]): string {
  return links.map((l) => l.message).find((m) => m !== undefined) ?? '';
}

/** The error and everything it wraps, outermost first (bounded: chains are short). */
function chain(error: unknown): SqlServerErrorShape[] {
  const out: SqlServerErrorShape[] = [];
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && out.length < 8) {
    const shape = current as SqlServerErrorShape;
    out.push(shape);
    current = shape.originalError ?? shape.cause;
  }
  return out;
}

function kindOf(links: readonly SqlServerErrorShape[], number: number | undefined, ctx: ErrorContext): EngineErrorKind {
  const codes = links.map((l) => l.code).filter((c): c is string => c !== undefined);
  if (codes.some((c) => certificateCodes.has(c))) return 'certificate-untrusted';
  if (codes.includes('ECANCEL')) return ctx.timeoutMs !== undefined && ctx.cancelled !== true ? 'timeout' : 'cancelled';
  if (codes.includes('ELOGIN')) return number === 4060 || babelfishMissingDatabase.test(messages(links)) ? 'database-missing' : 'login-failed';
  // A cancel the server does not acknowledge (Babelfish reads the attention only after the batch)
  // ends in tedious's "Failed to cancel request" ETIMEOUT and a dropped connection: still the
  // caller's cancel.
  if (codes.includes('ETIMEOUT')) return ctx.phase === 'connect' ? 'unreachable' : ctx.cancelled === true ? 'cancelled' : 'timeout';
  if (ctx.cancelled === true && codes.some((c) => networkCodes.has(c))) return 'cancelled';
  if (codes.some((c) => networkCodes.has(c))) return 'unreachable';
  if (number === undefined) return ctx.phase === 'connect' ? 'unreachable' : 'other';
  if (number === 18456) return 'login-failed';
  if (number === 4060) return 'database-missing';
  if (number === 102 || number === 156) return 'syntax';
  if (number === BABELFISH_GENERIC && /^syntax error/i.test(messages(links))) return 'syntax';
  if (constraintNumbers.has(number)) return 'constraint';
  if (number === 1205) return 'deadlock';
  if (permissionNumbers.has(number)) return 'permission';
  if (number === 1222) return 'lock-timeout';
  return 'other';
}

/** An mssql / tedious error as an EngineError, keeping number, severity, state, line, procedure. */
export function mapSqlServerError(error: unknown, ctx: ErrorContext, facts: SqlServerErrorFacts = {}): EngineError {
  if (isEngineError(error)) return error;
  const links = chain(error);
  const first = (pick: (l: SqlServerErrorShape) => number | string | undefined): number | string | undefined =>
    links.map(pick).find((v) => v !== undefined);
  const number = (first((l) => l.number) as number | undefined) ?? facts.loginErrorNumber;
  const kind = kindOf(links, number, ctx);
  const line = first((l) => l.lineNumber) as number | undefined;
  const procName = first((l) => (l.procName === '' ? undefined : l.procName)) as string | undefined;
  const serverText = maskPassword(links[0]?.message ?? String(error), ctx.password);
  return new EngineError(engineErrorMessage(kind, ctx, serverText, line), {
    kind,
    engine: 'sqlserver',
    number,
    severity: first((l) => l.class) as number | undefined,
    state: first((l) => l.state) as number | undefined,
    line,
    procedure: procName,
    target: `${ctx.address}/${ctx.database}`,
    cause: causeWithoutPassword(error, ctx.password),
  });
}
