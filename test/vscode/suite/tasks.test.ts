import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension, contributes } from './extensionUnderTest';

describe('tasks', () => {
  it('contributes a task type and answers task requests for it', async () => {
    const types = (contributes(await activatedExtension()).taskDefinitions ?? []).map((d) => d.type);
    assert.ok(types.length > 0, 'package.json contributes no taskDefinitions');
    for (const type of types) {
      const tasks = await vscode.tasks.fetchTasks({ type });
      assert.ok(Array.isArray(tasks));
      assert.ok(tasks.every((t) => t.definition.type === type), `a "${type}" request returned tasks of other types`);
    }
  });
});
