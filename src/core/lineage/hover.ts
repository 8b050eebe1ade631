import { findNodeAtOffset, getNodePath, parseTree, type Node } from 'jsonc-parser';
import { edgeText } from './format';
import type { LineageGraph } from './graph';
import { code, downstreamLines } from './hoverText';
import type { LineageEdge } from './types';

/** What a hover in an entity definition says, and the span of text it is about. */
export interface MappingHover {
  readonly start: number;
  readonly end: number;
  /** Markdown (names in code spans). */
  readonly markdown: string;
}

function stringAt(root: Node, path: readonly (string | number)[]): string | undefined {
  let node: Node | undefined = root;
  for (const part of path) {
    if (node === undefined) return undefined;
    if (typeof part === 'number') node = node.type === 'array' ? node.children?.[part] : undefined;
    else node = node.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === part)?.children?.[1] : undefined;
  }
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * The hover over a `"source"` or `"target"` value of an entity definition's `columns`: where the
 * value comes from (the source column, or what a derived column reads), the rule that carries it
 * to which warehouse column, and what reads that column downstream (views, panels, checks).
 * Undefined anywhere else, or when the graph does not know the mapping (the definition does
 * not load: its problems are reported at file:line elsewhere).
 */
export function mappingHover(text: string, offset: number, graph: LineageGraph): MappingHover | undefined {
  const tree = parseTree(text);
  if (tree === undefined) return undefined;
  const node = findNodeAtOffset(tree, offset);
  if (node?.type !== 'string' || node.parent?.type !== 'property' || node.parent.children?.[1] !== node) return undefined;
  const path = getNodePath(node);
  const [columns, index, key] = path;
  if (path.length !== 3 || columns !== 'columns' || typeof index !== 'number' || (key !== 'source' && key !== 'target')) return undefined;
  const entity = stringAt(tree, ['entity']);
  const sourceTable = stringAt(tree, ['source', 'table']);
  const targetTable = stringAt(tree, ['target', 'table']);
  const source = stringAt(tree, ['columns', index, 'source']);
  const target = stringAt(tree, ['columns', index, 'target']);
  if (entity === undefined || targetTable === undefined || target === undefined) return undefined;
  const targetId = `${targetTable}.${target}`.toLowerCase();
  const sourceId = sourceTable === undefined || source === undefined ? undefined : `${sourceTable}.${source}`.toLowerCase();
  const feeding = graph.edges.filter((e) =>
    e.to === targetId && e.via.kind === 'rule' && e.via.entity === entity && (e.via.derived === undefined ? e.from === sourceId || e.role === 'lookup' : e.via.derived === source));
  const label = (id: string): string => graph.node(id)?.label ?? id;
  const lines: string[] = [];
  const targetNode = graph.node(targetId);
  lines.push(`**${key === 'source' ? 'Source' : 'Target'}** ${code(key === 'source' ? source ?? '' : target)} — ${entity}`, '');
  const valueEdges = feeding.filter((e) => e.role !== 'lookup');
  const derived = valueEdges.find((e) => e.via.derived !== undefined)?.via.derived;
  if (feeding.length === 0) {
    lines.push(`Comes from: ${sourceId === undefined ? 'nothing the lineage could resolve' : code(label(sourceId))} (not in the lineage graph: see the definition's problems)`);
  } else {
    const from = [...new Set(valueEdges.map((e) => e.from))].map((id) => `${code(label(id))}${graph.node(id)?.kind === 'dangling' ? ` (unresolved: ${graph.node(id)?.reason ?? ''})` : ''}`);
    lines.push(`Comes from: ${derived === undefined ? '' : `derived column ${code(derived)}, reading `}${from.join(', ') || '—'}`);
    const lookups = feeding.filter((e) => e.role === 'lookup').map((e) => code(label(e.from)));
    if (lookups.length > 0) lines.push('', `Looked up by: ${[...new Set(lookups)].join(', ')}`);
    const rule = feeding[0] as LineageEdge;
    lines.push('', `Through: ${code(edgeText(rule).replace(/^rule /, ''))}${rule.via.detail === undefined ? '' : ` — ${rule.via.detail}`}`);
  }
  lines.push('', `Goes to: ${code(targetNode?.label ?? `${targetTable}.${target}`)}${targetNode === undefined || targetNode.kind === 'dangling' ? ' (not in the warehouse contract)' : ''}`);
  if (targetNode !== undefined) lines.push(...downstreamLines(graph, targetId));
  return { start: node.offset, end: node.offset + node.length, markdown: lines.join('\n') };
}
