/**
 * The targets dashboard's protocol (fact_metas: monthly seller targets against what they sold):
 * filters, DTOs, methods and their validators. Money in BRL, rounded to the cent.
 */
import type { Validation } from './rpc';
import { periodDashboardParams, validatePeriodFilters, type FactFreshness, type Period } from './period';

export interface TargetsFilters extends Period {
  /** dim_equipe.regional of the seller's team. */
  readonly region: string | null;
  readonly team: string | null;
  readonly seller: string | null;
}

export interface TargetsKpis {
  readonly target: number;
  readonly actual: number;
  /** Actual over target, percent (0 without a target). */
  readonly attainmentPct: number;
  /** Sum of the fact's gap_meta (target - actual): what is still missing. */
  readonly gap: number;
  /** Seller-months that met their target, percent of seller-months. */
  readonly metPct: number;
  /** Seller-months above their target, percent. */
  readonly exceededPct: number;
  readonly sellers: number;
  readonly sellerMonths: number;
}

export interface TargetsTrendPoint {
  /** First day of the month. */
  readonly period: string;
  readonly target: number;
  readonly actual: number;
}

export interface TargetsQuartile {
  /** 1 = the month's best sellers by actual, 4 = the lowest; null = not ranked. */
  readonly quartile: number | null;
  readonly sellerMonths: number;
  readonly actual: number;
}

export interface TargetsAttainment {
  readonly label: string;
  /** Sellers: their team; teams: the team's region. */
  readonly group: string;
  readonly target: number;
  readonly actual: number;
  readonly attainmentPct: number;
  /** Seller-months that met the target. */
  readonly met: number;
}

export interface TargetsDetailRow {
  readonly month: string;
  readonly seller: string;
  readonly team: string;
  readonly target: number;
  readonly actual: number;
  readonly gap: number;
  readonly attainmentPct: number;
  readonly met: boolean;
  readonly exceeded: boolean;
  readonly rank: number | null;
  readonly quartile: number | null;
}

export interface TargetsData {
  readonly filters: TargetsFilters;
  readonly previousPeriod: Period;
  readonly kpis: TargetsKpis;
  readonly previousKpis: TargetsKpis;
  readonly trend: readonly TargetsTrendPoint[];
  readonly quartiles: readonly TargetsQuartile[];
  readonly topTeams: readonly TargetsAttainment[];
  readonly topSellers: readonly TargetsAttainment[];
  readonly detail: readonly TargetsDetailRow[];
  readonly detailTruncated: boolean;
  readonly options: { readonly regions: readonly string[]; readonly teams: readonly string[]; readonly sellers: readonly string[] };
  readonly freshness: FactFreshness;
  readonly generatedAt: string;
}

export const TARGETS_QUERY_IDS = ['kpis', 'trend', 'quartiles', 'topTeams', 'topSellers', 'detail', 'options', 'freshness'] as const;
export type TargetsQueryId = (typeof TARGETS_QUERY_IDS)[number];

export interface TargetsMethods {
  'targets/load': { params: { readonly filters: TargetsFilters }; result: TargetsData };
  'targets/showSql': { params: { readonly query: TargetsQueryId }; result: null };
  'targets/exportCsv': { params: { readonly filters: TargetsFilters }; result: { readonly saved: boolean; readonly rows: number } };
}
export type TargetsMethod = keyof TargetsMethods;

export function validateTargetsFilters(x: unknown): Validation<TargetsFilters> {
  return validatePeriodFilters(x, ['region', 'team', 'seller'] as const, [], () => ({ ok: true, value: {} }));
}

export const validateTargetsParams: (method: string, params: unknown) => Validation<{ method: TargetsMethod; params: TargetsMethods[TargetsMethod]['params'] }> =
  periodDashboardParams<TargetsFilters, TargetsQueryId, TargetsMethod>('targets', TARGETS_QUERY_IDS, validateTargetsFilters);

export interface TargetsInitialState {
  readonly kind: 'targets';
  readonly language: string;
  readonly data: TargetsData;
  readonly snapshot: boolean;
}
