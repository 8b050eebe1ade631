import type { SqlAst } from './sqlParser';

/**
 * Column lineage of one query, read from sqlparser-rs's AST: which base columns each output
 * column is computed from (`value`), and which the query reads to choose its rows (`filter`:
 * WHERE, JOIN ... ON, GROUP BY, HAVING, and the conditions of subqueries). A reference that
 * cannot be resolved is returned as `unresolved` with its reason and position, never dropped.
 */
export type DepRole = 'value' | 'filter';

export interface ColumnDep {
  /** Lower-case `schema.table` of a table or view the catalog knows. */
  readonly table: string;
  readonly column: string;
  readonly role: DepRole;
}

export interface UnresolvedRef {
  readonly text: string;
  readonly reason: string;
  /** 1-based, within the query text. */
  readonly line?: number;
  readonly column?: number;
}

export interface QueryOutput {
  readonly name: string;
  readonly deps: readonly ColumnDep[];
}

export interface QueryLineage {
  readonly outputs: readonly QueryOutput[];
  /** Columns that choose the rows of every output. */
  readonly filters: readonly ColumnDep[];
  readonly unresolved: readonly UnresolvedRef[];
}

/** What the analysis knows of tables and views: their columns (lower-case names). */
export interface ColumnCatalog {
  /** Lower-case name -> the name as spelled. */
  columnsOf(table: string): ReadonlyMap<string, string> | undefined;
  /** How people spell it (`fact.FACT_METAS`), for messages. */
  labelOf(table: string): string;
  /** The column COUNT(*) reads: the row's identity. */
  primaryKeyOf(table: string): string | undefined;
}

/** A place in the query text (1-based line and column, as sqlparser-rs's spans count them). */
export interface SqlPosition {
  readonly line: number;
  readonly column: number;
}

/** A column reference at a probed position: the base columns it reads, or why it could not be resolved. */
export interface ProbedReference {
  readonly text: string;
  readonly deps: readonly ColumnDep[];
  readonly unresolved?: string;
}

type Obj = Record<string, unknown>;

interface Source {
  readonly alias: string;
  /** A base table or view of the catalog, or a name the catalog does not know. */
  readonly table?: string;
  readonly known?: ReadonlyMap<string, string>;
  /** A subquery or CTE: its columns' dependencies. */
  readonly derived?: ReadonlyMap<string, readonly ColumnDep[]>;
}

interface Scope {
  readonly sources: Source[];
  readonly ctes: Map<string, ReadonlyMap<string, readonly ColumnDep[]>>;
  readonly parent: Scope | undefined;
}

interface Acc {
  readonly deps: ColumnDep[];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

interface Ident {
  readonly value: string;
  readonly span?: {
    readonly start?: { readonly line?: number; readonly column?: number };
    readonly end?: { readonly line?: number; readonly column?: number };
  };
}

/** Whether an identifier's span holds `at` (its end is the character after it). */
export function spanHolds(span: unknown, at: SqlPosition): boolean {
  const { start, end } = (isObj(span) ? span : {}) as NonNullable<Ident['span']>;
  if (start?.line === undefined || start.column === undefined || end?.line === undefined || end.column === undefined || start.line === 0) return false;
  const after = (l: number, c: number): boolean => at.line > l || (at.line === l && at.column >= c);
  return after(start.line, start.column) && !after(end.line, end.column);
}

function ident(v: unknown): Ident | undefined {
  if (!isObj(v)) return undefined;
  if (typeof v['value'] === 'string') return v as unknown as Ident;
  return ident(v['Identifier']);
}

/** `schema.table` of an ObjectName (a three-part name drops its database). */
export function objectName(name: unknown): string | undefined {
  const parts = arr(name).map(ident).filter((p): p is Ident => p !== undefined).map((p) => p.value.toLowerCase());
  if (parts.length === 0) return undefined;
  return parts.slice(-2).join('.');
}

// Functions whose first argument is a date part keyword, not a column (T-SQL).
const DATE_PART_FUNCTIONS = new Set(['datepart', 'dateadd', 'datediff', 'datename', 'datetrunc', 'date_bucket', 'datediff_big']);
// Keys of AST objects that never hold a column reference of the query.
const SKIPPED_KEYS = new Set(['span', 'data_type', 'alias', 'name', 'token', 'select_token', 'quote_style', 'order_by', 'kind', 'format']);

export class QueryAnalyzer {
  private readonly unresolved: UnresolvedRef[] = [];
  /** How deep the query being read is: 1 is the analysed query, whose outputs a probe can name. */
  private depth = 0;
  /** The column reference at the probed position, once the walk has passed it. */
  reference: ProbedReference | undefined;
  /** The analysed query's output column named at the probed position (an alias, or a bare column in its list). */
  output: string | undefined;

