import * as vscode from 'vscode';
import { connectionConfig } from '../../core/project';
import type { DwContext } from '../context';
import { targetLabel } from './target';

/**
 * The status-bar item naming where scripts run (server and warehouse database); shown while a
 * project is loaded; a click runs "DW: Test Connection".
 */
export function registerScriptStatusBar(ctx: DwContext): void {
  const item = vscode.window.createStatusBarItem('dwWorkbench.target', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('DW Workbench: target database');
  item.command = 'dwWorkbench.testConnection';
  const update = (): void => {
    const project = ctx.project;
    if (project === undefined) {
      item.hide();
      return;
    }
    const config = connectionConfig(project, 'dw');
    item.text = `$(database) ${targetLabel(config)}`;
    item.tooltip = vscode.l10n.t('Scripts run on {0} ({1}). Click to test the connection.', targetLabel(config), project.config.engine);
    item.show();
  };
  ctx.subscriptions.push(item, ctx.projectState.onDidChange(update));
  update();
}
