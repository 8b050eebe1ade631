import * as vscode from 'vscode';
import type { Engine } from '../core/engine/types';
import { describeTarget, type ConnectionConfig } from '../core/engine/config';
import { createEngine } from '../core/engine/factory';
import { connectionConfig, needsPassword, type DatabaseRole, type Project } from '../core/project';
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
 * the monitor, the script runner). One scope per project: when the project changes, every
 * engine is closed.
 */
export class Connections implements vscode.Disposable {
  private readonly engines = new Map<string, Promise<Engine>>();

  constructor(private readonly passwords: PasswordStore, private readonly log: vscode.LogOutputChannel) {}

  /** The connection settings for a role, with the password from SecretStorage (asked for when missing). */
  async configFor(project: Project, role: DatabaseRole, options: { askPassword?: boolean } = {}): Promise<ConnectionConfig> {
    if (!needsPassword(project)) return connectionConfig(project, role);
    let password = await this.passwords.get(project);
    if (password === undefined && project.config.engine === 'sqlserver' && options.askPassword !== false) {
      password = await askPassword(project);
      if (password === undefined) throw new ConnectionAbandoned();
      await this.passwords.store(project, password);
    }
    return connectionConfig(project, role, password);
  }

  /** A shared engine for the role; do not close it (the scope does). */
  async engine(project: Project, role: DatabaseRole): Promise<Engine> {
    const config = await this.configFor(project, role);
    const key = describeTarget(config);
    let engine = this.engines.get(key);
    if (engine === undefined) {
      this.log.info(`Connecting to ${key}`);
      engine = createEngine(config, { applicationName: 'DW Workbench' });
      this.engines.set(key, engine);
      // A failed open must not poison the cache: the next call tries again.
      engine.catch(() => this.engines.delete(key));
    }
    return engine;
  }

  /** A private engine for one job (Test Connection); the caller closes it. */
  async open(config: ConnectionConfig): Promise<Engine> {
    return createEngine(config, { applicationName: 'DW Workbench' });
  }

  async reset(): Promise<void> {
    const all = [...this.engines.values()];
    this.engines.clear();
    await Promise.allSettled(all.map(async (e) => (await e).close()));
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
