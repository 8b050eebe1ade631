import { h } from './dom';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

/**
 * Horizontal bars as an HTML list: categories read as text by screen readers and copy-paste,
 * and each row carries its raw value for tests (`data-value`).
 */
export function barList(bars: readonly Bar[], format: (v: number) => string, empty: string): HTMLElement {
  if (bars.length === 0) return h('p', { class: 'empty' }, empty);
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 1);
  // CSSOM, not a style attribute: the CSP allows no inline style attributes.
  const fill = (b: Bar): HTMLElement => {
    const el = h('span', { class: 'bar-fill' });
    el.style.width = `${((Math.abs(b.value) / max) * 100).toFixed(1)}%`;
    return el;
  };
  return h('ol', { class: 'bars' },
    ...bars.map((b) =>
      h('li', { 'data-label': b.label, 'data-value': b.value },
        h('span', { class: 'bar-label' }, b.label),
        h('span', { class: 'bar-track', 'aria-hidden': 'true' }, fill(b)),
        h('span', { class: 'bar-value' }, format(b.value)),
      ),
    ),
  );
}
