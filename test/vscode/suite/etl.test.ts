import { strict as assert } from 'node:assert';
import path from 'node:path';
import * as vscode from 'vscode';
import { activatedExtension } from './extensionUnderTest';

/** Waits for a task's process end; undefined when it did not end in time. */
function taskEnd(name: string, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      sub.dispose();
      resolve(undefined);
    }, timeoutMs);
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.name !== name) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e.exitCode ?? -1);
    });
  });
}

// The suite's workspace is a PGlite project with no bootstrap plan, so the warehouse has no
// ctl.etl_control: these tests cover the ETL's VS Code side up to the database.
describe('ETL tasks and entities', () => {
  it('auto-detects a dw-etl task for every active entity and one per shipped entity definition', async () => {
    await activatedExtension();
    // fetchTasks({ type }) does not list CustomExecution tasks in VS Code 1.139; the task picker uses the full list.
    const tasks = (await vscode.tasks.fetchTasks()).filter((t) => t.definition.type === 'dw-etl');
    const names = tasks.map((t) => t.name);
    assert.ok(names.includes('all active entities'), JSON.stringify(names));
    assert.ok(names.includes('dim_cliente'), JSON.stringify(names));
    const cliente = tasks.find((t) => t.name === 'dim_cliente');
    assert.deepEqual(cliente?.definition, { type: 'dw-etl', entity: 'dim_cliente' });
  });

  it('runs a dry-run task that ends with a failure exit code while ctl.etl_control does not exist', async () => {
    await activatedExtension();
    const name = 'dim_cliente (dry run)';
    const ended = taskEnd(name, 60_000);
    const execution = await vscode.commands.executeCommand<vscode.TaskExecution | undefined>('dwWorkbench.dryRunEtl', 'dim_cliente');
    assert.equal(execution?.task.name, name);
    assert.equal(await ended, 1);
    // The run's failure is in Problems when the task ends, at the project file (no definition to point at).
    const problems = vscode.languages.getDiagnostics().flatMap(([uri, all]) => all
      .filter((d) => d.source === 'DW Workbench ETL')
      .map((d) => ({ file: path.basename(uri.fsPath), line: d.range.start.line + 1, code: d.code, message: d.message })));
    assert.deepEqual(problems, [{
      file: 'dw-workbench.json', line: 1, code: 'dim_cliente', message: 'the warehouse has no ctl.etl_control yet: run "DW: Bootstrap Warehouse" first.',
    }]);
  });

  it('reveals no entity before the warehouse is bootstrapped, without an error', async () => {
    await activatedExtension();
    assert.equal(await vscode.commands.executeCommand('dwWorkbench.revealEntity', 'dim_cliente'), false);
  });
});
