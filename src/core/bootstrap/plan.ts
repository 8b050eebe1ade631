import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Dialect } from '../engine/types';
import type { Project } from '../project/types';
import { loadScriptPlan } from '../script';
import { assertScriptDialect } from '../warehouse/scriptDialect';
import { defaultScriptVariables } from '../warehouse/scripts';
import { NoBootstrapPlanError } from './errors';
import type { EngineRole, PlannedStep } from './types';

export interface PlanOptions {
  /** Values for script variables that are secrets (passwords); never logged. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Overrides from the command line (`--var NAME=value`). */
  readonly variables?: Readonly<Record<string, string>>;
  /** Overrides the scale of every generate step (`dwb bootstrap --scale N`). */
  readonly scale?: number;
}

export function dialectOfProject(project: Project): Dialect {
  return project.config.engine === 'sqlserver' ? 'sqlserver' : 'postgres';
}

/** Script variables: shipped defaults < project file < secrets < command line. */
export function scriptVariables(project: Project, options: PlanOptions): Record<string, string> {
  const fromProject = Object.fromEntries(Object.entries(project.config.variables ?? {}).map(([k, v]) => [k, String(v)]));
  return { ...defaultScriptVariables, ...fromProject, ...options.secrets, ...options.variables };
}

/**
 * Makes every step ready before anything runs: scripts are read, checked for the engine's
 * dialect and split (an undefined variable or a parse error anywhere stops the bootstrap here,
 * with nothing run).
 */
export async function planBootstrap(project: Project, options: PlanOptions = {}): Promise<PlannedStep[]> {
  const steps = project.config.bootstrap?.steps ?? [];
  if (steps.length === 0) throw new NoBootstrapPlanError(project.file);
  const dialect = dialectOfProject(project);
  const variables = scriptVariables(project, options);
  const planned: PlannedStep[] = [];
  for (const [i, step] of steps.entries()) {
    const index = i + 1;
    if (step.skipOn?.includes(project.config.engine) === true) {
      planned.push({ kind: 'skip', step, index, reason: `does not apply to ${project.config.engine}` });
      continue;
    }
    const source = step.script ?? step.folder;
    if (source !== undefined) {
      const target = path.resolve(project.root, source);
      const plan = await loadScriptPlan(target, { dialect, variables });
      for (const file of plan.files) assertScriptDialect(file, await readFile(file, 'utf8'), dialect);
      planned.push({ kind: 'script', step, index, role: scriptRole(project, step.database), plan });
    } else if (step.generate !== undefined) {
      planned.push({
        kind: 'generate',
        step,
        index,
        role: step.database ?? 'oltp',
        scale: options.scale ?? step.generate.scale ?? 1,
        seed: step.generate.seed ?? 42,
        incremental: step.generate.incremental ?? false,
      });
    }
  }
  return planned;
}

/** SQL Server scripts create their databases and USE them, so they start on master. */
function scriptRole(project: Project, database: 'oltp' | 'dw' | undefined): EngineRole {
  return project.config.engine === 'sqlserver' ? 'server' : (database ?? 'dw');
}
