import { addDays, type SalesDashboardData, type SalesFilters, type SalesKpis, type SalesMethods, type SalesQueryId } from '../../src/protocol/sales';
import { barList } from '../shared/bars';
import { epochSeconds, lineChart, themeColor } from '../shared/chart';
import { button, dateField, filterText, selectField, type SelectOption } from '../shared/controls';
import { h, panel, replace } from '../shared/dom';
import { redrawKeepingPlace } from '../shared/focus';
import { Formats } from '../shared/format';
import { t } from '../shared/l10n';
import type { RpcClient } from '../shared/rpc';
import { RpcFailure } from '../shared/rpc';
import { dataTable, DETAIL_PAGE_ROWS } from '../shared/table';

type Client = RpcClient<{ [K in keyof SalesMethods]: SalesMethods[K] }>;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Which way each KPI is good: more revenue, margin and ticket are good news; a rising return
 * rate or average discount is bad news.
 */
export const KPI_GOOD_WHEN: Readonly<Record<'netRevenue' | 'grossMargin' | 'returnRatePct' | 'averageTicket' | 'averageDiscountPct', 'up' | 'down'>> = {
  netRevenue: 'up', grossMargin: 'up', returnRatePct: 'down', averageTicket: 'up', averageDiscountPct: 'down',
};

/** A KPI's change judged by its own direction of good. */
export function kpiTrend(goodWhen: 'up' | 'down', current: number, previous: number): 'good' | 'bad' | 'same' {
  if (current === previous) return 'same';
  return (current > previous) === (goodWhen === 'up') ? 'good' : 'bad';
}

/** Renders the sales dashboard and turns filter changes into `sales/load` requests. */
export class SalesView {
  private readonly f: Formats;
  private data: SalesDashboardData | undefined;
  private loading = 0;

  constructor(
    private readonly root: HTMLElement,
    language: string,
    private readonly client: Client | undefined,
    private readonly remember: (filters: SalesFilters) => void,
  ) {
    this.f = new Formats(language);
  }

  async load(filters: SalesFilters): Promise<void> {
    if (this.client === undefined) return;
    const ticket = ++this.loading;
    this.root.setAttribute('aria-busy', 'true');
    try {
      const data = await this.client.request('sales/load', { filters });
      if (ticket === this.loading) this.show(data);
    } catch (e) {
      if (ticket === this.loading) this.showError(e);
    }
  }

  show(data: SalesDashboardData): void {
    this.data = data;
    this.remember(data.filters);
    const d = data;
    redrawKeepingPlace(this.root, () => replace(this.root,
      h('h1', {}, t('Sales dashboard')),
      this.freshness(d),
      this.client === undefined ? h('p', { class: 'snapshot-note' }, t('Snapshot taken {0}. Filters are fixed.', this.f.when(d.generatedAt))) : null,
      this.filters(d),
      h('div', { id: 'error', role: 'alert' }),
      this.kpis(d.kpis, d.previousKpis),
      h('div', { class: 'grid' },
        this.trend(d),
        this.bars('topProducts', t('Top products'), d.topProducts.map((r) => ({ label: r.label, value: r.netRevenue }))),
        this.bars('topStates', t('Top states'), d.topStates.map((r) => ({ label: r.label, value: r.netRevenue }))),
        this.bars('categoryMix', t('Category mix'), d.categoryMix.map((r) => ({ label: r.label, value: r.netRevenue }))),
        this.bars('byTeam', t('Revenue by team'), d.byTeam.map((r) => ({ label: r.label === '' ? t('No team') : r.label, value: r.netRevenue }))),
        this.bars('byWeekday', t('Revenue by weekday'), d.byWeekday.map((r) => ({ label: t(WEEKDAYS[r.weekday] ?? '?'), value: r.netRevenue }))),
        this.sellers(d),
        this.detail(d),
      ),
    ));
    this.root.setAttribute('aria-busy', 'false');
    this.root.dataset['rendered'] = String(Date.now());
  }

