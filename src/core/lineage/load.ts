import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkCatalog, type CheckDefinition } from '../checks/catalog';
import { projectChecks, warehouseScriptPaths } from '../checks/project';
import type { Dialect } from '../engine/types';
import { listEntityDefinitionFiles } from '../etl/definition/load';
import { monitorSql } from '../monitor/sql';
import { postgresMonitorDialect, sqlServerMonitorDialect } from '../monitor/dialect';
import type { Project } from '../project/types';
import { postgresSalesDialect, sqlServerSalesDialect } from '../sales/dialect';
import { salesSql } from '../sales/sql';
import { loadScriptPlan, scriptFilesOf, sourceOf, isScriptError, UndefinedVariablesError, type Batch } from '../script';
import { defaultScriptVariables, warehouseScripts } from '../warehouse/scripts';
import { buildLineage, type ConsumerQuery, type LineageInput, type ViewScript } from './build';
import type { LineageGraph } from './graph';
import { loadSqlParser } from './sqlParser';

/** Where a warehouse's lineage comes from. */
export interface LineageSources {
  readonly dialect: Dialect;
  readonly entitiesDir: string;
  /** SQL files and folders that build the warehouse (their CREATE VIEW batches are read). */
  readonly scriptPaths: readonly string[];
  readonly checks: readonly CheckDefinition[];
  readonly variables?: Readonly<Record<string, string>>;
}

/**
 * A project's sources: its definitions, its bootstrap's warehouse scripts and its checks. A
 * project whose bootstrap names no warehouse script reads the shipped `sql/<dialect>/dw` under
 * `assetsRoot` (what `dwb init` would have scaffolded).
 */
export function projectLineageSources(project: Project, dialect: Dialect, entitiesDir: string, assetsRoot: string): LineageSources {
  const variables = Object.fromEntries(Object.entries(project.config.variables ?? {}).map(([k, v]) => [k, String(v)]));
  const own = warehouseScriptPaths(project);
  const scriptPaths = own.length > 0 ? own : shippedLineageSources(assetsRoot, dialect).scriptPaths;
  return { dialect, entitiesDir, scriptPaths, checks: projectChecks(project, dialect, entitiesDir), variables };
}

/** The shipped warehouse: `etl/entities` and `sql/<dialect>/dw` under `root`. */
export function shippedLineageSources(root: string, dialect: Dialect): LineageSources {
  const entitiesDir = path.join(root, 'etl', 'entities');
  const scriptPaths = warehouseScripts(dialect).filter((s) => s.group === 'dw').map((s) => path.join(root, 'sql', s.path));
  const checks = checkCatalog({ dialect, entityFiles: listEntityDefinitionFiles(entitiesDir), scriptPaths });
  return { dialect, entitiesDir, scriptPaths, checks };
}

/** The queries of the sales dashboard and the ETL monitor, one per panel (reads only). */
export function dashboardQueries(dialect: Dialect): ConsumerQuery[] {
  const sales = salesSql(dialect === 'postgres' ? postgresSalesDialect : sqlServerSalesDialect);
  const monitor = monitorSql(dialect === 'postgres' ? postgresMonitorDialect : sqlServerMonitorDialect);
  const panels: ConsumerQuery[] = Object.entries(sales).map(([panel, sql]) => ({ kind: 'panel', name: `sales.${panel}`, label: `sales dashboard: ${panel}`, sql }));
  for (const [panel, sql] of Object.entries(monitor)) {
    // Statements that write (reset, activate) and calls are actions, not panels.
    if (typeof sql !== 'string' || !startsWithKeyword(sql, ['SELECT', 'WITH'])) continue;
    panels.push({ kind: 'panel', name: `monitor.${panel}`, label: `ETL monitor: ${panel}`, sql });
  }
  return panels;
}

