import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { readWebviewBundle, renderDashboardSnapshot } from '../../core/dashboard/snapshot';
import { DEFAULT_AUDIT_FILTERS, type MonitorData } from '../../protocol/monitor';
import type { SalesDashboardData } from '../../protocol/sales';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';
import { exportUri } from './host';
import { dashboardQueries, DashboardPanels } from './panels';

let panels: DashboardPanels | undefined;

/**
 * The panels. Their serializers are registered at activation by the shell (a panel restored
 * after a reload needs one then), which hands restored panels here; the constructor runs no
 * query and loads no webview code.
 */
export function dashboardPanels(ctx: DwContext): DashboardPanels {
  if (panels === undefined) {
    panels = new DashboardPanels(ctx);
    ctx.subscriptions.push(panels, { dispose: () => (panels = undefined) });
  }
  return panels;
}

export const openMonitor = (ctx: DwContext) => () => dashboardPanels(ctx).show('monitor');
export const openSales = (ctx: DwContext) => () => dashboardPanels(ctx).show('sales');

/** "DW: Export Dashboard as HTML": a self-contained snapshot of the monitor or the sales dashboard. */
export const exportDashboardHtml = (ctx: DwContext) => async (): Promise<void> => {
  const active = panels?.activeKind();
  const picked = active ?? (await vscode.window.showQuickPick(
    [{ label: vscode.l10n.t('ETL Monitor'), dashboard: 'monitor' as const }, { label: vscode.l10n.t('Sales Dashboard'), dashboard: 'sales' as const }],
    { title: vscode.l10n.t('Export which dashboard?') },
  ))?.dashboard;
  if (picked === undefined) return;
  try {
    const queries = await dashboardQueries(ctx);
    if (queries === undefined) return;
    const target = await vscode.window.showSaveDialog({ filters: { HTML: ['html'] }, defaultUri: exportUri(ctx, `${picked}.html`) });
    if (target === undefined) return;
    const bundle = await readWebviewBundle(picked, vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist').fsPath);
    const theme = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light ? 'light' : vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark ? 'dark' : 'high-contrast';
    // What the open panel shows (its filters included); a fresh load when none is open.
    const shown = panels?.shownData(picked);
    const html = picked === 'sales'
      ? renderDashboardSnapshot('sales', (shown as SalesDashboardData | undefined) ?? await queries.sales.load(await queries.sales.defaultFilters(new Date().toISOString().slice(0, 10))), { bundle, language: vscode.env.language, strings: vscode.l10n.bundle, theme })
      : renderDashboardSnapshot('monitor', (shown as MonitorData | undefined) ?? await queries.monitor.load(DEFAULT_AUDIT_FILTERS), { bundle, language: vscode.env.language, strings: vscode.l10n.bundle, theme });
    await writeFile(target.fsPath, html, 'utf8');
    void vscode.window.showInformationMessage(vscode.l10n.t('Dashboard saved to {0}.', target.fsPath));
  } catch (e) {
    await showError(ctx, e, vscode.l10n.t('Export as HTML failed'));
  }
};
