import type { ResultSetView } from '../../src/protocol/results';
import { h } from '../shared/dom';
import { tsvRows } from './tsv';
import { rowWindow, scrollToShow } from './window';

/** Fixed row height: the windowing math depends on it (kept in step with grid.css). */
export const ROW_HEIGHT = 22;

export interface GridActions {
  copy(text: string): void;
}

/**
 * A virtualised grid: a scroll container over a spacer as tall as every row, and only the rows
 * in view as elements, so 100k rows scroll as smoothly as 100. Click selects a row (Ctrl/Cmd
 * toggles, Shift extends), arrows move, Ctrl+C copies the selected rows as TSV (Ctrl+Shift+C
 * with the header), Ctrl+A selects all.
 */
export class Grid {
  readonly element: HTMLElement;
  private readonly viewport: HTMLElement;
  private readonly header: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly body: HTMLElement;
  private set: ResultSetView | undefined;
  private readonly selected = new Set<number>();
  private anchor = 0;
  private cell = { row: -1, column: 0 };
  private pending = false;

  constructor(private readonly actions: GridActions, private readonly onSelection: (count: number) => void) {
    this.header = h('div', { class: 'grid-header', role: 'row' });
    this.body = h('div', { class: 'grid-rows', role: 'rowgroup' });
    this.spacer = h('div', { class: 'grid-spacer' }, this.body);
    this.viewport = h('div', { class: 'grid-viewport', tabindex: 0, 'data-testid': 'results-viewport' }, this.header, this.spacer);
    this.element = h('div', { class: 'grid', role: 'grid', 'data-testid': 'results-grid' }, this.viewport);
    this.viewport.addEventListener('scroll', () => this.schedule());
    this.viewport.addEventListener('keydown', (e) => this.onKey(e));
    this.body.addEventListener('mousedown', (e) => this.onClick(e));
    new ResizeObserver(() => this.schedule()).observe(this.viewport);
  }

  show(set: ResultSetView): void {
    this.set = set;
    this.selected.clear();
    this.anchor = 0;
    this.cell = { row: -1, column: 0 };
    this.element.setAttribute('aria-rowcount', String(set.rows.length + 1));
    this.element.setAttribute('aria-colcount', String(set.columns.length));
    const template = columnTemplate(set);
    this.header.style.gridTemplateColumns = template;
    this.body.style.setProperty('--columns', template);
    this.header.replaceChildren(...set.columns.map((c, i) => h('div', { class: set.numeric[i] === true ? 'cell num' : 'cell', role: 'columnheader', title: c }, c)));
    this.viewport.scrollTop = 0;
    this.viewport.scrollLeft = 0;
    this.render();
    this.onSelection(0);
  }

  /** How far the rows are scrolled (px), kept across a window reload. */
  get scrollTop(): number {
    return this.viewport.scrollTop;
  }

  /** Scrolls back to a kept position (the grid must be in the document). */
  scrollTo(top: number): void {
    this.viewport.scrollTop = top;
    this.render();
  }

  /** Calls `listener` when the rows scroll (the viewport's own event). */
  onScroll(listener: () => void): void {
    this.viewport.addEventListener('scroll', listener, { passive: true });
  }

  /** The selected rows as TSV (all rows when none is selected), with the header when asked. */
  selectedRowsText(withHeader: boolean): string {
    const set = this.set;
    if (set === undefined) return '';
    const indices = this.selected.size === 0 ? set.rows.map((_r, i) => i) : [...this.selected].sort((a, b) => a - b);
    return tsvRows(set.columns, set.rows, indices, withHeader);
  }

  /** The current cell's value (as in the grid; NULL for SQL NULL), or undefined without one. */
  cellText(): string | undefined {
    const row = this.set?.rows[this.cell.row];
    if (row === undefined) return undefined;
    const value = row[this.cell.column];
    return value === null ? 'NULL' : value === undefined ? undefined : value;
  }

