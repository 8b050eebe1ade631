import type { LineageItem, LineageLayer, LineageLayerKey } from '../../src/protocol/lineage';
import { h } from '../shared/dom';
import { t } from '../shared/l10n';
import { EdgeLayer } from './edges';
import type { LineageItems } from './model';
import type { Box } from './transform';
import { boxIn } from './viewport';

const LAYER_TITLES: Readonly<Record<LineageLayerKey, string>> = {
  oltp: 'Source columns (OLTP)',
  rule: 'ETL rules',
  dw: 'Warehouse columns',
  view: 'View columns (bi)',
  consumer: 'Dashboard panels and checks',
  dangling: 'Unresolved',
};

/** Text for an HTML text node or a double-quoted attribute value. */
const escapeHtml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** An item's list entry: a button (`kind-`: a bare `panel` class would take the dashboards' panel style). */
function itemHtml(item: LineageItem): string {
  const span = (cls: string, text: string | undefined): string => (text === undefined ? '' : `<span class="${cls}">${escapeHtml(text)}</span>`);
  const id = escapeHtml(item.id);
  const title = item.where === undefined ? '' : escapeHtml(t('Open {0}', item.where));
  return `<li><button type="button" class="node kind-${escapeHtml(item.kind)}${item.root ? ' root' : ''}" data-id="${id}" data-testid="node-${id}" tabindex="-1" title="${title}">`
    + `${span('label', item.label)}${span('detail', item.detail)}${span('where', item.where)}</button></li>`;
}

const NAVIGATION_KEYS = ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];

/**
 * The graph's content: one column per layer, an item per node (a button: Enter or a click opens
 * its file:line), the edges under them. Arrow keys move within a layer (up/down) and to the
 * nearest related item of the next layer (left/right); focusing an item marks what it is drawn
 * from and what it feeds, edges included.
 */
export class GraphView {
  /** The laid-out graph: what the viewport moves and scales. */
  readonly stage: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly columns: HTMLButtonElement[][] = [];
  private readonly edges: EdgeLayer;

  constructor(private readonly items: LineageItems, layers: readonly LineageLayer[], label: string, private readonly open: (item: LineageItem) => void) {
    this.edges = new EdgeLayer(items.links);
    const sections = layers.map((layer) => this.layer(layer));
    // One listener of each kind for every item: the whole warehouse has about 800.
    this.stage = h('div', {
      class: 'stage', 'data-testid': 'stage',
      onclick: (e: Event) => this.withItem(e, (item) => this.open(item)),
      onfocusin: (e: Event) => this.withItem(e, (item) => this.mark(item.id)),
      onkeydown: (e: Event) => this.withItem(e, (_item, button) => this.onKey(button, e as KeyboardEvent)),
    },
    this.edges.svg,
    h('div', { class: 'layers', role: 'group', 'aria-label': label }, ...sections));
    const all = this.columns.flat();
    const first = all.find((b) => b.classList.contains('root')) ?? all[0];
    if (first !== undefined) first.tabIndex = 0;
  }

  /**
   * Draws the edges between the items shown; call once the stage is in the document, and after
   * the items shown change. It reads every item's place first and writes after, so the page is
   * laid out once.
   */
  drawEdges(): void {
    const boxes = new Map<string, Box>();
    for (const [id, b] of this.buttons) if (!b.hidden) boxes.set(id, boxIn(this.stage, b));
    this.edges.draw(boxes, { width: this.stage.offsetWidth, height: this.stage.offsetHeight });
  }

  /** Calls `f` with the item of the button an event happened on, if any. */
  private withItem(e: Event, f: (item: LineageItem, button: HTMLButtonElement) => void): void {
    const button = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('button.node') : null;
    const item = button === null ? undefined : this.items.byId.get(button.dataset['id'] ?? '');
    if (button !== null && item !== undefined) f(item, button);
  }

  /** Shows only the items whose name or detail contains `text` (case-insensitive); empty shows all. Draw the edges again after. */
  filter(text: string): void {
    const wanted = text.trim().toLowerCase();
    for (const [id, b] of this.buttons) {
      const item = this.items.byId.get(id);
      b.hidden = wanted !== '' && !`${item?.label ?? ''} ${item?.detail ?? ''}`.toLowerCase().includes(wanted);
    }
  }

  private layer(layer: LineageLayer): HTMLElement {
    const col: HTMLButtonElement[] = [];
    this.columns.push(col);
    const list = h('ul', { 'aria-labelledby': `layer-${layer.key}` });
    // Parsed from one string: creating the whole warehouse's 800 items element by element took
    // twice as long (about 50 ms against 25 in bench:lineage's browser). Every value is escaped.
    list.innerHTML = layer.items.map(itemHtml).join('');
    for (const b of list.querySelectorAll<HTMLButtonElement>('button.node')) {
      col.push(b);
      this.buttons.set(b.dataset['id'] ?? '', b);
    }
    return h('section', { class: 'layer', 'data-layer': layer.key, 'aria-labelledby': `layer-${layer.key}` },
      h('h2', { id: `layer-${layer.key}` }, `${t(LAYER_TITLES[layer.key])} (${layer.items.length})`), list);
  }

  private onKey(button: HTMLButtonElement, e: KeyboardEvent): void {
    if (!NAVIGATION_KEYS.includes(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    const target = this.move(button, e.key);
    if (target === undefined) return;
    button.tabIndex = -1;
    target.tabIndex = 0;
    // The viewport pans the item into view (it listens for focus).
    target.focus({ preventScroll: true });
  }

  private mark(id: string): void {
    const up = this.items.upstream(id);
    const down = this.items.downstream(id);
    for (const [other, b] of this.buttons) {
      b.classList.toggle('active', other === id);
      b.classList.toggle('related', other !== id && (up.has(other) || down.has(other)));
    }
    this.edges.mark(up, down);
  }

  private move(from: HTMLButtonElement, key: string): HTMLButtonElement | undefined {
    const visible = (col: readonly HTMLButtonElement[]): HTMLButtonElement[] => col.filter((b) => !b.hidden);
    const c = this.columns.findIndex((col) => col.includes(from));
    const col = visible(this.columns[c] ?? []);
    const r = col.indexOf(from);
    if (key === 'ArrowDown') return col[r + 1];
    if (key === 'ArrowUp') return col[r - 1];
    if (key === 'Home') return col[0];
    if (key === 'End') return col[col.length - 1];
    const step = key === 'ArrowRight' ? 1 : -1;
    const item = this.items.byId.get(from.dataset['id'] ?? '');
    for (let i = c + step; i >= 0 && i < this.columns.length; i += step) {
      const next = visible(this.columns[i] ?? []);
      if (next.length === 0) continue;
      const linked = new Set([...(item?.from ?? []), ...(item?.to ?? [])]);
      return next.find((b) => linked.has(b.dataset['id'] ?? '')) ?? next[Math.min(r, next.length - 1)];
    }
    return undefined;
  }
}
