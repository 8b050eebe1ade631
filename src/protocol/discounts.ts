/**
 * The discounts dashboard's protocol (fact_descontos: each discount applied to an order item):
 * filters, DTOs, methods and their validators. Money in BRL, rounded to the cent; ROI as a ratio.
 */
import type { Validation } from './rpc';
import { periodDashboardParams, validatePeriodFilters, type FactFreshness, type Period } from './period';

export type DiscountsGrain = 'month' | 'day';

export interface DiscountsFilters extends Period {
  /** dim_desconto.tipo_desconto, metodo_desconto, codigo_desconto; fact nivel_aplicacao; region of the sale. */
  readonly type: string | null;
  readonly method: string | null;
  readonly code: string | null;
  readonly level: string | null;
  readonly region: string | null;
  readonly grain: DiscountsGrain;
  /** Campaigns need at least this many applications to enter the ROI ranking (theirs: 3). */
  readonly minApplications: number;
}

export interface DiscountsKpis {
  readonly applications: number;
  /** Discount granted: SUM(valor_desconto_aplicado). */
  readonly discount: number;
  /** Revenue after discount: SUM(valor_com_desconto). */
  readonly revenue: number;
  /** (revenue - discount) / discount, as a ratio (0 without discount). */
  readonly weightedRoi: number;
  /** Mean of each application's ROI. */
  readonly averageRoi: number;
  /** Margin given away: SUM(impacto_margem). */
  readonly marginImpact: number;
  /** Margin impact over revenue, percent. */
  readonly marginImpactPct: number;
  readonly approvalPct: number;
  /** Mean effective discount, percent. */
  readonly averageDiscountPct: number;
}

export interface DiscountsTrendPoint {
  readonly period: string;
  readonly discount: number;
  readonly revenue: number;
  readonly averageRoi: number;
}

/** The users' margin classes: loss (negative margin), critical (< 30 % of the margin before), reduced (< 60 %), healthy. */
export type MarginStatus = 'loss' | 'critical' | 'reduced' | 'healthy';
export const MARGIN_STATUSES: readonly MarginStatus[] = ['loss', 'critical', 'reduced', 'healthy'];

export interface MarginStatusCount {
  readonly status: MarginStatus;
  readonly applications: number;
  readonly discount: number;
}

export interface CampaignPerformance {
  readonly code: string;
  readonly campaign: string;
  readonly type: string;
  readonly method: string;
  readonly applications: number;
  readonly discount: number;
  readonly revenue: number;
  readonly averageRoi: number;
  readonly marginImpact: number;
  readonly approvalPct: number;
}

export interface DiscountsDetailRow {
  readonly date: string;
  readonly order: string;
  readonly code: string;
  readonly campaign: string;
  readonly type: string;
  readonly method: string;
  readonly level: string;
  readonly region: string;
  readonly grossValue: number;
  readonly discount: number;
  readonly revenue: number;
  readonly discountPct: number | null;
  readonly marginImpact: number | null;
  readonly status: MarginStatus;
  readonly approved: boolean;
  readonly roi: number;
}

export interface DiscountsData {
  readonly filters: DiscountsFilters;
  readonly previousPeriod: Period;
  readonly kpis: DiscountsKpis;
  readonly previousKpis: DiscountsKpis;
  readonly trend: readonly DiscountsTrendPoint[];
  readonly marginStatus: readonly MarginStatusCount[];
  /** Campaigns by discount granted, largest first. */
  readonly topByAmount: readonly CampaignPerformance[];
  /** Campaigns with at least `minApplications` applications, by average ROI. */
  readonly topByRoi: readonly CampaignPerformance[];
  readonly detail: readonly DiscountsDetailRow[];
  readonly detailTruncated: boolean;
  readonly options: {
    readonly types: readonly string[]; readonly methods: readonly string[]; readonly codes: readonly string[];
    readonly levels: readonly string[]; readonly regions: readonly string[];
  };
  readonly freshness: FactFreshness;
  readonly generatedAt: string;
}

export const DISCOUNTS_QUERY_IDS = ['kpis', 'trendMonth', 'trendDay', 'marginStatus', 'topByAmount', 'topByRoi', 'detail', 'options', 'freshness'] as const;
export type DiscountsQueryId = (typeof DISCOUNTS_QUERY_IDS)[number];

export interface DiscountsMethods {
  'discounts/load': { params: { readonly filters: DiscountsFilters }; result: DiscountsData };
  'discounts/showSql': { params: { readonly query: DiscountsQueryId }; result: null };
  'discounts/exportCsv': { params: { readonly filters: DiscountsFilters }; result: { readonly saved: boolean; readonly rows: number } };
}
export type DiscountsMethod = keyof DiscountsMethods;

export const MAX_MIN_APPLICATIONS = 1000;

export function validateDiscountsFilters(x: unknown): Validation<DiscountsFilters> {
  return validatePeriodFilters(x, ['type', 'method', 'code', 'level', 'region'] as const, ['grain', 'minApplications'], (r) => {
    const { grain, minApplications } = r;
    if (grain !== 'month' && grain !== 'day') return { ok: false, reason: 'grain must be month or day' };
    if (typeof minApplications !== 'number' || !Number.isInteger(minApplications) || minApplications < 1 || minApplications > MAX_MIN_APPLICATIONS) {
      return { ok: false, reason: `minApplications must be a whole number from 1 to ${MAX_MIN_APPLICATIONS}` };
    }
    return { ok: true, value: { grain, minApplications } };
  });
}

export const validateDiscountsParams: (method: string, params: unknown) => Validation<{ method: DiscountsMethod; params: DiscountsMethods[DiscountsMethod]['params'] }> =
  periodDashboardParams<DiscountsFilters, DiscountsQueryId, DiscountsMethod>('discounts', DISCOUNTS_QUERY_IDS, validateDiscountsFilters);

export interface DiscountsInitialState {
  readonly kind: 'discounts';
  readonly language: string;
  readonly data: DiscountsData;
  readonly snapshot: boolean;
}
