import { h } from './dom';
import type { Formats } from './format';
import { t } from './l10n';

/** Which way a number is good news: more revenue is, more discount given away is not; a count of sellers is neither. */
export type GoodWhen = 'up' | 'down' | 'neutral';

/** A change judged by its number's own direction of good (a neutral number's change is neither). */
export function judgeChange(goodWhen: GoodWhen, current: number, previous: number): 'good' | 'bad' | 'same' {
  if (current === previous || goodWhen === 'neutral') return 'same';
  return (current > previous) === (goodWhen === 'up') ? 'good' : 'bad';
}

export interface KpiCard {
  readonly id: string;
  readonly title: string;
  /** The value as shown. */
  readonly text: string;
  readonly current: number;
  readonly previous: number;
  /** The previous value as shown. */
  readonly previousText: string;
  readonly goodWhen: GoodWhen;
  /** The card's "SQL" button, if any. */
  readonly sql: HTMLElement | null;
}

/**
 * A KPI card: value, change against the previous period with an arrow for its direction and a
 * colour for its meaning (green good news, red bad news, none for a neutral number), and the
 * meaning in words for screen readers.
 */
export function kpiCard(k: KpiCard, f: Formats): HTMLElement {
  const delta = k.previous === 0 ? null : ((k.current - k.previous) / Math.abs(k.previous)) * 100;
  const trend = delta === null ? null : judgeChange(k.goodWhen, k.current, k.previous);
  const arrow = delta === null || delta === 0 ? '' : delta > 0 ? '▲ ' : '▼ ';
  return h('section', { class: 'kpi', 'data-testid': `kpi-${k.id}`, 'data-value': k.current, 'data-previous': k.previous, 'aria-labelledby': `kpi-${k.id}-title` },
    h('header', {}, h('h2', { id: `kpi-${k.id}-title` }, k.title), k.sql),
    h('div', { class: 'value' }, k.text),
    h('div', { class: `delta ${trend ?? ''}`, 'data-trend': trend ?? 'none' },
      h('span', { 'aria-hidden': 'true' }, arrow),
      delta === null ? t('No previous data') : t('{0} vs previous period ({1})', `${delta >= 0 ? '+' : ''}${f.percent.format(delta)}%`, k.previousText),
      trend === 'good' ? h('span', { class: 'visually-hidden' }, ` (${t('better')})`) : trend === 'bad' ? h('span', { class: 'visually-hidden' }, ` (${t('worse')})`) : null));
}
