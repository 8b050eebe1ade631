import path from 'node:path';
import type { LineageEdge, LineageLocation, LineageNode, LineageSubgraph } from './types';

/** Turns an absolute path into what the reader should see (relative to the project). */
export type PathDisplay = (file: string) => string;

/**
 * Paths as the reader knows them: relative inside the project; `(built-in) sql/...` for the files
 * shipped with DW Workbench (a project that has no warehouse scripts or entities of its own reads
 * those), never a `../../` climbing out of the workspace; anything else absolute.
 */
export function lineagePathDisplay(projectRoot: string, assetsRoot?: string): PathDisplay {
  const inside = (root: string, file: string): string | undefined => {
    const r = path.relative(root, file);
    return r !== '' && !r.startsWith('..') && !path.isAbsolute(r) ? r : undefined;
  };
  return (file) => {
    const own = inside(projectRoot, file);
    if (own !== undefined) return own;
    const shipped = assetsRoot === undefined ? undefined : inside(assetsRoot, file);
    return shipped === undefined ? file : `(built-in) ${shipped}`;
  };
}

const at = (l: LineageLocation | undefined, show: PathDisplay): string => (l === undefined ? '' : `${show(l.file)}:${l.line}`);

/** What carries an edge, in words: `rule normalizar_email (dim_cliente)`, `view bi.vw_vendas`. */
export function edgeText(e: LineageEdge): string {
  const v = e.via;
  if (v.kind === 'rule') return `rule ${v.rule ?? '?'}${v.derived === undefined ? '' : ` via ${v.derived}`} (${v.entity ?? '?'})`;
  return `${v.kind} ${v.name ?? ''}`.trim();
}

const KIND_ORDER: Readonly<Record<string, number>> = { oltp: 0, dw: 1, view: 2, panel: 3, check: 4, dangling: 5 };
const rank = (n: LineageNode): number => KIND_ORDER[n.kind === 'column' ? (n.layer ?? 'dw') : n.kind] ?? 9;

/** The subgraph as text: one line per edge (source -> target, role, what carries it, where), then what is unresolved. */
export function formatLineageText(g: LineageSubgraph, show: PathDisplay): string {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const label = (id: string): string => byId.get(id)?.label ?? id;
  const roots = g.roots.map(label).join(', ');
  const rankOf = (id: string): number => rank(byId.get(id) ?? ({} as LineageNode));
  const edges = [...g.edges].sort((a, b) => (rankOf(a.to) - rankOf(b.to)) || label(a.to).localeCompare(label(b.to)));
  const lines = [`${g.direction === 'upstream' ? 'Lineage of' : 'Impact of'} ${roots}:`];
  for (const e of edges) {
    if (byId.get(e.from)?.kind === 'dangling') continue;
    const where = at(e.location, show);
    lines.push(`  ${label(e.from)} -> ${label(e.to)}  [${e.role}, ${edgeText(e)}]${where === '' ? '' : `  ${where}`}`);
  }
  if (edges.length === 0) lines.push(g.direction === 'upstream' ? '  (nothing feeds it)' : '  (nothing reads it)');
  const reached = g.nodes.filter((n) => !g.roots.includes(n.id) && n.kind !== 'dangling');
  const count = (k: (n: LineageNode) => boolean): number => reached.filter(k).length;
  lines.push(
    `${count((n) => n.layer === 'oltp')} source column(s), ${count((n) => n.layer === 'dw')} warehouse column(s), `
      + `${count((n) => n.layer === 'view')} view column(s), ${count((n) => n.kind === 'panel')} panel(s), ${count((n) => n.kind === 'check')} check(s).`,
  );
  const dangling = g.nodes.filter((n) => n.kind === 'dangling');
  if (dangling.length > 0) {
    lines.push('Unresolved (not in the graph above):');
    for (const d of dangling) lines.push(`  ${at(d.location, show) || '(no file)'}: ${d.context === undefined ? '' : `${d.context}: `}${d.reason ?? d.label}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The subgraph as JSON (paths shown as `show` gives them). */
export function formatLineageJson(g: LineageSubgraph, show: PathDisplay): string {
  const loc = <T extends { location?: LineageLocation }>(x: T): T =>
    (x.location === undefined ? x : { ...x, location: { file: show(x.location.file), line: x.location.line } });
  return `${JSON.stringify({ roots: g.roots, direction: g.direction, nodes: g.nodes.map(loc), edges: g.edges.map(loc) }, null, 2)}\n`;
}

const quoteDot = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Graphviz: one node per column, panel or check, clustered by table or view; filters dashed, lookups dotted. */
export function formatLineageDot(g: LineageSubgraph): string {
  const lines = ['digraph lineage {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  const clusters = new Map<string, LineageNode[]>();
  for (const n of g.nodes) {
    const key = n.kind === 'column' ? (n.object ?? '') : '';
    clusters.set(key, [...(clusters.get(key) ?? []), n]);
  }
  let i = 0;
  for (const [object, nodes] of clusters) {
    const indent = object === '' ? '  ' : '    ';
    if (object !== '') lines.push(`  subgraph cluster_${i++} {`, `    label=${quoteDot(object)};`);
    for (const n of nodes) {
      const text = n.kind === 'column' ? (n.column ?? n.label) : n.kind === 'dangling' ? `${n.label}: ${n.reason ?? ''}` : n.label;
      const shape = n.kind === 'panel' ? 'note' : n.kind === 'check' ? 'diamond' : n.kind === 'dangling' ? 'octagon' : 'box';
      lines.push(`${indent}${quoteDot(n.id)} [label=${quoteDot(text)}, shape=${shape}${g.roots.includes(n.id) ? ', style=bold' : ''}];`);
    }
    if (object !== '') lines.push('  }');
  }
  for (const e of g.edges) {
    const style = e.role === 'filter' ? 'dashed' : e.role === 'lookup' ? 'dotted' : 'solid';
    lines.push(`  ${quoteDot(e.from)} -> ${quoteDot(e.to)} [label=${quoteDot(e.via.kind === 'rule' ? (e.via.rule ?? '') : '')}, style=${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Mermaid flowchart (renders in GitHub and VS Code's Markdown preview). */
export function formatLineageMermaid(g: LineageSubgraph): string {
  const ids = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const text = (s: string): string => s.replace(/"/g, '#quot;');
  const lines = ['flowchart LR'];
  for (const n of g.nodes) {
    const label = text(n.kind === 'dangling' ? `${n.label}: ${n.reason ?? ''}` : n.label);
    const shape = n.kind === 'panel' ? ['[/"', '"/]'] : n.kind === 'check' ? ['{"', '"}'] : n.kind === 'dangling' ? ['>"', '"]'] : ['["', '"]'];
    lines.push(`  ${ids.get(n.id) ?? ''}${shape[0] ?? ''}${label}${shape[1] ?? ''}`);
  }
  for (const e of g.edges) {
    const arrow = e.role === 'value' ? '-->' : '-.->';
    const label = e.via.kind === 'rule' ? `|${text(e.via.rule ?? '')}|` : '';
    lines.push(`  ${ids.get(e.from) ?? ''} ${arrow}${label} ${ids.get(e.to) ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
