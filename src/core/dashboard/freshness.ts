import type { FreshnessSla } from '../../protocol/period';

/** The users' data SLA: day D is loaded by D+1 at `hour` o'clock in `timeZone`. Theirs: 08:00 in São Paulo. */
export interface SlaSettings {
  readonly hour: number;
  readonly timeZone: string;
}
export const DEFAULT_SLA: SlaSettings = { hour: 8, timeZone: 'America/Sao_Paulo' };

/** A setting the dashboards refuse: named, with the value and what it takes. */
export class InvalidSlaError extends Error {
  constructor(readonly setting: string, value: unknown, expected: string) {
    super(`${setting}: ${JSON.stringify(value)} is not ${expected}.`);
    this.name = 'InvalidSlaError';
  }
}

/** Checks SLA settings coming from a user (VS Code settings, CLI flags); `names` say where each came from. */
export function checkSla(sla: SlaSettings, names: { readonly hour: string; readonly timeZone: string }): SlaSettings {
  if (!Number.isInteger(sla.hour) || sla.hour < 0 || sla.hour > 23) throw new InvalidSlaError(names.hour, sla.hour, 'a whole hour from 0 to 23');
  try {
    new Intl.DateTimeFormat('en', { timeZone: sla.timeZone });
  } catch {
    throw new InvalidSlaError(names.timeZone, sla.timeZone, 'an IANA time zone (America/Sao_Paulo, UTC, Europe/Lisbon…)');
  }
  return sla;
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(at: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(at));
  const n = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { y: n('year'), m: n('month'), d: n('day'), h: n('hour'), min: n('minute'), s: n('second') };
}

/** The instant at which the wall clock of `timeZone` shows that date and hour (DST-safe: the offset is read twice). */
function instantOf(y: number, m: number, d: number, hour: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d, hour);
  const offsetAt = (t: number): number => {
    const w = wallClock(t, timeZone);
    return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - t;
  };
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}

/**
 * Whether a fact's last load meets the SLA at `now`: the last deadline that passed (today's at
 * `hour` local, or yesterday's before that hour) asks for the day before it, which can only be
 * complete once its own day began; so a load since that local midnight is on time.
 */
export function freshnessSla(lastLoadAt: string | null, now: Date, sla: SlaSettings): FreshnessSla {
  const t = now.getTime();
  const today = wallClock(t, sla.timeZone);
  let day = Date.UTC(today.y, today.m - 1, today.d);
  let deadline = instantOf(today.y, today.m, today.d, sla.hour, sla.timeZone);
  if (deadline > t) {
    day -= 86_400_000;
    const y = new Date(day);
    deadline = instantOf(y.getUTCFullYear(), y.getUTCMonth() + 1, y.getUTCDate(), sla.hour, sla.timeZone);
  }
  const dd = new Date(day);
  const dayStart = instantOf(dd.getUTCFullYear(), dd.getUTCMonth() + 1, dd.getUTCDate(), 0, sla.timeZone);
  const base = { deadline: new Date(deadline).toISOString(), timeZone: sla.timeZone, hour: sla.hour };
  if (lastLoadAt === null) return { ...base, state: 'never', overdueHours: 0 };
  if (Date.parse(lastLoadAt) >= dayStart) return { ...base, state: 'on-time', overdueHours: 0 };
  return { ...base, state: 'late', overdueHours: Math.floor((t - deadline) / 3_600_000) };
}
