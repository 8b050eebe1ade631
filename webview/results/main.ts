import baseCss from '../shared/styles.css';
import gridCss from './grid.css';
import { isResultsHostMessage, MAX_KEPT_RESULTS_CHARS, type ResultSetView, type ResultsInitialState, type ResultsRun, type ResultsSavedState, type ResultsViewMessage } from '../../src/protocol/results';
import { adoptStyles, h, replace } from '../shared/dom';
import { initialState, webviewApi } from '../shared/rpc';
import { Grid } from './grid';
import { setLanguage, t } from '../shared/l10n';

async function defineControls(): Promise<void> {
  await Promise.all([
    import('@vscode-elements/elements/dist/vscode-button/index.js'),
    import('@vscode-elements/elements/dist/vscode-single-select/index.js'),
    import('@vscode-elements/elements/dist/vscode-option/index.js'),
  ]);
}

/**
 * About the length of the set as JSON (cells, quotes and commas), counted until it passes
 * `budget`: deciding whether a 10-million-row set fits needs only its first few MB.
 */
function jsonChars(set: ResultSetView, budget: number): number {
  let chars = 200 + set.source.length + set.columns.reduce((n, c) => n + c.length + 9, 0);
  for (const row of set.rows) {
    if (chars > budget) return chars;
    chars += 3;
    for (const cell of row) chars += cell === null ? 5 : cell.length + 3;
  }
  return chars;
}