  private showError(e: unknown): void {
    this.root.setAttribute('aria-busy', 'false');
    const el = this.root.querySelector('#error');
    const message = e instanceof RpcFailure ? e.error.message : String(e);
    if (el !== null) replace(el, h('div', { class: 'error-banner', 'data-testid': 'error' }, t('Could not load the dashboard: {0}', message)));
  }

  private change(patch: Partial<SalesFilters>): void {
    if (this.data === undefined) return;
    void this.load({ ...this.data.filters, ...patch });
  }

  private freshness(d: SalesDashboardData): HTMLElement {
    const fr = d.freshness;
    return h('p', { class: 'subtitle', 'data-testid': 'freshness', 'data-last-sale': fr.lastSaleDate ?? '' },
      t('Sales from {0} to {1}. Last load: {2} ({3}).', this.f.day(fr.firstSaleDate), this.f.day(fr.lastSaleDate), this.f.when(fr.lastLoadAt), fr.lastLoadStatus === null ? t('never') : t(fr.lastLoadStatus)));
  }

  private filters(d: SalesDashboardData): HTMLElement {
    const off = this.client === undefined;
    const fl = d.filters;
    const all = (values: readonly string[]): SelectOption[] => [{ value: '', label: t('All') }, ...values.map((v) => ({ value: v, label: v }))];
    const last = d.freshness.lastSaleDate ?? fl.to;
    const presets: Record<string, () => Partial<SalesFilters>> = {
      last7: () => ({ from: addDays(last, -6), to: last, grain: 'day' }),
      last30: () => ({ from: addDays(last, -29), to: last, grain: 'day' }),
      last90: () => ({ from: addDays(last, -89), to: last, grain: 'day' }),
      month: () => ({ from: `${last.slice(0, 7)}-01`, to: last, grain: 'day' }),
      year: () => ({ from: `${last.slice(0, 4)}-01-01`, to: last, grain: 'month' }),
      all: () => ({ from: d.freshness.firstSaleDate ?? fl.from, to: last, grain: 'month' }),
    };
    const presetOptions: SelectOption[] = [
      { value: '', label: t('Custom') },
      { value: 'last7', label: t('Last 7 days') },
      { value: 'last30', label: t('Last 30 days') },
      { value: 'last90', label: t('Last 90 days') },
      { value: 'month', label: t('Month to date') },
      { value: 'year', label: t('Year to date') },
      { value: 'all', label: t('All data') },
    ];
    const current = Object.entries(presets).find(([, p]) => { const v = p(); return v.from === fl.from && v.to === fl.to; })?.[0] ?? '';
    const grains = [{ value: 'month', label: t('Month') }, { value: 'day', label: t('Day') }];
    if (off) {
      // A snapshot: the filters as text, nothing to operate.
      const shown = (o: readonly SelectOption[], v: string): string => o.find((x) => x.value === v)?.label ?? v;
      return h('div', { class: 'toolbar', role: 'group', 'aria-label': t('Filters') },
        filterText(t('Period'), 'filter-preset', shown(presetOptions, current)),
        filterText(t('From'), 'filter-from', this.f.day(fl.from)),
        filterText(t('To'), 'filter-to', this.f.day(fl.to)),
        filterText(t('Trend by'), 'filter-grain', shown(grains, fl.grain)),
        filterText(t('Category'), 'filter-category', fl.category ?? t('All')),
        filterText(t('State'), 'filter-state', fl.state ?? t('All')),
        filterText(t('Region'), 'filter-region', fl.region ?? t('All')),
        filterText(t('Team'), 'filter-team', fl.team ?? t('All')),
        filterText(t('Seller'), 'filter-seller', fl.seller ?? t('All')),
      );
    }
    return h('div', { class: 'toolbar', role: 'group', 'aria-label': t('Filters') },
      selectField(t('Period'), 'filter-preset', presetOptions, current, (v) => { const p = presets[v]; if (p !== undefined) this.change(p()); }),
      dateField(t('From'), 'filter-from', fl.from, (v) => this.change({ from: v })),
      dateField(t('To'), 'filter-to', fl.to, (v) => this.change({ to: v })),
      selectField(t('Trend by'), 'filter-grain', grains, fl.grain, (v) => this.change({ grain: v === 'day' ? 'day' : 'month' })),
      selectField(t('Category'), 'filter-category', all(d.options.categories), fl.category ?? '', (v) => this.change({ category: v || null })),
      selectField(t('State'), 'filter-state', all(d.options.states), fl.state ?? '', (v) => this.change({ state: v || null })),
      selectField(t('Region'), 'filter-region', all(d.options.regions), fl.region ?? '', (v) => this.change({ region: v || null })),
      selectField(t('Team'), 'filter-team', all(d.options.teams), fl.team ?? '', (v) => this.change({ team: v || null })),
      selectField(t('Seller'), 'filter-seller', all(d.options.sellers), fl.seller ?? '', (v) => this.change({ seller: v || null })),
    );
  }

