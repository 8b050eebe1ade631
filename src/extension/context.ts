import * as vscode from 'vscode';
import type { Project } from '../core/project';
import type { Connections } from './connections';
import type { FeatureAccess } from './featureAccess';
import { PasswordStore } from './passwords';
import { ProjectState } from './projectState';

/**
 * The one object every command, view and task receives. Two disposable scopes: `subscriptions`
 * lives as long as the extension; `projectScope` is emptied whenever the project changes (its
 * engines and anything tied to one connection).
 */
export class DwContext implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly projectState: ProjectState;
  readonly passwords: PasswordStore;
  readonly subscriptions: vscode.Disposable[];
  /** Problems of the last bootstrap, at the failing script's file:line. */
  readonly bootstrapDiagnostics = vscode.languages.createDiagnosticCollection('dw-workbench-bootstrap');
  private projectScope: vscode.Disposable[] = [];
  private openedConnections: Connections | undefined;

  constructor(
    readonly extension: vscode.ExtensionContext,
    log: vscode.LogOutputChannel,
    private readonly features: FeatureAccess,
  ) {
    this.log = log;
    this.subscriptions = extension.subscriptions;
    this.passwords = new PasswordStore(extension.secrets);
    this.projectState = new ProjectState(log, features);
    this.subscriptions.push(this.projectState, this.bootstrapDiagnostics);
    this.projectState.onDidChange(() => void this.resetProjectScope(), undefined, this.subscriptions);
  }

  /**
   * The project's engines. Created on first use: the class (and the engine layer behind it) lives
   * in the feature bundle, which activation does not load.
   */
  get connections(): Connections {
    if (this.openedConnections === undefined) {
      this.openedConnections = this.features.createConnections(this.passwords, this.log);
      this.subscriptions.push(this.openedConnections);
    }
    return this.openedConnections;
  }

  get project(): Project | undefined {
    return this.projectState.project;
  }

  /** The project, or a clear message with a way to create one when there is none. */
  async requireProject(): Promise<Project | undefined> {
    const project = (await this.projectState.settled()) ?? (await this.projectState.reload());
    if (project !== undefined) return project;
    const uri = await this.projectState.findFile();
    if (uri !== undefined) {
      const open = vscode.l10n.t('Open Project File');
      const choice = await vscode.window.showErrorMessage(
        vscode.l10n.t('dw-workbench.json has problems; see the Problems panel.'),
        open,
      );
      if (choice === open) await vscode.window.showTextDocument(uri);
      return undefined;
    }
    const create = vscode.l10n.t('New Warehouse Project');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('This workspace has no dw-workbench.json. Create a warehouse project first.'),
      create,
    );
    if (choice === create) await vscode.commands.executeCommand('dwWorkbench.newProject');
    return undefined;
  }

  /** Registers a disposable that must not outlive the current project. */
  inProjectScope<T extends vscode.Disposable>(d: T): T {
    this.projectScope.push(d);
    return d;
  }

  private async resetProjectScope(): Promise<void> {
    const scope = this.projectScope;
    this.projectScope = [];
    for (const d of scope) d.dispose();
    await this.openedConnections?.reset();
  }

  dispose(): void {
    for (const d of this.projectScope) d.dispose();
  }
}