  /** `probe`: a position whose column reference or output name to report in `hit` (hovers). */
  constructor(private readonly catalog: ColumnCatalog, private readonly probe?: SqlPosition) {}

  /** Lineage of a Query node (a SELECT, a set operation, a view's query). */
  analyze(query: SqlAst, outer?: { table: string; alias: string }): QueryLineage {
    const root: Scope = { sources: [], ctes: new Map(), parent: undefined };
    if (outer !== undefined) root.sources.push(this.tableSource(outer.table, outer.alias));
    const { outputs, filters } = this.query(query, outer === undefined ? undefined : root);
    return { outputs, filters: dedupe(filters), unresolved: [...this.unresolved] };
  }

  private query(q: SqlAst, parent: Scope | undefined): { outputs: QueryOutput[]; filters: ColumnDep[] } {
    this.depth += 1;
    try {
      return this.queryBody(q, parent);
    } finally {
      this.depth -= 1;
    }
  }

  private queryBody(q: SqlAst, parent: Scope | undefined): { outputs: QueryOutput[]; filters: ColumnDep[] } {
    const scope: Scope = { sources: [], ctes: new Map(parent?.ctes ?? []), parent };
    const filters: ColumnDep[] = [];
    const query = isObj(q) ? q : {};
    const withClause = query['with'];
    for (const cte of arr(isObj(withClause) ? withClause['cte_tables'] : undefined)) {
      if (!isObj(cte)) continue;
      const alias = isObj(cte['alias']) ? ident(cte['alias']['name'])?.value.toLowerCase() : undefined;
      const inner = this.query(cte['query'], scope);
      filters.push(...inner.filters);
      if (alias !== undefined) scope.ctes.set(alias, new Map(inner.outputs.map((o) => [o.name.toLowerCase(), o.deps])));
    }
    const body = this.setExpr(query['body'], scope);
    return { outputs: body.outputs, filters: [...filters, ...body.filters] };
  }

  private setExpr(body: unknown, scope: Scope): { outputs: QueryOutput[]; filters: ColumnDep[] } {
    if (!isObj(body)) return { outputs: [], filters: [] };
    if (body['Select'] !== undefined) return this.select(body['Select'], scope);
    if (body['Query'] !== undefined) return this.query(body['Query'], scope);
    const op = body['SetOperation'];
    if (isObj(op)) {
      const left = this.setExpr(op['left'], scope);
      const right = this.setExpr(op['right'], scope);
      const outputs = left.outputs.map((o, i) => ({ name: o.name, deps: [...o.deps, ...(right.outputs[i]?.deps ?? [])] }));
      return { outputs, filters: [...left.filters, ...right.filters] };
    }
    return { outputs: [], filters: [] };
  }

  private select(sel: unknown, parentScope: Scope): { outputs: QueryOutput[]; filters: ColumnDep[] } {
    if (!isObj(sel)) return { outputs: [], filters: [] };
    // A SELECT's own scope: its FROM items, inside the enclosing query's (correlated references).
    const scope: Scope = { sources: [], ctes: parentScope.ctes, parent: parentScope.parent };
    const filters: Acc = { deps: [] };
    const joinConditions: unknown[] = [];
    for (const twj of arr(sel['from'])) {
      if (!isObj(twj)) continue;
      this.factor(twj['relation'], scope, filters);
      for (const join of arr(twj['joins'])) {
        if (!isObj(join)) continue;
        this.factor(join['relation'], scope, filters);
        joinConditions.push(join['join_operator']);
      }
    }
    for (const c of joinConditions) this.expr(c, scope, 'filter', filters);
    this.expr(sel['selection'], scope, 'filter', filters);
    this.expr(sel['group_by'], scope, 'filter', filters);
    this.expr(sel['having'], scope, 'filter', filters);
    const outputs: QueryOutput[] = [];
    for (const item of arr(sel['projection'])) this.projection(item, scope, outputs, filters);
    return { outputs, filters: filters.deps };
  }