/** Reads everything lineage needs; a file it cannot read becomes a problem, never an exception. */
export async function readLineageInput(sources: LineageSources): Promise<LineageInput> {
  const problems: { file: string; line: number; message: string }[] = [];
  const definitions: { file: string; text: string }[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(sources.entitiesDir).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    problems.push({ file: sources.entitiesDir, line: 1, message: `the entity definitions folder cannot be read: ${(e as Error).message}` });
  }
  for (const name of names) {
    const file = path.join(sources.entitiesDir, name);
    try {
      definitions.push({ file, text: readFileSync(file, 'utf8') });
    } catch (e) {
      problems.push({ file, line: 1, message: `cannot be read: ${(e as Error).message}` });
    }
  }
  const views: ViewScript[] = [];
  for (const target of sources.scriptPaths) {
    let files: string[];
    try {
      files = await scriptFilesOf(target);
    } catch {
      continue; // a bootstrap step whose folder is gone: nothing to read
    }
    for (const file of files) {
      const batches = await splitLeniently(file, sources, problems);
      for (const b of batches) {
        if (createsView(b.text)) {
          views.push({ file: b.startFile, line: b.startLine, sql: b.text, locate: (line) => sourceOf(b.sourceMap, line) });
        }
      }
    }
  }
  const checks: ConsumerQuery[] = sources.checks.flatMap((c) => {
    const sql = c.count ?? c.sql;
    if (sql === undefined) return [];
    return [{ kind: 'check' as const, name: c.name, label: `check ${c.name}`, sql, ...(c.location === undefined ? {} : { location: { file: c.location.file, line: c.location.line } }) }];
  });
  return { dialect: sources.dialect, definitions, views, consumers: [...dashboardQueries(sources.dialect), ...checks], problems };
}

/** Splits one script; variables it uses but nobody set are filled in (lineage never runs it). */
async function splitLeniently(file: string, sources: LineageSources, problems: { file: string; line: number; message: string }[]): Promise<readonly Batch[]> {
  let variables: Record<string, string> = { ...defaultScriptVariables, ...sources.variables };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return (await loadScriptPlan(file, { dialect: sources.dialect, variables })).batches;
    } catch (e) {
      if (e instanceof UndefinedVariablesError && attempt === 0) {
        variables = { ...variables, ...Object.fromEntries(e.uses.map((u) => [u.name, 'lineage'])) };
        continue;
      }
      if (isScriptError(e)) {
        problems.push({ file: e.position.file, line: e.position.line, message: `the script cannot be split, its views are not in the lineage: ${e.message}` });
        return [];
      }
      throw e;
    }
  }
  return [];
}

/** Whether a batch is `CREATE [OR REPLACE|OR ALTER] [MATERIALIZED] VIEW ...` (those are parsed). */
export function createsView(sql: string): boolean {
  const words = leadingWords(sql, 5);
  if (words[0] !== 'CREATE') return false;
  return words.slice(1).find((w) => w !== 'OR' && w !== 'REPLACE' && w !== 'ALTER' && w !== 'MATERIALIZED') === 'VIEW';
}

/** Whether a statement starts with one of `first`, past blanks and comments. */
export function startsWithKeyword(sql: string, first: readonly string[]): boolean {
  return first.includes(leadingWords(sql, 1)[0] ?? '');
}

/** The first `count` words of a statement, upper-cased, past blanks and comments. */
function leadingWords(sql: string, count: number): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < sql.length && words.length < count) {
    const ch = sql[i] ?? '';
    if (/\s/.test(ch)) i += 1;
    else if (sql.startsWith('--', i)) i = nextLine(sql, i);
    else if (sql.startsWith('/*', i)) i = sql.indexOf('*/', i + 2) < 0 ? sql.length : sql.indexOf('*/', i + 2) + 2;
    else {
      let j = i;
      while (j < sql.length && /[A-Za-z_]/.test(sql[j] ?? '')) j += 1;
      if (j === i) break;
      words.push(sql.slice(i, j).toUpperCase());
      i = j;
    }
  }
  return words;
}

function nextLine(sql: string, i: number): number {
  const n = sql.indexOf('\n', i);
  return n < 0 ? sql.length : n + 1;
}

/** Reads the sources and builds the graph (the parser loads once per process). */
export async function loadLineage(sources: LineageSources): Promise<LineageGraph> {
  const [input, parser] = await Promise.all([readLineageInput(sources), loadSqlParser()]);
  return buildLineage(input, parser);
}
