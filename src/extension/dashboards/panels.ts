import * as vscode from 'vscode';
import { monitorHandler, salesHandler, type MessageHandler } from '../../core/dashboard/handler';
import { dashboardPage, type DashboardKind } from '../../core/dashboard/page';
import { MonitorQueries } from '../../core/monitor/load';
import { SalesQueries } from '../../core/sales/load';
import { DEFAULT_AUDIT_FILTERS, validateAuditFilters, type MonitorInitialState } from '../../protocol/monitor';
import { validateSalesFilters, type SalesInitialState } from '../../protocol/sales';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';
import { monitorHostActions, salesHostActions } from './host';

export const VIEW_TYPES: Record<DashboardKind, string> = { monitor: 'dwWorkbench.monitor', sales: 'dwWorkbench.sales' };

/** The queries of a kind on the project's warehouse connection, or undefined without a project. */
export async function dashboardQueries(ctx: DwContext): Promise<{ sales: SalesQueries; monitor: MonitorQueries } | undefined> {
  const project = await ctx.requireProject();
  if (project === undefined) return undefined;
  const engine = await ctx.connections.engine(project, 'dw');
  const sourceDatabase = engine.dialect === 'sqlserver' ? project.config.databases?.oltp ?? 'ECOMMERCE_OLTP' : undefined;
  return {
    sales: new SalesQueries(engine, engine.dialect),
    monitor: new MonitorQueries(engine, engine.dialect, { sourceDatabase, auditFilePattern: engine.dialect === 'sqlserver' ? '/var/opt/mssql/audit/*.sqlaudit' : undefined }),
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
    const title = kind === 'sales' ? vscode.l10n.t('Sales Dashboard') : vscode.l10n.t('ETL Monitor');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPES[kind], title, vscode.ViewColumn.Active, this.options());
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
      const queries = await dashboardQueries(this.ctx);
      if (queries === undefined) {
        panel.dispose();
        return;
      }
      const { initialState, handler } = await this.prepare(kind, queries, state);
      this.shown.set(kind, (initialState as { data: unknown }).data);
      const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist', 'webview', `${kind}.js`));
      panel.webview.onDidReceiveMessage(async (message: unknown) => {
        const reply = await handler(message);
        if (reply === undefined) return;
        if (reply.ok && (message as { method?: unknown }).method === `${kind}/load`) this.shown.set(kind, reply.result);
        await panel.webview.postMessage(reply);
      }, undefined, scope);
      panel.webview.html = dashboardPage({
        kind, title: panel.title, language: vscode.env.language, initialState,
        script: { src: script.toString() }, cspSource: panel.webview.cspSource,
      });
    } catch (e) {
      panel.dispose();
      await showError(this.ctx, e, kind === 'sales' ? vscode.l10n.t('Opening the sales dashboard failed') : vscode.l10n.t('Opening the ETL monitor failed'));
    }
  }

  private async prepare(kind: DashboardKind, queries: { sales: SalesQueries; monitor: MonitorQueries }, state: unknown): Promise<{ initialState: unknown; handler: MessageHandler }> {
    const saved = (typeof state === 'object' && state !== null ? state : {}) as Record<string, unknown>;
    if (kind === 'sales') {
      const restored = validateSalesFilters(saved['filters']);
      const filters = restored.ok ? restored.value : await queries.sales.defaultFilters(new Date().toISOString().slice(0, 10));
      const initialState: SalesInitialState = { kind, language: vscode.env.language, data: await queries.sales.load(filters), snapshot: false };
      return { initialState, handler: salesHandler(queries.sales, salesHostActions(this.ctx, queries.sales)) };
    }
    const restored = validateAuditFilters(saved['audit']);
    const autoRefresh = vscode.workspace.getConfiguration('dwWorkbench.monitor').get<number>('autoRefreshSeconds', 30);
    const initialState: MonitorInitialState = {
      kind, language: vscode.env.language, snapshot: false, autoRefreshSeconds: autoRefresh,
      data: await queries.monitor.load(restored.ok ? restored.value : DEFAULT_AUDIT_FILTERS),
    };
    return { initialState, handler: monitorHandler(queries.monitor, monitorHostActions(this.ctx)) };
  }

  dispose(): void {
    for (const p of this.open.values()) p.dispose();
    this.open.clear();
  }
}