  /** The SQL behind a panel; named after it ("SQL: Top products"), one name per button. */
  private sqlButton(query: SalesQueryId, what: string, testId = `sql-${query}`): HTMLElement | null {
    const client = this.client;
    if (client === undefined) return null;
    return button(t('SQL'), testId, () => void client.request('sales/showSql', { query }).catch((e: unknown) => this.showError(e)),
      { secondary: true, title: t('Show the SQL behind this number'), name: `${t('SQL')}: ${what}` });
  }

  private kpis(k: SalesKpis, p: SalesKpis): HTMLElement {
    const card = (id: keyof typeof KPI_GOOD_WHEN, title: string, value: string, previous: number, current: number, previousText: string): HTMLElement => {
      const delta = previous === 0 ? null : ((current - previous) / Math.abs(previous)) * 100;
      const trend = delta === null ? null : kpiTrend(KPI_GOOD_WHEN[id], current, previous);
      const arrow = delta === null || delta === 0 ? '' : delta > 0 ? '▲ ' : '▼ ';
      return h('section', { class: 'kpi', 'data-testid': `kpi-${id}`, 'data-value': current, 'data-previous': previous, 'aria-labelledby': `kpi-${id}-title` },
        h('header', {}, h('h2', { id: `kpi-${id}-title` }, title), this.sqlButton('kpis', title, `sql-kpis-${id}`)),
        h('div', { class: 'value' }, value),
        h('div', { class: `delta ${trend ?? ''}`, 'data-trend': trend ?? 'none' },
          h('span', { 'aria-hidden': 'true' }, arrow),
          delta === null ? t('No previous data') : t('{0} vs previous period ({1})', `${delta >= 0 ? '+' : ''}${this.f.percent.format(delta)}%`, previousText),
          trend === 'good' ? h('span', { class: 'visually-hidden' }, ` (${t('better')})`) : trend === 'bad' ? h('span', { class: 'visually-hidden' }, ` (${t('worse')})`) : null),
      );
    };
    return h('div', { class: 'kpis' },
      card('netRevenue', t('Net revenue'), this.f.money.format(k.netRevenue), p.netRevenue, k.netRevenue, this.f.money.format(p.netRevenue)),
      card('grossMargin', t('Gross margin'), `${this.f.money.format(k.grossMargin)} · ${this.f.pct(k.grossMarginPct)}`, p.grossMargin, k.grossMargin, this.f.money.format(p.grossMargin)),
      card('returnRatePct', t('Return rate'), this.f.pct(k.returnRatePct), p.returnRatePct, k.returnRatePct, this.f.pct(p.returnRatePct)),
      card('averageTicket', t('Average ticket'), this.f.money.format(k.averageTicket), p.averageTicket, k.averageTicket, this.f.money.format(p.averageTicket)),
      card('averageDiscountPct', t('Average discount'), this.f.pct(k.averageDiscountPct), p.averageDiscountPct, k.averageDiscountPct, this.f.pct(p.averageDiscountPct)),
    );
  }

