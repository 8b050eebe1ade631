import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Dialect } from '../engine/types';
import { EntityDefinitionError, problemText } from '../etl/definition/errors';
import { parseEntityDefinition } from '../etl/definition/load';
import type { EntityDefinition } from '../etl/definition/types';
import { findRule } from '../etl/rules/catalogue';
import { warehouseContract } from '../warehouse/contract';
import { qualifiedName } from '../warehouse/names';
import { LineageGraph } from './graph';
import { dedupe, QueryAnalyzer, objectName, type ColumnCatalog, type ColumnDep, type QueryLineage } from './selectLineage';
import { onSqlParseCacheCleared, type SqlAst, type SqlParser } from './sqlParser';
import type { LineageLocation, LineageNode, LineageVia } from './types';

/** One batch of a warehouse script that creates a view. */
export interface ViewScript {
  readonly file: string;
  /** The batch's first line in the file. */
  readonly line: number;
  readonly sql: string;
  /** Where a line of `sql` (1-based) is in its file, through includes. */
  readonly locate?: (line: number) => LineageLocation;
}

/** A query whose columns a consumer reads: a dashboard panel or a warehouse check. */
export interface ConsumerQuery {
  readonly kind: 'panel' | 'check';
  /** `sales.kpis`, or the check's name. */
  readonly name: string;
  readonly label: string;
  readonly sql: string;
  readonly location?: LineageLocation;
}

export interface LineageInput {
  readonly dialect: Dialect;
  /** Entity definition files as read (one broken file does not hide the others). */
  readonly definitions: readonly { readonly file: string; readonly text: string }[];
  readonly views: readonly ViewScript[];
  readonly consumers: readonly ConsumerQuery[];
  /** What the loader could not read (a script that does not split), kept as dangling nodes. */
  readonly problems?: readonly { readonly file: string; readonly line: number; readonly message: string }[];
}

interface ObjectInfo {
  readonly label: string;
  readonly kind: 'table' | 'view';
  readonly layer: 'oltp' | 'dw' | 'view';
  readonly columns: Map<string, string>;
  readonly primaryKey?: string;
  readonly location?: LineageLocation;
}

/**
 * Tables of the contract and views of the scripts, by lower-case `schema.name`. Tables are
 * labelled as the project's engine names them (`dim.DIM_PRODUTO` on SQL Server, `dim.dim_produto`
 * on PostgreSQL, which folds unquoted names), the names a reader finds in the scripts and the database.
 */
class Catalog implements ColumnCatalog {
  readonly objects = new Map<string, ObjectInfo>();

  constructor(dialect: Dialect) {
    for (const t of warehouseContract) {
      this.objects.set(`${t.schema}.${t.name}`.toLowerCase(), {
        label: qualifiedName(t, dialect),
        kind: 'table',
        layer: t.layer,
        columns: new Map(t.columns.map((c) => [c.name.toLowerCase(), c.name])),
        primaryKey: t.primaryKey.toLowerCase(),
      });
    }
  }

  columnsOf(table: string): ReadonlyMap<string, string> | undefined {
    return this.objects.get(table.toLowerCase())?.columns;
  }

  labelOf(table: string): string {
    return this.objects.get(table.toLowerCase())?.label ?? table;
  }

  primaryKeyOf(table: string): string | undefined {
    return this.objects.get(table.toLowerCase())?.primaryKey;
  }
}

/** Builds the column-level lineage graph: entities, then views in script order, then consumers. */
export function buildLineage(input: LineageInput, parser: SqlParser): LineageGraph {
  return new LineageBuilder(input, parser).build();
}

/**
 * Query analyses by dialect, text, statement and the views known when it was analysed (the
 * tables come from the contract, which does not change in a process): a rebuild after an edit
 * analyses only what the edit could change. Results are immutable data.
 */
const analyses = new Map<string, QueryLineage>();
const ANALYSES_LIMIT = 5000;
onSqlParseCacheCleared(() => analyses.clear());

