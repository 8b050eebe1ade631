import { readFile } from 'node:fs/promises';
import type { Dialect } from '../engine/types';
import { isScriptError, splitPostgres, splitTsql, UndefinedVariablesError, type Batch } from '../script';
import { warehouseContract } from '../warehouse/contract';
import { detectScriptDialect } from '../warehouse/scriptDialect';
import { defaultScriptVariables } from '../warehouse/scripts';
import type { LineageGraph } from './graph';
import { code, columnKind, downstreamLines, upstreamLines } from './hoverText';
import { objectName, QueryAnalyzer, spanHolds, type ColumnCatalog, type SqlPosition } from './selectLineage';
import type { SqlAst, SqlParser } from './sqlParser';

/** A hover request in a SQL file: its text as the editor has it, and a 1-based line and column. */
export interface SqlHoverRequest {
  readonly text: string;
  /** Absolute path (includes resolve against it). */
  readonly file: string;
  /** The project's dialect; a script that shows the other dialect's syntax is read in that one. */
  readonly dialect: Dialect;
  readonly line: number;
  readonly column: number;
  readonly variables?: Readonly<Record<string, string>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const identOf = (v: unknown): { value: string; span?: unknown } | undefined =>
  (isObj(v) && typeof v['value'] === 'string' ? { value: v['value'], span: v['span'] } : isObj(v) ? identOf(v['Identifier']) : undefined);
const holds = (v: unknown, at: SqlPosition): boolean => spanHolds(identOf(v)?.span, at);

/** The graph's tables and views with their columns, as the query analysis reads them. */
const catalogs = new WeakMap<LineageGraph, ColumnCatalog>();
const primaryKeys = new Map(warehouseContract.map((t) => [`${t.schema}.${t.name}`.toLowerCase(), t.primaryKey.toLowerCase()]));

function catalogOf(graph: LineageGraph): ColumnCatalog {
  let catalog = catalogs.get(graph);
  if (catalog !== undefined) return catalog;
  const columns = new Map<string, Map<string, string>>();
  const labels = new Map<string, string>();
  for (const n of graph.nodes) {
    if (n.kind !== 'column' || n.object === undefined || n.column === undefined) continue;
    const key = n.object.toLowerCase();
    labels.set(key, n.object);
    let cols = columns.get(key);
    if (cols === undefined) columns.set(key, (cols = new Map<string, string>()));
    cols.set(n.column.toLowerCase(), n.column);
  }
  catalog = {
    columnsOf: (t) => columns.get(t.toLowerCase()),
    labelOf: (t) => labels.get(t.toLowerCase()) ?? t,
    primaryKeyOf: (t) => primaryKeys.get(t.toLowerCase()),
  };
  catalogs.set(graph, catalog);
  return catalog;
}

/** The column node ids a statement names at `at`, or undefined when nothing there is a column. */
function columnsAt(statement: unknown, at: SqlPosition, catalog: ColumnCatalog): string[] | undefined {
  if (!isObj(statement)) return undefined;
  const [kind, body] = Object.entries(statement)[0] ?? [];
  if (!isObj(body)) return undefined;
  const probe = (query: unknown, named?: string): string[] | undefined => {
    const analyzer = new QueryAnalyzer(catalog, at);
    analyzer.analyze(query);
    if (named !== undefined && analyzer.output !== undefined) return [`${named}.${analyzer.output.toLowerCase()}`];
    return analyzer.reference?.deps.map((d) => `${d.table}.${d.column}`);
  };
  const columnOf = (table: string | undefined, names: unknown): string[] | undefined => {
    const hit = arr(names).map((c) => (isObj(c) && c['name'] !== undefined ? c['name'] : c)).find((c) => holds(c, at));
    return table === undefined || hit === undefined ? undefined : [`${table}.${identOf(hit)?.value.toLowerCase() ?? ''}`];
  };
  switch (kind) {
    case 'Query':
      return probe(body);
    case 'CreateView': {
      const view = objectName(body['name']);
      return columnOf(view, body['columns']) ?? probe(body['query'], view);
    }
    case 'CreateTable':
      return columnOf(objectName(body['name']), body['columns']) ?? (body['query'] === undefined ? undefined : probe(body['query']));
    case 'Insert': {
      const table = objectName(isObj(body['table']) ? body['table']['TableName'] : undefined) ?? objectName(body['table_name']);
      return columnOf(table, body['columns']) ?? (body['source'] === undefined ? undefined : probe(body['source']));
    }
    case 'Update': {
      const target = isObj(body['table']) && isObj(body['table']['relation']) && isObj(body['table']['relation']['Table']) ? objectName(body['table']['relation']['Table']['name']) : undefined;
      const assigned = arr(body['assignments']).find((a) => isObj(a) && isObj(a['target']) && arr(a['target']['ColumnName']).some((p) => holds(p, at)));
      if (target !== undefined && isObj(assigned) && isObj(assigned['target'])) return [`${target}.${identOf(arr(assigned['target']['ColumnName']).at(-1))?.value.toLowerCase() ?? ''}`];
      // The rest reads like a SELECT of the assigned values over the target and FROM, filtered by WHERE.
      const from = [body['table'], ...arr(isObj(body['from']) ? Object.values(body['from'])[0] : undefined)];
      const projection = arr(body['assignments']).map((a) => ({ UnnamedExpr: isObj(a) ? a['value'] : undefined }));
      return probe({ body: { Select: { from, projection, selection: body['selection'] } } });
    }
    case 'Delete': {
      const from = arr(isObj(body['from']) ? Object.values(body['from'])[0] : undefined);
      return probe({ body: { Select: { from, projection: [], selection: body['selection'] } } });
    }
    case 'If': {
      // T-SQL IF ... BEGIN ... END: the statements of each branch.
      const blocks = [body['if_block'], ...arr(body['elseif_blocks']), body['else_block']];
      for (const b of blocks) {
        const inner = isObj(b) ? b['conditional_statements'] : undefined;
        const list = isObj(inner) ? (isObj(inner['BeginEnd']) ? inner['BeginEnd']['statements'] : isObj(inner['Sequence']) ? inner['Sequence']['statements'] : undefined) : undefined;
        for (const s of arr(list)) {
          const found = columnsAt(s, at, catalog);
          if (found !== undefined) return found;
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Splits the file as its runner would; variables nobody set are filled in (a hover runs nothing). */
async function batchesOf(req: SqlHoverRequest, dialect: Dialect): Promise<readonly Batch[]> {
  const split = dialect === 'postgres' ? splitPostgres : splitTsql;
  let variables: Record<string, string> = { ...defaultScriptVariables, ...req.variables };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return (await split(req.text, { file: req.file, readFile: (f) => readFile(f), variables })).batches;
    } catch (e) {
      if (e instanceof UndefinedVariablesError && attempt === 0) {
        variables = { ...variables, ...Object.fromEntries(e.uses.map((u) => [u.name, 'lineage'])) };
        continue;
      }
      if (isScriptError(e)) return [];
      throw e;
    }
  }
  return [];
}

/** The batch holding the file's `line`, and that line's number within the batch. */
function batchAt(batches: readonly Batch[], file: string, line: number): { batch: Batch; line: number } | undefined {
  for (const batch of batches) {
    const segments = batch.sourceMap;
    for (const [i, s] of segments.entries()) {
      const next = segments[i + 1]?.batchLine ?? Number.POSITIVE_INFINITY;
      const batchLine = s.batchLine + (line - s.fileLine);
      if (s.file === file && !s.fixed && line >= s.fileLine && batchLine < next && batchLine <= batch.text.split('\n').length) return { batch, line: batchLine };
    }
  }
  return undefined;
}

/**
 * Statements inside a PostgreSQL `DO $$ ... $$` block, which sqlparser-rs does not read
 * (PL/pgSQL). Each SQL statement of the body is found by the parser itself: from every word
 * that can begin one (CREATE, INSERT, ...) to the next `;`, the first text that parses; its
 * positions are moved to the batch's.
 */
function embeddedStatements(
  text: string, parser: SqlParser, dialect: Dialect, at: SqlPosition,
): { statements: readonly SqlAst[]; at: SqlPosition } | undefined {
  const open = /^\s*DO\s*(\$[A-Za-z_]*\$)/i.exec(text);
  if (open === null || open[1] === undefined) return undefined;
  const bodyStart = open[0].length;
  const bodyEnd = text.indexOf(open[1], bodyStart);
  const offsetOf = (p: SqlPosition): number => {
    let offset = 0;
    for (let l = 1; l < p.line; l++) offset = text.indexOf('\n', offset) + 1;
    return offset + p.column - 1;
  };
  const target = offsetOf(at);
  if (target < bodyStart || (bodyEnd >= 0 && target >= bodyEnd)) return undefined;
  const body = text.slice(0, bodyEnd < 0 ? text.length : bodyEnd);
  // The statement holding the position ends at the first `;` after it and starts after the last one before it.
  const end = body.indexOf(';', target);
  const start = Math.max(bodyStart, body.lastIndexOf(';', target) + 1);
  const piece = body.slice(start, end < 0 ? body.length : end);
  for (const word of piece.matchAll(/\b(?:CREATE|INSERT|UPDATE|DELETE|SELECT|WITH)\b/gi)) {
    const from = start + word.index;
    if (from > target) break;
    const parsed = parser.parse(body.slice(from, end < 0 ? body.length : end), dialect);
    if ('failure' in parsed) continue;
    const before = text.slice(0, from);
    const line = before.split('\n').length;
    const column = from - (before.lastIndexOf('\n') + 1) + 1;
    return { statements: parsed.statements, at: { line: at.line - line + 1, column: at.line === line ? at.column - column + 1 : at.column } };
  }
  return undefined;
}

/**
 * The hover over a column in a SQL script (a warehouse script, a view, a query of the
 * workspace): the column the name resolves to, through the statement's own FROM scope (aliases,
 * subqueries, CTEs) as the lineage reads queries, with where it comes from and where it goes
 * in the same graph as the entity-definition hovers. A view's output name is the view's column;
 * a column of CREATE TABLE, INSERT or UPDATE is the table's. Undefined where no column of the
 * graph is named, or the statement does not parse (a hover never guesses).
 */
export async function sqlHover(req: SqlHoverRequest, graph: LineageGraph, parser: SqlParser): Promise<string | undefined> {
  const dialect = detectScriptDialect(req.text)?.dialect ?? req.dialect;
  const found = batchAt(await batchesOf(req, dialect), req.file, req.line);
  if (found === undefined) return undefined;
  let at: SqlPosition = { line: found.line, column: req.column };
  let statements: readonly SqlAst[];
  const parsed = parser.parse(found.batch.text, dialect);
  if ('failure' in parsed) {
    const embedded = dialect === 'postgres' ? embeddedStatements(found.batch.text, parser, dialect, at) : undefined;
    if (embedded === undefined) return undefined;
    ({ statements, at } = embedded);
  } else {
    statements = parsed.statements;
  }
  const catalog = catalogOf(graph);
  for (const statement of statements) {
    const ids = columnsAt(statement, at, catalog)?.filter((id) => graph.node(id)?.kind === 'column');
    if (ids !== undefined && ids.length > 0) return columnHover(graph, [...new Set(ids)]);
  }
  return undefined;
}

/** Markdown for one or more columns (a subquery's column can read several). */
export function columnHover(graph: LineageGraph, ids: readonly string[]): string {
  return ids.map((id) => {
    const n = graph.node(id);
    return [`**${code(n?.label ?? id)}** — ${n === undefined ? 'column' : columnKind(n)}`, ...upstreamLines(graph, id), ...downstreamLines(graph, id)].join('\n');
  }).join('\n\n---\n\n');
}
