import * as vscode from 'vscode';
import type { DwContext } from '../context';
import { shouldPoll, STATUS_POLL_MS, statusBarLook } from './look';
import type { StackSession, StackView } from './session';
import { statusLabel } from './texts';

/**
 * The stack's status-bar item: down / starting / healthy / unhealthy; a click opens
 * "DW: Stack Status". Shown only for a project with a stack. The status is polled while the
 * window has focus, and read again after every stack command.
 */
export function registerStackStatusBar(ctx: DwContext, session: StackSession): void {
  const item = vscode.window.createStatusBarItem('dwWorkbench.stack', vscode.StatusBarAlignment.Left, 49);
  item.name = vscode.l10n.t('DW Workbench: Docker stack');
  item.command = 'dwWorkbench.stackStatus';
  const render = (view: StackView): void => {
    if (view.project === undefined) {
      item.hide();
      return;
    }
    const look = statusBarLook(view.status);
    item.text = `${look.icon} ${vscode.l10n.t('Stack: {0}', statusLabel(view.status))}`;
    item.backgroundColor = look.background === undefined ? undefined : new vscode.ThemeColor(look.background);
    const where = view.port === undefined ? '' : ` (127.0.0.1:${view.port})`;
    item.tooltip = view.problem !== undefined
      ? vscode.l10n.t('Docker stack: {0}. Click for details.', view.problem)
      : vscode.l10n.t('Docker stack {0}{1}: {2}. Click for its services, logs and backups.', view.stackName ?? view.project.config.name, where, statusLabel(view.status));
    item.show();
  };
  const poll = (): void => {
    if (shouldPoll({ focused: vscode.window.state.focused, configured: session.stackProject() !== undefined, busy: session.busy })) {
      void session.refresh();
    }
  };
  const timer = setInterval(poll, STATUS_POLL_MS);
  ctx.subscriptions.push(
    item,
    session.onDidChange(render),
    vscode.window.onDidChangeWindowState((state) => { if (state.focused) poll(); }),
    { dispose: () => clearInterval(timer) },
  );
  render(session.view);
}