class LineageBuilder {
  private readonly graph = new LineageGraph();
  private readonly catalog: Catalog;
  /** Names and columns of the views added so far: part of every analysis' cache key. */
  private views = '';

  constructor(private readonly input: LineageInput, private readonly parser: SqlParser) {
    this.catalog = new Catalog(input.dialect);
  }

  build(): LineageGraph {
    for (const [id, o] of this.catalog.objects) for (const [c, spelled] of o.columns) this.columnNode(id, c, spelled);
    for (const p of this.input.problems ?? []) this.graph.addDangling({ label: p.message, reason: p.message, location: { file: p.file, line: p.line } });
    for (const d of this.input.definitions) this.entity(d.file, d.text);
    for (const v of this.input.views) this.view(v);
    for (const c of this.input.consumers) this.consumer(c);
    return this.graph;
  }

  private columnNode(objectId: string, column: string, spelled?: string): string {
    const o = this.catalog.objects.get(objectId);
    const id = `${objectId}.${column.toLowerCase()}`;
    const name = spelled ?? o?.columns.get(column.toLowerCase()) ?? column;
    this.graph.addNode({
      id,
      kind: 'column',
      label: `${o?.label ?? objectId}.${name}`,
      object: o?.label ?? objectId,
      objectKind: o?.kind ?? 'table',
      layer: o?.layer ?? 'dw',
      column: name,
      ...(o?.location === undefined ? {} : { location: o.location }),
    });
    return id;
  }

  private hasColumn(table: string, column: string): boolean {
    return this.catalog.objects.get(table.toLowerCase())?.columns.has(column.toLowerCase()) ?? false;
  }

  /** A column of a known table, or a dangling node saying why it is not one. */
  private columnOrDangling(table: string, column: string, location: LineageLocation, context: string): string {
    if (this.hasColumn(table, column)) return `${table.toLowerCase()}.${column.toLowerCase()}`;
    const known = this.catalog.objects.has(table.toLowerCase());
    const reason = known
      ? `${this.catalog.objects.get(table.toLowerCase())?.label ?? table} has no column ${column} (warehouse contract)`
      : `${table} is not a table of the warehouse contract`;
    return this.graph.addDangling({ label: `${table}.${column}`, reason, context, location }).id;
  }

