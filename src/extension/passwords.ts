import * as vscode from 'vscode';
import type { Project } from '../core/project';

/**
 * Passwords live in VS Code SecretStorage (the OS keychain), keyed by project file and user, and
 * nowhere else: never in settings, the project file or a log.
 */
export class PasswordStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private key(project: Project): string {
    return `dwWorkbench.password:${project.file}:${project.config.connection.user ?? ''}`;
  }

  get(project: Project): Thenable<string | undefined> {
    return this.secrets.get(this.key(project));
  }

  store(project: Project, password: string): Thenable<void> {
    return this.secrets.store(this.key(project), password);
  }

  delete(project: Project): Thenable<void> {
    return this.secrets.delete(this.key(project));
  }

  /** A named secret of the project (a technical login's password), kept the same way. */
  getNamed(project: Project, name: string): Thenable<string | undefined> {
    return this.secrets.get(`dwWorkbench.secret:${project.file}:${name}`);
  }

  storeNamed(project: Project, name: string, value: string): Thenable<void> {
    return this.secrets.store(`dwWorkbench.secret:${project.file}:${name}`, value);
  }
}
