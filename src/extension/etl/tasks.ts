import * as vscode from 'vscode';
import { etlTaskFields, etlTaskLabel, resolveEtlTask, type EtlTaskFields, type EtlTaskRequest } from '../../core/etl/present/taskRequest';
import type { DwContext } from '../context';
import { definitionFiles } from './definitions';
import type { EtlRuns } from './runs';
import { EtlTerminal } from './terminal';

export const ETL_TASK_TYPE = 'dw-etl';

type EtlTaskDefinition = vscode.TaskDefinition & EtlTaskFields;

/** Where tasks live: the folder holding dw-workbench.json (VS Code lists workspace-scoped tasks only in multi-root workspaces). */
function scopeOf(ctx: DwContext): vscode.WorkspaceFolder | vscode.TaskScope {
  const file = ctx.project?.file;
  return (file === undefined ? undefined : vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))) ?? vscode.TaskScope.Workspace;
}

/** Entities with a definition file; a definition with problems keeps its task, which reports them at file:line. */
function entityNames(ctx: DwContext): string[] | undefined {
  const project = ctx.project;
  return project === undefined ? undefined : definitionFiles(ctx, project).map((d) => d.entity);
}

function taskFor(ctx: DwContext, runs: EtlRuns, definition: EtlTaskDefinition, scope: vscode.TaskScope | vscode.WorkspaceFolder, name: string): vscode.Task {
  const execution = new vscode.CustomExecution((resolved: vscode.TaskDefinition) => {
    const r = resolveEtlTask(resolved as EtlTaskDefinition, entityNames(ctx));
    return Promise.resolve(new EtlTerminal(runs, 'request' in r ? r.request : r));
  });
  // No problem matcher: the run publishes its failures itself (EtlProblems). An empty list, not
  // none, so that Run Task does not ask which matcher to scan the output with.
  const task = new vscode.Task(definition, scope, name, 'DW Workbench', execution, []);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true };
  return task;
}

/** A task for a request, as "DW: Run ETL" and the tree's actions start it. */
export function etlTask(ctx: DwContext, runs: EtlRuns, request: EtlTaskRequest): vscode.Task {
  const definition: EtlTaskDefinition = { type: ETL_TASK_TYPE, ...etlTaskFields(request) };
  return taskFor(ctx, runs, definition, scopeOf(ctx), etlTaskLabel(request));
}

/** Auto-detected tasks: one per entity definition and one for every active entity; tasks.json ones resolve here too. */
export class EtlTaskProvider implements vscode.TaskProvider {
  constructor(private readonly ctx: DwContext, private readonly runs: EtlRuns) {}

  async provideTasks(): Promise<vscode.Task[]> {
    // Asked before the project's first load finished: load it now rather than list nothing.
    if (this.ctx.project === undefined) await this.ctx.projectState.reload();
    const names = entityNames(this.ctx) ?? [];
    const all = { entities: [], full: false, dryRun: false };
    const tasks = [all, ...names.map((n) => ({ ...all, entities: [n] }))].map((r) => etlTask(this.ctx, this.runs, r));
    this.ctx.log.info(`dw-etl: ${tasks.length} task(s) detected (${names.length} entity definitions)`);
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    if (task.definition.type !== ETL_TASK_TYPE) return undefined;
    const definition = task.definition as EtlTaskDefinition;
    const r = resolveEtlTask(definition);
    const name = 'request' in r ? etlTaskLabel(r.request) : task.name;
    return taskFor(this.ctx, this.runs, definition, task.scope ?? vscode.TaskScope.Workspace, name);
  }
}

export function registerEtlTasks(ctx: DwContext, runs: EtlRuns): void {
  ctx.subscriptions.push(vscode.tasks.registerTaskProvider(ETL_TASK_TYPE, new EtlTaskProvider(ctx, runs)));
}
