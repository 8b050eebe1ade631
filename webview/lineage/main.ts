import css from '../shared/styles.css';
import lineageCss from './lineage.css';
import type { LineageItem, LineageLayerKey } from '../../src/protocol/lineage';
import type { LineageInitialState } from '../../src/protocol/lineage';
import { adoptStyles, h, replace } from '../shared/dom';
import { setLanguage, t } from '../shared/l10n';
import { initialState, webviewApi } from '../shared/rpc';

const LAYER_TITLES: Readonly<Record<LineageLayerKey, string>> = {
  oltp: 'Source columns (OLTP)',
  rule: 'ETL rules',
  dw: 'Warehouse columns',
  view: 'View columns (bi)',
  consumer: 'Dashboard panels and checks',
  dangling: 'Unresolved',
};

/**
 * The lineage page: the answer in layers (source -> rule -> target -> views -> panels/checks).
 * Arrow keys move within a layer (up/down) and to the nearest related item of the next layer
 * (left/right); Enter or a click opens the item's file:line in the editor; focusing an item
 * marks what it is drawn from and what it feeds.
 */
async function start(): Promise<void> {
  const state = initialState<LineageInitialState>();
  setLanguage(state.language);
  adoptStyles(css, lineageCss);
  await import('@vscode-elements/elements/dist/vscode-textfield/index.js');
  const api = webviewApi();
  const app = document.getElementById('app') as HTMLElement;
  const layout = state.layout;
  const byId = new Map<string, LineageItem>(layout.layers.flatMap((l) => l.items.map((i) => [i.id, i] as const)));
  const buttons = new Map<string, HTMLButtonElement>();
  const columns: HTMLButtonElement[][] = [];

  const related = (id: string): Set<string> => {
    // Everything upstream and downstream of the item, in this answer.
    const out = new Set<string>([id]);
    for (const dir of ['from', 'to'] as const) {
      const queue = [id];
      for (let cur = queue.shift(); cur !== undefined; cur = queue.shift()) {
        for (const next of byId.get(cur)?.[dir] ?? []) {
          if (!out.has(next)) {
            out.add(next);
            queue.push(next);
          }
        }
      }
    }
    return out;
  };
  const mark = (id: string): void => {
    const near = related(id);
    for (const [other, b] of buttons) {
      b.classList.toggle('active', other === id);
      b.classList.toggle('related', other !== id && near.has(other));
    }
  };
  const open = (item: LineageItem): void => {
    if (item.where !== undefined) api?.postMessage({ type: 'lineage/open', id: item.id });
  };
  const visible = (col: HTMLButtonElement[]): HTMLButtonElement[] => col.filter((b) => !b.hidden);
  const move = (from: HTMLButtonElement, key: string): HTMLButtonElement | undefined => {
    const c = columns.findIndex((col) => col.includes(from));
    const col = visible(columns[c] ?? []);
    const r = col.indexOf(from);
    if (key === 'ArrowDown') return col[r + 1];
    if (key === 'ArrowUp') return col[r - 1];
    if (key === 'Home') return col[0];
    if (key === 'End') return col[col.length - 1];
    const step = key === 'ArrowRight' ? 1 : -1;
    const item = byId.get(from.dataset['id'] ?? '');
    for (let i = c + step; i >= 0 && i < columns.length; i += step) {
      const next = visible(columns[i] ?? []);
      if (next.length === 0) continue;
      const linked = new Set([...(item?.from ?? []), ...(item?.to ?? [])]);
      return next.find((b) => linked.has(b.dataset['id'] ?? '')) ?? next[Math.min(r, next.length - 1)];
    }
    return undefined;
  };

  const layers = layout.layers.map((layer) => {
    const col: HTMLButtonElement[] = [];
    const list = h('ul', { 'aria-labelledby': `layer-${layer.key}` }, ...layer.items.map((item) => {
      const button = h('button', {
        type: 'button',
        class: `node ${item.kind}${item.root ? ' root' : ''}`,
        'data-id': item.id,
        'data-testid': `node-${item.id}`,
        tabindex: -1,
        title: item.where === undefined ? '' : t('Open {0}', item.where),
        onclick: () => open(item),
        onfocus: () => mark(item.id),
        onkeydown: (e: Event) => {
          const k = (e as KeyboardEvent).key;
          if (!['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(k)) return;
          e.preventDefault();
          const target = move(button, k);
          if (target !== undefined) {
            button.tabIndex = -1;
            target.tabIndex = 0;
            target.focus();
          }
        },
      },
      h('span', { class: 'label' }, item.label),
      item.detail === undefined ? null : h('span', { class: 'detail' }, item.detail),
      item.where === undefined ? null : h('span', { class: 'where' }, item.where));
      buttons.set(item.id, button);
      col.push(button);
      return h('li', {}, button);
    }));
    columns.push(col);
    return h('section', { class: 'layer', 'data-layer': layer.key, 'aria-labelledby': `layer-${layer.key}` },
      h('h2', { id: `layer-${layer.key}` }, `${t(LAYER_TITLES[layer.key])} (${layer.items.length})`), list);
  });
  const first = columns.flat().find((b) => b.classList.contains('root')) ?? columns.flat()[0];
  if (first !== undefined) first.tabIndex = 0;

  const filter = h('vscode-textfield', { 'data-testid': 'filter', placeholder: t('Filter by name') }) as HTMLElement & { value: string; label: string };
  filter.label = t('Filter by name');
  filter.addEventListener('input', () => {
    const wanted = filter.value.trim().toLowerCase();
    for (const [id, b] of buttons) {
      const item = byId.get(id);
      b.hidden = wanted !== '' && !`${item?.label ?? ''} ${item?.detail ?? ''}`.toLowerCase().includes(wanted);
    }
  });

  replace(app,
    h('h1', {}, layout.title),
    h('p', { class: 'subtitle hint' }, t('Arrow keys move between items and layers; Enter opens the file at its line.')),
    h('div', { class: 'toolbar' }, h('div', { class: 'field' }, h('span', { class: 'field-label' }, t('Filter by name')), filter)),
    layout.layers.length === 0
      ? h('p', { class: 'empty' }, layout.direction === 'upstream' ? t('Nothing feeds it.') : t('Nothing reads it.'))
      : h('div', { class: 'layers', role: 'group', 'aria-label': layout.title }, ...layers));
  app.setAttribute('aria-busy', 'false');
  app.setAttribute('data-rendered', '1');
}

void start();