  private viewportRowsHeight(): number {
    return Math.max(ROW_HEIGHT, this.viewport.clientHeight - this.header.offsetHeight);
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  private render(): void {
    const set = this.set;
    if (set === undefined) return;
    const w = rowWindow(this.viewport.scrollTop, this.viewportRowsHeight(), ROW_HEIGHT, set.rows.length);
    this.spacer.style.height = `${w.spacerHeight}px`;
    this.body.style.transform = `translateY(${w.top}px)`;
    const rows: HTMLElement[] = [];
    for (let i = w.first; i < w.end; i++) rows.push(this.rowElement(set, i));
    this.body.replaceChildren(...rows);
  }

  private rowElement(set: ResultSetView, index: number): HTMLElement {
    const values = set.rows[index] ?? [];
    const selected = this.selected.has(index);
    const row = h('div', { class: selected ? 'row selected' : 'row', role: 'row', 'aria-rowindex': index + 2, 'aria-selected': selected ? 'true' : 'false', 'data-row': index });
    row.style.gridTemplateColumns = 'var(--columns)';
    for (let c = 0; c < values.length; c++) {
      const v = values[c] ?? null;
      const classes = ['cell'];
      if (set.numeric[c] === true) classes.push('num');
      if (v === null) classes.push('null');
      if (index === this.cell.row && c === this.cell.column) classes.push('current');
      row.append(h('div', { class: classes.join(' '), role: 'gridcell', 'data-col': c }, v === null ? 'NULL' : v));
    }
    return row;
  }

  private onClick(e: MouseEvent): void {
    const target = e.target instanceof Element ? e.target : null;
    const rowEl = target?.closest<HTMLElement>('.row');
    if (rowEl === null || rowEl === undefined) return;
    const row = Number(rowEl.dataset['row']);
    const column = Number(target?.closest<HTMLElement>('.cell')?.dataset['col'] ?? 0);
    this.select(row, column, e.shiftKey, e.ctrlKey || e.metaKey);
    this.viewport.focus();
  }

  private select(row: number, column: number, extend: boolean, toggle: boolean): void {
    if (extend) {
      this.selected.clear();
      for (let i = Math.min(this.anchor, row); i <= Math.max(this.anchor, row); i++) this.selected.add(i);
    } else if (toggle) {
      if (this.selected.has(row)) this.selected.delete(row);
      else this.selected.add(row);
      this.anchor = row;
    } else {
      this.selected.clear();
      this.selected.add(row);
      this.anchor = row;
    }
    this.cell = { row, column };
    this.onSelection(this.selected.size);
    this.render();
  }

  private onKey(e: KeyboardEvent): void {
    const set = this.set;
    if (set === undefined) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      this.actions.copy(this.selectedRowsText(e.shiftKey));
      return;
    }
    if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      for (let i = 0; i < set.rows.length; i++) this.selected.add(i);
      this.onSelection(this.selected.size);
      this.render();
      return;
    }
    const last = set.rows.length - 1;
    const page = Math.max(1, Math.floor(this.viewportRowsHeight() / ROW_HEIGHT) - 1);
    const moves: Record<string, () => { row: number; column: number }> = {
      ArrowDown: () => ({ row: Math.min(last, this.cell.row + 1), column: this.cell.column }),
      ArrowUp: () => ({ row: Math.max(0, this.cell.row - 1), column: this.cell.column }),
      ArrowRight: () => ({ row: Math.max(0, this.cell.row), column: Math.min(set.columns.length - 1, this.cell.column + 1) }),
      ArrowLeft: () => ({ row: Math.max(0, this.cell.row), column: Math.max(0, this.cell.column - 1) }),
      PageDown: () => ({ row: Math.min(last, this.cell.row + page), column: this.cell.column }),
      PageUp: () => ({ row: Math.max(0, this.cell.row - page), column: this.cell.column }),
      Home: () => ({ row: mod ? 0 : Math.max(0, this.cell.row), column: 0 }),
      End: () => ({ row: mod ? last : Math.max(0, this.cell.row), column: set.columns.length - 1 }),
    };
    const move = moves[e.key];
    if (move === undefined || last < 0) return;
    e.preventDefault();
    const to = move();
    this.viewport.scrollTop = scrollToShow(to.row, this.viewport.scrollTop, this.viewportRowsHeight(), ROW_HEIGHT, set.rows.length);
    this.select(to.row, to.column, e.shiftKey, false);
  }
}

/** Column widths from the header and the first rows (in ch), so columns line up without measuring. */
function columnTemplate(set: ResultSetView): string {
  return set.columns
    .map((name, c) => {
      let width = name.length;
      for (let r = 0; r < Math.min(200, set.rows.length); r++) width = Math.max(width, (set.rows[r]?.[c] ?? 'NULL').length);
      return `${Math.min(48, Math.max(6, width)) + 2}ch`;
    })
    .join(' ');
}
