import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MonitorData, MonitorInitialState } from '../../protocol/monitor';
import type { SalesDashboardData, SalesInitialState } from '../../protocol/sales';
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

type SnapshotData<K extends DashboardKind> = K extends 'sales' ? SalesDashboardData : MonitorData;

/**
 * A self-contained HTML file of a dashboard: bundle and data inlined, no host behind it (filters
 * and actions are disabled), readable offline. Used by "Export as HTML" and `dwb dashboard`.
 */
export function renderDashboardSnapshot<K extends DashboardKind>(kind: K, data: SnapshotData<K>, options: SnapshotOptions): string {
  const language = options.language ?? 'en';
  const initialState: SalesInitialState | MonitorInitialState = kind === 'sales'
    ? { kind: 'sales', language, data: data as SalesDashboardData, snapshot: true }
    : { kind: 'monitor', language, data: data as MonitorData, snapshot: true, autoRefreshSeconds: 0 };
  return dashboardPage({
    kind,
    title: options.title ?? (kind === 'sales' ? 'Sales dashboard' : 'ETL monitor'),
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