  private trend(d: SalesDashboardData): HTMLElement {
    const x = d.trend.map((p) => epochSeconds(p.period));
    const title = t('Revenue and margin trend');
    const month = new Intl.DateTimeFormat(this.f.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const body = d.trend.length === 0
      ? h('p', { class: 'empty' }, t('No sales in this period.'))
      : lineChart(x, [
          { label: t('Net revenue'), color: themeColor('charts-blue', '#1a85ff'), values: d.trend.map((p) => p.netRevenue) },
          { label: t('Gross margin'), color: themeColor('charts-green', '#388a34'), values: d.trend.map((p) => p.grossMargin) },
        ], {
          id: 'trend', title, format: (v) => this.f.money.format(v),
          formatX: d.filters.grain === 'month' ? (s) => month.format(new Date(s * 1000)) : (s) => this.f.day(new Date(s * 1000).toISOString()),
        });
    const el = panel('trend', title, [body], [this.sqlButton(d.filters.grain === 'month' ? 'trendMonth' : 'trendDay', title)]);
    el.classList.add('wide');
    el.dataset['points'] = JSON.stringify(d.trend.map((p) => [p.period, p.netRevenue, p.grossMargin]));
    return el;
  }

  private bars(id: SalesQueryId, title: string, bars: { label: string; value: number }[]): HTMLElement {
    return panel(id, title, [barList(bars, (v) => this.f.money.format(v), t('No sales in this period.'))], [this.sqlButton(id, title)]);
  }

  private sellers(d: SalesDashboardData): HTMLElement {
    const title = t('Seller ranking');
    return panel('sellerRanking', title, [dataTable(d.sellerRanking, [
      { key: 'rank', title: '#', value: (r) => r.rank, numeric: true, identifier: true },
      { key: 'seller', title: t('Seller'), value: (r) => r.seller, wrap: true },
      { key: 'team', title: t('Team'), value: (r) => r.team, wrap: true },
      { key: 'netRevenue', title: t('Net revenue'), value: (r) => r.netRevenue, format: (r) => this.f.money.format(r.netRevenue), numeric: true },
      { key: 'orders', title: t('Orders'), value: (r) => r.orders, numeric: true },
    ], { id: 'sellerRanking', label: title, empty: t('No sales in this period.') })], [this.sqlButton('sellerRanking', title)]);
  }

  private detail(d: SalesDashboardData): HTMLElement {
    const client = this.client;
    const money = (v: number): string => this.f.money.format(v);
    const table = dataTable(d.detail, [
      { key: 'date', title: t('Date'), value: (r) => r.date, format: (r) => this.f.day(r.date) },
      { key: 'order', title: t('Order'), value: (r) => r.order },
      { key: 'product', title: t('Product'), value: (r) => r.product, wrap: true },
      { key: 'category', title: t('Category'), value: (r) => r.category, wrap: true },
      { key: 'state', title: t('State'), value: (r) => r.state },
      { key: 'seller', title: t('Seller'), value: (r) => r.seller, wrap: true },
      { key: 'quantity', title: t('Qty'), value: (r) => r.quantity, numeric: true },
      { key: 'grossValue', title: t('Gross'), value: (r) => r.grossValue, format: (r) => money(r.grossValue), numeric: true },
      { key: 'discount', title: t('Discount'), value: (r) => r.discount, format: (r) => money(r.discount), numeric: true },
      { key: 'netRevenue', title: t('Net'), value: (r) => r.netRevenue, format: (r) => money(r.netRevenue), numeric: true },
      { key: 'cost', title: t('Cost'), value: (r) => r.cost, format: (r) => money(r.cost), numeric: true },
      { key: 'returned', title: t('Returned'), value: (r) => r.returned, format: (r) => money(r.returned), numeric: true },
    ], { id: 'detail', label: t('Sales detail'), sortable: true, empty: t('No sales in this period.'), caption: d.detailTruncated ? t('The latest {0} items; export CSV for all.', d.detail.length) : undefined,
      pageRows: this.client === undefined ? undefined : DETAIL_PAGE_ROWS });
    const csv = client === undefined ? null : button(t('Export CSV'), 'export-csv', () => {
      void client.request('sales/exportCsv', { filters: d.filters }).catch((e: unknown) => this.showError(e));
    }, { secondary: true });
    const el = panel('detail', t('Sales detail'), [table], [csv, this.sqlButton('detail', t('Sales detail'))]);
    el.classList.add('wide');
    return el;
  }
}
