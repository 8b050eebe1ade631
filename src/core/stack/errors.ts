/** What the user can do something about; the UI picks its action from this, never from text. */
export type StackErrorKind =
  | 'no-stack'
  | 'docker-missing'
  | 'daemon-down'
  | 'compose-missing'
  | 'port-taken'
  | 'image-missing'
  | 'health-timeout'
  | 'container-exited'
  | 'compose-failed'
  | 'backup-missing'
  | 'backup-failed'
  | 'restore-failed'
  /** stack.watch is on, but the compose file has no dwb-watch service. */
  | 'watch-missing'
  /** The watch service's image could not be built. */
  | 'watch-build-failed'
  /** The watch service stopped, or did not start its loop. */
  | 'watch-failed';

export interface StackErrorDetails {
  readonly kind: StackErrorKind;
  /** port-taken: the port that is in use. */
  readonly port?: number;
  /** The setting (environment variable or stack.env key) that changes the value at fault. */
  readonly setting?: string;
  /** image-missing: the image that could not be found or pulled. */
  readonly image?: string;
  /** health-timeout / container-exited: the service at fault. */
  readonly service?: string;
  /** The last lines the container (or the failing process) wrote, already masked. */
  readonly logTail?: readonly string[];
  readonly cause?: unknown;
}

/**
 * The one error type the stack layer throws. Messages say what to do and are masked by the
 * caller before construction: they never hold a password.
 */
export class StackError extends Error {
  readonly kind: StackErrorKind;
  readonly port: number | undefined;
  readonly setting: string | undefined;
  readonly image: string | undefined;
  readonly service: string | undefined;
  readonly logTail: readonly string[];

  constructor(message: string, details: StackErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'StackError';
    this.kind = details.kind;
    this.port = details.port;
    this.setting = details.setting;
    this.image = details.image;
    this.service = details.service;
    this.logTail = details.logTail ?? [];
  }
}

export function isStackError(e: unknown): e is StackError {
  return e instanceof StackError;
}
