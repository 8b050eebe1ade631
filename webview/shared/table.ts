import { button } from './controls';
import { h, replace } from './dom';
import { t, uiLanguage } from './l10n';

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
  /**
   * Rows drawn at first when there are more (all when unset): the rest are added a page at a
   * time when the table is scrolled to its end or with "Show more", and all with "Show all".
   * Exported snapshots leave it unset: a file read, searched and printed whole, with no controls.
   */
  readonly pageRows?: number;
}

/**
 * The rows a detail table draws at first: about three screenfuls of its scroll region. Laying out
 * all 500 rows of a dozen columns was most of what the data cost the first render.
 */
export const DETAIL_PAGE_ROWS = 50;

/** Sort order per table id: a redraw (filter, auto-refresh) keeps the user's sort. */
const sorts = new Map<string, { key: string; ascending: boolean }>();

/**
 * A data table: real <table> semantics, sortable headers as buttons (aria-sort and a visible
 * arrow), rows that can be activated with the keyboard when the table has an action, numbers in
 * the UI language's format, and a scroll region that can be focused and scrolled by keyboard.
 *
 * With `pageRows`, a longer table draws its first page only; sorting orders all its rows. Below
 * the scroll region a status says how many rows are shown of how many (also the region's
 * description, and `aria-rowcount`/`aria-rowindex` on the table), next to "Show more" and "Show
 * all"; scrolling to the last drawn row adds the next page.
 */
export function dataTable<R>(rows: readonly R[], columns: readonly Column<R>[], options: TableOptions<R>): HTMLElement {
  const page = options.pageRows !== undefined && rows.length > options.pageRows ? options.pageRows : undefined;
  const countId = `table-${options.id}-count`;
  const wrap = h('div', {
    class: 'table-wrap', tabindex: rows.length === 0 ? null : 0, role: rows.length === 0 ? null : 'region', 'aria-label': rows.length === 0 ? null : options.label,
    'aria-describedby': page === undefined ? null : countId, 'data-focus': `${options.id}:region`,
  });
  const numbers = new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 2 });
  const cell = (c: Column<R>, r: R): string | Node => {
    if (c.format !== undefined) return c.format(r);
    const v = c.value(r);
    return typeof v === 'number' && c.identifier !== true ? numbers.format(v) : String(v ?? '—');
  };
  const row = (r: R, i: number): HTMLTableRowElement => {
    const tr = h('tr', { 'aria-rowindex': page === undefined ? null : i + 2 }, ...columns.map((c) => {
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
  };
  let sorted: readonly R[] = rows;
  let shown = page ?? rows.length;
  let tbody: HTMLTableSectionElement | undefined;
  /** Draws `n` more rows; from a button, the region scrolls to the first of them (under the header). */
  const more = (n: number, reveal: boolean): void => {
    if (tbody === undefined || shown >= sorted.length) return;
    const from = shown;
    shown = Math.min(sorted.length, shown + n);
    const added = sorted.slice(from, shown).map((r, k) => row(r, from + k));
    tbody.append(...added);
    paging?.update(shown, wrap, tbody);
    const first = added[0];
    if (reveal && first !== undefined) {
      const header = wrap.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      wrap.scrollTop += first.getBoundingClientRect().top - wrap.getBoundingClientRect().top - header;
    }
  };
  const paging = page === undefined ? undefined : pager(rows.length, page, options, countId, more);
  const render = (): void => {
    const sort = sorts.get(options.id);
    const col = columns.find((c) => c.key === sort?.key);
    const ascending = sort?.ascending ?? true;
    sorted = col === undefined ? rows : [...rows].sort((a, b) => compare(col.value(a), col.value(b)) * (ascending ? 1 : -1));
    const head = h('tr', { 'aria-rowindex': page === undefined ? null : 1 }, ...columns.map((c) => {
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
    // The rows the user had drawn stay drawn: a new order shows as many, from the top.
    tbody = h('tbody', {}, ...sorted.slice(0, shown).map(row));
    replace(wrap, rows.length === 0
      ? h('p', { class: 'empty' }, options.empty)
      : h('table', { 'aria-rowcount': page === undefined ? null : rows.length + 1 }, options.caption === undefined ? null : h('caption', {}, options.caption), h('thead', {}, head), tbody));
    paging?.update(shown, wrap, tbody);
  };
  render();
  return paging === undefined ? wrap : h('div', { class: 'table-paged' }, wrap, paging.footer);
}

/**
 * The footer of a paged table (its count, "Show more", "Show all") and the scroll watch that adds
 * the next page when the last drawn row comes into the scroll region.
 */
function pager<R>(total: number, page: number, options: TableOptions<R>, countId: string, more: (n: number, reveal: boolean) => void) {
  const numbers = new Intl.NumberFormat(uiLanguage());
  const status = h('span', { id: countId, class: 'table-count', role: 'status', 'data-testid': `${options.id}-count` });
  const next = button(t('Show {0} more', numbers.format(page)), `${options.id}-more`, () => more(page, true),
    { secondary: true, name: t('Show {0} more rows: {1}', numbers.format(page), options.label) });
  const all = button(t('Show all'), `${options.id}-all`, () => more(total, true),
    { secondary: true, name: t('Show all {0} rows: {1}', numbers.format(total), options.label) });
  next.dataset['focus'] = `${options.id}:more`;
  all.dataset['focus'] = `${options.id}:all`;
  const footer = h('div', { class: 'table-more' }, status, next, all);
  let watch: IntersectionObserver | undefined;
  return {
    footer,
    /** After rows were drawn: the count, the buttons while rows are left, the last row watched. */
    update(shown: number, wrap: HTMLElement, tbody: HTMLTableSectionElement): void {
      status.textContent = t('{0} of {1} rows shown', numbers.format(shown), numbers.format(total));
      watch?.disconnect();
      if (shown < total) {
        watch = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) more(page, false); }, { root: wrap, rootMargin: '0px 0px 200px 0px' });
        const last = tbody.lastElementChild;
        if (last !== null) watch.observe(last);
        return;
      }
      // Everything is drawn: the buttons go, and focus on one of them moves to the table.
      const had = footer.contains(document.activeElement);
      next.remove();
      all.remove();
      if (had) wrap.focus({ preventScroll: true });
    },
  };
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}
