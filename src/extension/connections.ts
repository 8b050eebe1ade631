import * as vscode from 'vscode';
import type { Engine } from '../core/engine/types';
import type { ConnectionConfig } from '../core/engine/config';
import { createEngine } from '../core/engine/factory';
import { ProjectEngines, connectionConfig, needsPassword, type ConnectionRole, type DatabaseRole, type Project } from '../core/project';
import type { PasswordStore } from './passwords';

/** The user dismissed a prompt the connection needed (the password); nothing to report. */
export class ConnectionAbandoned extends Error {
  constructor() {
    super('Connection abandoned: no password was given.');
    this.name = 'ConnectionAbandoned';
  }
}

/**
 * Engines for the current project, opened on first use and shared by every feature (the tree,
 * the monitor, the script runner, the ETL). One scope per project: when the project or its
 * password changes, every engine is closed.
 */
export class Connections implements vscode.Disposable {
  private current: { readonly project: Project; readonly engines: ProjectEngines } | undefined;

  constructor(private readonly passwords: PasswordStore, private readonly log: vscode.LogOutputChannel) {}

  /** The password from SecretStorage, asked for (and kept) when SQL Server needs one. */
  async password(project: Project, options: { askPassword?: boolean } = {}): Promise<string | undefined> {
    if (!needsPassword(project)) return undefined;
    let password = await this.passwords.get(project);
    if (password === undefined && project.config.engine === 'sqlserver' && options.askPassword !== false) {
      password = await askPassword(project);
      if (password === undefined) throw new ConnectionAbandoned();
      await this.passwords.store(project, password);
    }
    return password;
  }

  /** The connection settings for a role, with the password from SecretStorage. */
  async configFor(project: Project, role: DatabaseRole): Promise<ConnectionConfig> {
    return connectionConfig(project, role, await this.password(project));
  }

  /** The project's shared engines (do not close them: the scope does). */
  async engines(project: Project): Promise<ProjectEngines> {
    if (this.current?.project !== project) {
      await this.reset();
      this.current = { project, engines: new ProjectEngines(project, await this.password(project), 'DW Workbench') };
      this.log.info(`Connections for project '${project.config.name}' (${project.config.engine})`);
    }
    return this.current.engines;
  }

  /** A shared engine for the role. */
  async engine(project: Project, role: ConnectionRole): Promise<Engine> {
    return (await this.engines(project)).get(role);
  }

  /** A private engine for one job (Test Connection); the caller closes it. */
  open(config: ConnectionConfig): Promise<Engine> {
    return createEngine(config, { applicationName: 'DW Workbench' });
  }

  async reset(): Promise<void> {
    const engines = this.current?.engines;
    this.current = undefined;
    await engines?.close();
  }

  dispose(): void {
    void this.reset();
  }
}

export async function askPassword(project: Project): Promise<string | undefined> {
  const user = project.config.connection.user ?? '';
  return vscode.window.showInputBox({
    title: vscode.l10n.t('DW Workbench: password for {0}', user),
    prompt: vscode.l10n.t('Kept in VS Code SecretStorage (your OS keychain), never in dw-workbench.json.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.length === 0 ? vscode.l10n.t('The password cannot be empty.') : undefined),
  });
}
