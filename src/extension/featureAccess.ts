import type * as vscode from 'vscode';
import type { Project, ProjectFileError } from '../core/project';
import type { Connections } from './connections';
import type { PasswordStore } from './passwords';

/**
 * What the shell's context needs from the feature bundle (the engines, the project parser),
 * handed in by `activate`. The context and the project state must not import the bundle: it
 * imports every command, and every command imports the context (an import cycle through the
 * whole extension). Each member loads the bundle on first call, not before.
 */
export interface FeatureAccess {
  createConnections(passwords: PasswordStore, log: vscode.LogOutputChannel): Connections;
  parseProject(text: string, file: string): Project;
  isProjectFileError(e: unknown): e is ProjectFileError;
}
