import * as vscode from 'vscode';
import type { Project } from '../core/project';

/**
 * Passwords live in VS Code SecretStorage (the OS keychain), keyed by project file and user, and
 * nowhere else: never in settings, the project file or a log.
 */
export class PasswordStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private key(project: Project): string {
    return PasswordStore.keyOf(project.file, project.config.connection.user ?? '');
  }

  private static keyOf(file: string, user: string): string {
    return `dwWorkbench.password:${file}:${user}`;
  }

  /** For a project being created: the key its file and user will have once it loads. */
  storeFor(file: string, user: string, password: string): Thenable<void> {
    return this.secrets.store(PasswordStore.keyOf(file, user), password);
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
