// vscode-free: the action an error message offers, by the error's kind (never its text).
import type { StackErrorKind } from '../../core/stack/errors';

export type StackErrorAction = 'openProjectFile' | 'showStackLogs' | 'backupNow' | 'stackStatus';

const ACTIONS: Readonly<Record<StackErrorKind, readonly StackErrorAction[]>> = {
  // The project file holds the engine, stack.env (ports, images) and the compose file.
  'no-stack': ['openProjectFile'],
  'port-taken': ['openProjectFile'],
  'image-missing': ['openProjectFile'],
  // Install or start Docker: nothing in DW Workbench fixes that; the message says what to do.
  'docker-missing': [],
  'compose-missing': [],
  'daemon-down': [],
  'health-timeout': ['showStackLogs'],
  'container-exited': ['showStackLogs'],
  'compose-failed': ['showStackLogs'],
  'backup-missing': ['backupNow'],
  'backup-failed': ['stackStatus', 'showStackLogs'],
  'restore-failed': ['stackStatus', 'showStackLogs'],
  // stack.watch, or the compose file, or the base image setting in stack.env.
  'watch-missing': ['openProjectFile'],
  'watch-build-failed': ['openProjectFile', 'showStackLogs'],
  'watch-failed': ['showStackLogs', 'openProjectFile'],
};

export function stackErrorActions(kind: StackErrorKind): readonly StackErrorAction[] {
  return ACTIONS[kind];
}

/** The command each action runs. */
export const ACTION_COMMANDS: Readonly<Record<StackErrorAction, string>> = {
  openProjectFile: 'dwWorkbench.openProjectFile',
  showStackLogs: 'dwWorkbench.showStackLogs',
  backupNow: 'dwWorkbench.backupNow',
  stackStatus: 'dwWorkbench.stackStatus',
};
