import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activatedExtension, contributes, paletteLabel } from './extensionUnderTest';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const activeDocument = (): vscode.Uri | undefined => vscode.window.activeTextEditor?.document.uri;

describe('commands', () => {
  // The shell registers every contributed id as a forwarder, so "registered" proves nothing: the
  // handlers live in the feature bundle (dist/features.js), which the shell loads on first use.
  it('has a handler in the feature bundle for every command package.json contributes', async () => {
    const ext = await activatedExtension();
    const contributed = (contributes(ext).commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const features = readFileSync(path.join(ext.extensionPath, 'dist', 'features.js'), 'utf8');
    const missing = contributed.filter((id) => !features.includes(`"${id}"`) && !features.includes(`'${id}'`));
    assert.deepEqual(missing, [], 'contributed commands with no handler in dist/features.js');
  });

  it('"DW: Open Project File" opens the workspace\'s dw-workbench.json in the editor', async () => {
    await activatedExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(activeDocument(), undefined);
    await vscode.commands.executeCommand('dwWorkbench.openProjectFile');
    const open = activeDocument();
    const expected = (await vscode.workspace.findFiles('dw-workbench.json', undefined, 1))[0];
    assert.ok(open && expected, `no editor opened (${String(open)})`);
    assert.equal(open.toString(), expected.toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"DW: Run Script" runs the file it is given (the argument reaches the handler) and reports what ran', async () => {
    await activatedExtension();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root, 'the suite needs a workspace folder');
    const file = vscode.Uri.joinPath(root, 'suite-commands', 'two.sql');
    await vscode.workspace.fs.writeFile(file, encode('select 1;\nselect 2;\n'));
    try {
      const summary = await vscode.commands.executeCommand<{ ok: boolean; succeeded: number; failed: number } | undefined>('dwWorkbench.runScript', file);
      assert.deepEqual([summary?.ok, summary?.succeeded, summary?.failed], [true, 2, 0]);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, 'suite-commands'), { recursive: true });
    }
  });

  it('contributes the connection and project commands under the DW category', async () => {
    const labels = (contributes(await activatedExtension()).commands ?? []).map(paletteLabel);
    for (const expected of ['DW: Test Connection', 'DW: Set Password', 'DW: New Warehouse Project', 'DW: Show Output']) {
      assert.ok(labels.includes(expected), `"${expected}" missing from ${JSON.stringify(labels)}`);
    }
  });
});
