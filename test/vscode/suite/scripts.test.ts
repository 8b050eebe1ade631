import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension } from './extensionUnderTest';

interface Summary {
  readonly ok: boolean;
  readonly succeeded: number;
  readonly failed: number;
  readonly skipped: number;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The Problems panel's entries of DW Workbench for a file, as [line, column] (0-based). */
function problemsAt(uri: vscode.Uri): [number, number][] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'DW Workbench').map((d) => [d.range.start.line, d.range.start.character]);
}

describe('scripts (Run Script / Run Folder / Run Selection on PGlite)', function () {
  this.timeout(120_000);
  let folder: vscode.Uri;

  before(async () => {
    await activatedExtension();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root, 'the suite needs a workspace folder');
    folder = vscode.Uri.joinPath(root, 'suite-scripts');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '1_create.sql'), encode('drop table if exists suite_run;\ncreate table suite_run (id int);\ninsert into suite_run values (1), (2);\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '2_bad.sql'), encode('select count(*) from suite_run;\n\nselect * from no_such_table;\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '10_after.sql'), encode('select 1;\n'));
  });

  after(async () => {
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('Run Folder stops at the failing statement and flags its line in the Problems panel', async () => {
    const summary = await vscode.commands.executeCommand<Summary | undefined>('dwWorkbench.runFolder', folder);
    assert.ok(summary, 'Run Folder returned no summary (did the project load?)');
    assert.deepEqual([summary.ok, summary.failed, summary.skipped], [false, 1, 1]);
    const bad = vscode.Uri.joinPath(folder, '2_bad.sql');
    assert.deepEqual(problemsAt(bad).map(([line]) => line), [2]);
  });

  it('a clean run of the same folder clears its problems', async () => {
    const bad = vscode.Uri.joinPath(folder, '2_bad.sql');
    await vscode.workspace.fs.writeFile(bad, encode('select count(*) from suite_run;\n\nselect * from suite_run;\n'));
    const summary = await vscode.commands.executeCommand<Summary | undefined>('dwWorkbench.runFolder', folder);
    assert.equal(summary?.ok, true);
    assert.deepEqual(problemsAt(bad), []);
  });

  it('an unterminated string runs nothing and is flagged where it starts', async () => {
    const file = vscode.Uri.joinPath(folder, 'broken', 'open.sql');
    await vscode.workspace.fs.writeFile(file, encode("select 1;\nselect 'never closed;\n"));
    const summary = await vscode.commands.executeCommand<Summary | undefined>('dwWorkbench.runScript', file);
    assert.equal(summary, undefined);
    assert.deepEqual(problemsAt(file), [[1, 7]]);
  });

  it('Run Selection reports an error at the selected line of the file', async () => {
    const file = vscode.Uri.joinPath(folder, 'broken', 'selection.sql');
    await vscode.workspace.fs.writeFile(file, encode('select 1;\n-- two\n-- three\nselect * from missing_in_selection;\n'));
    const editor = await vscode.window.showTextDocument(file);
    editor.selection = new vscode.Selection(3, 0, 3, 34);
    const summary = await vscode.commands.executeCommand<Summary | undefined>('dwWorkbench.runSelection');
    assert.equal(summary?.failed, 1);
    assert.deepEqual(problemsAt(file).map(([line]) => line), [3]);
  });
});
