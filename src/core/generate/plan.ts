import { CITIES } from './brazil';

/**
 * How many rows of each table a scale produces. Scale 1 is about 10k customers, 1k products and
 * 50k orders (~125k order items); fractional scales are allowed (0.01 for fast tests).
 */
export interface GenerationPlan {
  readonly seed: number;
  readonly scale: number;
  readonly regions: number;
  readonly suppliers: number;
  readonly customers: number;
  readonly products: number;
  readonly teams: number;
  readonly sellers: number;
  readonly campaigns: number;
  readonly orders: number;
  /** First and last month of the sales period (UTC). */
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly months: number;
  /** First id of each table: 1 for a base load, max+1 for rows an incremental step adds. */
  readonly firstOrderId: number;
  readonly firstOrderItemId: number;
  readonly firstOrderItemDiscountId: number;
}

export class InvalidScaleError extends Error {
  constructor(scale: number) {
    super(`Scale must be a positive number (got ${scale}). Use e.g. --scale 1 (10k customers) or --scale 0.01.`);
    this.name = 'InvalidScaleError';
  }
}

const atLeast = (min: number, n: number): number => Math.max(min, Math.round(n));

export const PERIOD_START = new Date(Date.UTC(2024, 0, 1));
export const PERIOD_MONTHS = 24;

export function planFor(scale: number, seed: number): GenerationPlan {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new InvalidScaleError(scale);
  const teams = atLeast(2, 10 * scale);
  return {
    seed: seed >>> 0,
    scale,
    regions: CITIES.length,
    suppliers: atLeast(3, 50 * scale),
    customers: atLeast(10, 10_000 * scale),
    products: atLeast(10, 1_000 * scale),
    teams,
    sellers: atLeast(teams * 2, 100 * scale),
    campaigns: atLeast(3, 40 * scale),
    orders: atLeast(20, 50_000 * scale),
    periodStart: PERIOD_START,
    periodEnd: new Date(Date.UTC(2024, PERIOD_MONTHS, 1) - 1000),
    months: PERIOD_MONTHS,
    firstOrderId: 1,
    firstOrderItemId: 1,
    firstOrderItemDiscountId: 1,
  };
}

/** Money is carried in integer cents and sent as exact decimal text. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A whole-second UTC timestamp (DATETIME2(0) / timestamp(0)). */
export function seconds(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

export function utcDay(ms: number): Date {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export const DAY_MS = 86_400_000;
