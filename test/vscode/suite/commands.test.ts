import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension, contributes, paletteLabel } from './extensionUnderTest';

describe('commands', () => {
  it('registers a handler for every command package.json contributes', async () => {
    const ext = await activatedExtension();
    const contributed = (contributes(ext).commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
  });

  it('contributes the connection and project commands under the DW category', async () => {
    const labels = (contributes(await activatedExtension()).commands ?? []).map(paletteLabel);
    for (const expected of ['DW: Test Connection', 'DW: Set Password', 'DW: New Warehouse Project', 'DW: Show Output']) {
      assert.ok(labels.includes(expected), `"${expected}" missing from ${JSON.stringify(labels)}`);
    }
  });
});
