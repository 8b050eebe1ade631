import type { EngineKind } from './types';

/** What the user can do something about; the UI picks its action from this, never from text. */
export type EngineErrorKind =
  | 'unreachable'
  | 'login-failed'
  | 'certificate-untrusted'
  | 'database-missing'
  | 'timeout'
  | 'cancelled'
  | 'syntax'
  | 'constraint'
  | 'deadlock'
  | 'lock-timeout'
  | 'permission'
  | 'other';

export interface EngineErrorDetails {
  readonly kind: EngineErrorKind;
  readonly engine: EngineKind;
  /** SQL Server error number, or PostgreSQL SQLSTATE. */
  readonly number?: number | string;
  readonly severity?: number;
  readonly state?: number;
  /** 1-based line within the batch or statement sent, as the server reports it. */
  readonly line?: number;
  /** 1-based character offset within the statement (PostgreSQL `position`). */
  readonly position?: number;
  readonly procedure?: string;
  /** Host:port, database: never a password. */
  readonly target?: string;
  readonly cause?: unknown;
}

/**
 * The brand every EngineError carries. The extension ships in more than one bundle (activation
 * shell, feature bundle, CLI), each with its own copy of this class, so `instanceof` is true only
 * in the bundle that created the error; the brand (a registry symbol, the same in every copy)
 * is what `isEngineError` checks.
 */
const ENGINE_ERROR_BRAND = Symbol.for('dw-workbench.EngineError');

/**
 * The one error type the Engine layer throws. It keeps what the server said (number, severity,
 * line, procedure) and adds the kind the UI acts on and a message that says what to do.
 */
export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  readonly engine: EngineKind;
  readonly number: number | string | undefined;
  readonly severity: number | undefined;
  readonly state: number | undefined;
  readonly line: number | undefined;
  readonly position: number | undefined;
  readonly procedure: string | undefined;
  readonly target: string | undefined;

  /** See ENGINE_ERROR_BRAND. */
  readonly [ENGINE_ERROR_BRAND] = true;

  constructor(message: string, details: EngineErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'EngineError';
    this.kind = details.kind;
    this.engine = details.engine;
    this.number = details.number;
    this.severity = details.severity;
    this.state = details.state;
    this.line = details.line;
    this.position = details.position;
    this.procedure = details.procedure;
    this.target = details.target;
  }
}

/** True for an EngineError from any bundle (use this, not `instanceof EngineError`). */
export function isEngineError(e: unknown): e is EngineError {
  return typeof e === 'object' && e !== null && (e as { [ENGINE_ERROR_BRAND]?: unknown })[ENGINE_ERROR_BRAND] === true;
}
