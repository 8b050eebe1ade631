import * as vscode from 'vscode';
import { applyEdits, modify } from 'jsonc-parser';
import type { Project } from '../core/project';
import type { DwContext } from './context';

/**
 * Sets connection.trustServerCertificate in dw-workbench.json through a workspace edit (so it is
 * undoable and keeps the user's formatting and comments), after the user asked for it. True when
 * the file was saved and the project reloaded with it.
 */
export async function trustServerCertificate(ctx: DwContext, project: Project): Promise<boolean> {
  const uri = vscode.Uri.file(project.file);
  const document = await vscode.workspace.openTextDocument(uri);
  const text = document.getText();
  const edits = modify(text, ['connection', 'trustServerCertificate'], true, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  const updated = applyEdits(text, edits);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), updated);
  if (await vscode.workspace.applyEdit(edit)) {
    await document.save();
    ctx.log.info(`Trusting the server certificate of ${project.config.connection.host ?? '127.0.0.1'} for project '${project.config.name}'.`);
    await ctx.projectState.reload();
    return true;
  }
  return false;
}
