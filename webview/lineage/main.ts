import css from '../shared/styles.css';
import lineageCss from './lineage.css';
import type { LineageInitialState, LineageItem, LineageSavedState } from '../../src/protocol/lineage';
import { isLineageView } from '../../src/protocol/lineage';
import { adoptStyles, h, replace } from '../shared/dom';
import { setLanguage, t } from '../shared/l10n';
import { initialState, webviewApi, type WebviewApi } from '../shared/rpc';
import { GraphView } from './graphView';
import { LineageItems } from './model';
import { Viewport } from './viewport';

/** A toolbar button of @vscode-elements: `text` shows, `name` is what assistive technology reads (it begins with or explains the text). */
function toolButton(text: string, name: string, testId: string, act: () => void): HTMLElement {
  const b = h('vscode-toolbar-button', { 'data-testid': testId, title: name, onclick: act }, text) as HTMLElement & { label: string };
  b.label = name;
  return b;
}

/** The zoom buttons and the zoom level, following the viewport. */
function zoomControls(viewport: Viewport): HTMLElement {
  const level = h('span', { class: 'zoom-level', 'data-testid': 'zoom-level' });
  const show = (): void => { level.textContent = `${Math.round(viewport.transform.scale * 100)}%`; };
  viewport.onChange(show);
  show();
  return h('div', { class: 'zoom', role: 'group', 'aria-label': t('Zoom') },
    toolButton('−', t('Zoom out (-)'), 'zoom-out', () => viewport.zoomOut()),
    level,
    toolButton('+', t('Zoom in (+)'), 'zoom-in', () => viewport.zoomIn()),
    toolButton(t('Reset'), t('Reset zoom to 100% (0)'), 'zoom-reset', () => viewport.reset()),
    toolButton(t('Fit'), t('Fit the whole graph in the window'), 'zoom-fit', () => viewport.fit()));
}

/** Keeps the question and the pan and zoom with the panel (once per frame), so a reload shows the same. */
function keepState(api: WebviewApi | undefined, state: LineageInitialState, viewport: Viewport): void {
  const question = state.question;
  if (api === undefined || question === undefined) return;
  let pending = false;
  const save = (): void => {
    pending = false;
    const saved: LineageSavedState = { question, view: viewport.transform };
    api.setState(saved);
  };
  save();
  viewport.onChange(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(save);
  });
}

/**
 * The lineage page: the answer as a graph of layers (source -> rule -> target -> views ->
 * panels/checks) that pans and zooms. Enter or a click opens an item's file:line in the editor
 * (the page sends the item's id; the host knows where it is).
 */
async function start(): Promise<void> {
  performance.mark('s0');
  const state = initialState<LineageInitialState>();
  performance.mark('s1');
  setLanguage(state.language);
  adoptStyles(css, lineageCss);
  await Promise.all([
    import('@vscode-elements/elements/dist/vscode-textfield/index.js'),
    import('@vscode-elements/elements/dist/vscode-toolbar-button/index.js'),
  ]);
  const api = webviewApi();
  const app = document.getElementById('app') as HTMLElement;
  const layout = state.layout;
  const hint = h('p', { class: 'subtitle hint', id: 'lineage-hint' },
    t('Arrow keys move between items and layers; Enter opens the file at its line.'), ' ',
    t('Drag the graph or use the arrow keys on it to pan; the wheel, + and − zoom; 0 goes back to 100%.'));
  if (layout.layers.length === 0) {
    const why = state.problem === undefined
      ? h('p', { class: 'empty' }, layout.direction === 'upstream' ? t('Nothing feeds it.') : t('Nothing reads it.'))
      : h('p', { class: 'problem', role: 'alert', 'data-testid': 'problem' }, state.problem);
    replace(app, h('h1', {}, layout.title), why);
    app.setAttribute('aria-busy', 'false');
    app.setAttribute('data-rendered', '1');
    return;
  }
  const open = (item: LineageItem): void => {
    if (item.where !== undefined) api?.postMessage({ type: 'lineage/open', id: item.id });
  };
  performance.mark('s2');
  const graph = new GraphView(new LineageItems(layout), layout.layers, layout.title, open);
  const frame = h('div', {
    class: 'frame', tabindex: 0, role: 'region', 'aria-label': t('Lineage graph'), 'aria-describedby': 'lineage-hint', 'data-testid': 'frame',
  }, graph.stage);
  const viewport = new Viewport(frame, graph.stage, isLineageView(state.view) ? state.view : undefined);

  const filter = h('vscode-textfield', { 'data-testid': 'filter', placeholder: t('Filter by name') }) as HTMLElement & { value: string; label: string };
  filter.label = t('Filter by name');
  /** Lays the graph out once: sizes and places are read, then edges and transform written. */
  const draw = (): void => {
    performance.mark('s3');
    viewport.measure();
    performance.mark('s4');
    graph.drawEdges();
    performance.mark('s5');
    viewport.refresh();
  };
  filter.addEventListener('input', () => {
    graph.filter(filter.value);
    draw();
  });

  replace(app,
    h('h1', {}, layout.title),
    hint,
    h('div', { class: 'toolbar' }, h('div', { class: 'field' }, h('span', { class: 'field-label' }, t('Filter by name')), filter), zoomControls(viewport)),
    frame);
  draw();
  performance.mark('s6');
  keepState(api, state, viewport);
  requestAnimationFrame(() => setTimeout(() => performance.mark('s7')));
  app.setAttribute('aria-busy', 'false');
  app.setAttribute('data-rendered', '1');
}

void start();
