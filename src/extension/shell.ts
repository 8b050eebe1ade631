import * as vscode from 'vscode';
import type { DwContext } from './context';
import type { DashboardKind } from '../core/dashboard/page';
import type { EntityNode } from './entities/items';
import type { Features, ShellParts } from './features';
import { loadFeatures } from './features/load';

/**
 * The activation shell: what VS Code needs from activate() (every contributed command, the
 * ETL Entities view, the dw-etl task provider, the dashboard, results and lineage serializers), each forwarding to
 * the feature bundle, which is loaded and started on the first call that needs it, and once a
 * project file has loaded (the status-bar items and the stack's status need a project).
 * Nothing here imports a feature module at run time: see docs/architecture.md (Build).
 */

/** Values fixed by package.json (the feature modules that define them are not loaded here). */
const ENTITIES_VIEW = 'dwWorkbench.entities';
const ETL_TASK_TYPE = 'dw-etl';
const PANEL_VIEW_TYPES: { readonly [K in DashboardKind]: string } = {
  monitor: 'dwWorkbench.monitor', sales: 'dwWorkbench.sales', targets: 'dwWorkbench.targets', discounts: 'dwWorkbench.discounts',
};
const RESULTS_VIEW_TYPE = 'dwWorkbench.results';
const LINEAGE_VIEW_TYPE = 'dwWorkbench.lineage';
/** SQL scripts, where hovers on a column tell its lineage. */
const SQL_SCRIPTS: vscode.DocumentSelector = [{ scheme: 'file', language: 'sql' }, { scheme: 'file', pattern: '**/*.sql' }];
/** Entity definitions, where hovers on `"source"`/`"target"` values tell the column's lineage. */
const ENTITY_DEFINITIONS: vscode.DocumentSelector = [
  { language: 'json', pattern: '**/etl/entities/*.json' },
  { language: 'jsonc', pattern: '**/etl/entities/*.json' },
];

/** A tree provider that asks the real one, started on the view's first request. */
class EntitiesProxy implements vscode.TreeDataProvider<EntityNode> {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private target: vscode.TreeDataProvider<EntityNode> | undefined;

  constructor(private readonly start: () => unknown) {}

  connect(tree: vscode.TreeDataProvider<EntityNode>): vscode.Disposable | undefined {
    this.target = tree;
    return tree.onDidChangeTreeData?.((e) => this.changed.fire(Array.isArray(e) || e === null ? undefined : e));
  }

  private real(): vscode.TreeDataProvider<EntityNode> {
    if (this.target === undefined) this.start();
    if (this.target === undefined) throw new Error('DW Workbench: the ETL Entities view did not start');
    return this.target;
  }

  getTreeItem(node: EntityNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.real().getTreeItem(node);
  }

  getChildren(node?: EntityNode): vscode.ProviderResult<EntityNode[]> {
    return this.real().getChildren(node);
  }

  getParent(node: EntityNode): vscode.ProviderResult<EntityNode> {
    return this.real().getParent?.(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

interface ContributedCommand {
  readonly command: string;
}

interface ContributedTool {
  readonly name: string;
}

export function activateShell(ctx: DwContext): void {
  let features: Features | undefined;
  const entities = new EntitiesProxy(() => start());
  const entitiesView = vscode.window.createTreeView(ENTITIES_VIEW, { treeDataProvider: entities, canSelectMany: true });
  ctx.subscriptions.push(entities, entitiesView);
  const parts: ShellParts = {
    entitiesView,
    connectEntities: (tree) => {
      const forwarding = entities.connect(tree);
      if (forwarding !== undefined) ctx.subscriptions.push(forwarding);
    },
  };
  const start = (): Features => {
    if (features === undefined) {
      const started = performance.now();
      features = loadFeatures().startFeatures(ctx, parts);
      ctx.log.info(`DW Workbench features loaded in ${(performance.now() - started).toFixed(1)} ms`);
    }
    return features;
  };

  // Every contributed command (a unit test keeps package.json and the command table equal).
  const contributed = (ctx.extension.extension.packageJSON as { contributes?: { commands?: readonly ContributedCommand[] } }).contributes?.commands ?? [];
  for (const { command } of contributed) {
    ctx.subscriptions.push(vscode.commands.registerCommand(command, (...args: unknown[]) => start().runCommand(command, args)));
  }
  ctx.subscriptions.push(
    vscode.tasks.registerTaskProvider(ETL_TASK_TYPE, {
      provideTasks: (token) => start().tasks.provideTasks(token),
      resolveTask: (task, token) => start().tasks.resolveTask(task, token),
    }),
  );
  for (const kind of ['monitor', 'sales', 'targets', 'discounts'] as const) {
    ctx.subscriptions.push(vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPES[kind], {
      deserializeWebviewPanel: (panel, state: unknown) => start().deserializePanel(kind, panel, state),
    }));
  }
  ctx.subscriptions.push(vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
    deserializeWebviewPanel: (panel, state: unknown) => Promise.resolve(start().restoreResults(panel, state)),
  }));
  ctx.subscriptions.push(vscode.window.registerWebviewPanelSerializer(LINEAGE_VIEW_TYPE, {
    deserializeWebviewPanel: (panel, state: unknown) => start().restoreLineage(panel, state),
  }));
  // Every contributed language-model tool (a unit test keeps package.json equal to core's table).
  const manifest = ctx.extension.extension.packageJSON as { contributes?: { languageModelTools?: readonly ContributedTool[] } };
  const tools = manifest.contributes?.languageModelTools ?? [];
  for (const { name } of tools) {
    ctx.subscriptions.push(vscode.lm.registerTool<unknown>(name, {
      prepareInvocation: (options) => start().languageModelTools.prepare(name, options.input),
      invoke: (options) => start().languageModelTools.invoke(name, options.input),
    }));
  }
  ctx.subscriptions.push(vscode.languages.registerHoverProvider(ENTITY_DEFINITIONS, {
    // Only with a project: a hover in some other etl/entities folder does not load the features.
    provideHover: (doc, position, token) => (ctx.project === undefined ? undefined : start().lineageHover.provideHover(doc, position, token)),
  }));
  ctx.subscriptions.push(vscode.languages.registerHoverProvider(SQL_SCRIPTS, {
    // Only with a project: a SQL file opened in some other folder does not load the features.
    provideHover: (doc, position, token) => (ctx.project === undefined ? undefined : start().sqlHover.provideHover(doc, position, token)),
  }));
  // The status-bar items and the stack's status exist for a loaded project only.
  ctx.subscriptions.push(ctx.projectState.onDidChange((project) => {
    if (project !== undefined) start();
  }));
}
