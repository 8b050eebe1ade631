import { edgeText } from './format';
import type { LineageGraph } from './graph';
import type { LineageNode } from './types';

/** A name in a code span (Markdown). */
export const code = (s: string): string => `\`${s.replaceAll('`', "'")}\``;

/** Names listed per group before the rest is cut to "…". */
const MAX_LISTED = 8;

const listed = (names: readonly string[]): string =>
  `${names.slice(0, MAX_LISTED).map(code).join(', ')}${names.length > MAX_LISTED ? ', …' : ''}`;

/** Hover lines (Markdown paragraphs) on what reads a column downstream: warehouse columns, views, panels, checks. */
export function downstreamLines(graph: LineageGraph, id: string): string[] {
  const reached = graph.walk([id], 'downstream').nodes.filter((n) => n.id !== id && n.kind !== 'dangling');
  const lines: string[] = [];
  const group = (title: string, pick: (n: LineageNode) => boolean): void => {
    const names = reached.filter(pick).map((n) => n.label).sort((a, b) => a.localeCompare(b));
    if (names.length > 0) lines.push('', `${title} (${names.length}): ${listed(names)}`);
  };
  group('Then warehouse columns', (n) => n.layer === 'dw');
  group('Views', (n) => n.layer === 'view');
  group('Dashboard panels', (n) => n.kind === 'panel');
  group('Checks', (n) => n.kind === 'check');
  if (reached.length === 0) lines.push('', 'Nothing reads it downstream.');
  return lines;
}

/**
 * Hover lines on where a column comes from: the columns that feed its value and what carries
 * each (an entity's rule, a view), the keys it is looked up by, and the source (OLTP) columns it
 * goes back to in the end. A view's filters (join keys, WHERE) are counted, not listed: every
 * column of a view shares them.
 */
export function upstreamLines(graph: LineageGraph, id: string): string[] {
  const incoming = graph.edges.filter((e) => e.to === id);
  const label = (nodeId: string): string => graph.node(nodeId)?.label ?? nodeId;
  const lines: string[] = [];
  const values = incoming.filter((e) => e.role === 'value');
  if (values.length === 0) lines.push('', 'Comes from: nothing the lineage knows (a column no rule, view or script writes)');
  else lines.push('', `Comes from: ${[...new Set(values.map((e) => `${code(label(e.from))} through ${edgeText(e)}`))].join('; ')}`);
  const lookups = [...new Set(incoming.filter((e) => e.role === 'lookup').map((e) => label(e.from)))];
  if (lookups.length > 0) lines.push('', `Looked up by: ${listed(lookups)}`);
  const filters = new Set(incoming.filter((e) => e.role === 'filter').map((e) => e.from));
  if (filters.size > 0) lines.push('', `Rows chosen by ${filters.size} column(s) (joins and conditions)`);
  const sources = valueSources(graph, id).map(label).sort((a, b) => a.localeCompare(b));
  const direct = new Set(values.map((e) => label(e.from)));
  if (sources.length > 0 && !sources.every((s) => direct.has(s))) lines.push('', `Source columns (OLTP) (${sources.length}): ${listed(sources)}`);
  return lines;
}

/** The source (OLTP) columns whose values end up in `id`, through value edges only (not the keys that choose rows). */
function valueSources(graph: LineageGraph, id: string): string[] {
  const seen = new Set([id]);
  const queue = [id];
  for (let cur = queue.pop(); cur !== undefined; cur = queue.pop()) {
    for (const e of graph.edges) {
      if (e.to !== cur || e.role !== 'value' || seen.has(e.from)) continue;
      seen.add(e.from);
      queue.push(e.from);
    }
  }
  return [...seen].filter((n) => graph.node(n)?.layer === 'oltp');
}

/** What a column is, in words: `warehouse column`, `view column`, `source (OLTP) column`. */
export function columnKind(n: LineageNode): string {
  return n.layer === 'oltp' ? 'source (OLTP) column' : n.layer === 'view' ? 'view column' : 'warehouse column';
}
