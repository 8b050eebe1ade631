import type { Dialect, Queryable, Row, SqlParam } from '../engine/types';
import {
  previousPeriod,
  type LabelledAmount,
  type SalesDashboardData,
  type SalesDetailRow,
  type SalesFilters,
  type SalesKpis,
  type SalesQueryId,
} from '../../protocol/sales';
import { postgresSalesDialect, sqlServerSalesDialect } from './dialect';
import { SALES_LIMITS, salesSql } from './sql';

const texts: Record<Dialect, Readonly<Record<SalesQueryId, string>>> = {
  postgres: salesSql(postgresSalesDialect),
  sqlserver: salesSql(sqlServerSalesDialect),
};

/** Rows the detail table shows; one more is read to know whether it was cut. */
export const DETAIL_ROWS = 500;

/** The SQL text of one panel, with a header naming its parameters (for "Show SQL"). */
export function salesQueryText(dialect: Dialect, id: SalesQueryId): string {
  const limit = SALES_LIMITS[id];
  const header = [
    `-- Sales dashboard: ${id} (${dialect})`,
    '-- Parameters: 1 first date_id (YYYYMMDD), 2 last date_id, 3 category, 4 state, 5 region, 6 team, 7 seller'
      + (limit === undefined ? '' : `, 8 row limit (${limit})`),
    '-- A filter that is not set is passed as NULL.',
  ];
  return `${header.join('\n')}\n${texts[dialect][id]}\n`;
}

const BASE_DIALECTS = { postgres: postgresSalesDialect, sqlserver: sqlServerSalesDialect } as const;

/**
 * The SQL text of one panel with the given filters written in as literals, so it runs as is in
 * a query editor ("Show SQL"). The same text `salesQueryText` shows, with each placeholder
 * replaced by its value (NULL for a filter that is not set).
 */
export function salesQueryLiteralText(dialect: Dialect, id: SalesQueryId, filters: SalesFilters): string {
  const text = (v: string | null): string => (v === null ? 'NULL' : `${dialect === 'sqlserver' ? 'N' : ''}'${v.replaceAll("'", "''")}'`);
  const values: Record<number, string> = {
    1: String(dateId(filters.from)), 2: String(dateId(filters.to)),
    3: text(filters.category), 4: text(filters.state), 5: text(filters.region), 6: text(filters.team), 7: text(filters.seller),
    8: String(SALES_LIMITS[id] ?? 0),
  };
  const base = BASE_DIALECTS[dialect];
  const literal = (n: number): string => values[n] ?? 'NULL';
  const sql = salesSql({
    ...base,
    p: literal,
    // A bare NULL has no type in PostgreSQL's `IS NULL` test of an untyped literal: keep the cast.
    pText: (n) => (dialect === 'postgres' ? `CAST(${literal(n)} AS varchar)` : literal(n)),
  })[id];
  const header = [
    `-- Sales dashboard: ${id} (${dialect}), filters ${filters.from} to ${filters.to}`
      + ['category', 'state', 'region', 'team', 'seller'].flatMap((k) => {
        const v = filters[k as 'category'];
        return v === null ? [] : [`, ${k} ${v.replace(/[\r\n]+/g, ' ')}`];
      }).join(''),
    '-- Read-only view of the query the dashboard runs, with its current filters written in.',
  ];
  return `${header.join('\n')}\n${sql}\n`;
}

/** A scalar cell as text (drivers hand back strings, numbers, bigints, booleans or Dates). */
export function cellText(v: unknown, fallback = ''): string {
  if (v === null || v === undefined) return fallback;
  if (v instanceof Date) return v.toISOString();
  switch (typeof v) {
    case 'string': return v;
    case 'number': case 'bigint': case 'boolean': return v.toString();
    default: return JSON.stringify(v) ?? fallback;
  }
}

export function dateId(isoDate: string): number {
  return Number(isoDate.replaceAll('-', ''));
}

export function dateFromId(id: unknown): string | null {
  if (id === null || id === undefined) return null;
  const s = cellText(id);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

const text = (v: string | null): SqlParam => ({ value: v, type: { kind: 'text', length: 200 } });

function filterParams(f: SalesFilters, from = f.from, to = f.to): SqlParam[] {
  return [
    { value: dateId(from), type: { kind: 'int' } },
    { value: dateId(to), type: { kind: 'int' } },
    text(f.category), text(f.state), text(f.region), text(f.team), text(f.seller),
  ];
}

/** Numeric columns arrive as strings (pg) or numbers (mssql); money is rounded to the cent. */
export function money(v: unknown): number {
  return v === null || v === undefined ? 0 : Math.round(Number(v) * 100) / 100;
}
const count = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100);

export function kpisFrom(row: Row | undefined): SalesKpis {
  const net = money(row?.['net_revenue']);
  const margin = money(row?.['gross_margin']);
  const orders = count(row?.['orders']);
  return {
    netRevenue: net,
    grossMargin: margin,
    grossMarginPct: pct(margin, net),
    returnRatePct: pct(money(row?.['returned']), net),
    averageTicket: orders === 0 ? 0 : Math.round((net / orders) * 100) / 100,
    averageDiscountPct: pct(money(row?.['discounts']), money(row?.['gross_value'])),
    orders,
    items: count(row?.['items']),
  };
}

