import uPlot from 'uplot';
import { h } from './dom';

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

/**
 * A canvas time-series chart (uPlot). x values are epoch seconds. The chart is described for
 * screen readers by `summary`, and the numbers are also in the panel's table.
 */
export function lineChart(x: readonly number[], series: readonly LineSeries[], summary: string, format: (v: number) => string, bars = false): HTMLElement {
  const host = h('div', { class: 'chart', role: 'img', 'aria-label': summary });
  const axis = themeColor('charts-foreground', '#888');
  const grid = themeColor('charts-lines', '#8884');
  const width = (): number => Math.max(280, (host.parentElement?.clientWidth ?? 600) - 16);
  const opts: uPlot.Options = {
    width: 600,
    height: 220,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    // One point (a single hour or day of data): uPlot widens a one-value time axis by 86400 / ms,
    // which with seconds is 86.4 million s (the axis spanned years); a day around it instead.
    scales: { x: { time: true, ...(x.length === 1 ? { range: (): uPlot.Range.MinMax => [(x[0] ?? 0) - 43_200, (x[0] ?? 0) + 43_200] } : {}) } },
    axes: [
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 110, values: (_u, ticks) => ticks.map((t) => format(t)) },
    ],
    series: [
      {},
      ...series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: 2,
        fill: bars ? `${s.color}88` : undefined,
        value: (_u: uPlot, v: number | null) => (v === null ? '—' : format(v)),
        ...(bars ? { paths: uPlot.paths.bars?.({ size: [0.8, 40] }) } : {}),
      })),
    ],
  };
  const data = [x as number[], ...series.map((s) => s.values as number[])] as uPlot.AlignedData;
  // uPlot measures its container: create it once the element is in the document.
  requestAnimationFrame(() => {
    const plot = new uPlot({ ...opts, width: width() }, data, host);
    new ResizeObserver(() => plot.setSize({ width: width(), height: 220 })).observe(host.parentElement ?? host);
  });
  return host;
}

export const epochSeconds = (isoDay: string): number => Date.parse(`${isoDay.length === 10 ? `${isoDay}T00:00:00` : isoDay}Z`) / 1000;