  private projection(item: unknown, scope: Scope, outputs: QueryOutput[], filters: Acc): void {
    if (!isObj(item)) {
      if (item === 'Wildcard') for (const s of scope.sources) outputs.push(...this.sourceColumns(s));
      return;
    }
    const named = item['ExprWithAlias'];
    if (isObj(named)) {
      const acc: Acc = { deps: [] };
      this.expr(named['expr'], scope, 'value', acc, filters);
      const alias = ident(named['alias']);
      outputs.push({ name: alias?.value ?? '?column?', deps: dedupe(acc.deps) });
      if (alias !== undefined) this.probeOutput(alias, alias.value);
      return;
    }
    if (item['UnnamedExpr'] !== undefined) {
      const expr = item['UnnamedExpr'];
      const acc: Acc = { deps: [] };
      this.expr(expr, scope, 'value', acc, filters);
      outputs.push({ name: outputName(expr), deps: dedupe(acc.deps) });
      // A bare column in the analysed query's list is also its output of that name.
      const last = isObj(expr) ? ident(expr['Identifier']) ?? (Array.isArray(expr['CompoundIdentifier']) ? ident(expr['CompoundIdentifier'].at(-1)) : undefined) : undefined;
      if (last !== undefined) this.probeOutput(last, last.value);
      return;
    }
    if (item['Wildcard'] !== undefined) {
      for (const s of scope.sources) outputs.push(...this.sourceColumns(s));
      return;
    }
    const qualified = item['QualifiedWildcard'];
    if (qualified !== undefined) {
      const name = objectName(Array.isArray(qualified) ? qualified[0] : qualified);
      const source = scope.sources.find((s) => s.alias === name);
      if (source !== undefined) outputs.push(...this.sourceColumns(source));
    }
  }

  private sourceColumns(s: Source): QueryOutput[] {
    if (s.derived !== undefined) return [...s.derived].map(([name, deps]) => ({ name, deps }));
    if (s.table !== undefined && s.known !== undefined) return [...s.known.keys()].map((c) => ({ name: c, deps: [{ table: s.table ?? '', column: c, role: 'value' as const }] }));
    return [];
  }

  private tableSource(table: string, alias: string): Source {
    const known = this.catalog.columnsOf(table);
    return { alias: alias.toLowerCase(), table, ...(known === undefined ? {} : { known }) };
  }

  private factor(rel: unknown, scope: Scope, filters: Acc): void {
    if (!isObj(rel)) return;
    const table = rel['Table'];
    if (isObj(table)) {
      const name = objectName(table['name']);
      if (name === undefined) return;
      const alias = isObj(table['alias']) ? ident(table['alias']['name'])?.value : undefined;
      const cte = name.includes('.') ? undefined : scope.ctes.get(name);
      if (cte !== undefined) {
        scope.sources.push({ alias: (alias ?? name).toLowerCase(), derived: cte });
        return;
      }
      const source = this.tableSource(name, alias ?? name.split('.').pop() ?? name);
      if (source.known === undefined) {
        const first = arr(table['name']).map(ident)[0];
        this.unresolved.push({ text: name, reason: `${name} is neither a table of the warehouse contract nor a view of the scripts`, ...position(first) });
      }
      scope.sources.push(source);
      return;
    }
    const derived = rel['Derived'];
    if (isObj(derived)) {
      const inner = this.query(derived['subquery'], { sources: [], ctes: scope.ctes, parent: scope.parent });
      filters.deps.push(...inner.filters);
      const alias = isObj(derived['alias']) ? ident(derived['alias']['name'])?.value.toLowerCase() : undefined;
      scope.sources.push({ alias: alias ?? '', derived: new Map(inner.outputs.map((o) => [o.name.toLowerCase(), o.deps])) });
      return;
    }
    const nested = rel['NestedJoin'];
    if (isObj(nested)) {
      const twj = nested['table_with_joins'];
      if (!isObj(twj)) return;
      this.factor(twj['relation'], scope, filters);
      for (const join of arr(twj['joins'])) {
        if (!isObj(join)) continue;
        this.factor(join['relation'], scope, filters);
        this.expr(join['join_operator'], scope, 'filter', filters);
      }
      return;
    }
    this.unresolved.push({ text: Object.keys(rel)[0] ?? 'FROM item', reason: 'a FROM item of a kind lineage does not read (table function, VALUES...)' });
  }

