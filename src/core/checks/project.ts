import path from 'node:path';
import type { Dialect } from '../engine/types';
import { listEntityDefinitionFiles } from '../etl/definition/load';
import type { Project } from '../project/types';
import { checkCatalog, type CheckDefinition } from './catalog';

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
