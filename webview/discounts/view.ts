import { MARGIN_STATUSES, type CampaignPerformance, type DiscountsData, type DiscountsFilters, type DiscountsKpis, type DiscountsQueryId, type MarginStatus } from '../../src/protocol/discounts';
import { barList } from '../shared/bars';
import { epochSeconds, lineChart, themeColor } from '../shared/chart';
import { dateField, filterText, selectField, type SelectOption } from '../shared/controls';
import { h, panel } from '../shared/dom';
import { FilteredDashboardView } from '../shared/filteredView';
import { kpiCard, type GoodWhen } from '../shared/kpi';
import { t } from '../shared/l10n';
import { freshnessLine, monthPresets } from '../shared/period';
import { dataTable, DETAIL_PAGE_ROWS } from '../shared/table';

type KpiId = keyof Omit<DiscountsKpis, 'averageDiscountPct'>;

/**
 * Which way each KPI is good news: revenue, ROI and approvals up; discount given away and margin
 * lost down (a rising margin impact is bad news, drawn red). The count of applications is neither.
 */
export const DISCOUNTS_GOOD_WHEN: Readonly<Record<KpiId, GoodWhen>> = {
  applications: 'neutral', discount: 'down', revenue: 'up', weightedRoi: 'up', averageRoi: 'up', marginImpact: 'down', marginImpactPct: 'down', approvalPct: 'up',
};

const MARGIN_LABELS: Readonly<Record<MarginStatus, string>> = { loss: 'Loss', critical: 'Critical', reduced: 'Reduced', healthy: 'Healthy' };
const MIN_APPLICATIONS = [1, 2, 3, 5, 10, 20, 50];

/** The discounts dashboard: discount granted against the revenue it came with, ROI, margins, campaigns (fact_descontos). */
export class DiscountsView extends FilteredDashboardView<DiscountsData, DiscountsFilters, DiscountsQueryId> {
  /** Made once: a number format costs more to create than a row of the detail to draw. */
  private roiFormat: Intl.NumberFormat | undefined;

