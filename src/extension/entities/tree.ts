import * as vscode from 'vscode';
import { EntityControlQueries } from '../../core/etl/control/state';
import { needsPassword } from '../../core/project';
import { ConnectionAbandoned } from '../connections';
import type { DwContext } from '../context';
import type { EtlRuns } from '../etl/runs';
import { ETL_TASK_TYPE } from '../etl/tasks';
import { entityTreeItem, type EntityNode } from './items';

/**
 * The "ETL Entities" view: one row per ctl.etl_control entity with its last run, lag and
 * actions. Before the warehouse is bootstrapped it is empty (the view's welcome content says
 * what to do); when the connection fails it shows one row that opens Test Connection.
 */
export class EntitiesTree implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes = new Map<string, EntityNode>();
  private view: vscode.TreeView<EntityNode> | undefined;

  constructor(private readonly ctx: DwContext, private readonly runs: EtlRuns) {
    ctx.projectState.onDidChange(() => this.refresh(), undefined, ctx.subscriptions);
    runs.onDidChange(() => this.refresh(), undefined, ctx.subscriptions);
    vscode.tasks.onDidEndTask((e) => {
      if (e.execution.task.definition.type === ETL_TASK_TYPE) this.refresh();
    }, undefined, ctx.subscriptions);
  }

  /** The view this provider fills; `reveal` needs it. */
  attach(view: vscode.TreeView<EntityNode>): void {
    this.view = view;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    return entityTreeItem(node, new Date());
  }

  /** The list is flat. */
  getParent(): undefined {
    return undefined;
  }

  async getChildren(node?: EntityNode): Promise<EntityNode[]> {
    if (node !== undefined) return [];
    const nodes = await this.load();
    this.nodes = new Map(nodes.flatMap((n) => (n.kind === 'entity' ? [[n.state.entity, n] as const] : [])));
    return nodes;
  }

  /** Selects and shows an entity's row (the monitor's "show in tree"); false when it has none. */
  async reveal(entity: string): Promise<boolean> {
    if (this.view === undefined) return false;
    if (!this.nodes.has(entity)) await this.getChildren();
    const node = this.nodes.get(entity);
    if (node === undefined) return false;
    await this.view.reveal(node, { select: true, focus: true });
    return true;
  }

  /** The control queries on the warehouse, for the tree's actions. */
  async queries(): Promise<EntityControlQueries | undefined> {
    const project = await this.ctx.requireProject();
    if (project === undefined) return undefined;
    const target = await this.ctx.connections.engine(project, 'dw');
    return new EntityControlQueries(target, target.dialect);
  }

  private async load(): Promise<EntityNode[]> {
    const project = this.ctx.project;
    if (project === undefined) return [];
    // Filling a view must not pop up a password prompt; the message row leads to one.
    if (needsPassword(project) && project.config.engine === 'sqlserver' && (await this.ctx.passwords.get(project)) === undefined) {
      return [this.message(vscode.l10n.t('Password needed — click to set it'), vscode.l10n.t('No password is stored for this project yet.'), 'dwWorkbench.setPassword')];
    }
    try {
      const target = await this.ctx.connections.engine(project, 'dw');
      const queries = new EntityControlQueries(target, target.dialect);
      if (!(await queries.hasControlTable())) {
        this.ctx.log.info('ETL Entities: ctl.etl_control does not exist yet; run "DW: Bootstrap Warehouse".');
        return [];
      }
      return (await queries.entities()).map((state) => ({ kind: 'entity', state, runningHere: this.runs.isLoading(state.entity) }));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (!(e instanceof ConnectionAbandoned)) this.ctx.log.warn(`ETL Entities: ${message}`);
      return [this.message(vscode.l10n.t('Cannot connect — click to test the connection'), message, 'dwWorkbench.testConnection')];
    }
  }

  private message(label: string, tooltip: string, command: string): EntityNode {
    return { kind: 'message', label, tooltip, command: { command, title: label } };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
