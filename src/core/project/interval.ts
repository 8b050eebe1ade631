/** Milliseconds of '90s', '5m', '1h', '2d', '500ms' or a bare number of seconds; undefined when unreadable or not above zero. */
export function parseInterval(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (m === null) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
  const ms = Number(m[1]) * unit;
  return ms > 0 ? ms : undefined;
}

/** The range stack.watch.every accepts: a warehouse load every few seconds would only hammer the server. */
export const WATCH_EVERY_MIN_MS = 10_000;
export const WATCH_EVERY_MAX_MS = 7 * 86_400_000;
