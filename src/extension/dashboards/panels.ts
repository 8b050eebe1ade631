import * as vscode from 'vscode';
import { discountsHandler, followingHandler, monitorHandler, salesHandler, targetsHandler, type DashboardTarget, type MessageHandler } from '../../core/dashboard/handler';
import { checkSla, DEFAULT_SLA, type SlaSettings } from '../../core/dashboard/freshness';
import { DiscountsQueries } from '../../core/discounts/load';
import { TargetsQueries } from '../../core/targets/load';
import { validateDiscountsFilters, type DiscountsFilters, type DiscountsInitialState } from '../../protocol/discounts';
import { validateTargetsFilters, type TargetsFilters, type TargetsInitialState } from '../../protocol/targets';
import { dashboardPage, type DashboardKind } from '../../core/dashboard/page';
import { messagePage } from '../../core/webview/webviewPage';
import { MonitorQueries } from '../../core/monitor/load';
import { projectTargetsKeepingSoftDeleted } from '../etl/definitions';
import type { Project } from '../../core/project';
import { SalesQueries } from '../../core/sales/load';
import { DEFAULT_AUDIT_FILTERS, validateAuditFilters, type MonitorInitialState } from '../../protocol/monitor';
import { validateSalesFilters, type SalesFilters, type SalesInitialState } from '../../protocol/sales';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';
import { discountsHostActions, monitorHostActions, salesHostActions, targetsHostActions } from './host';

export const VIEW_TYPES: Record<DashboardKind, string> = {
  monitor: 'dwWorkbench.monitor', sales: 'dwWorkbench.sales', targets: 'dwWorkbench.targets', discounts: 'dwWorkbench.discounts',
};

/** Each dashboard's panel title. */
export function dashboardTitle(kind: DashboardKind): string {
  switch (kind) {
    case 'monitor': return vscode.l10n.t('ETL Monitor');
    case 'sales': return vscode.l10n.t('Sales Dashboard');
    case 'targets': return vscode.l10n.t('Targets Dashboard');
    case 'discounts': return vscode.l10n.t('Discounts Dashboard');
  }
}

export interface DashboardQueries {
  readonly sales: SalesQueries;
  readonly monitor: MonitorQueries;
  readonly targets: TargetsQueries;
  readonly discounts: DiscountsQueries;
}

/** The queries of a kind on the project's warehouse connection, or undefined without a project. */
export async function dashboardQueries(ctx: DwContext): Promise<DashboardQueries | undefined> {
  const project = await ctx.requireProject();
  if (project === undefined) return undefined;
  return queriesFor(ctx, project);
}

/** The data SLA of the targets and discounts dashboards, from the settings (checked: a bad one is named). */
function dashboardSla(): SlaSettings {
  const config = vscode.workspace.getConfiguration('dwWorkbench.dashboards');
  return checkSla(
    { hour: config.get<number>('freshnessHour', DEFAULT_SLA.hour), timeZone: config.get<string>('freshnessTimeZone', DEFAULT_SLA.timeZone) },
    { hour: 'Setting dwWorkbench.dashboards.freshnessHour', timeZone: 'Setting dwWorkbench.dashboards.freshnessTimeZone' },
  );
}

const minApplications = (): number => vscode.workspace.getConfiguration('dwWorkbench.dashboards').get<number>('minApplications', 3);

async function queriesFor(ctx: DwContext, project: Project): Promise<DashboardQueries> {
  const engine = await ctx.connections.engine(project, 'dw');
  const sourceDatabase = engine.dialect === 'sqlserver' ? project.config.databases?.oltp ?? 'ECOMMERCE_OLTP' : undefined;
  const sla = dashboardSla();
  return {
    targets: new TargetsQueries(engine, engine.dialect, { sla }),
    discounts: new DiscountsQueries(engine, engine.dialect, { sla }),
    sales: new SalesQueries(engine, engine.dialect),
    monitor: new MonitorQueries(engine, engine.dialect, {
      sourceDatabase,
      auditFilePattern: engine.dialect === 'sqlserver' ? '/var/opt/mssql/audit/*.sqlaudit' : undefined,
      keepsSoftDeleted: projectTargetsKeepingSoftDeleted(ctx, project),
      connectionAudit: project.config.engine !== 'pglite',
    }),
  };
}

