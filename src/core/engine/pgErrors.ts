import { EngineError, isEngineError, type EngineErrorKind } from './errors';
import { causeWithoutPassword, certificateCodes, engineErrorMessage, lineAtPosition, maskPassword, type ErrorContext } from './errorContext';

/** The fields pg's and PGlite's DatabaseError share (both follow the protocol's ErrorResponse). */
interface PgErrorShape {
  readonly message?: string;
  readonly code?: string;
  readonly severity?: string;
  readonly position?: string;
  readonly where?: string;
}

const networkCodes = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET']);

function kindOf(code: string | undefined, ctx: ErrorContext): EngineErrorKind {
  if (code === undefined) return ctx.phase === 'connect' ? 'unreachable' : 'other';
  if (networkCodes.has(code)) return 'unreachable';
  if (certificateCodes.has(code)) return 'certificate-untrusted';
  if (code === '28P01' || code === '28000') return 'login-failed';
  if (code === '3D000') return 'database-missing';
  // 57014 is both our cancel and statement_timeout; the adapter knows which one it asked for
  if (code === '57014') return ctx.cancelled === true ? 'cancelled' : 'timeout';
  if (code === '42601') return 'syntax';
  if (code.startsWith('23')) return 'constraint';
  if (code === '40P01') return 'deadlock';
  if (code === '42501') return 'permission';
  if (code === '55P03') return 'lock-timeout';
  return 'other';
}

/** A pg / PGlite error (or a socket error) as an EngineError. Already-mapped errors pass through. */
export function mapPostgresError(error: unknown, ctx: ErrorContext): EngineError {
  if (isEngineError(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as PgErrorShape;
  const kind = kindOf(e.code, ctx);
  const position = e.position === undefined ? undefined : Number(e.position);
  const line = position !== undefined && ctx.sql !== undefined ? lineAtPosition(ctx.sql, position) : undefined;
  const serverText = maskPassword(e.message ?? 'Unknown error', ctx.password);
  return new EngineError(engineErrorMessage(kind, ctx, serverText, line), {
    kind,
    engine: ctx.engine,
    number: e.code,
    line,
    position,
    procedure: plpgsqlFunction(e.where),
    target: `${ctx.address}/${ctx.database}`,
    cause: causeWithoutPassword(error, ctx.password),
  });
}

/** The PL/pgSQL function named in the error context ("PL/pgSQL function etl.load() line 3 at ..."). */
function plpgsqlFunction(where: string | undefined): string | undefined {
  const m = where === undefined ? null : /PL\/pgSQL function ([^\s(]+)/.exec(where);
  return m?.[1];
}