function start(): void {
  const state = initialState<ResultsInitialState>();
  setLanguage(state.language);
  adoptStyles(baseCss, gridCss);
  const api = webviewApi();
  const post = (m: ResultsViewMessage): void => api?.postMessage(m);
  const app = document.getElementById('app') as HTMLElement;
  let sets: ResultSetView[] = [];
  let shown: ResultSetView | undefined;
  // What setState keeps for a reload: the run, and its sets while they stay small enough.
  let run: ResultsRun | undefined;
  let keptChars = 0;
  let droppedChars: number | undefined;
  let wantedId: number | undefined;
  let wantedScroll: number | undefined;
  const save = (): void => {
    if (run === undefined) return;
    const saved: ResultsSavedState = droppedChars === undefined
      ? { run, sets, ...(shown === undefined ? {} : { shownId: shown.id, scrollTop: grid.scrollTop }) }
      : { run, sets: [], droppedChars };
    api?.setState(saved);
  };
  // The scroll position is saved once scrolling stops (setState writes the whole state).
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;

  const status = h('span', { class: 'status', 'data-testid': 'results-status', 'aria-live': 'polite' });
  const picker = h('vscode-single-select', { 'data-testid': 'results-set', 'aria-label': t('Result set') });
  const grid = new Grid({ copy: (text) => post({ type: 'copy', text }) }, (count) => updateStatus(count));
  grid.onScroll(() => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(save, 500);
  });
  const copyRows = h('vscode-button', { 'data-testid': 'copy-rows', secondary: true, onclick: () => post({ type: 'copy', text: grid.selectedRowsText(true) }) }, t('Copy Rows'));
  const copyCell = h('vscode-button', { 'data-testid': 'copy-cell', secondary: true, onclick: () => {
    const text = grid.cellText();
    if (text !== undefined) post({ type: 'copy', text });
  } }, t('Copy Cell'));
  const exportCsv = h('vscode-button', { 'data-testid': 'export-csv', onclick: () => { if (shown !== undefined) post({ type: 'export-csv', setId: shown.id }); } }, t('Export CSV'));
  const toolbar = h('div', { class: 'results-toolbar', role: 'toolbar', 'aria-label': t('Results') }, picker, copyRows, copyCell, exportCsv, status);
  const empty = h('p', { class: 'empty', 'data-testid': 'results-empty' }, t('No results yet: run a script that returns rows.'));
  const runAgain = h('vscode-button', { 'data-testid': 'run-again', secondary: true, onclick: () => post({ type: 'run-again' }) }, t('Run again'));
  const restoredNote = h('div', { class: 'restored-note', role: 'status', 'data-testid': 'results-restored' });
  picker.addEventListener('change', () => {
    const id = Number((picker as HTMLElement & { value: string }).value);
    const set = sets.find((s) => s.id === id);
    if (set !== undefined && set !== shown) {
      showSet(set);
      save();
    }
  });

  const clock = (at: number): string => new Date(at).toLocaleTimeString(state.language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  /** The note above a view a reload gave back; the sets (if kept) follow as messages. */
  function showRestored(m: { run: ResultsRun; droppedChars?: number }): void {
    const when = clock(m.run.startedAt);
    if (m.droppedChars === undefined) {
      replace(restoredNote, h('span', {}, t('From the run at {0} before the reload.', when)), runAgain);
    } else {
      const mb = (m.droppedChars / (1024 * 1024)).toFixed(1);
      replace(restoredNote, h('span', {}, t('The results of the run at {0} were too large to keep across the reload ({1} MB; at most {2} MB are kept).', when, mb, MAX_KEPT_RESULTS_CHARS / (1024 * 1024))), runAgain);
    }
    document.title = m.run.title;
    replace(app, restoredNote, toolbar, ...(m.droppedChars === undefined ? [empty] : []));
  }

  /** Keeps the set for a reload while the kept sets stay under the limit; past it, none. */
  function keep(set: ResultSetView): void {
    const budget = droppedChars === undefined ? MAX_KEPT_RESULTS_CHARS - keptChars : 0;
    const chars = jsonChars(set, budget);
    if (chars <= budget) {
      keptChars += chars;
      return;
    }
    // Past the limit: the size is counted in full once, for the message after a reload.
    droppedChars = (droppedChars ?? keptChars) + jsonChars(set, Number.MAX_SAFE_INTEGER);
  }

  function updateStatus(selected: number): void {
    if (shown === undefined) return replace(status);
    const count = shown.rows.length < shown.totalRows ? t('{0} of {1} rows kept (setting dwWorkbench.results.maxRows)', shown.rows.length.toLocaleString(), shown.totalRows.toLocaleString()) : t('{0} rows', shown.totalRows.toLocaleString());
    replace(status, selected > 0 ? `${count} · ${t('{0} selected', selected.toLocaleString())}` : count);
  }

  function showSet(set: ResultSetView): void {
    shown = set;
    grid.show(set);
    updateStatus(0);
  }

  function renderPicker(): void {
    replace(picker, ...sets.map((s) => h('vscode-option', { value: String(s.id), selected: s === shown }, `${t('Result set')} ${s.id + 1} · ${t('batch {0} at {1}', s.batch, s.source)}`)));
  }

  replace(app, toolbar, empty);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const m = event.data;
    if (!isResultsHostMessage(m)) return;
    if (m.type === 'run-started' || m.type === 'restored') {
      sets = [];
      shown = undefined;
      run = m.run;
      keptChars = 0;
      droppedChars = m.type === 'restored' ? m.droppedChars : undefined;
      wantedId = m.type === 'restored' ? m.shownId : undefined;
      wantedScroll = m.type === 'restored' ? m.scrollTop : undefined;
      if (m.type === 'restored') {
        showRestored(m);
      } else {
        document.title = m.run.title;
        replace(app, toolbar, empty);
      }
      renderPicker();
      updateStatus(0);
      save();
      return;
    }
    sets.push(m.set);
    keep(m.set);
    if (shown === undefined || m.set.id === wantedId) {
      if (shown === undefined) replace(app, ...(restoredNote.isConnected ? [restoredNote] : []), toolbar, grid.element);
      showSet(m.set);
      if (wantedScroll !== undefined && (wantedId === undefined || m.set.id === wantedId)) grid.scrollTo(wantedScroll);
    }
    renderPicker();
    save();
  });
  app.setAttribute('aria-busy', 'false');
  post({ type: 'ready' });
  void defineControls();
}

start();
