import path from 'node:path';
import type { Dialect, Engine } from '../engine/types';
import { listEntityDefinitionFiles } from '../etl/definition/load';
import { checkEtlScope } from '../etl/scope/check';
import type { Project } from '../project/types';
import { checkCatalog, type CheckDefinition } from './catalog';
import { checkReport, runChecks, type CheckReport } from './run';
import { scopeResults } from './scope';
import { recordCheckReport } from './store';

/** The SQL files and folders the project's bootstrap runs against the warehouse, in order. */
export function warehouseScriptPaths(project: Project): string[] {
  return (project.config.bootstrap?.steps ?? [])
    .filter((s) => (s.database ?? 'dw') === 'dw')
    .flatMap((s) => [s.folder, s.script].filter((p): p is string => p !== undefined))
    .map((p) => path.resolve(project.root, p));
}

/** The checks of a project: built-in ones pointing at its entity definitions and scripts, then its own. */
export function projectChecks(project: Project, dialect: Dialect, entitiesDir: string): CheckDefinition[] {
  return checkCatalog({
    dialect,
    ...(project.config.checks === undefined ? {} : { checks: project.config.checks }),
    entityFiles: listEntityDefinitionFiles(entitiesDir),
    scriptPaths: warehouseScriptPaths(project),
    projectFile: project.file,
  });
}

export interface ProjectCheckOptions {
  /** The OLTP database: the ETL scope reads its source tables there. */
  readonly source: Engine;
  /** The warehouse. */
  readonly target: Engine;
  readonly entitiesDir: string;
  /** Only the checks whose name starts with one of these (`scope` for the ETL scope alone). */
  readonly only?: readonly string[];
  readonly signal?: AbortSignal;
}

/**
 * Every check of a project, for `dwb check`, "DW: Check Warehouse", the dw-check task and the
 * agents' tool: the ETL scope first (the same check the bootstrap ends with: a missing table
 * also explains the SQL checks that fail on it), then the SQL checks. Empty when `only` matches
 * no check.
 */
export async function runProjectChecks(project: Project, o: ProjectCheckOptions): Promise<CheckReport> {
  const only = o.only ?? [];
  const wanted = (name: string): boolean => only.length === 0 || only.some((prefix) => name.startsWith(prefix));
  const withScope = only.length === 0 || only.some((prefix) => 'scope.'.startsWith(prefix) || prefix.startsWith('scope.'));
  const checks = projectChecks(project, o.target.dialect, o.entitiesDir).filter((c) => wanted(c.name));
  if (checks.length === 0 && !withScope) return checkReport([]);
  const scope = withScope ? await checkEtlScope({ source: o.source, target: o.target, entitiesDir: o.entitiesDir, projectFile: project.file }) : undefined;
  const scoped = scope === undefined ? [] : scopeResults(scope, project.file).filter((r) => wanted(r.check));
  const sql = await runChecks(o.target, checks, { limit: project.config.checks?.offendingLimit ?? 20, ...(o.signal ? { signal: o.signal } : {}) });
  return checkReport([...scoped, ...sql.checks]);
}

/**
 * Keeps a run's results in ctl.check_result for the monitor (every caller that runs the checks for
 * a user: `dwb check`, "DW: Check Warehouse", the dw-check task). A run that was interrupted is
 * not kept (it would replace the last complete results with part of them). Returns why the
 * results could not be kept (a read-only login, say), or undefined: the checks themselves ran.
 */
export async function recordProjectChecks(
  project: Project, warehouse: Engine, report: CheckReport, o: { readonly by: string; readonly partial?: boolean; readonly signal?: AbortSignal },
): Promise<string | undefined> {
  if (o.signal?.aborted === true || report.checks.length === 0) return undefined;
  try {
    await recordCheckReport(warehouse, report, { root: project.root, by: o.by, ...(o.partial === true ? { partial: true } : {}) });
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
