import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension, EXTENSION_ID } from './extensionUnderTest';

describe('DW Workbench in the extension host', () => {
  it('is installed and activates in a folder holding dw-workbench.json', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const found = await vscode.workspace.findFiles('dw-workbench.json', undefined, 1);
    assert.ok(folders.length > 0 && found.length === 1, 'the suite must run in a folder with dw-workbench.json');
    const ext = await activatedExtension();
    assert.equal(ext.id, EXTENSION_ID);
    assert.equal(ext.isActive, true);
  });
});
