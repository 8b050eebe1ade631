import type { Dialect, Queryable, Row, SqlParam } from '../engine/types';
import { previousComparable, type Period } from '../../protocol/period';
import {
  MARGIN_STATUSES, type CampaignPerformance, type DiscountsData, type DiscountsDetailRow, type DiscountsFilters, type DiscountsKpis,
  type DiscountsQueryId, type MarginStatus,
} from '../../protocol/discounts';
import { cellText, money } from '../sales/load';
import { count, dateRange, FactQueryTexts, freshnessFrom, int, lastMonths, optionsOf, pct, ratio, text, type FactDashboardOptions } from '../dashboard/factLoad';
import { DISCOUNTS_LIMITS, discountsSql } from './sql';

export const DISCOUNTS_SQL = new FactQueryTexts<DiscountsQueryId>('Discounts dashboard', discountsSql,
  '1 first date_id (YYYYMMDD), 2 last date_id, 3 type, 4 method, 5 code, 6 level, 7 region, 8 row limit where the panel has one, 9 minimum applications (topByRoi)');

export const DISCOUNTS_DETAIL_ROWS = 500;

const filterParams = (f: DiscountsFilters, period: Period = f): SqlParam[] =>
  [...dateRange(period), text(f.type), text(f.method), text(f.code), text(f.level), text(f.region)];

function kpisFrom(r: Row | undefined): DiscountsKpis {
  const discount = money(r?.['discount']);
  const revenue = money(r?.['revenue']);
  const applications = count(r?.['applications']);
  const marginImpact = money(r?.['margin_impact']);
  return {
    applications, discount, revenue,
    weightedRoi: discount === 0 ? 0 : ratio((revenue - discount) / discount),
    averageRoi: ratio(r?.['average_roi']),
    marginImpact, marginImpactPct: pct(marginImpact, revenue),
    approvalPct: pct(count(r?.['approved']), applications),
    averageDiscountPct: money(r?.['average_pct']),
  };
}

function campaign(r: Row): CampaignPerformance {
  const applications = count(r['applications']);
  return {
    code: cellText(r['code']), campaign: cellText(r['campaign']), type: cellText(r['type']), method: cellText(r['method']),
    applications, discount: money(r['discount']), revenue: money(r['revenue']), averageRoi: ratio(r['average_roi']),
    marginImpact: money(r['margin_impact']), approvalPct: pct(count(r['approved']), applications),
  };
}

const status = (v: unknown): MarginStatus => (MARGIN_STATUSES as readonly unknown[]).includes(v) ? (v as MarginStatus) : 'healthy';
const orNull = (v: unknown, f: (x: unknown) => number): number | null => (v === null || v === undefined ? null : f(v));

export function discountsDetailRow(r: Row): DiscountsDetailRow {
  return {
    date: cellText(r['applied_on']), order: cellText(r['order_number']), code: cellText(r['code']), campaign: cellText(r['campaign']),
    type: cellText(r['type']), method: cellText(r['method']), level: cellText(r['level']), region: cellText(r['region']),
    grossValue: money(r['gross_value']), discount: money(r['discount']), revenue: money(r['revenue']),
    discountPct: orNull(r['discount_pct'], money), marginImpact: orNull(r['margin_impact'], money),
    status: status(r['status']), approved: count(r['approved']) === 1, roi: ratio(r['roi']),
  };
}

/** The discounts dashboard's queries on one connection (pooled: panels run in parallel). */
export class DiscountsQueries {
  constructor(private readonly db: Queryable, readonly dialect: Dialect, private readonly options: FactDashboardOptions) {}

  private run(id: DiscountsQueryId, params: SqlParam[], minApplications?: number): Promise<Row[]> {
    const limit = DISCOUNTS_LIMITS[id];
    const all = limit === undefined ? params : [...params, int(limit)];
    return DISCOUNTS_SQL.run(this.db, this.dialect, id, minApplications === undefined ? all : [...all, int(minApplications)]);
  }

  async load(filters: DiscountsFilters): Promise<DiscountsData> {
    const prev = previousComparable(filters.from, filters.to);
    const p = filterParams(filters);
    const [kpis, previousKpis, trend, margin, byAmount, byRoi, detail, options, freshness] = await Promise.all([
      this.run('kpis', p), this.run('kpis', filterParams(filters, prev)), this.run(filters.grain === 'month' ? 'trendMonth' : 'trendDay', p),
      this.run('marginStatus', p), this.run('topByAmount', p), this.run('topByRoi', p, filters.minApplications), this.run('detail', p),
      this.run('options', []), this.run('freshness', []),
    ]);
    const statuses = new Map(margin.map((r) => [status(r['status']), r]));
    return {
      filters,
      previousPeriod: prev,
      kpis: kpisFrom(kpis[0]),
      previousKpis: kpisFrom(previousKpis[0]),
      trend: trend.map((r) => ({ period: cellText(r['period']), discount: money(r['discount']), revenue: money(r['revenue']), averageRoi: ratio(r['average_roi']) })),
      // Every class, in order from worst to best, zero where none fell in it.
      marginStatus: MARGIN_STATUSES.map((s) => ({ status: s, applications: count(statuses.get(s)?.['applications']), discount: money(statuses.get(s)?.['discount']) })),
      topByAmount: byAmount.map(campaign),
      topByRoi: byRoi.map(campaign),
      detail: detail.slice(0, DISCOUNTS_DETAIL_ROWS).map(discountsDetailRow),
      detailTruncated: detail.length > DISCOUNTS_DETAIL_ROWS,
      options: {
        types: optionsOf(options, 'type'), methods: optionsOf(options, 'method'), codes: optionsOf(options, 'code'),
        levels: optionsOf(options, 'level'), regions: optionsOf(options, 'region'),
      },
      freshness: freshnessFrom(freshness[0], this.options.now?.() ?? new Date(), this.options.sla),
      generatedAt: new Date().toISOString(),
    };
  }

  async *detailRows(filters: DiscountsFilters, maxRows: number): AsyncIterable<DiscountsDetailRow> {
    for await (const r of DISCOUNTS_SQL.stream(this.db, this.dialect, 'detail', [...filterParams(filters), int(maxRows)])) yield discountsDetailRow(r);
  }

  /** The last 12 months up to the last month with discounts, by month; at least 3 applications for the ROI ranking (theirs). */
  async defaultFilters(today: string, minApplications = 3): Promise<DiscountsFilters> {
    const last = freshnessFrom((await this.run('freshness', []))[0], new Date(), this.options.sla).lastDate ?? today;
    return { ...lastMonths(last, 12), type: null, method: null, code: null, level: null, region: null, grain: 'month', minApplications };
  }

  showSqlText(id: DiscountsQueryId, filters: DiscountsFilters | undefined): string {
    if (filters === undefined) return DISCOUNTS_SQL.text(this.dialect, id);
    const values = [Number(filters.from.replaceAll('-', '')), Number(filters.to.replaceAll('-', '')), filters.type, filters.method, filters.code,
      filters.level, filters.region, DISCOUNTS_LIMITS[id] ?? null, filters.minApplications];
    return DISCOUNTS_SQL.literal(this.dialect, id, values, `filters ${filters.from} to ${filters.to}`);
  }
}
