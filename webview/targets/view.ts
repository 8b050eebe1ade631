import type { TargetsData, TargetsFilters, TargetsKpis, TargetsQueryId } from '../../src/protocol/targets';
import { barList } from '../shared/bars';
import { epochSeconds, lineChart, themeColor } from '../shared/chart';
import { dateField, filterText, selectField, type SelectOption } from '../shared/controls';
import { h, panel } from '../shared/dom';
import { FilteredDashboardView } from '../shared/filteredView';
import { kpiCard, type GoodWhen } from '../shared/kpi';
import { t } from '../shared/l10n';
import { freshnessLine, monthPresets } from '../shared/period';
import { dataTable, DETAIL_PAGE_ROWS } from '../shared/table';

type KpiId = keyof Omit<TargetsKpis, 'sellerMonths'>;

/** Which way each KPI is good news: a growing gap to target is bad; the target itself is neither. */
export const TARGETS_GOOD_WHEN: Readonly<Record<KpiId, GoodWhen>> = {
  target: 'neutral', actual: 'up', attainmentPct: 'up', gap: 'down', metPct: 'up', exceededPct: 'up', sellers: 'neutral',
};

/** The targets dashboard: target against actual per seller and month (fact_metas). */
export class TargetsView extends FilteredDashboardView<TargetsData, TargetsFilters, TargetsQueryId> {
  protected render(d: TargetsData): HTMLElement[] {
    return [
      h('h1', {}, t('Targets dashboard')),
      freshnessLine(t('Targets'), d.freshness, this.f),
      ...(this.client === undefined ? [h('p', { class: 'snapshot-note' }, t('Snapshot taken {0}. Filters are fixed.', this.f.when(d.generatedAt)))] : []),
      this.filters(d),
      this.errorRegion(),
      this.kpis(d),
      h('div', { class: 'grid' }, this.trend(d), this.quartiles(d), this.teams(d), this.sellers(d), this.dictionary(d), this.detail(d)),
    ];
  }

  private filters(d: TargetsData): HTMLElement {
    const fl = d.filters;
    const all = (values: readonly string[]): SelectOption[] => [{ value: '', label: t('All') }, ...values.map((v) => ({ value: v, label: v }))];
    const period = monthPresets(d.freshness.firstDate, d.freshness.lastDate ?? fl.to);
    const preset = period.current(fl);
    if (this.client === undefined) {
      return h('div', { class: 'toolbar', role: 'group', 'aria-label': t('Filters') },
        filterText(t('Period'), 'filter-preset', period.options.find((o) => o.value === preset)?.label ?? ''),
        filterText(t('From'), 'filter-from', this.f.day(fl.from)),
        filterText(t('To'), 'filter-to', this.f.day(fl.to)),
        filterText(t('Region'), 'filter-region', fl.region ?? t('All')),
        filterText(t('Team'), 'filter-team', fl.team ?? t('All')),
        filterText(t('Seller'), 'filter-seller', fl.seller ?? t('All')));
    }
    return h('div', { class: 'toolbar', role: 'group', 'aria-label': t('Filters') },
      selectField(t('Period'), 'filter-preset', period.options, preset, (v) => { const p = period.presets[v]; if (p !== undefined) this.change(p()); }),
      dateField(t('From'), 'filter-from', fl.from, (v) => this.change({ from: v })),
      dateField(t('To'), 'filter-to', fl.to, (v) => this.change({ to: v })),
      selectField(t('Region'), 'filter-region', all(d.options.regions), fl.region ?? '', (v) => this.change({ region: v || null })),
      selectField(t('Team'), 'filter-team', all(d.options.teams), fl.team ?? '', (v) => this.change({ team: v || null })),
      selectField(t('Seller'), 'filter-seller', all(d.options.sellers), fl.seller ?? '', (v) => this.change({ seller: v || null })));
  }

