import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension } from './extensionUnderTest';

const STACK_COMMANDS = [
  'dwWorkbench.startStack', 'dwWorkbench.stopStack', 'dwWorkbench.stackStatus', 'dwWorkbench.showStackLogs',
  'dwWorkbench.backupNow', 'dwWorkbench.restoreBackup', 'dwWorkbench.destroyStack',
];

describe('Docker stack commands', () => {
  it('are registered', async () => {
    await activatedExtension();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(STACK_COMMANDS.filter((id) => !registered.has(id)), []);
  });

  // The suite's workspace is an embedded-engine (pglite) project: it has no stack to run.
  it('say so on a project without a stack, and touch no Docker', async () => {
    await activatedExtension();
    assert.equal(await vscode.commands.executeCommand('dwWorkbench.stackStatus'), 'no-stack');
    assert.equal(await vscode.commands.executeCommand('dwWorkbench.startStack'), false);
    assert.equal(await vscode.commands.executeCommand('dwWorkbench.destroyStack'), false);
  });
});