  /**
   * Walks an expression: column references land in `acc` with `role`; the conditions of a
   * subquery, and the columns it reads in an EXISTS/IN test, land in `filters` (or `acc` as filter).
   */
  private expr(e: unknown, scope: Scope, role: DepRole, acc: Acc, filters: Acc = acc): void {
    if (Array.isArray(e)) {
      for (const x of e) this.expr(x, scope, role, acc, filters);
      return;
    }
    if (!isObj(e)) return;
    if (e['Identifier'] !== undefined && isObj(e['Identifier']) && typeof e['Identifier']['value'] === 'string') {
      this.referenceAt([e['Identifier'] as unknown as Ident], scope, role, acc);
      return;
    }
    if (Array.isArray(e['CompoundIdentifier'])) {
      this.referenceAt(e['CompoundIdentifier'].map(ident).filter((i): i is Ident => i !== undefined), scope, role, acc);
      return;
    }
    if (e['Subquery'] !== undefined) {
      const inner = this.query(e['Subquery'], scope);
      for (const o of inner.outputs) acc.deps.push(...o.deps.map((d) => (d.role === 'value' ? { ...d, role } : d)));
      filters.deps.push(...inner.filters.map((d) => ({ ...d, role: 'filter' as const })));
      return;
    }
    const exists = e['Exists'];
    if (isObj(exists)) {
      const inner = this.query(exists['subquery'], scope);
      acc.deps.push(...inner.filters.map((d) => ({ ...d, role: 'filter' as const })));
      return;
    }
    const fn = e['Function'];
    if (isObj(fn)) {
      this.function(fn, scope, role, acc, filters);
      return;
    }
    for (const [key, value] of Object.entries(e)) {
      if (SKIPPED_KEYS.has(key)) continue;
      if (key === 'subquery' || key === 'query') {
        const inner = this.query(value, scope);
        for (const o of inner.outputs) filters.deps.push(...o.deps.map((d) => ({ ...d, role: 'filter' as const })));
        filters.deps.push(...inner.filters);
        continue;
      }
      this.expr(value, scope, role, acc, filters);
    }
  }

  private function(fn: Obj, scope: Scope, role: DepRole, acc: Acc, filters: Acc): void {
    const name = objectName(fn['name'])?.split('.').pop() ?? '';
    const list = isObj(fn['args']) ? fn['args']['List'] : undefined;
    let args = arr(isObj(list) ? list['args'] : undefined);
    if (DATE_PART_FUNCTIONS.has(name)) args = args.slice(1);
    for (const a of args) {
      if (name === 'count' && isObj(a) && a['Unnamed'] === 'Wildcard') {
        // COUNT(*) reads the rows: their identity, the primary key of each table in FROM.
        for (const s of scope.sources) {
          const key = s.table === undefined ? undefined : this.catalog.primaryKeyOf(s.table);
          if (s.table !== undefined && key !== undefined) acc.deps.push({ table: s.table, column: key, role });
        }
        continue;
      }
      this.expr(a, scope, role, acc, filters);
    }
    this.expr(fn['over'], scope, 'filter', filters);
    this.expr(fn['filter'], scope, 'filter', filters);
    this.expr(fn['within_group'], scope, 'filter', filters);
  }

  /** An output name of the analysed query (not of a subquery or CTE) at the probed position. */
  private probeOutput(name: Ident, value: string): void {
    if (this.probe !== undefined && this.depth === 1 && spanHolds(name.span, this.probe)) this.output = value;
  }

