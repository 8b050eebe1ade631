import uPlot from 'uplot';
import { h } from './dom';
import { t, uiLanguage } from './l10n';
import { dataTable } from './table';

/** A theme colour from the workbench's variables, with a fallback outside VS Code. */
export function themeColor(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(`--vscode-${name}`).trim();
  return v === '' ? fallback : v;
}

export interface LineSeries {
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
}

export interface ChartOptions {
  /** Stable id (the panel's): keys the numbers table and its disclosure across redraws. */
  readonly id: string;
  readonly title: string;
  /** A value of a series, as the UI language writes it. */
  readonly format: (v: number) => string;
  /** An x value (epoch seconds), as the UI language writes it. */
  readonly formatX: (x: number) => string;
  readonly bars?: boolean;
}

/**
 * What a chart shows, in words: per series its range, its last value and the change from the
 * first point to the last.
 */
export function chartSummary(x: readonly number[], series: readonly LineSeries[], o: Pick<ChartOptions, 'format' | 'formatX'>): string {
  const first = x[0];
  const last = x.at(-1);
  if (first === undefined || last === undefined) return '';
  const pct = new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return series.map((s) => {
    const v0 = s.values[0] ?? 0;
    const vn = s.values.at(-1) ?? 0;
    const diff = vn - v0;
    const change = `${diff > 0 ? '+' : diff < 0 ? '−' : ''}${o.format(Math.abs(diff))}${v0 === 0 ? '' : ` (${pct.format((diff / Math.abs(v0)) * 100)}%)`}`;
    return t('{0}: from {1} to {2}; last {3} ({4}); {5} since {6}.', s.label, o.format(Math.min(...s.values)), o.format(Math.max(...s.values)),
      o.format(vn), o.formatX(last), change, o.formatX(first));
  }).join(' ');
}

/** Axis labels of a UTC time axis in the UI language, coarse or fine by the tick spacing. */
function timeAxisValues(): (u: uPlot, ticks: number[], axisIdx: number, space: number, incr: number) => string[] {
  const lang = uiLanguage();
  const month = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(lang, { day: '2-digit', month: 'short', timeZone: 'UTC' });
  const hour = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  // Hours show their day on the first tick and at midnight only, so labels stay short.
  return (_u, ticks, _axis, _space, incr) => ticks.map((s, i) => {
    const at = new Date(s * 1000);
    if (incr >= 28 * 86_400) return month.format(at);
    if (incr >= 86_400 || i === 0 || at.getUTCHours() === 0) return incr >= 86_400 ? day.format(at) : `${day.format(at)} ${hour.format(at)}`;
    return hour.format(at);
  });
}

/**
 * A canvas time-series chart (uPlot), x in epoch seconds (UTC), with what it shows in words: a
 * summary (range, last value, change) above it and its numbers as a table a keyboard or screen
 * reader reaches (a disclosure below it). The hover legend is for the eyes only.
 */
export function lineChart(x: readonly number[], series: readonly LineSeries[], o: ChartOptions): HTMLElement {
  const summaryId = `${o.id}-summary`;
  const host = h('div', { class: 'chart', role: 'img', 'aria-label': t('Chart: {0}', o.title), 'aria-describedby': summaryId });
  const axis = themeColor('charts-foreground', '#888');
  const grid = themeColor('charts-lines', '#8884');
  const width = (): number => Math.max(280, (host.parentElement?.clientWidth ?? 600) - 16);
  const bars = o.bars === true;
  const opts: uPlot.Options = {
    width: 600,
    height: 220,
    // uPlot's own right padding (half a default y axis) cuts the last x label in half when it is
    // as long as "dez. de 2025" or a day with its hour: room for half of such a label instead.
    padding: [null, 56, null, null],
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    // One point (a single hour or day of data): uPlot widens a one-value time axis by 86400 / ms,
    // which with seconds is 86.4 million s (the axis spanned years); a day around it instead.
    scales: { x: { time: true, ...(x.length === 1 ? { range: (): uPlot.Range.MinMax => [(x[0] ?? 0) - 43_200, (x[0] ?? 0) + 43_200] } : {}) } },
    axes: [
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: timeAxisValues(), space: 90 },
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 110, values: (_u, ticks) => ticks.map((v) => o.format(v)) },
    ],
    series: [
      { label: t('Time'), value: (_u: uPlot, v: number | null) => (v === null ? '' : o.formatX(v)) },
      ...series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: 2,
        fill: bars ? `${s.color}88` : undefined,
        value: (_u: uPlot, v: number | null) => (v === null ? '' : o.format(v)),
        ...(bars ? { paths: uPlot.paths.bars?.({ size: [0.8, 40] }) } : {}),
      })),
    ],
    // Values appear in the legend only while the pointer is on a point (no "Time: --" before).
    hooks: { setLegend: [(u) => host.classList.toggle('hovering', u.legend.idx !== null && u.legend.idx !== undefined)] },
  };
  const data = [x as number[], ...series.map((s) => s.values as number[])] as uPlot.AlignedData;
  // uPlot measures its container: create it once the element is in the document.
  requestAnimationFrame(() => {
    const plot = new uPlot({ ...opts, width: width() }, data, host);
    plot.root.querySelector('.u-legend')?.setAttribute('aria-hidden', 'true');
    new ResizeObserver(() => plot.setSize({ width: width(), height: 220 })).observe(host.parentElement ?? host);
  });
  const rows = x.map((_, i) => i);
  const numbers = dataTable(rows, [
    { key: 'x', title: t('Time'), value: (i) => x[i] ?? null, format: (i) => o.formatX(x[i] ?? 0) },
    ...series.map((s, n) => ({ key: `s${n}`, title: s.label, value: (i: number) => s.values[i] ?? null, format: (i: number) => o.format(s.values[i] ?? 0), numeric: true })),
  ], { id: `${o.id}-numbers`, label: t('{0}: numbers', o.title), empty: '' });
  return h('div', { class: 'chart-block' },
    h('p', { id: summaryId, class: 'chart-summary', 'data-testid': `${o.id}-summary` }, chartSummary(x, series, o)),
    host,
    numbersDisclosure(o.id, numbers));
}

/** A chart's numbers table in a disclosure a keyboard opens; stays open across redraws (keyed by the chart's id). */
export function numbersDisclosure(id: string, table: HTMLElement): HTMLElement {
  return h('details', { class: 'chart-numbers', 'data-focus': `${id}:numbers` },
    h('summary', { 'data-focus': `${id}:numbers-toggle` }, t('Numbers of the chart')),
    table);
}

export const epochSeconds = (isoDay: string): number => Date.parse(`${isoDay.length === 10 ? `${isoDay}T00:00:00` : isoDay}Z`) / 1000;
