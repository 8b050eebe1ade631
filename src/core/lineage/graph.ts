import type { LineageEdge, LineageNode, LineageSubgraph } from './types';

/** What a name given by a person (CLI argument, tool input) resolves to. */
export type LineageTarget =
  | { readonly ok: true; readonly ids: readonly string[]; readonly label: string }
  | { readonly ok: false; readonly message: string; readonly suggestions: readonly string[] };

const edgeKey = (e: LineageEdge): string =>
  `${e.from}>${e.to}>${e.role}>${e.via.kind}:${e.via.entity ?? ''}:${e.via.rule ?? ''}:${e.via.name ?? ''}`;

/** The column-level lineage graph with upstream (lineage) and downstream (impact) walks. */
export class LineageGraph {
  private readonly nodeMap = new Map<string, LineageNode>();
  private readonly edgeKeys = new Set<string>();
  private readonly outgoing = new Map<string, LineageEdge[]>();
  private readonly incoming = new Map<string, LineageEdge[]>();
  private danglingCount = 0;
  private readonly danglingKeys = new Map<string, LineageNode>();

  get nodes(): readonly LineageNode[] {
    return [...this.nodeMap.values()];
  }

  get edges(): readonly LineageEdge[] {
    return [...this.outgoing.values()].flat();
  }

  node(id: string): LineageNode | undefined {
    return this.nodeMap.get(id);
  }

  addNode(node: LineageNode): LineageNode {
    const prior = this.nodeMap.get(node.id);
    if (prior !== undefined) return prior;
    this.nodeMap.set(node.id, node);
    return node;
  }

  /** A reference that could not be resolved; the same one reported twice is one node. */
  addDangling(node: Omit<LineageNode, 'id' | 'kind'>): LineageNode {
    const key = `${node.label}|${node.reason ?? ''}|${node.context ?? ''}|${node.location?.file ?? ''}:${node.location?.line ?? ''}`;
    const prior = this.danglingKeys.get(key);
    if (prior !== undefined) return prior;
    this.danglingCount += 1;
    const added = this.addNode({ ...node, id: `dangling:${this.danglingCount}`, kind: 'dangling' });
    this.danglingKeys.set(key, added);
    return added;
  }

  addEdge(edge: LineageEdge): void {
    if (edge.from === edge.to) return;
    const key = edgeKey(edge);
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    const push = (map: Map<string, LineageEdge[]>, id: string): void => {
      const list = map.get(id);
      if (list === undefined) map.set(id, [edge]);
      else list.push(edge);
    };
    push(this.outgoing, edge.from);
    push(this.incoming, edge.to);
  }