  private referenceAt(parts: readonly Ident[], scope: Scope, role: DepRole, acc: Acc): void {
    const probed = this.probe !== undefined && spanHolds(parts.at(-1)?.span, this.probe);
    const deps = acc.deps.length;
    const unresolved = this.unresolved.length;
    this.resolve(parts, scope, role, acc);
    if (probed) {
      this.reference = {
        text: parts.map((p) => p.value).join('.'), deps: dedupe(acc.deps.slice(deps)),
        ...(this.unresolved.length > unresolved ? { unresolved: this.unresolved[unresolved]?.reason ?? '' } : {}),
      };
    }
  }

  private resolve(parts: readonly Ident[], scope: Scope, role: DepRole, acc: Acc): void {
    const last = parts[parts.length - 1];
    if (last === undefined) return;
    // T-SQL variables and parameters (@p1) are not columns.
    if (parts[0]?.value.startsWith('@')) return;
    const column = last.value.toLowerCase();
    const text = parts.map((p) => p.value).join('.');
    if (parts.length === 1) {
      for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) {
        const having = s.sources.filter((src) => hasColumn(src, column));
        if (having.length === 1 && having[0] !== undefined) {
          acc.deps.push(...depsOf(having[0], column, role));
          return;
        }
        if (having.length > 1) {
          this.unresolved.push({ text, reason: `${text} is ambiguous: ${having.map((h) => h.alias).join(', ')} all have it`, ...position(last) });
          return;
        }
      }
      const unknown = scope.sources.filter((src) => src.known === undefined && src.derived === undefined);
      this.unresolved.push({
        text,
        reason: unknown.length > 0 ? `${text} may come from ${unknown.map((u) => u.table).join(', ')}, which lineage does not know` : `no table in FROM has a column ${text}`,
        ...position(last),
      });
      return;
    }
    const qualifier = parts.slice(0, -1).map((p) => p.value.toLowerCase()).slice(-2).join('.');
    for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) {
      const source = s.sources.find((src) => src.alias === qualifier || src.table === qualifier);
      if (source === undefined) continue;
      if (hasColumn(source, column)) acc.deps.push(...depsOf(source, column, role));
      else if (source.known === undefined && source.derived === undefined) this.unresolved.push({ text, reason: `${source.table ?? qualifier} is not known to lineage`, ...position(last) });
      else this.unresolved.push({ text, reason: `${source.table === undefined ? qualifier : this.catalog.labelOf(source.table)} has no column ${last.value}`, ...position(last) });
      return;
    }
    this.unresolved.push({ text, reason: `${qualifier} is not a table or alias in FROM`, ...position(parts[0]) });
  }
}

function hasColumn(s: Source, column: string): boolean {
  return s.derived !== undefined ? s.derived.has(column) : (s.known?.has(column) ?? false);
}

function depsOf(s: Source, column: string, role: DepRole): ColumnDep[] {
  if (s.derived !== undefined) return (s.derived.get(column) ?? []).map((d) => (d.role === 'value' ? { ...d, role } : d));
  return s.table === undefined ? [] : [{ table: s.table, column, role }];
}

function position(i: Ident | undefined): { line?: number; column?: number } {
  const start = i?.span?.start;
  return start?.line === undefined || start.line === 0 ? {} : { line: start.line, ...(start.column === undefined ? {} : { column: start.column }) };
}

function outputName(expr: unknown): string {
  if (isObj(expr)) {
    const id = ident(expr['Identifier']);
    if (id !== undefined) return id.value;
    const parts = expr['CompoundIdentifier'];
    if (Array.isArray(parts)) return ident(parts[parts.length - 1])?.value ?? '?column?';
  }
  return '?column?';
}

export function dedupe(deps: readonly ColumnDep[]): ColumnDep[] {
  const seen = new Map<string, ColumnDep>();
  for (const d of deps) {
    const key = `${d.table}.${d.column}`;
    const prior = seen.get(key);
    if (prior === undefined || (prior.role === 'filter' && d.role === 'value')) seen.set(key, d);
  }
  return [...seen.values()];
}
