import * as vscode from 'vscode';
import type { DwContext } from '../context';
import { CLOSE_AFTER_LAST_WRITE_MS } from '../etl/terminal';
import { checkProject, reportLines, type CheckDiagnostics } from './run';

export const CHECK_TASK_TYPE = 'dw-check';

/** The dw-check task's terminal: runs every check, prints each result, exits 1 when a check of severity error failed. */
class CheckTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  private readonly abort = new AbortController();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;

  constructor(private readonly ctx: DwContext, private readonly diagnostics: CheckDiagnostics) {}

  open(): void {
    void this.start();
  }

  close(): void {
    this.abort.abort();
  }

  private write(lines: readonly string[]): void {
    this.written.fire(lines.map((l) => `${l}\r\n`).join(''));
  }

  private async start(): Promise<void> {
    let code = 1;
    try {
      if (this.ctx.project === undefined) await this.ctx.projectState.reload();
      const project = this.ctx.project;
      if (project === undefined) {
        this.write(['dw-check: this workspace has no valid dw-workbench.json.']);
      } else {
        this.write([`dw-check: checking '${project.config.name}' (${project.config.engine})`]);
        const report = await checkProject(this.ctx, project, this.abort.signal, 'dw-check task');
        this.diagnostics.publish(project, report);
        this.write(reportLines(project, report));
        code = report.summary.errors > 0 ? 1 : 0;
      }
    } catch (e) {
      this.write([`dw-check: ${e instanceof Error ? e.message : String(e)}`]);
    }
    setTimeout(() => this.closed.fire(code), CLOSE_AFTER_LAST_WRITE_MS);
  }
}

/** One auto-detected task, "check warehouse"; tasks.json ones of type dw-check resolve here too. */
export class CheckTaskProvider implements vscode.TaskProvider {
  constructor(private readonly ctx: DwContext, private readonly diagnostics: CheckDiagnostics) {}

  private task(definition: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope): vscode.Task {
    const execution = new vscode.CustomExecution(() => Promise.resolve(new CheckTerminal(this.ctx, this.diagnostics)));
    // No problem matcher: the task publishes the failed checks itself (CheckDiagnostics), as
    // "DW: Check Warehouse" does; the contributed $dw-check reads `dwb check` in a shell task.
    const task = new vscode.Task(definition, scope, 'check warehouse', 'DW Workbench', execution, []);
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true };
    return task;
  }

  provideTasks(): vscode.Task[] {
    const file = this.ctx.project?.file;
    const scope = (file === undefined ? undefined : vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))) ?? vscode.TaskScope.Workspace;
    return [this.task({ type: CHECK_TASK_TYPE }, scope)];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    return task.definition.type === CHECK_TASK_TYPE ? this.task(task.definition, task.scope ?? vscode.TaskScope.Workspace) : undefined;
  }
}

export function registerCheckTasks(ctx: DwContext, diagnostics: CheckDiagnostics): void {
  ctx.subscriptions.push(vscode.tasks.registerTaskProvider(CHECK_TASK_TYPE, new CheckTaskProvider(ctx, diagnostics)));
}
