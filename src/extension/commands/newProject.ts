import * as vscode from 'vscode';
import type { EngineName } from '../../core/project';
import { ProjectExistsError, isEmptyFolder, projectNameFrom, scaffoldProject } from '../../core/scaffold/scaffold';
import type { DwContext } from '../context';

interface EngineChoice extends vscode.QuickPickItem {
  readonly engine: EngineName;
}

function engineChoices(): EngineChoice[] {
  return [
    { engine: 'pglite', label: vscode.l10n.t('Embedded (PGlite)'), detail: vscode.l10n.t('No server, no Docker: a PostgreSQL database inside VS Code. Best to try things out.') },
    { engine: 'postgres', label: 'PostgreSQL', detail: vscode.l10n.t('A PostgreSQL server you run, or the Docker stack.') },
    { engine: 'sqlserver', label: 'SQL Server', detail: vscode.l10n.t('SQL Server 2019+, Azure SQL, or the Docker stack.') },
  ];
}

/**
 * "DW: New Warehouse Project": scaffolds dw-workbench.json, the engine's SQL scripts, compose
 * file, ETL definitions, .env.example and .gitignore into the workspace folder. Accepts the
 * engine as an argument (walkthrough links, tests).
 */
export const newProject = (ctx: DwContext) => async (engineArg?: EngineName): Promise<void> => {
  const folder =
    vscode.workspace.workspaceFolders?.[0]?.uri ??
    (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Create Project Here') }))?.[0];
  if (folder === undefined) return;
  const engine = engineArg ?? (await vscode.window.showQuickPick(engineChoices(), { title: vscode.l10n.t('New Warehouse Project: engine'), ignoreFocusOut: true }))?.engine;
  if (engine === undefined) return;
  if (!isEmptyFolder(folder.fsPath)) {
    const go = vscode.l10n.t('Add Project Files');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is not empty. Existing files are kept; only missing ones are added.', folder.fsPath),
      { modal: true },
      go,
    );
    if (answer !== go) return;
  }
  try {
    const result = scaffoldProject({ engine, target: folder.fsPath, assetsRoot: ctx.extension.extensionPath, name: projectNameFrom(folder.fsPath) });
    ctx.log.info(`New ${engine} project in ${folder.fsPath}: created ${result.created.join(', ')}${result.kept.length > 0 ? `; kept ${result.kept.join(', ')}` : ''}.`);
    await ctx.projectState.reload();
    await vscode.window.showTextDocument(vscode.Uri.file(result.projectFile));
  } catch (e) {
    if (!(e instanceof ProjectExistsError)) throw e;
    const open = vscode.l10n.t('Open Project File');
    if ((await vscode.window.showWarningMessage(e.message, open)) === open) await vscode.window.showTextDocument(vscode.Uri.file(e.file));
  }
};
