import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { readWebviewBundle, renderDashboardSnapshot } from '../../core/dashboard/snapshot';
import type { DashboardKind } from '../../core/dashboard/page';
import { DEFAULT_AUDIT_FILTERS } from '../../protocol/monitor';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';
import { exportUri } from './host';
import { dashboardQueries, DashboardPanels, dashboardTitle, type DashboardQueries } from './panels';

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
export const openTargets = (ctx: DwContext) => () => dashboardPanels(ctx).show('targets');
export const openDiscounts = (ctx: DwContext) => () => dashboardPanels(ctx).show('discounts');

/** What a snapshot of `kind` shows when no panel of it is open: a fresh load on the default filters. */
async function freshData(queries: DashboardQueries, kind: DashboardKind): Promise<unknown> {
  const today = new Date().toISOString().slice(0, 10);
  switch (kind) {
    case 'sales': return queries.sales.load(await queries.sales.defaultFilters(today));
    case 'targets': return queries.targets.load(await queries.targets.defaultFilters(today));
    case 'discounts': return queries.discounts.load(await queries.discounts.defaultFilters(today));
    case 'monitor': return queries.monitor.load(DEFAULT_AUDIT_FILTERS);
  }
}

/** "DW: Export Dashboard as HTML": a self-contained snapshot of the monitor or the sales dashboard. */
export const exportDashboardHtml = (ctx: DwContext) => async (): Promise<void> => {
  const active = panels?.activeKind();
  const kinds: readonly DashboardKind[] = ['monitor', 'sales', 'targets', 'discounts'];
  const picked = active ?? (await vscode.window.showQuickPick(
    kinds.map((dashboard) => ({ label: dashboardTitle(dashboard), dashboard })),
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
    const data = panels?.shownData(picked) ?? await freshData(queries, picked);
    // The data is the kind's own (the panel's last load, or the load above).
    const html = renderDashboardSnapshot(picked, data as Parameters<typeof renderDashboardSnapshot>[1], {
      bundle, language: vscode.env.language, strings: vscode.l10n.bundle, theme,
    });
    await writeFile(target.fsPath, html, 'utf8');
    void vscode.window.showInformationMessage(vscode.l10n.t('Dashboard saved to {0}.', target.fsPath));
  } catch (e) {
    await showError(ctx, e, vscode.l10n.t('Export as HTML failed'));
  }
};
