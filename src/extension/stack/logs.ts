import * as vscode from 'vscode';
import type { DwContext } from '../context';
import type { StackSession } from './session';

/** Lines of history shown before following. */
const LOG_TAIL = 200;

/**
 * "DW: Show Stack Logs": follows the services' logs (masked) into "DW Workbench: Stack" until
 * the notification is cancelled or the project changes. Running it again while following shows the channel.
 */
export const showStackLogsCommand = (ctx: DwContext, session: StackSession) => {
  let following: AbortController | undefined;
  return async (): Promise<boolean> => {
    const project = await session.requireStackProject();
    if (project === undefined) return false;
    session.channel.show(true);
    if (following !== undefined && !following.signal.aborted) return true;
    const abort = new AbortController();
    following = abort;
    ctx.inProjectScope({ dispose: () => abort.abort() });
    const done = await session.run(project, vscode.l10n.t('Showing the stack logs failed'), (stack) =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Following the logs of stack {0}', stack.projectName), cancellable: true },
        async (_progress, token) => {
          token.onCancellationRequested(() => abort.abort());
          session.appendLine(vscode.l10n.t('--- logs of stack {0} (last {1} lines, then following) ---', stack.projectName, LOG_TAIL));
          await stack.logs({ follow: true, tail: LOG_TAIL, signal: abort.signal, onLine: (line) => session.appendLine(stack.mask(line)) });
          session.appendLine(vscode.l10n.t('--- stopped following the logs ---'));
          return true;
        },
      ),
    { background: true },
    );
    abort.abort();
    return done === true;
  };
};