  private roi(v: number): string {
    this.roiFormat ??= new Intl.NumberFormat(this.f.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return `${this.roiFormat.format(v)}×`;
  }

  protected render(d: DiscountsData): HTMLElement[] {
    return [
      h('h1', {}, t('Discounts dashboard')),
      freshnessLine(t('Discounts'), d.freshness, this.f),
      ...(this.client === undefined ? [h('p', { class: 'snapshot-note' }, t('Snapshot taken {0}. Filters are fixed.', this.f.when(d.generatedAt)))] : []),
      this.filters(d),
      this.errorRegion(),
      this.kpis(d),
      h('div', { class: 'grid' }, this.trend(d), this.roiTrend(d), this.margins(d), this.byAmount(d), this.byRoi(d), this.campaigns(d), this.dictionary(d), this.detail(d)),
    ];
  }

  private filters(d: DiscountsData): HTMLElement {
    const fl = d.filters;
    const all = (values: readonly string[]): SelectOption[] => [{ value: '', label: t('All') }, ...values.map((v) => ({ value: v, label: v }))];
    const period = monthPresets(d.freshness.firstDate, d.freshness.lastDate ?? fl.to);
    const preset = period.current(fl);
    const grains: SelectOption[] = [{ value: 'month', label: t('Month') }, { value: 'day', label: t('Day') }];
    const minimums: SelectOption[] = [...new Set([...MIN_APPLICATIONS, fl.minApplications])].sort((a, b) => a - b)
      .map((n) => ({ value: String(n), label: String(n) }));
    if (this.client === undefined) {
      return h('div', { class: 'toolbar', role: 'group', 'aria-label': t('Filters') },
        filterText(t('Period'), 'filter-preset', period.options.find((o) => o.value === preset)?.label ?? ''),
        filterText(t('From'), 'filter-from', this.f.day(fl.from)),
        filterText(t('To'), 'filter-to', this.f.day(fl.to)),
        filterText(t('Trend by'), 'filter-grain', grains.find((g) => g.value === fl.grain)?.label ?? fl.grain),
        filterText(t('Type'), 'filter-type', fl.type ?? t('All')),
        filterText(t('Method'), 'filter-method', fl.method ?? t('All')),
        filterText(t('Code'), 'filter-code', fl.code ?? t('All')),
        filterText(t('Level'), 'filter-level', fl.level ?? t('All')),
        filterText(t('Region'), 'filter-region', fl.region ?? t('All')),
        filterText(t('ROI ranking: minimum applications'), 'filter-min-applications', String(fl.minApplications)));
    }
    return h('div', { class: 'toolbar', role: 'group', 'aria-label': t('Filters') },
      selectField(t('Period'), 'filter-preset', period.options, preset, (v) => { const p = period.presets[v]; if (p !== undefined) this.change(p()); }),
      dateField(t('From'), 'filter-from', fl.from, (v) => this.change({ from: v })),
      dateField(t('To'), 'filter-to', fl.to, (v) => this.change({ to: v })),
      selectField(t('Trend by'), 'filter-grain', grains, fl.grain, (v) => this.change({ grain: v === 'day' ? 'day' : 'month' })),
      selectField(t('Type'), 'filter-type', all(d.options.types), fl.type ?? '', (v) => this.change({ type: v || null })),
      selectField(t('Method'), 'filter-method', all(d.options.methods), fl.method ?? '', (v) => this.change({ method: v || null })),
      selectField(t('Code'), 'filter-code', all(d.options.codes), fl.code ?? '', (v) => this.change({ code: v || null })),
      selectField(t('Level'), 'filter-level', all(d.options.levels), fl.level ?? '', (v) => this.change({ level: v || null })),
      selectField(t('Region'), 'filter-region', all(d.options.regions), fl.region ?? '', (v) => this.change({ region: v || null })),
      selectField(t('ROI ranking: minimum applications'), 'filter-min-applications', minimums, String(fl.minApplications), (v) => this.change({ minApplications: Number(v) })));
  }

  private kpis(d: DiscountsData): HTMLElement {
    const k = d.kpis;
    const p = d.previousKpis;
    const money = (v: number): string => this.f.money.format(v);
    const card = (id: KpiId, title: string, format: (v: number) => string): HTMLElement => kpiCard({
      id, title, text: format(k[id]), current: k[id], previous: p[id], previousText: format(p[id]), goodWhen: DISCOUNTS_GOOD_WHEN[id], sql: this.sqlButton('kpis', title, `sql-kpis-${id}`),
    }, this.f);
    return h('div', { class: 'kpis' },
      card('applications', t('Applications'), (v) => this.f.number.format(v)),
      card('discount', t('Discount granted'), money),
      card('revenue', t('Revenue with discount'), money),
      card('weightedRoi', t('Weighted ROI'), (v) => this.roi(v)),
      card('averageRoi', t('Average ROI'), (v) => this.roi(v)),
      card('marginImpact', t('Margin impact'), money),
      card('marginImpactPct', t('Margin impact / revenue'), (v) => this.f.pct(v)),
      card('approvalPct', t('Approval rate'), (v) => this.f.pct(v)));
  }

  private xFormat(d: DiscountsData): (s: number) => string {
    const month = new Intl.DateTimeFormat(this.f.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return d.filters.grain === 'month' ? (s) => month.format(new Date(s * 1000)) : (s) => this.f.day(new Date(s * 1000).toISOString());
  }

  private trend(d: DiscountsData): HTMLElement {
    const title = t('Discount granted and revenue with discount');
    const query = d.filters.grain === 'month' ? 'trendMonth' : 'trendDay';
    const body = d.trend.length === 0
      ? h('p', { class: 'empty' }, t('No discounts in this period.'))
      : lineChart(d.trend.map((p) => epochSeconds(p.period)), [
          { label: t('Discount granted'), color: themeColor('charts-orange', '#d18616'), values: d.trend.map((p) => p.discount) },
          { label: t('Revenue with discount'), color: themeColor('charts-green', '#388a34'), values: d.trend.map((p) => p.revenue) },
        ], { id: 'trend', title, format: (v) => this.f.money.format(v), formatX: this.xFormat(d) });
    const el = panel('trend', title, [body], [this.sqlButton(query, title)]);
    el.classList.add('wide');
    el.dataset['points'] = JSON.stringify(d.trend.map((p) => [p.period, p.discount, p.revenue]));
    return el;
  }

  private roiTrend(d: DiscountsData): HTMLElement {
    const title = t('Average ROI over time');
    const body = d.trend.length === 0
      ? h('p', { class: 'empty' }, t('No discounts in this period.'))
      : lineChart(d.trend.map((p) => epochSeconds(p.period)), [
          { label: t('Average ROI'), color: themeColor('charts-purple', '#652d90'), values: d.trend.map((p) => p.averageRoi) },
        ], { id: 'roiTrend', title, format: (v) => this.roi(v), formatX: this.xFormat(d) });
    return panel('roiTrend', title, [body], [this.sqlButton(d.filters.grain === 'month' ? 'trendMonth' : 'trendDay', title, 'sql-roiTrend')]);
  }

  private margins(d: DiscountsData): HTMLElement {
    const title = t('Applications by margin status');
    const list = barList(d.marginStatus.map((m) => ({ label: t(MARGIN_LABELS[m.status]), value: m.applications })), (v) => this.f.number.format(v), t('No discounts in this period.'));
    // Each class keeps its own colour word in the list, so the meaning is not in colour alone.
    list.querySelectorAll('li').forEach((li, i) => li.querySelector('.bar-label')?.classList.add(`margin-${MARGIN_STATUSES[i] ?? 'healthy'}`));
    return panel('marginStatus', title, [
      h('p', { class: 'muted' }, t('Margin after the discount: loss below zero, critical under 30 % of the margin before it, reduced under 60 %.')),
      list,
    ], [this.sqlButton('marginStatus', title)]);
  }

  private byAmount(d: DiscountsData): HTMLElement {
    const title = t('Top campaigns by discount granted');
    return panel('topByAmount', title, [barList(d.topByAmount.map((c) => ({ label: c.code, value: c.discount })), (v) => this.f.money.format(v), t('No discounts in this period.'))],
      [this.sqlButton('topByAmount', title)]);
  }

  private byRoi(d: DiscountsData): HTMLElement {
    const title = t('Top campaigns by average ROI (at least {0} applications)', d.filters.minApplications);
    return panel('topByRoi', title, [barList(d.topByRoi.map((c) => ({ label: c.code, value: c.averageRoi })), (v) => this.roi(v), t('No campaign has enough applications.'))],
      [this.sqlButton('topByRoi', title)]);
  }

  private campaigns(d: DiscountsData): HTMLElement {
    const title = t('Campaign performance');
    const money = (v: number): string => this.f.money.format(v);
    const el = panel('campaigns', title, [dataTable<CampaignPerformance>(d.topByAmount, [
      { key: 'code', title: t('Code'), value: (r) => r.code },
      { key: 'campaign', title: t('Campaign'), value: (r) => r.campaign, wrap: true },
      { key: 'type', title: t('Type'), value: (r) => r.type },
      { key: 'method', title: t('Method'), value: (r) => r.method },
      { key: 'applications', title: t('Applications'), value: (r) => r.applications, numeric: true },
      { key: 'discount', title: t('Discount granted'), value: (r) => r.discount, format: (r) => money(r.discount), numeric: true },
      { key: 'revenue', title: t('Revenue with discount'), value: (r) => r.revenue, format: (r) => money(r.revenue), numeric: true },
      { key: 'roi', title: t('Average ROI'), value: (r) => r.averageRoi, format: (r) => this.roi(r.averageRoi), numeric: true },
      { key: 'margin', title: t('Margin impact'), value: (r) => r.marginImpact, format: (r) => money(r.marginImpact), numeric: true },
      { key: 'approval', title: t('Approval rate'), value: (r) => r.approvalPct, format: (r) => this.f.pct(r.approvalPct), numeric: true },
    ], { id: 'campaigns', label: title, sortable: true, empty: t('No discounts in this period.') })], [this.sqlButton('topByAmount', title, 'sql-campaigns')]);
    el.classList.add('wide');
    return el;
  }

  private dictionary(d: DiscountsData): HTMLElement {
    const title = t('Metric dictionary');
    const k = d.kpis;
    const rows = [
      { metric: t('Discount granted'), formula: 'SUM(valor_desconto_aplicado)', value: this.f.money.format(k.discount) },
      { metric: t('Revenue with discount'), formula: 'SUM(valor_com_desconto)', value: this.f.money.format(k.revenue) },
      { metric: t('Weighted ROI'), formula: '(SUM(valor_com_desconto) − SUM(valor_desconto_aplicado)) / SUM(valor_desconto_aplicado)', value: this.roi(k.weightedRoi) },
      { metric: t('Average ROI'), formula: 'AVG((valor_com_desconto − valor_desconto_aplicado) / valor_desconto_aplicado)', value: this.roi(k.averageRoi) },
      { metric: t('Margin impact'), formula: 'SUM(impacto_margem)', value: this.f.money.format(k.marginImpact) },
      { metric: t('Approval rate'), formula: 'COUNT(desconto_aprovado) / COUNT(*) × 100', value: this.f.pct(k.approvalPct) },
      { metric: t('Average discount'), formula: 'AVG(percentual_desconto_efetivo)', value: this.f.pct(k.averageDiscountPct) },
    ];
    const el = panel('dictionary', title, [dataTable(rows, [
      { key: 'metric', title: t('Metric'), value: (r) => r.metric },
      { key: 'formula', title: t('Formula (fact.fact_descontos)'), value: (r) => r.formula, format: (r) => h('code', {}, r.formula), wrap: true },
      { key: 'value', title: t('Value in this period'), value: (r) => r.value },
      ...(this.client === undefined ? [] : [{ key: 'sql', title: t('SQL'), value: () => '', format: (r: { metric: string }) => this.sqlButton('kpis', t('{0} (metric dictionary)', r.metric), `sql-dictionary-${r.metric}`) ?? '' }]),
    ], { id: 'dictionary', label: title, empty: '' })]);
    el.classList.add('wide');
    return el;
  }

  private detail(d: DiscountsData): HTMLElement {
    const title = t('Discounts detail');
    const money = (v: number | null): string => (v === null ? '—' : this.f.money.format(v));
    const table = dataTable(d.detail, [
      { key: 'date', title: t('Date'), value: (r) => r.date, format: (r) => this.f.day(r.date) },
      { key: 'order', title: t('Order'), value: (r) => r.order },
      { key: 'code', title: t('Code'), value: (r) => r.code },
      { key: 'level', title: t('Level'), value: (r) => r.level },
      { key: 'region', title: t('Region'), value: (r) => r.region },
      { key: 'grossValue', title: t('Gross value'), value: (r) => r.grossValue, format: (r) => money(r.grossValue), numeric: true },
      { key: 'discount', title: t('Discount'), value: (r) => r.discount, format: (r) => money(r.discount), numeric: true },
      { key: 'revenue', title: t('Revenue'), value: (r) => r.revenue, format: (r) => money(r.revenue), numeric: true },
      { key: 'status', title: t('Margin status'), value: (r) => r.status, format: (r) => h('span', { class: `badge margin-${r.status}` }, t(MARGIN_LABELS[r.status])), wrap: true },
      { key: 'approved', title: t('Approved'), value: (r) => (r.approved ? t('Yes') : t('No')) },
      { key: 'roi', title: t('ROI'), value: (r) => r.roi, format: (r) => this.roi(r.roi), numeric: true },
    ], { id: 'detail', label: title, sortable: true, empty: t('No discounts in this period.'), caption: d.detailTruncated ? t('The latest {0} rows; export CSV for all.', d.detail.length) : undefined,
      pageRows: this.client === undefined ? undefined : DETAIL_PAGE_ROWS });
    const el = panel('detail', title, [table], [this.csvButton(d.filters), this.sqlButton('detail', title)]);
    el.classList.add('wide');
    return el;
  }
}
