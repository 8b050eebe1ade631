import { strict as assert } from 'node:assert';
import path from 'node:path';
import * as vscode from 'vscode';
import { activatedExtension, contributes } from './extensionUnderTest';

const lineageTabs = (): vscode.Tab[] =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('dwWorkbench.lineage'));

/** Waits for the tab model to show `count` lineage tabs (it follows createWebviewPanel asynchronously). */
async function lineageTabCount(count: number): Promise<void> {
  if (lineageTabs().length === count) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${lineageTabs().length} lineage tab(s), not ${count}: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`));
    }, 10_000);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (lineageTabs().length !== count) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

describe('lineage', () => {
  it('hovers a "source" value of an entity definition with where the column comes from and goes', async () => {
    const ext = await activatedExtension();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(ext.extensionPath, 'etl', 'entities', 'dim_cliente.json')));
    const offset = doc.getText().indexOf('"source": "email"') + '"source": "'.length + 1;
    assert.ok(offset > 20, 'dim_cliente.json maps email');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Comes from: `core\.customers\.email`/);
    assert.match(text, /Goes to: `dim\.dim_cliente\.email`/, 'the table as PostgreSQL names it');
  });

  it('hovers a column of a bi view in a SQL script with the view column, what it reads and its source column', async () => {
    const ext = await activatedExtension();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(ext.extensionPath, 'sql', 'postgres', 'dw', '09_views.sql')));
    const text = doc.getText();
    const offset = text.indexOf('p.categoria', text.indexOf('VIEW bi.vw_vendas')) + 'p.c'.length;
    assert.ok(offset > 20, '09_views.sql selects p.categoria in bi.vw_vendas');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
    const text2 = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text2, /`bi\.vw_vendas\.categoria`/);
    assert.match(text2, /Comes from: `dim\.dim_produto\.categoria`/);
    assert.match(text2, /Source columns \(OLTP\) \(1\): `core\.products\.category_name`/);
  });

  it('"DW: Show Impact" with a column opens the lineage panel', async () => {
    await activatedExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const shown = await vscode.commands.executeCommand<boolean>('dwWorkbench.showImpact', 'core.customers.email');
    assert.equal(shown, true);
    await lineageTabCount(1);
    assert.match(lineageTabs()[0]?.label ?? '', /core\.customers\.email/);
    // A second question reuses the panel.
    assert.equal(await vscode.commands.executeCommand<boolean>('dwWorkbench.showLineage', 'dim_cliente'), true);
    await lineageTabCount(1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers every contributed language-model tool and answers lineage through vscode.lm.invokeTool', async () => {
    const ext = await activatedExtension();
    const declared = ((contributes(ext) as { languageModelTools?: { name: string }[] }).languageModelTools ?? []).map((t) => t.name);
    assert.ok(declared.includes('dwb_lineage'), JSON.stringify(declared));
    const registered = vscode.lm.tools.map((t) => t.name);
    assert.deepEqual(declared.filter((n) => !registered.includes(n)), [], 'declared but not registered');
    const result = await vscode.lm.invokeTool('dwb_impact', { input: { name: 'core.customers.email' }, toolInvocationToken: undefined });
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    assert.match(text, /Impact of core\.customers\.email/);
    await assert.rejects(async () => vscode.lm.invokeTool('dwb_lineage', { input: { name: 'core.customers.no_such_column' }, toolInvocationToken: undefined }), /no column no_such_column/);
  });
});
