/**
 * The sales dashboard's protocol: filters, the DTOs every panel renders, the methods a webview
 * may call and their validators. Money is in BRL with two decimals (rounded by the server).
 */
import { isIsoDate, isRecord, nullIfEmpty, optionalText, unknownKeys, type Validation } from './rpc';

export type SalesGrain = 'month' | 'day';

export interface SalesFilters {
  /** First day, inclusive (`YYYY-MM-DD`). */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
  readonly category: string | null;
  readonly state: string | null;
  readonly region: string | null;
  readonly team: string | null;
  readonly seller: string | null;
  readonly grain: SalesGrain;
}

export interface SalesKpis {
  readonly netRevenue: number;
  readonly grossMargin: number;
  /** Gross margin over net revenue, percent. */
  readonly grossMarginPct: number;
  /** Returned value over net revenue, percent. */
  readonly returnRatePct: number;
  /** Net revenue per order. */
  readonly averageTicket: number;
  /** Discounts over gross value, percent. */
  readonly averageDiscountPct: number;
  readonly orders: number;
  readonly items: number;
}

export interface LabelledAmount {
  readonly label: string;
  readonly netRevenue: number;
  readonly grossMargin: number;
}

export interface TrendPoint {
  /** First day of the month, or the day (`YYYY-MM-DD`). */
  readonly period: string;
  readonly netRevenue: number;
  readonly grossMargin: number;
}

export interface SellerRank {
  readonly rank: number;
  /** The warehouse's label; for the unknown member (key -1) its own word ("Desconhecido"). */
  readonly seller: string;
  /**
   * True for the warehouse's unknown member (surrogate key -1: sales without a known seller):
   * the webview shows its own "Unknown" in the UI language instead of the warehouse's label.
   */
  readonly unknown: boolean;
  readonly team: string;
  readonly netRevenue: number;
  readonly orders: number;
}

export interface SalesDetailRow {
  readonly date: string;
  readonly order: string;
  readonly product: string;
  readonly category: string;
  readonly state: string;
  readonly seller: string;
  readonly quantity: number;
  readonly grossValue: number;
  readonly discount: number;
  readonly netRevenue: number;
  readonly cost: number;
  readonly returned: number;
}

export interface SalesFilterOptions {
  readonly categories: readonly string[];
  readonly states: readonly string[];
  readonly regions: readonly string[];
  readonly teams: readonly string[];
  readonly sellers: readonly string[];
}

export interface SalesFreshness {
  /** Latest sale date in the warehouse, null when it holds no sales. */
  readonly firstSaleDate: string | null;
  readonly lastSaleDate: string | null;
  /** When the sales fact was last loaded (ctl.etl_control.last_success_at, ISO UTC). */
  readonly lastLoadAt: string | null;
  readonly lastLoadStatus: string | null;
}

/** Every number on the sales dashboard for one set of filters. */
export interface SalesDashboardData {
  readonly filters: SalesFilters;
  readonly previousPeriod: { readonly from: string; readonly to: string };
  readonly kpis: SalesKpis;
  readonly previousKpis: SalesKpis;
  readonly trend: readonly TrendPoint[];
  readonly topProducts: readonly LabelledAmount[];
  readonly topStates: readonly LabelledAmount[];
  readonly categoryMix: readonly LabelledAmount[];
  readonly byTeam: readonly LabelledAmount[];
  /** Index 0 = Sunday (dim_data.dia_da_semana 1) .. 6 = Saturday. */
  readonly byWeekday: readonly { readonly weekday: number; readonly netRevenue: number }[];
  readonly sellerRanking: readonly SellerRank[];
  readonly detail: readonly SalesDetailRow[];
  /** True when the detail table was cut at its row limit. */
  readonly detailTruncated: boolean;
  readonly options: SalesFilterOptions;
  readonly freshness: SalesFreshness;
  readonly generatedAt: string;
}

/** The panels whose SQL "Show SQL" can open. */
export const SALES_QUERY_IDS = [
  'kpis', 'trendMonth', 'trendDay', 'topProducts', 'topStates', 'categoryMix', 'byTeam', 'byWeekday',
  'sellerRanking', 'detail', 'options', 'freshness',
] as const;
export type SalesQueryId = (typeof SALES_QUERY_IDS)[number];

/** Methods a sales webview may call, with their params and results. */
export interface SalesMethods {
  'sales/load': { params: { readonly filters: SalesFilters }; result: SalesDashboardData };
  'sales/showSql': { params: { readonly query: SalesQueryId }; result: null };
  'sales/exportCsv': { params: { readonly filters: SalesFilters }; result: { readonly saved: boolean; readonly rows: number } };
}
export type SalesMethod = keyof SalesMethods;

const FILTER_KEYS = ['from', 'to', 'category', 'state', 'region', 'team', 'seller', 'grain'] as const;
/** Longest period one request may ask for: keeps a hostile message from scanning centuries. */
export const MAX_PERIOD_DAYS = 3660;

export function validateSalesFilters(x: unknown): Validation<SalesFilters> {
  if (!isRecord(x)) return { ok: false, reason: 'filters must be an object' };
  const extra = unknownKeys(x, FILTER_KEYS);
  if (extra.length > 0) return { ok: false, reason: `unknown filter ${extra.join(', ')}` };
  const { from, to, grain } = x;
  if (!isIsoDate(from) || !isIsoDate(to)) return { ok: false, reason: 'from and to must be dates (YYYY-MM-DD)' };
  if (from > to) return { ok: false, reason: 'from is after to' };
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) return { ok: false, reason: `period longer than ${MAX_PERIOD_DAYS} days` };
  if (grain !== 'month' && grain !== 'day') return { ok: false, reason: 'grain must be month or day' };
  const texts = ['category', 'state', 'region', 'team', 'seller'] as const;
  for (const k of texts) if (!optionalText(x[k])) return { ok: false, reason: `${k} must be text` };
  const text = (k: (typeof texts)[number]): string | null => nullIfEmpty(x[k]);
  return {
    ok: true,
    value: { from, to, grain, category: text('category'), state: text('state'), region: text('region'), team: text('team'), seller: text('seller') },
  };
}

/** Validates the params of a sales method; the method name itself must be one of SalesMethods. */
export function validateSalesParams(method: string, params: unknown): Validation<{ method: SalesMethod; params: SalesMethods[SalesMethod]['params'] }> {
  if (!isRecord(params)) return { ok: false, reason: 'params must be an object' };
  switch (method) {
    case 'sales/load':
    case 'sales/exportCsv': {
      if (unknownKeys(params, ['filters']).length > 0) return { ok: false, reason: 'unknown parameter' };
      const f = validateSalesFilters(params['filters']);
      return f.ok ? { ok: true, value: { method, params: { filters: f.value } } } : f;
    }
    case 'sales/showSql': {
      const q = params['query'];
      if (unknownKeys(params, ['query']).length > 0) return { ok: false, reason: 'unknown parameter' };
      if (typeof q !== 'string' || !(SALES_QUERY_IDS as readonly string[]).includes(q)) return { ok: false, reason: 'unknown query' };
      return { ok: true, value: { method, params: { query: q as SalesQueryId } } };
    }
    default:
      return { ok: false, reason: `unknown method ${method}` };
  }
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The period of the same length that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** What the sales webview is given when it opens (embedded in its HTML). */
export interface SalesInitialState {
  readonly kind: 'sales';
  readonly language: string;
  readonly data: SalesDashboardData;
  /** A static snapshot: no host behind it, filters and actions disabled. */
  readonly snapshot: boolean;
}
