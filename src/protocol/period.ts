/**
 * What the targets and discounts dashboards share in their protocols: a period with text filters,
 * its validation, the previous period to compare with, and data freshness against an SLA.
 */
import { isIsoDate, isRecord, nullIfEmpty, optionalText, unknownKeys, type Validation } from './rpc';
import { addDays, daysBetween, MAX_PERIOD_DAYS, previousPeriod } from './sales';

/** First and last day of a period, inclusive (`YYYY-MM-DD`). */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/**
 * Checks a filter object: `from`/`to` real dates in order and at most MAX_PERIOD_DAYS apart, each
 * of `texts` absent, null or short text ('' means not set), nothing else but `extra` keys, which
 * `more` checks and returns. Unknown keys are refused.
 */
export function validatePeriodFilters<T extends string, E extends object>(
  x: unknown,
  texts: readonly T[],
  extra: readonly string[],
  more: (x: Record<string, unknown>) => Validation<E>,
): Validation<Period & Record<T, string | null> & E> {
  if (!isRecord(x)) return { ok: false, reason: 'filters must be an object' };
  const extraKeys = unknownKeys(x, ['from', 'to', ...texts, ...extra]);
  if (extraKeys.length > 0) return { ok: false, reason: `unknown filter ${extraKeys.join(', ')}` };
  const { from, to } = x;
  if (!isIsoDate(from) || !isIsoDate(to)) return { ok: false, reason: 'from and to must be dates (YYYY-MM-DD)' };
  if (from > to) return { ok: false, reason: 'from is after to' };
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) return { ok: false, reason: `period longer than ${MAX_PERIOD_DAYS} days` };
  const values: Record<string, string | null> = {};
  for (const k of texts) {
    if (!optionalText(x[k])) return { ok: false, reason: `${k} must be text` };
    values[k] = nullIfEmpty(x[k]);
  }
  const rest = more(x);
  if (!rest.ok) return rest;
  return { ok: true, value: { ...rest.value, ...values, from, to } as Period & Record<T, string | null> & E };
}

const monthEnd = (iso: string): string => addDays(`${addMonths(iso.slice(0, 7), 1)}-01`, -1);

/** `YYYY-MM` moved by `n` months. */
export function addMonths(yearMonth: string, n: number): string {
  const [y = 0, m = 1] = yearMonth.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * The period to compare with: whole months when the period is whole months (January..March ->
 * October..December, so a monthly fact is compared month for month), else the same number of
 * days just before.
 */
export function previousComparable(from: string, to: string): Period {
  if (from.endsWith('-01') && to === monthEnd(to)) {
    const months = (Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7))) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7))) + 1;
    const first = `${addMonths(from.slice(0, 7), -months)}-01`;
    return { from: first, to: addDays(from, -1) };
  }
  return previousPeriod(from, to);
}

/** Data freshness of a fact against a daily deadline: day D must be loaded by D+1 at `hour` local time. */
export interface FreshnessSla {
  /** `on-time`: the last load happened after the last deadline's day began; `late`: it did not; `never`: never loaded. */
  readonly state: 'on-time' | 'late' | 'never';
  /** The last deadline that passed (ISO UTC). */
  readonly deadline: string;
  /** Whole hours since that deadline when late, else 0. */
  readonly overdueHours: number;
  readonly timeZone: string;
  readonly hour: number;
}

export interface FactFreshness {
  /** First and last business date the fact holds (null when empty). */
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  /** ctl.etl_control.last_success_at of the fact's entity (ISO UTC). */
  readonly lastLoadAt: string | null;
  readonly lastLoadStatus: string | null;
  readonly sla: FreshnessSla;
}

/**
 * The validator of a dashboard's three methods, `<prefix>/load` and `<prefix>/exportCsv` (filters)
 * and `<prefix>/showSql` (a query id): anything else, or any extra key, is refused.
 */
export function periodDashboardParams<F, Q extends string, M extends string>(
  prefix: string,
  queryIds: readonly Q[],
  validateFilters: (x: unknown) => Validation<F>,
): (method: string, params: unknown) => Validation<{ method: M; params: { readonly filters: F } | { readonly query: Q } }> {
  return (method, params) => {
    if (!isRecord(params)) return { ok: false, reason: 'params must be an object' };
    if (method === `${prefix}/load` || method === `${prefix}/exportCsv`) {
      if (unknownKeys(params, ['filters']).length > 0) return { ok: false, reason: 'unknown parameter' };
      const f = validateFilters(params['filters']);
      return f.ok ? { ok: true, value: { method: method as M, params: { filters: f.value } } } : f;
    }
    if (method === `${prefix}/showSql`) {
      const q = params['query'];
      if (unknownKeys(params, ['query']).length > 0) return { ok: false, reason: 'unknown parameter' };
      if (typeof q !== 'string' || !(queryIds as readonly string[]).includes(q)) return { ok: false, reason: 'unknown query' };
      return { ok: true, value: { method: method as M, params: { query: q as Q } } };
    }
    return { ok: false, reason: `unknown method ${method}` };
  };
}
