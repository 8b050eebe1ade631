/**
 * The envelope every dashboard webview speaks with its host: requests carry an id and get one
 * reply with the same id; replies carry errors as data. Imported by the webview bundles and the
 * host alike, so it has no runtime dependencies.
 */

export interface RpcRequest<M extends string = string, P = unknown> {
  readonly kind: 'request';
  readonly id: number;
  readonly method: M;
  readonly params: P;
}

export interface RpcError {
  /** Stable code the webview can act on; never parse `message`. */
  readonly code: 'invalid-message' | 'unknown-method' | 'invalid-params' | 'query-failed' | 'not-available' | 'action-failed';
  readonly message: string;
}

export type RpcReply<R = unknown> =
  | { readonly kind: 'reply'; readonly id: number; readonly ok: true; readonly result: R }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: false; readonly error: RpcError };

/** A message the host pushes without being asked (auto-refresh data, theme of a snapshot). */
export interface RpcNotification<M extends string = string, P = unknown> {
  readonly kind: 'notification';
  readonly method: M;
  readonly params: P;
}

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The envelope only: a request with a safe integer id and a short method name. */
export function isRpcRequest(x: unknown): x is RpcRequest<string, unknown> {
  return (
    isRecord(x)
    && x['kind'] === 'request'
    && Number.isSafeInteger(x['id'])
    && typeof x['method'] === 'string'
    && x['method'].length <= 64
  );
}

export function isRpcReply(x: unknown): x is RpcReply {
  return isRecord(x) && x['kind'] === 'reply' && Number.isSafeInteger(x['id']) && typeof x['ok'] === 'boolean';
}

export function isRpcNotification(x: unknown): x is RpcNotification {
  return isRecord(x) && x['kind'] === 'notification' && typeof x['method'] === 'string';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as `YYYY-MM-DD` that really exists (no 2024-02-31). */
export function isIsoDate(x: unknown): x is string {
  if (typeof x !== 'string' || !ISO_DATE.test(x)) return false;
  const d = new Date(`${x}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === x;
}

/** An optional filter value: absent/null, or a short string without control characters. */
export function optionalText(x: unknown, max = 200): x is string | null | undefined {
  return x === undefined || x === null || (typeof x === 'string' && x.length <= max && !/[\u0000-\u001f]/.test(x));
}

/** An optional text filter as the queries take it: empty or absent means "not set" (null). */
export function nullIfEmpty(x: unknown): string | null {
  return typeof x === 'string' && x !== '' ? x : null;
}

/** Keys outside `allowed` make a message invalid: a typo or an injection attempt, never ignored. */
export function unknownKeys(x: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(x).filter((k) => !allowed.includes(k));
}

/** Webview state kept by VS Code across reloads (`vscode.setState`) and read by the serializer. */
export interface PanelState<F> {
  readonly filters: F;
}