const labelled = (rows: Row[]): LabelledAmount[] =>
  rows.map((r) => ({ label: cellText(r['label']), netRevenue: money(r['net_revenue']), grossMargin: money(r['gross_margin']) }));

export function detailRow(r: Row): SalesDetailRow {
  return {
    date: String(r['sale_date']),
    order: String(r['order_number']),
    product: String(r['product']),
    category: String(r['category']),
    state: String(r['state']),
    seller: String(r['seller']),
    quantity: count(r['quantity']),
    grossValue: money(r['gross_value']),
    discount: money(r['discount']),
    netRevenue: money(r['net_revenue']),
    cost: money(r['cost']),
    returned: money(r['returned']),
  };
}

/** Runs sales queries for one dialect on one connection (pooled: panels run in parallel). */
export class SalesQueries {
  constructor(private readonly db: Queryable, readonly dialect: Dialect) {}

  private async run(id: SalesQueryId, params: SqlParam[]): Promise<Row[]> {
    const limit = SALES_LIMITS[id];
    const all = limit === undefined ? params : [...params, { value: limit, type: { kind: 'int' } } as SqlParam];
    return (await this.db.query(texts[this.dialect][id], all)).rows;
  }

  async load(filters: SalesFilters): Promise<SalesDashboardData> {
    const prev = previousPeriod(filters.from, filters.to);
    const p = filterParams(filters);
    const [kpis, previousKpis, trend, topProducts, topStates, categoryMix, byTeam, byWeekday, sellers, detail, options, freshness] =
      await Promise.all([
        this.run('kpis', p),
        this.run('kpis', filterParams(filters, prev.from, prev.to)),
        this.run(filters.grain === 'month' ? 'trendMonth' : 'trendDay', p),
        this.run('topProducts', p),
        this.run('topStates', p),
        this.run('categoryMix', p),
        this.run('byTeam', p),
        this.run('byWeekday', p),
        this.run('sellerRanking', p),
        this.run('detail', p),
        this.run('options', []),
        this.run('freshness', []),
      ]);
    const opt = (kind: string): string[] =>
      options.filter((r) => r['kind'] === kind && r['value'] !== null).map((r) => String(r['value'])).sort((a, b) => a.localeCompare(b));
    const fresh = freshness[0];
    return {
      filters,
      previousPeriod: prev,
      kpis: kpisFrom(kpis[0]),
      previousKpis: kpisFrom(previousKpis[0]),
      trend: trend.map((r) => ({ period: String(r['period']), netRevenue: money(r['net_revenue']), grossMargin: money(r['gross_margin']) })),
      topProducts: labelled(topProducts),
      topStates: labelled(topStates),
      categoryMix: labelled(categoryMix),
      byTeam: labelled(byTeam),
      byWeekday: byWeekday.map((r) => ({ weekday: count(r['weekday']) - 1, netRevenue: money(r['net_revenue']) })),
      sellerRanking: sellers.map((r, i) => ({
        rank: i + 1, seller: String(r['seller']), unknown: Number(r['min_seller_id']) === -1, team: cellText(r['team']), netRevenue: money(r['net_revenue']), orders: count(r['orders']),
      })),
      detail: detail.slice(0, DETAIL_ROWS).map(detailRow),
      detailTruncated: detail.length > DETAIL_ROWS,
      options: { categories: opt('category'), states: opt('state'), regions: opt('region'), teams: opt('team'), sellers: opt('seller') },
      freshness: {
        firstSaleDate: dateFromId(fresh?.['first_date_id']),
        lastSaleDate: dateFromId(fresh?.['last_date_id']),
        lastLoadAt: isoTimestamp(fresh?.['last_success_at']),
        lastLoadStatus: fresh?.['last_status'] === null || fresh?.['last_status'] === undefined ? null : cellText(fresh['last_status']),
      },
      generatedAt: new Date().toISOString(),
    };
  }

  /** Every detail row for the filters (CSV export), streamed so memory stays bounded. */
  async *detailRows(filters: SalesFilters, maxRows: number): AsyncIterable<SalesDetailRow> {
    const params = [...filterParams(filters), { value: maxRows, type: { kind: 'int' } } as SqlParam];
    for await (const r of this.db.stream(texts[this.dialect].detail, params)) yield detailRow(r);
  }

  /** The default period: the last 30 days that hold sales (today's when there are none). */
  async defaultFilters(today: string): Promise<SalesFilters> {
    const fresh = (await this.run('freshness', []))[0];
    const last = dateFromId(fresh?.['last_date_id']) ?? today;
    const first = new Date(Date.parse(`${last}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    return { from: first, to: last, category: null, state: null, region: null, team: null, seller: null, grain: 'day' };
  }
}

/** Timestamps are UTC by convention; drivers hand them back as Date or text. */
export function isoTimestamp(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  const s = cellText(v);
  return s.includes('T') ? s : `${s.replace(' ', 'T')}Z`;
}
