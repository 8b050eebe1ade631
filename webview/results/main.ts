import baseCss from '../shared/styles.css';
import gridCss from './grid.css';
import { isResultsHostMessage, type ResultsInitialState, type ResultsViewMessage } from '../../src/protocol/results';
import { adoptStyles } from '../shared/dom';
import { initialState, webviewApi } from '../shared/rpc';
import { setLanguage } from '../shared/l10n';
import { ResultsSession } from './session';
import { ResultsView } from './view';

async function defineControls(): Promise<void> {
  await Promise.all([
    import('@vscode-elements/elements/dist/vscode-button/index.js'),
    import('@vscode-elements/elements/dist/vscode-single-select/index.js'),
    import('@vscode-elements/elements/dist/vscode-option/index.js'),
  ]);
}

/** Wires the host's messages to the session (state) and the view (DOM), and saves for a reload. */
function start(): void {
  const state = initialState<ResultsInitialState>();
  setLanguage(state.language);
  adoptStyles(baseCss, gridCss);
  const api = webviewApi();
  const post = (m: ResultsViewMessage): void => api?.postMessage(m);
  const app = document.getElementById('app') as HTMLElement;
  const session = new ResultsSession();
  const save = (): void => {
    const saved = session.saved(view.grid.scrollTop);
    if (saved !== undefined) api?.setState(saved);
  };
  const view = new ResultsView(app, state.language, {
    post,
    scrolled: save,
    pick: (id) => {
      const set = session.select(id);
      if (set === undefined) return;
      view.show(set);
      save();
    },
  });

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const m = event.data;
    if (!isResultsHostMessage(m)) return;
    if (m.type === 'result-set') {
      const arrival = session.add(m.set);
      if (arrival.show) {
        view.show(m.set, arrival.first);
        if (arrival.scrollTop !== undefined) view.grid.scrollTo(arrival.scrollTop);
      }
    } else {
      session.begin(m);
      if (m.type === 'restored') view.restored(m.run, m.droppedChars);
      else view.started(m.run);
      view.show(undefined);
    }
    view.list(session.results);
    save();
  });
  app.setAttribute('aria-busy', 'false');
  post({ type: 'ready' });
  void defineControls();
}

start();
