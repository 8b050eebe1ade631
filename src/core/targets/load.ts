import type { Dialect, Queryable, Row, SqlParam } from '../engine/types';
import { previousComparable, type Period } from '../../protocol/period';
import type { TargetsAttainment, TargetsData, TargetsDetailRow, TargetsFilters, TargetsKpis, TargetsQueryId } from '../../protocol/targets';
import { cellText, money } from '../sales/load';
import { count, dateRange, FactQueryTexts, freshnessFrom, int, lastMonths, optionsOf, pct, text, type FactDashboardOptions } from '../dashboard/factLoad';
import { TARGETS_LIMITS, targetsSql } from './sql';

export const TARGETS_SQL = new FactQueryTexts<TargetsQueryId>('Targets dashboard', targetsSql,
  '1 first date_id (YYYYMMDD), 2 last date_id, 3 region, 4 team, 5 seller, 6 row limit where the panel has one');

/** Rows the detail table shows; one more is read to know whether it was cut. */
export const TARGETS_DETAIL_ROWS = 500;

const filterParams = (f: TargetsFilters, period: Period = f): SqlParam[] => [...dateRange(period), text(f.region), text(f.team), text(f.seller)];

function kpisFrom(r: Row | undefined): TargetsKpis {
  const target = money(r?.['target']);
  const actual = money(r?.['actual']);
  const months = count(r?.['seller_months']);
  return {
    target, actual, attainmentPct: pct(actual, target), gap: money(r?.['gap']),
    metPct: pct(count(r?.['met']), months), exceededPct: pct(count(r?.['exceeded']), months),
    sellers: count(r?.['sellers']), sellerMonths: months,
  };
}

function attainment(r: Row): TargetsAttainment {
  const target = money(r['target']);
  const actual = money(r['actual']);
  return { label: cellText(r['label']), group: cellText(r['grp']), target, actual, attainmentPct: pct(actual, target), met: count(r['met']) };
}

const nullableCount = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function targetsDetailRow(r: Row): TargetsDetailRow {
  return {
    month: cellText(r['month']), seller: cellText(r['seller']), team: cellText(r['team']),
    target: money(r['target']), actual: money(r['actual']), gap: money(r['gap']), attainmentPct: money(r['attainment']),
    met: count(r['met']) === 1, exceeded: count(r['exceeded']) === 1, rank: nullableCount(r['rank_in_month']), quartile: nullableCount(r['quartile']),
  };
}

/** The targets dashboard's queries on one connection (pooled: panels run in parallel). */
export class TargetsQueries {
  constructor(private readonly db: Queryable, readonly dialect: Dialect, private readonly options: FactDashboardOptions) {}

  private run(id: TargetsQueryId, params: SqlParam[]): Promise<Row[]> {
    const limit = TARGETS_LIMITS[id];
    return TARGETS_SQL.run(this.db, this.dialect, id, limit === undefined ? params : [...params, int(limit)]);
  }

  async load(filters: TargetsFilters): Promise<TargetsData> {
    const prev = previousComparable(filters.from, filters.to);
    const p = filterParams(filters);
    const [kpis, previousKpis, trend, quartiles, topTeams, topSellers, detail, options, freshness] = await Promise.all([
      this.run('kpis', p), this.run('kpis', filterParams(filters, prev)), this.run('trend', p), this.run('quartiles', p),
      this.run('topTeams', p), this.run('topSellers', p), this.run('detail', p), this.run('options', []), this.run('freshness', []),
    ]);
    return {
      filters,
      previousPeriod: prev,
      kpis: kpisFrom(kpis[0]),
      previousKpis: kpisFrom(previousKpis[0]),
      trend: trend.map((r) => ({ period: cellText(r['period']), target: money(r['target']), actual: money(r['actual']) })),
      quartiles: quartiles.map((r) => ({ quartile: nullableCount(r['quartile']), sellerMonths: count(r['seller_months']), actual: money(r['actual']) })),
      topTeams: topTeams.map(attainment),
      topSellers: topSellers.map(attainment),
      detail: detail.slice(0, TARGETS_DETAIL_ROWS).map(targetsDetailRow),
      detailTruncated: detail.length > TARGETS_DETAIL_ROWS,
      options: { regions: optionsOf(options, 'region'), teams: optionsOf(options, 'team'), sellers: optionsOf(options, 'seller') },
      freshness: freshnessFrom(freshness[0], this.options.now?.() ?? new Date(), this.options.sla),
      generatedAt: new Date().toISOString(),
    };
  }

  /** Every detail row for the filters (CSV export), streamed. */
  async *detailRows(filters: TargetsFilters, maxRows: number): AsyncIterable<TargetsDetailRow> {
    for await (const r of TARGETS_SQL.stream(this.db, this.dialect, 'detail', [...filterParams(filters), int(maxRows)])) yield targetsDetailRow(r);
  }

  /** The default period: the last 12 months up to the last month with targets (this month's when there are none). */
  async defaultFilters(today: string): Promise<TargetsFilters> {
    const last = freshnessFrom((await this.run('freshness', []))[0], new Date(), this.options.sla).lastDate ?? today;
    return { ...lastMonths(last, 12), region: null, team: null, seller: null };
  }

  /** "Show SQL": the panel's text with the filters of the last load written in (or its parameters named). */
  showSqlText(id: TargetsQueryId, filters: TargetsFilters | undefined): string {
    if (filters === undefined) return TARGETS_SQL.text(this.dialect, id);
    const values = [Number(filters.from.replaceAll('-', '')), Number(filters.to.replaceAll('-', '')), filters.region, filters.team, filters.seller, TARGETS_LIMITS[id] ?? null];
    return TARGETS_SQL.literal(this.dialect, id, values, `filters ${filters.from} to ${filters.to}`);
  }
}