  private entity(file: string, text: string): void {
    let def: EntityDefinition;
    try {
      def = parseEntityDefinition(text, file);
    } catch (e) {
      if (!(e instanceof EntityDefinitionError)) throw e;
      for (const p of e.problems) this.graph.addDangling({ label: p.entity ?? file, reason: problemText(p), location: { file, line: p.line ?? 1 } });
      return;
    }
    const tree = parseTree(text);
    const starts = lineStarts(text);
    const lineAt = (...path: (string | number)[]): number => {
      const node: Node | undefined = tree === undefined ? undefined : findNodeAtLocation(tree, path);
      return node === undefined ? 1 : lineOfOffset(starts, node.offset);
    };
    const derived = new Map<string, { deps: ColumnDep[]; dangling: string[] }>();
    const derivedDeps = (name: string): { deps: ColumnDep[]; dangling: string[] } | undefined => {
      const index = (def.source.derived ?? []).findIndex((d) => d.name === name);
      const d = def.source.derived?.[index];
      if (d === undefined) return undefined;
      let got = derived.get(name);
      if (got === undefined) {
        const sql = typeof d.sql === 'string' ? d.sql : d.sql[this.input.dialect];
        got = this.expressionDeps(sql, def.source.table, { file, line: lineAt('source', 'derived', index) }, `${def.entity}.${name}`);
        derived.set(name, got);
      }
      return got;
    };
    const target = def.target.table;
    def.columns.forEach((c, i) => {
      const location = { file, line: lineAt('columns', i) };
      const to = this.columnOrDangling(target, c.target, location, target);
      const rule = findRule(c.rule);
      const via: LineageVia = {
        kind: 'rule',
        entity: def.entity,
        rule: c.rule,
        ...(rule === undefined ? {} : { ruleKind: rule.kind, detail: rule.kind === 'lookup' ? `${this.catalog.labelOf(rule.dimension.table)} by ${rule.dimension.naturalKey}` : rule.summary }),
      };
      const fromDerived = derivedDeps(c.source);
      if (fromDerived !== undefined) {
        for (const d of fromDerived.deps) this.graph.addEdge({ from: `${d.table}.${d.column}`, to, role: d.role, via: { ...via, derived: c.source }, location });
        for (const id of fromDerived.dangling) this.graph.addEdge({ from: id, to, role: 'value', via: { ...via, derived: c.source }, location });
      } else {
        this.graph.addEdge({ from: this.columnOrDangling(def.source.table, c.source, location, target), to, role: 'value', via, location });
      }
      if (rule?.kind === 'lookup') {
        const dim = rule.dimension;
        this.graph.addEdge({ from: this.columnOrDangling(dim.table, dim.naturalKey, location, target), to, role: 'lookup', via, location });
        this.graph.addEdge({ from: this.columnOrDangling(dim.table, dim.surrogateKey, location, target), to, role: 'value', via, location });
      }
    });
    const active = def.target.activeColumn;
    const deletedAt = def.source.deletedAt;
    if (active !== undefined && deletedAt !== undefined) {
      const location = { file, line: lineAt('target', 'activeColumn') };
      const to = this.columnOrDangling(target, active, location, target);
      const via: LineageVia = { kind: 'rule', entity: def.entity, rule: 'soft delete', ruleKind: 'soft-delete', detail: `false when ${deletedAt} is set` };
      const fromDerived = derivedDeps(deletedAt);
      const froms = fromDerived === undefined ? [this.columnOrDangling(def.source.table, deletedAt, location, target)] : [...fromDerived.deps.map((d) => `${d.table}.${d.column}`), ...fromDerived.dangling];
      for (const from of froms) this.graph.addEdge({ from, to, role: 'filter', via, location });
    }
  }

  /** The columns a derived column's SQL reads over the source row (aliased `s`). */
  private expressionDeps(sql: string, sourceTable: string, location: LineageLocation, context: string): { deps: ColumnDep[]; dangling: string[] } {
    const text = `SELECT ${sql} AS v FROM ${sourceTable} s`;
    const parsed = this.parser.parse(text, this.input.dialect);
    if ('failure' in parsed) {
      const node = this.graph.addDangling({ label: context, reason: `derived SQL does not parse: ${parsed.failure.message}`, context, location });
      return { deps: [], dangling: [node.id] };
    }
    const lineage = this.analyze(text, 0, queryOf(parsed.statements[0]));
    const out = lineage.outputs[0];
    const dangling = lineage.unresolved.map((u) => this.graph.addDangling({ label: u.text, reason: u.reason, context, location }).id);
    return { deps: dedupe([...(out?.deps ?? []), ...lineage.filters]), dangling };
  }

