import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { DwContext } from './context';
import { dashboardPanels } from './dashboards/commands';
import { EntitiesTree } from './entities/tree';
import { EtlRuns } from './etl/runs';
import { registerEtlTasks } from './etl/tasks';
import { registerScriptStatusBar } from './scripts/statusBar';
import { StackSession } from './stack/session';
import { registerStackStatusBar } from './stack/statusBar';

/**
 * Activation stays cheap: no driver, dashboard or webview code runs here; engines open on first
 * use. The time it takes is logged, and measured by `npm run bench:activation`.
 */
export function activate(extension: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('DW Workbench', { log: true });
  extension.subscriptions.push(log);
  const ctx = new DwContext(extension, log);
  extension.subscriptions.push(ctx);

  const etl = new EtlRuns(ctx);
  const entities = new EntitiesTree(ctx, etl);
  const entitiesView = vscode.window.createTreeView('dwWorkbench.entities', { treeDataProvider: entities });
  entities.attach(entitiesView);
  extension.subscriptions.push(etl, entities, entitiesView);
  registerEtlTasks(ctx, etl);
  const stack = new StackSession(ctx);
  extension.subscriptions.push(stack);
  registerCommands(ctx, { entities, etl, stack });
  registerStackStatusBar(ctx, stack);
  dashboardPanels(ctx);
  registerScriptStatusBar(ctx);

  // The project loads after activation returns, so a large workspace never delays it.
  void ctx.projectState.reload().catch((e: unknown) => log.error(`Loading dw-workbench.json failed: ${String(e)}`));
  log.info(`DW Workbench activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {
  // Disposables registered in extension.subscriptions close engines and views.
}
