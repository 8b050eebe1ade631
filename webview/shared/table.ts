import { h, replace } from './dom';
import { uiLanguage } from './l10n';

export interface Column<R> {
  readonly key: string;
  readonly title: string;
  readonly value: (row: R) => string | number | null;
  readonly format?: (row: R) => string | Node;
  readonly numeric?: boolean;
  /** A number that names something (a run id): printed as is, without digit grouping. */
  readonly identifier?: boolean;
  /** Free text that may be long (a list of entities): it wraps instead of widening the table. */
  readonly wrap?: boolean;
}

export interface TableOptions<R> {
  /** Stable across redraws: the sort order and the focused header or row are kept by it. */
  readonly id: string;
  /** The name of the table's scrollable region (usually its panel's title). */
  readonly label: string;
  readonly sortable?: boolean;
  readonly caption?: string;
  readonly empty: string;
  /** Activated by click or Enter/Space on a focused row. */
  readonly onActivate?: (row: R) => void;
  readonly rowLabel?: (row: R) => string;
  /** Stable key of a row (for keeping focus on it across redraws). */
  readonly rowKey?: (row: R) => string | number;
}

/** Sort order per table id: a redraw (filter, auto-refresh) keeps the user's sort. */
const sorts = new Map<string, { key: string; ascending: boolean }>();

/**
 * A data table: real <table> semantics, sortable headers as buttons (aria-sort and a visible
 * arrow), rows that can be activated with the keyboard when the table has an action, numbers in
 * the UI language's format, and a scroll region that can be focused and scrolled by keyboard.
 */
export function dataTable<R>(rows: readonly R[], columns: readonly Column<R>[], options: TableOptions<R>): HTMLElement {
  const wrap = h('div', { class: 'table-wrap', tabindex: rows.length === 0 ? null : 0, role: rows.length === 0 ? null : 'region', 'aria-label': rows.length === 0 ? null : options.label, 'data-focus': `${options.id}:region` });
  const numbers = new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 2 });
  const cell = (c: Column<R>, r: R): string | Node => {
    if (c.format !== undefined) return c.format(r);
    const v = c.value(r);
    return typeof v === 'number' && c.identifier !== true ? numbers.format(v) : String(v ?? '—');
  };
  const render = (): void => {
    const sort = sorts.get(options.id);
    const col = columns.find((c) => c.key === sort?.key);
    const ascending = sort?.ascending ?? true;
    const sorted = col === undefined ? rows : [...rows].sort((a, b) => compare(col.value(a), col.value(b)) * (ascending ? 1 : -1));
    const head = h('tr', {}, ...columns.map((c) => {
      const state = c === col ? (ascending ? 'ascending' : 'descending') : 'none';
      const label = options.sortable === true
        ? h('button', {
            class: 'sort', type: 'button', 'data-focus': `${options.id}:sort:${c.key}`,
            onclick: () => {
              sorts.set(options.id, { key: c.key, ascending: c === col ? !ascending : true });
              const focused = document.activeElement?.getAttribute('data-focus');
              render();
              if (focused !== undefined && focused !== null) wrap.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`)?.focus();
            },
          }, c.title, state === 'none' ? null : h('span', { class: 'sort-arrow', 'aria-hidden': 'true' }, state === 'ascending' ? '▲' : '▼'))
        : c.title;
      return h('th', { scope: 'col', class: c.numeric === true ? 'num' : '', 'aria-sort': options.sortable === true ? state : null, 'data-key': c.key }, label);
    }));
    const body = sorted.map((r, i) => {
      const tr = h('tr', {}, ...columns.map((c) => {
        const v = c.value(r);
        // The raw number rides along (formatted text is locale-dependent): tests and copy read it.
        return h('td', { class: c.numeric === true ? 'num' : c.wrap === true ? 'wrap' : '', 'data-key': c.key, 'data-value': c.numeric === true && typeof v === 'number' ? v : null }, cell(c, r));
      }));
      if (options.onActivate !== undefined) {
        const activate = options.onActivate;
        tr.tabIndex = 0;
        tr.classList.add('activatable');
        tr.dataset['focus'] = `${options.id}:row:${options.rowKey?.(r) ?? i}`;
        if (options.rowLabel !== undefined) tr.setAttribute('aria-label', options.rowLabel(r));
        tr.addEventListener('click', () => activate(r));
        tr.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            activate(r);
          }
        });
      }
      return tr;
    });
    replace(wrap, rows.length === 0
      ? h('p', { class: 'empty' }, options.empty)
      : h('table', {}, options.caption === undefined ? null : h('caption', {}, options.caption), h('thead', {}, head), h('tbody', {}, ...body)));
  };
  render();
  return wrap;
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}
