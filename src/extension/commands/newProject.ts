import path from 'node:path';
import * as vscode from 'vscode';
import { isEngineError } from '../../core/engine/errors';
import type { EngineName } from '../../core/project';
import { ProjectExistsError, projectNameFrom, scaffoldProject } from '../../core/scaffold/scaffold';
import { checkProjectServer } from '../../core/scaffold/serverCheck';
import type { ServerSettings } from '../../core/scaffold/templates';
import type { DwContext } from '../context';
import { askEngine, askFolder, askServer, askServerPassword } from './newProjectPrompts';

/**
 * "DW: New Warehouse Project": asks the engine, the folder (the open one when it has no project,
 * or a new one) and, for a server engine, where it runs (the project's Docker stack, or a server
 * that runs now: host, port, user, database, password, tested before anything is written). Then
 * scaffolds dw-workbench.json, the engine's SQL scripts, the ETL definitions (all nine active on
 * the first bootstrap), .env.example and .gitignore (and the compose file for a stack), and
 * opens the project. Accepts the engine as an argument (walkthrough links, tests).
 */
export const newProject = (ctx: DwContext) => async (engineArg?: EngineName): Promise<void> => {
  const engine = engineArg ?? (await askEngine());
  if (engine === undefined) return;
  const target = await askFolder();
  if (target === undefined) return;
  let server: ServerSettings | undefined;
  let password: string | undefined;
  if (engine !== 'pglite') {
    const checked = await askCheckedServer(ctx, engine, target);
    if (checked === undefined) return;
    ({ server, password } = checked);
  }
  let projectFile: string;
  try {
    const result = scaffoldProject({
      engine, target, assetsRoot: ctx.extension.extensionPath, name: projectNameFrom(target), ...(server === undefined ? {} : { server }),
    });
    projectFile = result.projectFile;
    ctx.log.info(`New ${engine} project in ${target}: created ${result.created.join(', ')}${result.kept.length > 0 ? `; kept ${result.kept.join(', ')}` : ''}.`);
  } catch (e) {
    if (!(e instanceof ProjectExistsError)) throw e;
    const open = vscode.l10n.t('Open Project File');
    if ((await vscode.window.showWarningMessage(e.message, open)) === open) await vscode.window.showTextDocument(vscode.Uri.file(e.file));
    return;
  }
  if (password !== undefined && password !== '' && server !== undefined) await ctx.passwords.storeFor(projectFile, server.user, password);
  await openProject(ctx, target, projectFile);
};

/**
 * Asks where the server runs until its connection works, the user creates the project anyway,
 * or cancels. A stack is not running yet: it is checked when DW: Start Stack brings it up.
 */
async function askCheckedServer(ctx: DwContext, engine: 'postgres' | 'sqlserver', target: string): Promise<{ server: ServerSettings; password?: string } | undefined> {
  let previous: ServerSettings | undefined;
  for (;;) {
    const server = await askServer(engine, previous);
    if (server === undefined) return undefined;
    if (server.stack) return { server };
    const password = await askServerPassword(server.user);
    if (password === undefined) return undefined;
    try {
      const info = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Connecting to {0}:{1}…', server.host, String(server.port)) },
        () => checkProjectServer(engine, target, server, password),
      );
      ctx.log.info(`New project: connected to ${info.product} ${info.version} at ${info.address} as ${server.user}.`);
      return { server, password };
    } catch (e) {
      if (!isEngineError(e)) throw e;
      ctx.log.warn(`New project: the connection test failed: ${e.message}`);
      const change = vscode.l10n.t('Change Settings');
      const anyway = vscode.l10n.t('Create Anyway');
      const answer = await vscode.window.showErrorMessage(vscode.l10n.t('Could not connect: {0}', e.message), { modal: true }, change, anyway);
      if (answer === anyway) return { server, password };
      if (answer !== change) return undefined;
      previous = server;
    }
  }
}

/** Shows the new project: in this window when it is the open folder or no folder is open, else in a window of its own. */
async function openProject(ctx: DwContext, target: string, projectFile: string): Promise<void> {
  const open = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (open !== undefined && path.resolve(open.fsPath) === path.resolve(target)) {
    await ctx.projectState.reload();
    await vscode.window.showTextDocument(vscode.Uri.file(projectFile));
    return;
  }
  await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(target), { forceNewWindow: open !== undefined });
}