  /** Every node reachable from `roots` against (upstream) or along (downstream) the edges. */
  walk(roots: readonly string[], direction: 'upstream' | 'downstream'): LineageSubgraph {
    const next = direction === 'upstream' ? this.incoming : this.outgoing;
    const seen = new Set<string>(roots);
    const edges: LineageEdge[] = [];
    const queue = [...roots];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const e of next.get(id) ?? []) {
        edges.push(e);
        const other = direction === 'upstream' ? e.from : e.to;
        if (!seen.has(other)) {
          seen.add(other);
          queue.push(other);
        }
      }
    }
    // Dangling nodes about the roots' own objects (a view column that could not be resolved).
    const objects = new Set(roots.map((r) => this.nodeMap.get(r)?.object?.toLowerCase()).filter((o): o is string => o !== undefined));
    for (const n of this.nodeMap.values()) {
      if (n.kind === 'dangling' && n.context !== undefined && objects.has(n.context.toLowerCase())) seen.add(n.id);
    }
    const nodes = [...seen].map((id) => this.nodeMap.get(id)).filter((n): n is LineageNode => n !== undefined);
    return { roots, direction, nodes, edges };
  }

  /** The whole graph as one answer (every node a root of nothing). */
  whole(): LineageSubgraph {
    return { roots: [], direction: 'downstream', nodes: this.nodes, edges: this.edges };
  }

  /** Nodes that could not be resolved, with their reasons and places. */
  dangling(): LineageNode[] {
    return this.nodes.filter((n) => n.kind === 'dangling');
  }

  /**
   * Resolves `table`, `schema.table`, `table.column`, `schema.table.column`, an entity's target
   * table, a panel (`sales.kpis`) or a check name, case-insensitively. Unknown names come back
   * with the nearest known names.
   */
  resolve(text: string): LineageTarget {
    const wanted = text.trim().toLowerCase();
    if (wanted === '') return { ok: false, message: 'Name a table, a table.column, a panel or a check.', suggestions: [] };
    const direct = this.nodeMap.get(wanted) ?? this.nodeMap.get(`panel:${wanted}`) ?? this.nodeMap.get(`check:${wanted}`);
    if (direct !== undefined && direct.kind !== 'dangling') return { ok: true, ids: [direct.id], label: direct.label };
    const objects = this.objects();
    const objectMatch = (name: string): string | undefined =>
      [...objects.keys()].find((o) => o === name) ?? [...objects.keys()].find((o) => o.split('.').pop() === name);
    const asObject = objectMatch(wanted);
    if (asObject !== undefined) {
      const ids = objects.get(asObject) ?? [];
      return { ok: true, ids, label: this.nodeMap.get(ids[0] ?? '')?.object ?? asObject };
    }
    const dot = wanted.lastIndexOf('.');
    if (dot > 0) {
      const table = objectMatch(wanted.slice(0, dot));
      const column = wanted.slice(dot + 1);
      if (table !== undefined) {
        const id = `${table}.${column}`;
        const node = this.nodeMap.get(id);
        if (node !== undefined) return { ok: true, ids: [id], label: node.label };
        const columns = (objects.get(table) ?? []).map((c) => c.slice(table.length + 1));
        const label = this.nodeMap.get(objects.get(table)?.[0] ?? '')?.object ?? table;
        return { ok: false, message: `${label} has no column ${column}.`, suggestions: nearest(column, columns).map((c) => `${label}.${c}`) };
      }
    }
    const names = [
      ...[...objects.keys()],
      ...this.nodes.filter((n) => n.kind === 'panel' || n.kind === 'check').map((n) => n.id.slice(n.id.indexOf(':') + 1)),
    ];
    const short = [...objects.keys()].map((o) => o.split('.').pop() ?? o);
    const tablePart = dot > 0 ? wanted.slice(0, dot) : wanted;
    return { ok: false, message: `No table, view, panel or check is named ${text.trim()}.`, suggestions: [...new Set(nearest(tablePart, [...names, ...short], 6).map((s) => this.spelling(s)))].slice(0, 3) };
  }

  /** A suggested name as people spell it: `dim.DIM_CLIENTE` for `dim_cliente` too. */
  private spelling(name: string): string {
    const objects = this.objects();
    const key = objects.has(name) ? name : [...objects.keys()].find((o) => o.split('.').pop() === name);
    const ids = key === undefined ? undefined : objects.get(key);
    return (ids && this.nodeMap.get(ids[0] ?? '')?.object) ?? name;
  }

  private objects(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const n of this.nodeMap.values()) {
      if (n.kind !== 'column' || n.object === undefined) continue;
      const key = n.object.toLowerCase();
      const list = out.get(key);
      if (list === undefined) out.set(key, [n.id]);
      else list.push(n.id);
    }
    return out;
  }
}

/** The names closest to `word` by edit distance (at most 3), best first. */
export function nearest(word: string, names: readonly string[], max = 3): string[] {
  const scored = [...new Set(names)]
    .map((n) => ({ n, d: editDistance(word, n.toLowerCase()) }))
    .filter(({ n, d }) => d <= Math.max(2, Math.floor(word.length / 3)) || n.toLowerCase().includes(word) || word.includes(n.toLowerCase()))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n));
  return scored.slice(0, max).map((s) => s.n);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
