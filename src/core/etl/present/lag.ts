import { INITIAL_WATERMARK } from '../run/control';

/** Watermark or timestamp text (ISO, with or without zone; the warehouse keeps UTC) to epoch ms. */
export function utcMillis(text: string): number | undefined {
  const t = text.trim().replace(' ', 'T');
  if (t === '') return undefined;
  // Drivers give microseconds; Date parses milliseconds, and a zone-less stamp is UTC here.
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (m === null) return undefined;
  const fraction = (m[2] ?? '').slice(0, 4);
  const ms = Date.parse(`${m[1] ?? ''}${fraction}${m[3] ?? 'Z'}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** True for the watermark a never-loaded (or reset) entity has. */
export function isInitialWatermark(updatedAt: string): boolean {
  const ms = utcMillis(updatedAt);
  return ms !== undefined && ms <= (utcMillis(INITIAL_WATERMARK.updatedAt) ?? 0);
}

/** A duration as people say it: `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h`. Negative counts as 0. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

/**
 * Lag of an entity, the one definition the tree and the monitor share: now minus its last
 * successful load (ctl.etl_control.last_success_at); undefined while it has never loaded. The
 * watermark is not a lag: it is the newest source change loaded, which can be a year old in a
 * warehouse loaded a minute ago.
 */
export function entityLag(lastSuccessAt: string | null, now: Date): number | undefined {
  const ms = lastSuccessAt === null ? undefined : utcMillis(lastSuccessAt);
  return ms === undefined ? undefined : Math.max(0, now.getTime() - ms);
}
