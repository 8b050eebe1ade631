import { listEntityDefinitionFiles, loadEntityDefinitions, projectEntitiesDir, type EntityDefinition } from '../../core/etl';
import { targetsKeepingSoftDeleted } from '../../core/monitor/load';
import type { Project } from '../../core/project';
import type { DwContext } from '../context';

/** The project's entity definitions folder, or the shipped one when the project has none (as `dwb etl` does). */
export function entitiesDir(ctx: DwContext, project: Project): string {
  return projectEntitiesDir(project, ctx.extension.extensionPath);
}

/** Loads every definition; throws EntityDefinitionError with file:line problems. */
export function loadDefinitions(ctx: DwContext, project: Project): EntityDefinition[] {
  return loadEntityDefinitions(entitiesDir(ctx, project));
}

/** The entities of the definitions folder and their files, listed even when a definition has problems. */
export function definitionFiles(ctx: DwContext, project: Project): { readonly entity: string; readonly file: string }[] {
  return listEntityDefinitionFiles(entitiesDir(ctx, project));
}

/** How long a run waits for an entity another run is loading, from the project's `etl` settings. */
export function lockWaitMs(project: Project): number {
  const etl = project.config.etl;
  return etl?.onLocked === 'fail' ? 0 : (etl?.lockTimeoutSeconds ?? 60) * 1000;
}

/**
 * The project's targets that keep soft-deleted rows (an active flag), for the monitor's
 * reconciliation; empty while a definition has problems (the ETL reports those).
 */
export function projectTargetsKeepingSoftDeleted(ctx: DwContext, project: Project): string[] {
  try {
    return targetsKeepingSoftDeleted(loadDefinitions(ctx, project));
  } catch {
    return [];
  }
}
