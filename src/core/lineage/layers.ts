import { edgeText, type PathDisplay } from './format';
import type { LineageItem, LineageLayerKey, LineageLayout } from '../../protocol/lineage';
import type { LineageEdge, LineageLocation, LineageNode, LineageSubgraph } from './types';

export type { LineageItem, LineageLayer, LineageLayerKey, LineageLayout } from '../../protocol/lineage';

export const LINEAGE_LAYERS: readonly LineageLayerKey[] = ['oltp', 'rule', 'dw', 'view', 'consumer', 'dangling'];

const ruleId = (e: LineageEdge): string => `rule:${e.via.entity ?? ''}:${e.via.rule ?? ''}:${e.via.derived ?? ''}`;

function layerOf(n: LineageNode): LineageLayerKey {
  if (n.kind === 'dangling') return 'dangling';
  if (n.kind === 'panel' || n.kind === 'check') return 'consumer';
  return n.layer ?? 'dw';
}

/**
 * Lays a lineage or impact answer out in layers. Rules (the edges an entity's definition makes)
 * become items of their own between source and target columns, so a reader sees which rule and
 * parameters carry each value; views, panels and checks stay edges between their columns.
 */
export function lineageLayout(g: LineageSubgraph, title: string, show: PathDisplay): LineageLayout {
  const present = new Set(g.nodes.map((n) => n.id));
  const items = new Map<string, { item: Omit<LineageItem, 'from' | 'to'>; layer: LineageLayerKey; from: Set<string>; to: Set<string> }>();
  const locations: Record<string, LineageLocation> = {};
  const add = (id: string, layer: LineageLayerKey, item: Omit<LineageItem, 'from' | 'to' | 'id' | 'where'>, location: LineageLocation | undefined): void => {
    if (items.has(id)) return;
    if (location !== undefined) locations[id] = location;
    items.set(id, { item: { id, ...item, ...(location === undefined ? {} : { where: `${show(location.file)}:${location.line}` }) }, layer, from: new Set(), to: new Set() });
  };
  for (const n of g.nodes) {
    const detail = n.kind === 'dangling' ? [n.context, n.reason].filter(Boolean).join(': ') : undefined;
    add(n.id, layerOf(n), { kind: n.kind, label: n.label, root: g.roots.includes(n.id), ...(detail ? { detail } : {}) }, n.location);
  }
  const link = (from: string, to: string): void => {
    items.get(from)?.to.add(to);
    items.get(to)?.from.add(from);
  };
  for (const e of g.edges) {
    if (!present.has(e.from) || !present.has(e.to)) continue;
    if (e.via.kind === 'rule') {
      const id = ruleId(e);
      const detail = [e.via.detail, e.via.entity].filter(Boolean).join(' · ');
      add(id, 'rule', { kind: 'rule', label: edgeText(e), root: false, ...(detail ? { detail } : {}) }, e.location);
      link(e.from, id);
      link(id, e.to);
    } else {
      link(e.from, e.to);
    }
  }
  const layers = LINEAGE_LAYERS.map((key) => ({
    key,
    items: [...items.values()]
      .filter((x) => x.layer === key)
      .map((x) => ({ ...x.item, from: [...x.from], to: [...x.to] }))
      .sort((a, b) => Number(b.root) - Number(a.root) || a.label.localeCompare(b.label)),
  })).filter((l) => l.items.length > 0);
  return { direction: g.direction, title, layers, locations };
}
