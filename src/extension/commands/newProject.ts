import * as vscode from 'vscode';
import { PROJECT_FILE_NAME, type EngineName } from '../../core/project';
import type { DwContext } from '../context';

interface EngineChoice extends vscode.QuickPickItem {
  readonly engine: EngineName;
}

function projectFileFor(engine: EngineName, name: string): object {
  const base = { $schema: 'https://dw-workbench.dev/schemas/dw-workbench.schema.json', name };
  switch (engine) {
    case 'pglite':
      return { ...base, engine, connection: { dataDir: '.dw/pglite' } };
    case 'postgres':
      return { ...base, engine, connection: { host: '127.0.0.1', port: 5432, user: 'postgres' } };
    case 'sqlserver':
      return {
        ...base,
        engine,
        connection: { host: '127.0.0.1', port: 1433, user: 'sa', encrypt: true, trustServerCertificate: false },
        databases: { oltp: 'ECOMMERCE_OLTP', dw: 'DW_ECOMMERCE' },
      };
  }
}

/** "DW: New Warehouse Project": writes dw-workbench.json for the chosen engine. */
export const newProject = (ctx: DwContext) => async (): Promise<void> => {
  const folder =
    vscode.workspace.workspaceFolders?.[0]?.uri ??
    (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Create Project Here') }))?.[0];
  if (folder === undefined) return;
  const target = vscode.Uri.joinPath(folder, PROJECT_FILE_NAME);
  try {
    await vscode.workspace.fs.stat(target);
    const open = vscode.l10n.t('Open Project File');
    if ((await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists here.', PROJECT_FILE_NAME), open)) === open) {
      await vscode.window.showTextDocument(target);
    }
    return;
  } catch {
    // No project yet: create it.
  }
  const choice = await vscode.window.showQuickPick<EngineChoice>(
    [
      { engine: 'pglite', label: vscode.l10n.t('Embedded (PGlite)'), detail: vscode.l10n.t('No server, no Docker: a PostgreSQL database inside VS Code. Best to try things out.') },
      { engine: 'postgres', label: 'PostgreSQL', detail: vscode.l10n.t('A PostgreSQL server you run, or the Docker stack.') },
      { engine: 'sqlserver', label: 'SQL Server', detail: vscode.l10n.t('SQL Server 2019+, Azure SQL, or the Docker stack.') },
    ],
    { title: vscode.l10n.t('New Warehouse Project: engine'), ignoreFocusOut: true },
  );
  if (choice === undefined) return;
  const name = folder.path.split('/').pop()?.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'warehouse';
  const text = JSON.stringify(projectFileFor(choice.engine, name), null, 2) + '\n';
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  ctx.log.info(`Created ${target.fsPath} (${choice.engine}).`);
  await ctx.projectState.reload();
  await vscode.window.showTextDocument(target);
};
