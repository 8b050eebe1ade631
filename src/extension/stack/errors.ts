import * as vscode from 'vscode';
import type { StackError } from '../../core/stack';
import { ACTION_COMMANDS, stackErrorActions, type StackErrorAction } from './errorActions';

function actionLabel(action: StackErrorAction): string {
  switch (action) {
    case 'openProjectFile': return vscode.l10n.t('Open Project File');
    case 'showStackLogs': return vscode.l10n.t('Show Stack Logs');
    case 'backupNow': return vscode.l10n.t('Backup Now');
    case 'stackStatus': return vscode.l10n.t('Stack Status');
  }
}

/**
 * The actions of a stack error, by its kind; its last log lines (already masked) go to the log
 * so "Show Output" shows them with the message.
 */
export function stackErrorChoices(error: StackError, log: vscode.LogOutputChannel): { label: string; run: () => Thenable<unknown> }[] {
  for (const line of error.logTail) log.error(`  | ${line}`);
  return stackErrorActions(error.kind).map((action) => ({
    label: actionLabel(action),
    run: () => vscode.commands.executeCommand(ACTION_COMMANDS[action]),
  }));
}
