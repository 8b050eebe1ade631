import * as vscode from 'vscode';
import { askPassword } from '../connections';
import type { DwContext } from '../context';

/** "DW: Set Password": asks for the password and keeps it in SecretStorage. */
export const setPassword = (ctx: DwContext) => async (): Promise<void> => {
  const project = await ctx.requireProject();
  if (project === undefined) return;
  if (project.config.engine === 'pglite') {
    void vscode.window.showInformationMessage(vscode.l10n.t('The embedded engine (pglite) needs no password.'));
    return;
  }
  const password = await askPassword(project);
  if (password === undefined) return;
  await ctx.passwords.store(project, password);
  await ctx.connections.reset();
  ctx.log.info(`Password stored in SecretStorage for user '${project.config.connection.user ?? ''}' of project '${project.config.name}'.`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Password saved in VS Code SecretStorage.'));
};
