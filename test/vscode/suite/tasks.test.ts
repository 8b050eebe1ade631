import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension, contributes } from './extensionUnderTest';

describe('tasks', () => {
  it('provides tasks of every contributed task type, each from DW Workbench, with no problem matcher (they publish their problems themselves)', async () => {
    const types = (contributes(await activatedExtension()).taskDefinitions ?? []).map((d) => d.type);
    assert.ok(types.length > 0, 'package.json contributes no taskDefinitions');
    // fetchTasks({ type }) leaves CustomExecution tasks out (VS Code 1.139): ask for all, as the task picker does.
    const all = await vscode.tasks.fetchTasks();
    for (const type of types) {
      const tasks = all.filter((t) => t.definition.type === type);
      assert.ok(tasks.length > 0, `no "${type}" task among ${JSON.stringify(all.map((t) => `${t.source}: ${t.name}`))}`);
      for (const t of tasks) {
        assert.equal(t.source, 'DW Workbench', t.name);
        // Empty, not absent: Run Task would otherwise ask which matcher to scan the output with.
        assert.deepEqual(t.problemMatchers, [], t.name);
      }
    }
  });
});
