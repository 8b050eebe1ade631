import * as vscode from 'vscode';
import { isEngineError } from '../core/engine/errors';
import { isStackError } from '../core/stack/errors';
import { ConnectionAbandoned } from './connections';
import type { DwContext } from './context';
import { trustServerCertificate } from './projectEdits';
import { stackErrorChoices } from './stack/errors';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

export interface ShowErrorOptions {
  /**
   * Runs the failed operation again: an action that fixes the settings in place (Trust Server
   * Certificate) retries with them, so one click ends in the result, not in a second command.
   */
  readonly retry?: () => Promise<void>;
}

/**
 * Shows an error with the action that fixes it, chosen by the error's kind (never its text),
 * and logs it. Returns when the user has picked an action or dismissed the message.
 */
export async function showError(ctx: DwContext, error: unknown, what: string, options: ShowErrorOptions = {}): Promise<void> {
  if (error instanceof ConnectionAbandoned) return;
  const message = error instanceof Error ? error.message : String(error);
  ctx.log.error(`${what}: ${message}`);
  const showOutput = vscode.l10n.t('Show Output');
  const actions: { label: string; run: () => Thenable<unknown> }[] = [];
  if (isStackError(error)) actions.push(...stackErrorChoices(error, ctx.log));
  else if (!isEngineError(error)) {
    if ((await vscode.window.showErrorMessage(`${what}: ${message}`, showOutput)) === showOutput) ctx.log.show(true);
    return;
  }
  const project = ctx.project;
  switch (isEngineError(error) ? error.kind : undefined) {
    case 'unreachable':
      if (project?.config.stack !== undefined && (await vscode.commands.getCommands(true)).includes('dwWorkbench.startStack')) {
        actions.push({ label: vscode.l10n.t('Start Stack'), run: () => vscode.commands.executeCommand('dwWorkbench.startStack') });
      }
      actions.push({ label: vscode.l10n.t('Open Project File'), run: () => vscode.commands.executeCommand('dwWorkbench.openProjectFile') });
      break;
    case 'login-failed':
      actions.push({ label: vscode.l10n.t('Set Password'), run: () => vscode.commands.executeCommand('dwWorkbench.setPassword') });
      break;
    case 'certificate-untrusted':
      if (project !== undefined && LOCAL_HOSTS.has(project.config.connection.host ?? '127.0.0.1')) {
        actions.push({
          label: vscode.l10n.t('Trust Server Certificate'),
          run: async () => {
            if ((await trustServerCertificate(ctx, project)) && options.retry !== undefined) await options.retry();
          },
        });
      }
      break;
    case 'database-missing':
      if ((await vscode.commands.getCommands(true)).includes('dwWorkbench.bootstrap')) {
        actions.push({ label: vscode.l10n.t('Bootstrap Warehouse'), run: () => vscode.commands.executeCommand('dwWorkbench.bootstrap') });
      }
      break;
    default:
      break;
  }
  actions.push({ label: showOutput, run: () => Promise.resolve(ctx.log.show(true)) });
  const choice = await vscode.window.showErrorMessage(`${what}: ${message}`, ...actions.map((a) => a.label));
  await actions.find((a) => a.label === choice)?.run();
}
