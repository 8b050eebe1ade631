import type { EngineKind } from './types';
import type { EngineErrorKind } from './errors';

/** What an adapter knows when a driver error reaches it; the mapping turns it into a message. */
export interface ErrorContext {
  readonly engine: EngineKind;
  /** 'connect' while opening a connection: errors without a server code then mean unreachable. */
  readonly phase: 'connect' | 'statement';
  /** Host and port ("127.0.0.1:5432") or the PGlite data directory. */
  readonly address: string;
  readonly database: string;
  readonly user?: string;
  /** The statement sent, to turn a character position into a line. */
  readonly sql?: string;
  /** The caller aborted this statement. */
  readonly cancelled?: boolean;
  /** The statement ran into its timeoutMs. */
  readonly timeoutMs?: number;
  /**
   * Whether the project runs this server in its Docker stack: an unreachable server or a missing
   * database then points at the stack; false points at the server and the project file.
   * Undefined (a connection not from a project) keeps the stack hint.
   */
  readonly dockerStack?: boolean;
  /** Only to mask it should a driver ever echo it back. */
  readonly password?: string;
}

/** Node's TLS verification codes for a certificate the client does not trust. */
export const certificateCodes: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const productNames: Record<EngineKind, string> = {
  sqlserver: 'SQL Server',
  postgres: 'PostgreSQL',
  pglite: 'PGlite',
};

/**
 * The message for an error kind: what happened and what to do. `serverText` is the server's own
 * message, appended where it helps (syntax, constraint).
 */
export function engineErrorMessage(kind: EngineErrorKind, ctx: ErrorContext, serverText: string, line?: number): string {
  const product = productNames[ctx.engine];
  const where = `${product} at ${ctx.address}`;
  const message = ((): string => {
    switch (kind) {
      case 'unreachable':
        return ctx.dockerStack === false
          ? `Cannot reach ${where}. Is the server running, and are "host" and "port" in dw-workbench.json right?`
          : `Cannot reach ${where}. Is the stack up? Run 'DW: Start Stack'.`;
      case 'login-failed':
        return `${where} refused the login${ctx.user === undefined ? '' : ` of user "${ctx.user}"`}. Check the user in dw-workbench.json and the password stored for this connection.`;
      case 'certificate-untrusted':
        return `The TLS certificate of ${where} is not trusted (self-signed). For a local development stack only (localhost), trust it by setting "trustServerCertificate": true in this connection in dw-workbench.json.`;
      case 'database-missing':
        return `Database "${ctx.database}" does not exist on ${where}. Create it (${ctx.dockerStack === false ? `CREATE DATABASE ${ctx.database}` : "run the stack's init scripts"}) or fix "database" in dw-workbench.json.`;
      case 'timeout':
        return `The statement ran longer than ${ctx.timeoutMs ?? '?'} ms on ${product} and was cancelled. Raise the timeout or narrow the statement.`;
      case 'cancelled':
        return `The statement was cancelled on ${product}.`;
      case 'syntax':
        // The line is the statement's: a script's runner puts the file's line in front, so this one is detail.
        return `Syntax error: ${serverText}${line === undefined ? '' : ` (line ${line} of the statement)`}`;
      case 'constraint':
        return `A constraint rejected the change: ${serverText}`;
      case 'deadlock':
        return `${product} chose this statement as a deadlock victim; run it again. ${serverText}`;
      case 'lock-timeout':
        return `Another connection holds the lock; try again when it has finished. ${serverText}`;
      case 'permission':
        return `User${ctx.user === undefined ? '' : ` "${ctx.user}"`} lacks a permission on ${where}: ${serverText} Grant it or connect as a user that has it.`;
      case 'other':
        return line === undefined ? serverText : `${serverText} (line ${line})`;
    }
  })();
  return maskPassword(message, ctx.password);
}

/** Replaces every occurrence of the password: a driver must never leak it into a message. */
export function maskPassword(text: string, password: string | undefined): string {
  return password === undefined || password.length === 0 ? text : text.split(password).join('***');
}

/** 1-based line of a 1-based character position within a statement. */
export function lineAtPosition(sql: string, position: number): number {
  let line = 1;
  const end = Math.min(position - 1, sql.length);
  for (let i = 0; i < end; i++) if (sql.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The driver error to keep as `cause`, or undefined when it carries the password anywhere
 * (message, stack, fields): a cause gets logged, and the password must never reach a log.
 */
export function causeWithoutPassword(error: unknown, password: string | undefined): unknown {
  if (password === undefined || password.length === 0) return error;
  const seen = new Set<unknown>();
  const leaks = (value: unknown, depth: number): boolean => {
    if (typeof value === 'string') return value.includes(password);
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 4) return false;
    seen.add(value);
    const own = Object.getOwnPropertyNames(value).map((k) => (value as Record<string, unknown>)[k]);
    return own.some((v) => leaks(v, depth + 1));
  };
  return leaks(error, 0) ? undefined : error;
}
