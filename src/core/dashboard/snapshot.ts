import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MonitorData, MonitorInitialState } from '../../protocol/monitor';
import type { SalesDashboardData, SalesInitialState } from '../../protocol/sales';
import type { TargetsData, TargetsInitialState } from '../../protocol/targets';
import type { DiscountsData, DiscountsInitialState } from '../../protocol/discounts';
import { dashboardPage, type DashboardKind } from './page';
import type { DashboardTheme } from './theme';
import type { WebviewStrings } from '../webview/webviewPage';

export interface SnapshotOptions {
  /** The webview bundle's JavaScript (`dist/webview/<kind>.js`), inlined into the page. */
  readonly bundle: string;
  readonly language?: string;
  /** The strings of `language` (`vscode.l10n.bundle`, or `readL10nBundle`); none for English. */
  readonly strings?: WebviewStrings | undefined;
  readonly theme?: DashboardTheme;
  readonly title?: string;
}

type SnapshotData<K extends DashboardKind> = K extends 'sales' ? SalesDashboardData : K extends 'targets' ? TargetsData : K extends 'discounts' ? DiscountsData : MonitorData;

/** The page title of each dashboard (the snapshot's default). */
export const DASHBOARD_TITLES: Readonly<Record<DashboardKind, string>> = {
  monitor: 'ETL monitor', sales: 'Sales dashboard', targets: 'Targets dashboard', discounts: 'Discounts dashboard',
};

/**
 * A self-contained HTML file of a dashboard: bundle and data inlined, no host behind it (filters
 * and actions are disabled), readable offline. Used by "Export as HTML" and `dwb dashboard`.
 */
export function renderDashboardSnapshot<K extends DashboardKind>(kind: K, data: SnapshotData<K>, options: SnapshotOptions): string {
  const language = options.language ?? 'en';
  const initialState: SalesInitialState | MonitorInitialState | TargetsInitialState | DiscountsInitialState = kind === 'monitor'
    ? { kind: 'monitor', language, data: data as MonitorData, snapshot: true, autoRefreshSeconds: 0 }
    // The other dashboards' initial states differ only by their data.
    : ({ kind, language, data, snapshot: true } as SalesInitialState | TargetsInitialState | DiscountsInitialState);
  return dashboardPage({
    kind,
    title: options.title ?? DASHBOARD_TITLES[kind],
    language,
    initialState,
    strings: options.strings,
    script: { inline: options.bundle },
    theme: options.theme ?? 'light',
  });
}

/** Reads a built webview bundle; `distDir` is the folder holding `webview/<kind>.js`. */
export async function readWebviewBundle(kind: DashboardKind, distDir: string): Promise<string> {
  return readFile(path.join(distDir, 'webview', `${kind}.js`), 'utf8');
}