  private view(v: ViewScript): void {
    const parsed = this.parser.parse(v.sql, this.input.dialect);
    if ('failure' in parsed) {
      const f = parsed.failure;
      this.graph.addDangling({
        label: `view at ${v.file}:${v.line}`,
        reason: `the view does not parse: ${f.message}`,
        location: this.locateIn(v, f.line ?? 1),
      });
      return;
    }
    for (const statement of parsed.statements) {
      const create = isObj(statement) ? statement['CreateView'] : undefined;
      if (!isObj(create)) continue;
      const name = objectName(create['name']);
      if (name === undefined) continue;
      const label = objectLabel(create['name']) ?? name;
      const lineage = this.analyze(v.sql, parsed.statements.indexOf(statement), create['query']);
      const renamed = Array.isArray(create['columns']) ? create['columns'].map((c) => objectLabel([isObj(c) ? c['name'] : c])) : [];
      const columns = lineage.outputs.map((o, i) => ({ ...o, name: renamed[i] ?? o.name }));
      const location = { file: v.file, line: v.line };
      this.catalog.objects.set(name, { label, kind: 'view', layer: 'view', columns: new Map(columns.map((c) => [c.name.toLowerCase(), c.name])), location });
      this.views += `${name}(${columns.map((c) => c.name.toLowerCase()).join(',')})`;
      const via: LineageVia = { kind: 'view', name: label };
      for (const c of columns) {
        const to = this.columnNode(name, c.name);
        for (const d of c.deps) this.graph.addEdge({ from: `${d.table}.${d.column}`, to, role: d.role, via, location });
        for (const d of lineage.filters) this.graph.addEdge({ from: `${d.table}.${d.column}`, to, role: 'filter', via, location });
      }
      for (const u of lineage.unresolved) this.graph.addDangling({ label: u.text, reason: u.reason, context: label, location: this.locateIn(v, u.line ?? 1) });
    }
  }

  private consumer(c: ConsumerQuery): void {
    const id = `${c.kind}:${c.name}`;
    const node: LineageNode = { id, kind: c.kind, label: c.label, ...(c.location === undefined ? {} : { location: c.location }) };
    this.graph.addNode(node);
    const parsed = this.parser.parse(c.sql, this.input.dialect);
    if ('failure' in parsed) {
      const d = this.graph.addDangling({ label: c.label, reason: `its SQL does not parse: ${parsed.failure.message}`, context: c.label, ...(c.location === undefined ? {} : { location: c.location }) });
      this.graph.addEdge({ from: d.id, to: id, role: 'value', via: { kind: c.kind, name: c.name } });
      return;
    }
    const via: LineageVia = { kind: c.kind, name: c.name };
    for (const [index, statement] of parsed.statements.entries()) {
      const query = queryOf(statement);
      if (query === undefined) continue;
      const lineage = this.analyze(c.sql, index, query);
      for (const o of lineage.outputs) for (const d of o.deps) this.graph.addEdge({ from: `${d.table}.${d.column}`, to: id, role: d.role, via });
      for (const d of lineage.filters) this.graph.addEdge({ from: `${d.table}.${d.column}`, to: id, role: 'filter', via });
      for (const u of lineage.unresolved) {
        const dangling = this.graph.addDangling({
          label: u.text, reason: u.reason, context: c.label, ...(c.location === undefined ? {} : { location: c.location }),
        });
        this.graph.addEdge({ from: dangling.id, to: id, role: 'value', via });
      }
    }
  }

  private analyze(sql: string, statement: number, query: SqlAst): QueryLineage {
    const key = `${this.input.dialect}\u0000${statement}\u0000${this.views}\u0000${sql}`;
    let lineage = analyses.get(key);
    if (lineage === undefined) {
      lineage = new QueryAnalyzer(this.catalog).analyze(query);
      if (analyses.size >= ANALYSES_LIMIT) analyses.clear();
      analyses.set(key, lineage);
    }
    return lineage;
  }

  private locateIn(v: ViewScript, line: number): LineageLocation {
    return v.locate?.(line) ?? { file: v.file, line: v.line + line - 1 };
  }
}

/** Offsets where each line starts, for lineOfOffset. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of an offset (binary search over lineStarts). */
function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function queryOf(statement: SqlAst): unknown {
  return isObj(statement) && statement['Query'] !== undefined ? statement['Query'] : undefined;
}

/** `schema.Name` as the script spells it. */
function objectLabel(name: unknown): string | undefined {
  if (!Array.isArray(name)) return undefined;
  const parts = name.map((p) => (isObj(p) ? (isObj(p['Identifier']) ? p['Identifier']['value'] : p['value']) : undefined)).filter((v): v is string => typeof v === 'string');
  return parts.length === 0 ? undefined : parts.slice(-2).join('.');
}
