import { h, replace } from './dom';

export interface Column<R> {
  readonly key: string;
  readonly title: string;
  readonly value: (row: R) => string | number | null;
  readonly format?: (row: R) => string | Node;
  readonly numeric?: boolean;
}

export interface TableOptions<R> {
  readonly sortable?: boolean;
  readonly caption?: string;
  readonly empty: string;
  /** Activated by click or Enter/Space on a focused row. */
  readonly onActivate?: (row: R) => void;
  readonly rowLabel?: (row: R) => string;
}

/**
 * A data table: real <table> semantics, sortable headers as buttons (aria-sort), rows that can
 * be activated with the keyboard when the table has an action.
 */
export function dataTable<R>(rows: readonly R[], columns: readonly Column<R>[], options: TableOptions<R>): HTMLElement {
  const wrap = h('div', { class: 'table-wrap' });
  let sortKey: string | null = null;
  let ascending = true;
  const render = (): void => {
    const col = columns.find((c) => c.key === sortKey);
    const sorted = col === undefined ? rows : [...rows].sort((a, b) => compare(col.value(a), col.value(b)) * (ascending ? 1 : -1));
    const head = h('tr', {}, ...columns.map((c) => {
      const sort = c.key === sortKey ? (ascending ? 'ascending' : 'descending') : 'none';
      const label = options.sortable === true
        ? h('button', { class: 'sort', type: 'button', onclick: () => { ascending = c.key === sortKey ? !ascending : true; sortKey = c.key; render(); } }, c.title)
        : c.title;
      return h('th', { scope: 'col', class: c.numeric === true ? 'num' : '', 'aria-sort': options.sortable === true ? sort : null, 'data-key': c.key }, label);
    }));
    const body = sorted.map((r) => {
      const tr = h('tr', {}, ...columns.map((c) => {
        const v = c.value(r);
        // The raw number rides along (formatted text is locale-dependent): tests and copy read it.
        return h('td', { class: c.numeric === true ? 'num' : '', 'data-key': c.key, 'data-value': c.numeric === true && typeof v === 'number' ? v : null }, c.format?.(r) ?? String(v ?? '—'));
      }));
      if (options.onActivate !== undefined) {
        const activate = options.onActivate;
        tr.tabIndex = 0;
        tr.classList.add('activatable');
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
