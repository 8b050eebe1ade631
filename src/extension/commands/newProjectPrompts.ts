import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { EngineName } from '../../core/project';
import { PROJECT_FILE_NAME } from '../../core/project/types';
import { isEmptyFolder } from '../../core/scaffold/scaffold';
import { localServer, stackServer, type ServerSettings } from '../../core/scaffold/templates';

// The questions of "DW: New Warehouse Project", one function each; undefined means cancelled.

const TITLE = (): string => vscode.l10n.t('New Warehouse Project');

interface Choice<T> extends vscode.QuickPickItem {
  readonly value: T;
}

async function pickOne<T>(items: Choice<T>[], placeholder: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title: TITLE(), placeHolder: placeholder, ignoreFocusOut: true }))?.value;
}

export function askEngine(): Promise<EngineName | undefined> {
  return pickOne<EngineName>([
    { value: 'pglite', label: vscode.l10n.t('Embedded (PGlite)'), detail: vscode.l10n.t('No server, no Docker: a PostgreSQL database inside VS Code. Best to try things out.') },
    { value: 'postgres', label: 'PostgreSQL', detail: vscode.l10n.t('A PostgreSQL server you run, or the Docker stack.') },
    { value: 'sqlserver', label: 'SQL Server', detail: vscode.l10n.t('SQL Server 2019+, Azure SQL, or the Docker stack.') },
  ], vscode.l10n.t('Which engine runs the warehouse?'));
}

/**
 * The project's folder: the open folder when it has no project yet (offered first), or a new
 * folder the user names inside a location they choose.
 */
export async function askFolder(): Promise<string | undefined> {
  const open = vscode.workspace.workspaceFolders?.[0]?.uri;
  const here = open !== undefined && open.scheme === 'file' && !existsSync(path.join(open.fsPath, PROJECT_FILE_NAME)) ? open.fsPath : undefined;
  if (here !== undefined) {
    const where = await pickOne<'here' | 'new'>([
      {
        value: 'here', label: `$(folder) ${vscode.l10n.t('This folder')}`, description: here,
        detail: isEmptyFolder(here) ? vscode.l10n.t('The project files go into the open folder.') : vscode.l10n.t('Existing files are kept; only missing ones are added.'),
      },
      { value: 'new', label: `$(new-folder) ${vscode.l10n.t('A new folder…')}`, detail: vscode.l10n.t('Choose a location, then name the project folder; it opens when ready.') },
    ], vscode.l10n.t('Where should the project go?'));
    if (where !== 'new') return where === 'here' ? here : undefined;
  }
  const parentDefault = open !== undefined && open.scheme === 'file' ? vscode.Uri.file(path.dirname(open.fsPath)) : undefined;
  const parent = (await vscode.window.showOpenDialog({
    title: vscode.l10n.t('New Warehouse Project: location of the project folder'),
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
    openLabel: vscode.l10n.t('Create Project Folder Here'),
    ...(parentDefault === undefined ? {} : { defaultUri: parentDefault }),
  }))?.[0];
  if (parent === undefined) return undefined;
  const name = await vscode.window.showInputBox({
    title: TITLE(),
    prompt: vscode.l10n.t('Name of the new project folder in {0}', parent.fsPath),
    value: freeName(parent.fsPath, 'dw-warehouse'),
    ignoreFocusOut: true,
    validateInput: (value) => folderNameProblem(parent.fsPath, value),
  });
  return name === undefined ? undefined : path.join(parent.fsPath, name.trim());
}

/** Why `name` cannot be a new project folder in `parent`, or undefined when it can. */
export function folderNameProblem(parent: string, name: string): string | undefined {
  const n = name.trim();
  if (n === '' || n === '.' || n === '..' || /[\\/:*?"<>|\u0000-\u001f]/.test(n)) return vscode.l10n.t('A folder name, without / \\ : * ? " < > |.');
  const target = path.join(parent, n);
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return vscode.l10n.t('{0} is a file.', target);
  if (existsSync(path.join(target, PROJECT_FILE_NAME))) return vscode.l10n.t('{0} already holds a project.', target);
  if (!isEmptyFolder(target)) return vscode.l10n.t('{0} is not empty: choose a new name.', target);
  return undefined;
}

function freeName(parent: string, base: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    if (folderNameProblem(parent, name) === undefined) return name;
  }
}

/**
 * Where a server engine connects: the project's Docker stack (its defaults, nothing to ask), or
 * a server that runs already (host, port, user and, on PostgreSQL, the database), starting from
 * the values `previous` had, else a local server's defaults.
 */
export async function askServer(engine: 'postgres' | 'sqlserver', previous?: ServerSettings): Promise<ServerSettings | undefined> {
  const name = engine === 'postgres' ? 'PostgreSQL' : 'SQL Server';
  const stack = stackServer(engine);
  const kind = previous !== undefined ? 'server' : await pickOne<'stack' | 'server'>([
    {
      value: 'server', label: vscode.l10n.t('A {0} server that runs now', name),
      detail: vscode.l10n.t('Asks host, port, user and database, and tests the connection first.'),
    },
    {
      value: 'stack', label: vscode.l10n.t('The project\'s Docker stack'),
      detail: vscode.l10n.t('DW: Start Stack runs {0} in Docker on {1}:{2}.', name, stack.host, String(stack.port)),
    },
  ], vscode.l10n.t('Where does {0} run?', name));
  if (kind === undefined) return undefined;
  if (kind === 'stack') return stack;
  const start = previous ?? localServer(engine);
  const host = await askText(vscode.l10n.t('Host of the {0} server', name), start.host, (v) => (v.trim() === '' ? vscode.l10n.t('A host name or address.') : undefined));
  if (host === undefined) return undefined;
  const port = await askText(vscode.l10n.t('Port'), String(start.port), (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 65535 ? undefined : vscode.l10n.t('A port number from 1 to 65535.')));
  if (port === undefined) return undefined;
  const user = await askText(vscode.l10n.t('User'), start.user, (v) => (v.trim() === '' ? vscode.l10n.t('A login name.') : undefined));
  if (user === undefined) return undefined;
  let database: string | undefined;
  if (engine === 'postgres') {
    database = await askText(vscode.l10n.t('Database (created by the bootstrap when missing)'), start.database ?? 'dw_ecommerce',
      (v) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits and _, not starting with a digit.')));
    if (database === undefined) return undefined;
  }
  return { host: host.trim(), port: Number(port), user: user.trim(), ...(database === undefined ? {} : { database: database.trim() }), stack: false };
}

function askText(prompt: string, value: string, validateInput: (value: string) => string | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: TITLE(), prompt, value, ignoreFocusOut: true, validateInput });
}

/** The server's password; empty when it needs none (trust or peer authentication). */
export function askServerPassword(user: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: TITLE(),
    prompt: vscode.l10n.t('Password of {0} (leave empty if the server asks for none). Kept in VS Code\'s secret storage.', user),
    password: true,
    ignoreFocusOut: true,
  });
}
