/**
 * Entry point of the feature bundle (dist/features.js), loaded by the activation shell on first
 * use (see ./load.ts): a command run, the ETL Entities view filled, dw-etl tasks asked for, a
 * dashboard, results or lineage panel restored, or a project file loaded.
 */
import type * as vscode from 'vscode';
import { commandHandlers } from '../commands';
import type { DwContext } from '../context';
import { dashboardPanels } from '../dashboards/commands';
import type { DashboardKind } from '../../core/dashboard/page';
import type { EntityNode } from '../entities/items';
import { EntitiesTree } from '../entities/tree';
import { EtlRuns } from '../etl/runs';
import { EtlTaskProvider } from '../etl/tasks';
import { servicesOf } from '../scripts/commands';
import { registerScriptStatusBar } from '../scripts/statusBar';
import { StackSession } from '../stack/session';
import { registerStackStatusBar } from '../stack/statusBar';
import { AlertStatus } from '../alerts/status';
import { CheckDiagnostics } from '../checks/run';
import { registerCheckTasks } from '../checks/tasks';
import { LineageGraphCache, MappingHoverProvider, SqlHoverProvider } from '../lineage/hover';
import { lineagePanel } from '../lineage/panel';
import { LanguageModelTools } from '../lineage/tools';

export { parseProject, ProjectFileError } from '../../core/project';
export { Connections } from '../connections';

/** What the shell created at activation and hands over: the entities view and its provider. */
export interface ShellParts {
  readonly entitiesView: vscode.TreeView<EntityNode>;
  /** Forwards to the real tree from now on. */
  connectEntities(tree: vscode.TreeDataProvider<EntityNode>): void;
}

/** The features, started once per extension with the shell's one DwContext. */
export interface Features {
  runCommand(id: string, args: readonly unknown[]): unknown;
  readonly tasks: vscode.TaskProvider;
  deserializePanel(kind: DashboardKind, panel: vscode.WebviewPanel, state: unknown): Promise<void>;
  /** The script results view, restored after a window reload with what its webview saved. */
  restoreResults(panel: vscode.WebviewPanel, state: unknown): void;
  /** The lineage panel, restored after a window reload: its question asked again, at the pan and zoom it had. */
  restoreLineage(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
  /** Hovers in entity definitions: where a mapped column comes from and goes. */
  readonly lineageHover: vscode.HoverProvider;
  /** Hovers in SQL scripts: where the column under the cursor comes from and goes. */
  readonly sqlHover: vscode.HoverProvider;
  /** The agent tools as language-model tools (the shell registers their forwarders). */
  readonly languageModelTools: LanguageModelTools;
}

export function startFeatures(ctx: DwContext, shell: ShellParts): Features {
  const etl = new EtlRuns(ctx);
  const entities = new EntitiesTree(ctx, etl);
  entities.attach(shell.entitiesView);
  shell.connectEntities(entities);
  const stack = new StackSession(ctx);
  ctx.subscriptions.push(etl, entities, stack);
  const tasks = new EtlTaskProvider(ctx, etl);
  const checks = new CheckDiagnostics();
  const alerts = new AlertStatus(ctx);
  ctx.subscriptions.push(checks, alerts);
  registerCheckTasks(ctx, checks);
  const handlers = commandHandlers(ctx, { entities, etl, stack, checks, alerts });
  registerStackStatusBar(ctx, stack);
  registerScriptStatusBar(ctx);
  // Started after the project loaded: read the stack's status now rather than at the next change.
  if (ctx.project !== undefined) void stack.refresh();
  const panels = dashboardPanels(ctx);
  const lineageGraphs = new LineageGraphCache(ctx);
  ctx.subscriptions.push(lineageGraphs);
  return {
    runCommand(id, args) {
      const handler = handlers.get(id);
      if (handler === undefined) throw new Error(`DW Workbench has no handler for command '${id}'`);
      return handler(...args);
    },
    tasks,
    deserializePanel: (kind, panel, state) => panels.attach(kind, panel, state),
    restoreResults: (panel, state) => servicesOf(ctx).results.restore(panel, state),
    restoreLineage: (panel, state) => lineagePanel(ctx).restore(panel, state),
    lineageHover: new MappingHoverProvider(lineageGraphs),
    sqlHover: new SqlHoverProvider(ctx, lineageGraphs),
    languageModelTools: new LanguageModelTools(ctx, lineageGraphs),
  };
}