  private kpis(d: TargetsData): HTMLElement {
    const k = d.kpis;
    const p = d.previousKpis;
    const money = (v: number): string => this.f.money.format(v);
    const count = (v: number): string => this.f.number.format(v);
    const card = (id: KpiId, title: string, format: (v: number) => string): HTMLElement => kpiCard({
      id, title, text: format(k[id]), current: k[id], previous: p[id], previousText: format(p[id]), goodWhen: TARGETS_GOOD_WHEN[id], sql: this.sqlButton('kpis', title, `sql-kpis-${id}`),
    }, this.f);
    return h('div', { class: 'kpis' },
      card('target', t('Target'), money),
      card('actual', t('Actual'), money),
      card('attainmentPct', t('Attainment'), (v) => this.f.pct(v)),
      card('gap', t('Gap to target'), money),
      card('metPct', t('Seller-months on target'), (v) => this.f.pct(v)),
      card('exceededPct', t('Seller-months above target'), (v) => this.f.pct(v)),
      card('sellers', t('Sellers'), count));
  }

  private trend(d: TargetsData): HTMLElement {
    const title = t('Monthly trend: target and actual');
    const month = new Intl.DateTimeFormat(this.f.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const body = d.trend.length === 0
      ? h('p', { class: 'empty' }, t('No targets in this period.'))
      : lineChart(d.trend.map((p) => epochSeconds(p.period)), [
          { label: t('Target'), color: themeColor('charts-blue', '#1a85ff'), values: d.trend.map((p) => p.target) },
          { label: t('Actual'), color: themeColor('charts-green', '#388a34'), values: d.trend.map((p) => p.actual) },
        ], { id: 'trend', title, format: (v) => this.f.money.format(v), formatX: (s) => month.format(new Date(s * 1000)) });
    const el = panel('trend', title, [body], [this.sqlButton('trend', title)]);
    el.classList.add('wide');
    el.dataset['points'] = JSON.stringify(d.trend.map((p) => [p.period, p.target, p.actual]));
    return el;
  }

  private quartiles(d: TargetsData): HTMLElement {
    const title = t('Seller-months by performance quartile');
    const label = (q: number | null): string => (q === null ? t('Not ranked') : q === 1 ? t('Q1 (best)') : q === 4 ? t('Q4 (lowest)') : `Q${q}`);
    return panel('quartiles', title, [
      h('p', { class: 'muted' }, t('Quartiles rank each month’s sellers by actual sales.')),
      barList(d.quartiles.map((q) => ({ label: label(q.quartile), value: q.sellerMonths })), (v) => this.f.number.format(v), t('No targets in this period.')),
    ], [this.sqlButton('quartiles', title)]);
  }

  private teams(d: TargetsData): HTMLElement {
    const title = t('Top teams by attainment');
    return panel('topTeams', title, [
      barList(d.topTeams.map((x) => ({ label: x.label === '' ? t('No team') : x.label, value: x.attainmentPct })), (v) => this.f.pct(v), t('No targets in this period.')),
    ], [this.sqlButton('topTeams', title)]);
  }

  private sellers(d: TargetsData): HTMLElement {
    const title = t('Top sellers by attainment');
    const money = (v: number): string => this.f.money.format(v);
    const el = panel('topSellers', title, [dataTable(d.topSellers, [
      { key: 'seller', title: t('Seller'), value: (r) => r.label, wrap: true },
      { key: 'team', title: t('Team'), value: (r) => r.group, wrap: true },
      { key: 'target', title: t('Target'), value: (r) => r.target, format: (r) => money(r.target), numeric: true },
      { key: 'actual', title: t('Actual'), value: (r) => r.actual, format: (r) => money(r.actual), numeric: true },
      { key: 'attainment', title: t('Attainment'), value: (r) => r.attainmentPct, format: (r) => this.f.pct(r.attainmentPct), numeric: true },
      { key: 'met', title: t('Months on target'), value: (r) => r.met, numeric: true },
    ], { id: 'topSellers', label: title, sortable: true, empty: t('No targets in this period.') })], [this.sqlButton('topSellers', title)]);
    // Six columns, names and teams included: the whole width, so none is squeezed letter by letter.
    el.classList.add('wide');
    return el;
  }

  /** The metric dictionary: each KPI's formula over fact_metas, its value now, and its SQL. */
  private dictionary(d: TargetsData): HTMLElement {
    const title = t('Metric dictionary');
    const k = d.kpis;
    const rows = [
      { metric: t('Target'), formula: 'SUM(valor_meta)', value: this.f.money.format(k.target) },
      { metric: t('Actual'), formula: 'SUM(valor_realizado)', value: this.f.money.format(k.actual) },
      { metric: t('Attainment'), formula: 'SUM(valor_realizado) / SUM(valor_meta) × 100', value: this.f.pct(k.attainmentPct) },
      { metric: t('Gap to target'), formula: 'SUM(gap_meta) = SUM(valor_meta − valor_realizado)', value: this.f.money.format(k.gap) },
      { metric: t('Seller-months on target'), formula: 'COUNT(meta_batida) / COUNT(*) × 100', value: this.f.pct(k.metPct) },
      { metric: t('Seller-months above target'), formula: 'COUNT(meta_superada) / COUNT(*) × 100', value: this.f.pct(k.exceededPct) },
      { metric: t('Sellers'), formula: 'COUNT(DISTINCT vendedor_id)', value: this.f.number.format(k.sellers) },
    ];
    const el = panel('dictionary', title, [dataTable(rows, [
      { key: 'metric', title: t('Metric'), value: (r) => r.metric },
      { key: 'formula', title: t('Formula (fact.fact_metas)'), value: (r) => r.formula, format: (r) => h('code', {}, r.formula), wrap: true },
      { key: 'value', title: t('Value in this period'), value: (r) => r.value },
      ...(this.client === undefined ? [] : [{ key: 'sql', title: t('SQL'), value: () => '', format: (r: { metric: string }) => this.sqlButton('kpis', t('{0} (metric dictionary)', r.metric), `sql-dictionary-${r.metric}`) ?? '' }]),
    ], { id: 'dictionary', label: title, empty: '' })]);
    el.classList.add('wide');
    return el;
  }

  private detail(d: TargetsData): HTMLElement {
    const title = t('Targets detail');
    const money = (v: number): string => this.f.money.format(v);
    const yes = (v: boolean): string => (v ? t('Yes') : t('No'));
    const table = dataTable(d.detail, [
      { key: 'month', title: t('Month'), value: (r) => r.month, format: (r) => this.f.day(r.month) },
      { key: 'seller', title: t('Seller'), value: (r) => r.seller, wrap: true },
      { key: 'team', title: t('Team'), value: (r) => r.team, wrap: true },
      { key: 'target', title: t('Target'), value: (r) => r.target, format: (r) => money(r.target), numeric: true },
      { key: 'actual', title: t('Actual'), value: (r) => r.actual, format: (r) => money(r.actual), numeric: true },
      { key: 'gap', title: t('Gap'), value: (r) => r.gap, format: (r) => money(r.gap), numeric: true },
      { key: 'attainment', title: t('Attainment'), value: (r) => r.attainmentPct, format: (r) => this.f.pct(r.attainmentPct), numeric: true },
      { key: 'met', title: t('On target'), value: (r) => yes(r.met) },
      { key: 'rank', title: t('Rank'), value: (r) => r.rank, numeric: true, identifier: true },
      { key: 'quartile', title: t('Quartile'), value: (r) => r.quartile, numeric: true, identifier: true },
    ], { id: 'detail', label: title, sortable: true, empty: t('No targets in this period.'), caption: d.detailTruncated ? t('The latest {0} rows; export CSV for all.', d.detail.length) : undefined,
      pageRows: this.client === undefined ? undefined : DETAIL_PAGE_ROWS });
    const el = panel('detail', title, [table], [this.csvButton(d.filters), this.sqlButton('detail', title)]);
    el.classList.add('wide');
    return el;
  }
}
