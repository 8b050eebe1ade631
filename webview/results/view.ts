import { MAX_KEPT_RESULTS_CHARS, type ResultSetView, type ResultsRun, type ResultsViewMessage } from '../../src/protocol/results';
import { h, replace } from '../shared/dom';
import { t } from '../shared/l10n';
import { Grid } from './grid';

/** What the view needs from its owner: posting to the host, and the user's choices. */
export interface ResultsViewEvents {
  post(m: ResultsViewMessage): void;
  /** The picker chose the set with this id. */
  pick(id: number): void;
  /** The grid stopped scrolling (the position is worth saving). */
  scrolled(): void;
}

/** The results view's DOM: toolbar (set picker, copy, export, status), restored note, grid. */
export class ResultsView {
  readonly grid: Grid;
  private readonly status = h('span', { class: 'status', 'data-testid': 'results-status', 'aria-live': 'polite' });
  private readonly picker = h('vscode-single-select', { 'data-testid': 'results-set', 'aria-label': t('Result set') });
  private readonly toolbar: HTMLElement;
  private readonly empty = h('p', { class: 'empty', 'data-testid': 'results-empty' }, t('No results yet: run a script that returns rows.'));
  private readonly restoredNote = h('div', { class: 'restored-note', role: 'status', 'data-testid': 'results-restored' });
  private readonly runAgain: HTMLElement;
  private shown: ResultSetView | undefined;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly app: HTMLElement, private readonly language: string, events: ResultsViewEvents) {
    const post = (m: ResultsViewMessage): void => events.post(m);
    this.grid = new Grid({ copy: (text) => post({ type: 'copy', text }) }, (count) => this.updateStatus(count));
    // The scroll position is saved once scrolling stops (setState writes the whole state).
    this.grid.onScroll(() => {
      clearTimeout(this.scrollTimer);
      this.scrollTimer = setTimeout(() => events.scrolled(), 500);
    });
    const copyRows = h('vscode-button', { 'data-testid': 'copy-rows', secondary: true, onclick: () => post({ type: 'copy', text: this.grid.selectedRowsText(true) }) }, t('Copy Rows'));
    const copyCell = h('vscode-button', { 'data-testid': 'copy-cell', secondary: true, onclick: () => {
      const text = this.grid.cellText();
      if (text !== undefined) post({ type: 'copy', text });
    } }, t('Copy Cell'));
    const exportCsv = h('vscode-button', { 'data-testid': 'export-csv', onclick: () => { if (this.shown !== undefined) post({ type: 'export-csv', setId: this.shown.id }); } }, t('Export CSV'));
    this.toolbar = h('div', { class: 'results-toolbar', role: 'toolbar', 'aria-label': t('Results') }, this.picker, copyRows, copyCell, exportCsv, this.status);
    this.runAgain = h('vscode-button', { 'data-testid': 'run-again', secondary: true, onclick: () => post({ type: 'run-again' }) }, t('Run again'));
    this.picker.addEventListener('change', () => events.pick(Number((this.picker as HTMLElement & { value: string }).value)));
    replace(app, this.toolbar, this.empty);
  }

  /** A new run: toolbar and the empty note until its first set. */
  started(run: ResultsRun): void {
    document.title = run.title;
    replace(this.app, this.toolbar, this.empty);
  }

  /** The note above a view a reload gave back; the sets (if kept) follow as messages. */
  restored(run: ResultsRun, droppedChars: number | undefined): void {
    const when = new Date(run.startedAt).toLocaleTimeString(this.language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    if (droppedChars === undefined) {
      replace(this.restoredNote, h('span', {}, t('From the run at {0} before the reload.', when)), this.runAgain);
    } else {
      const mb = (droppedChars / (1024 * 1024)).toFixed(1);
      replace(this.restoredNote, h('span', {}, t('The results of the run at {0} were too large to keep across the reload ({1} MB; at most {2} MB are kept).', when, mb, MAX_KEPT_RESULTS_CHARS / (1024 * 1024))), this.runAgain);
    }
    document.title = run.title;
    replace(this.app, this.restoredNote, this.toolbar, ...(droppedChars === undefined ? [this.empty] : []));
  }

  /** Shows a set in the grid; `first` replaces the empty note with the grid. */
  show(set: ResultSetView | undefined, first = false): void {
    if (first) replace(this.app, ...(this.restoredNote.isConnected ? [this.restoredNote] : []), this.toolbar, this.grid.element);
    this.shown = set;
    if (set !== undefined) this.grid.show(set);
    this.updateStatus(0);
  }

  /** The picker's options: every set of the run, the shown one selected. */
  list(sets: readonly ResultSetView[]): void {
    replace(this.picker, ...sets.map((s) => h('vscode-option', { value: String(s.id), selected: s === this.shown }, `${t('Result set')} ${s.id + 1} · ${t('batch {0} at {1}', s.batch, s.source)}`)));
  }

  private updateStatus(selected: number): void {
    const shown = this.shown;
    if (shown === undefined) return replace(this.status);
    const count = shown.rows.length < shown.totalRows ? t('{0} of {1} rows kept (setting dwWorkbench.results.maxRows)', shown.rows.length.toLocaleString(), shown.totalRows.toLocaleString()) : t('{0} rows', shown.totalRows.toLocaleString());
    replace(this.status, selected > 0 ? `${count} · ${t('{0} selected', selected.toLocaleString())}` : count);
  }
}