/**
 * One panel per dashboard kind. The HTML carries the first data (no round trip before the first
 * paint); later requests go through the validating handler in core. `state` is what the
 * webview saved (its filters), given back after a reload by the serializer.
 */
export class DashboardPanels implements vscode.Disposable {
  private readonly open = new Map<DashboardKind, vscode.WebviewPanel>();
  /** What each open panel shows now (its last load), for "Export as HTML". */
  private readonly shown = new Map<DashboardKind, unknown>();
  /** The first filters of each panel ("Show SQL" writes them in until the webview loads others). */
  private readonly firstFilters = new Map<DashboardKind, unknown>();

  /** The serializers are registered by the activation shell (src/extension/shell.ts), which calls `attach`. */
  constructor(private readonly ctx: DwContext) {}

  /** The kind of the dashboard panel the user looked at last, if any is open. */
  activeKind(): DashboardKind | undefined {
    for (const [kind, p] of this.open) if (p.active) return kind;
    return this.open.keys().next().value;
  }

  /** The data the open panel of `kind` shows, if one is open. */
  shownData(kind: DashboardKind): unknown {
    return this.open.has(kind) ? this.shown.get(kind) : undefined;
  }

  async show(kind: DashboardKind): Promise<void> {
    const existing = this.open.get(kind);
    if (existing !== undefined) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPES[kind], dashboardTitle(kind), vscode.ViewColumn.Active, this.options());
    await this.attach(kind, panel, undefined);
  }

  private options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist', 'webview')] };
  }

  /** Fills a new or restored panel of `kind` (state: what the webview saved, on restore). */
  async attach(kind: DashboardKind, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.open.set(kind, panel);
    // Per-panel scope: the message listener goes when the panel goes.
    const scope: vscode.Disposable[] = [];
    panel.onDidDispose(() => {
      this.open.delete(kind);
      for (const d of scope) d.dispose();
    }, undefined, scope);
    panel.webview.options = this.options();
    panel.webview.html = `<!DOCTYPE html><html><body>${vscode.l10n.t('Loading…')}</body></html>`;
    try {
      const project = this.ctx.project ?? (await this.ctx.projectState.reload());
      if (project === undefined) {
        this.waitForProject(kind, panel, state, scope);
        return;
      }
      const initialState = await this.prepare(kind, await queriesFor(this.ctx, project), state);
      // Requests follow the project: a broken project file gets one clear error, and the fixed
      // file is picked up by the next request, without reopening the panel.
      const handler = followingHandler(() => this.target(kind));
      this.shown.set(kind, (initialState as { data: unknown }).data);
      const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist', 'webview', `${kind}.js`));
      panel.webview.onDidReceiveMessage(async (message: unknown) => {
        const reply = await handler(message);
        if (reply === undefined) return;
        if (reply.ok && (message as { method?: unknown }).method === `${kind}/load`) this.shown.set(kind, reply.result);
        await panel.webview.postMessage(reply);
      }, undefined, scope);
      panel.webview.html = dashboardPage({
        kind, title: panel.title, language: vscode.env.language, strings: vscode.l10n.bundle, initialState,
        script: { src: script.toString() }, cspSource: panel.webview.cspSource,
      });
    } catch (e) {
      panel.dispose();
      await showError(this.ctx, e, vscode.l10n.t('Opening {0} failed', dashboardTitle(kind)));
    }
  }

  /** Where the panel's requests go now: the current project's queries, or why there are none. */
  private target(kind: DashboardKind): DashboardTarget {
    const project = this.ctx.project;
    if (project === undefined) {
      const problem = this.ctx.projectState.problem;
      return {
        ok: false,
        message: problem === undefined
          ? vscode.l10n.t('This workspace has no dw-workbench.json. Create a warehouse project first.')
          : vscode.l10n.t('The project file has a problem: {0}. Fix it (see the Problems panel) and refresh.', problem),
      };
    }
    return {
      ok: true,
      key: project,
      handler: async (): Promise<MessageHandler> => {
        const q = await queriesFor(this.ctx, project);
        const first = this.firstFilters.get(kind);
        switch (kind) {
          case 'sales': return salesHandler(q.sales, salesHostActions(this.ctx, q.sales), first as SalesFilters | undefined);
          case 'targets': return targetsHandler(q.targets, targetsHostActions(this.ctx, q.targets), first as TargetsFilters | undefined);
          case 'discounts': return discountsHandler(q.discounts, discountsHostActions(this.ctx, q.discounts), first as DiscountsFilters | undefined);
          case 'monitor': return monitorHandler(q.monitor, monitorHostActions(this.ctx));
        }
      },
    };
  }

  /**
   * No project (none in the workspace, or its file is broken): the panel says so with the way
   * out, instead of staying on "Loading…", and fills itself once a project loads.
   */
  private waitForProject(kind: DashboardKind, panel: vscode.WebviewPanel, state: unknown, scope: vscode.Disposable[]): void {
    const { text, command, action } = noProjectNotice(this.ctx);
    panel.webview.options = { ...this.options(), enableScripts: false, enableCommandUris: [command] };
    panel.webview.html = messagePage({
      title: panel.title, language: vscode.env.language, text, link: { href: `command:${command}`, label: action }, cspSource: panel.webview.cspSource,
    });
    const listener = this.ctx.projectState.onDidChange((project) => {
      if (project === undefined) return;
      listener.dispose();
      // Everything of the first attach goes; the panel is filled as if it had just opened.
      for (const d of scope.splice(0)) d.dispose();
      void this.attach(kind, panel, state);
    });
    scope.push(listener);
  }

  private async prepare(kind: DashboardKind, queries: DashboardQueries, state: unknown): Promise<unknown> {
    const saved = (typeof state === 'object' && state !== null ? state : {}) as Record<string, unknown>;
    const today = new Date().toISOString().slice(0, 10);
    const language = vscode.env.language;
    if (kind === 'sales') {
      const restored = validateSalesFilters(saved['filters']);
      const filters = restored.ok ? restored.value : await queries.sales.defaultFilters(today);
      this.firstFilters.set(kind, filters);
      const initialState: SalesInitialState = { kind, language, data: await queries.sales.load(filters), snapshot: false };
      return initialState;
    }
    if (kind === 'targets') {
      const restored = validateTargetsFilters(saved['filters']);
      const filters = restored.ok ? restored.value : await queries.targets.defaultFilters(today);
      this.firstFilters.set(kind, filters);
      const initialState: TargetsInitialState = { kind, language, data: await queries.targets.load(filters), snapshot: false };
      return initialState;
    }
    if (kind === 'discounts') {
      const restored = validateDiscountsFilters(saved['filters']);
      const filters = restored.ok ? restored.value : await queries.discounts.defaultFilters(today, minApplications());
      this.firstFilters.set(kind, filters);
      const initialState: DiscountsInitialState = { kind, language, data: await queries.discounts.load(filters), snapshot: false };
      return initialState;
    }
    const restored = validateAuditFilters(saved['audit']);
    const autoRefresh = vscode.workspace.getConfiguration('dwWorkbench.monitor').get<number>('autoRefreshSeconds', 30);
    const initialState: MonitorInitialState = {
      kind, language: vscode.env.language, snapshot: false, autoRefreshSeconds: autoRefresh,
      data: await queries.monitor.load(restored.ok ? restored.value : DEFAULT_AUDIT_FILTERS),
    };
    return initialState;
  }

  dispose(): void {
    for (const p of this.open.values()) p.dispose();
    this.open.clear();
  }
}

/** What a panel restored without a project says, and the command that gets one (a new project, or the broken file). */
export function noProjectNotice(ctx: DwContext): { readonly text: string; readonly command: string; readonly action: string } {
  const problem = ctx.projectState.problem;
  return problem === undefined
    ? { text: vscode.l10n.t('This workspace has no dw-workbench.json. Create a warehouse project first.'), command: 'dwWorkbench.newProject', action: vscode.l10n.t('New Warehouse Project') }
    : { text: vscode.l10n.t('The project file has a problem: {0}. Fix it (see the Problems panel) and refresh.', problem), command: 'dwWorkbench.openProjectFile', action: vscode.l10n.t('Open Project File') };
}
