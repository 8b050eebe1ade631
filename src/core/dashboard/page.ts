import { webviewPage, type WebviewStrings } from '../webview/webviewPage';
import type { DashboardTheme } from './theme';
import { themeVariables } from './theme';

/** The page builder every webview shares; re-exported here, where dashboards have always found it. */
export { embeddableJson, newNonce } from '../webview/webviewPage';

export type DashboardKind = 'monitor' | 'sales' | 'targets' | 'discounts';
/** Pages served by `dashboardPage`: the dashboards and the lineage page. */
export type PageKind = DashboardKind | 'lineage';

export interface DashboardPageOptions {
  readonly kind: PageKind;
  readonly title: string;
  readonly language: string;
  /** The state the webview renders first (embedded: no round trip before the first paint). */
  readonly initialState: unknown;
  /** Where the bundle comes from: a webview URI (VS Code), or its text inlined (snapshot). */
  readonly script: { readonly src: string } | { readonly inline: string };
  /** Source allowed for styles/images/fonts besides the nonce (`webview.cspSource`). */
  readonly cspSource?: string;
  /** Outside VS Code there are no `--vscode-*` variables: the page brings a theme's own. */
  readonly theme?: DashboardTheme;
  /** The strings of `language` (a vscode.l10n bundle); none for English. */
  readonly strings?: WebviewStrings | undefined;
  readonly nonce?: string;
}

/**
 * The HTML of a dashboard page: strict CSP (nothing but the nonce runs), the initial state as a
 * JSON data block, and the bundle. The same page serves the VS Code panel, the HTML snapshot and
 * the browser tests, so what the tests see is what users see.
 */
export function dashboardPage(o: DashboardPageOptions): string {
  const themeClass = o.theme === 'dark' ? 'vscode-dark' : o.theme === 'high-contrast' ? 'vscode-high-contrast' : 'vscode-light';
  return webviewPage({
    title: o.title,
    language: o.language,
    initialState: o.initialState,
    script: o.script,
    strings: o.strings,
    cspSource: o.cspSource,
    nonce: o.nonce,
    style: o.theme === undefined ? undefined : `:root{${themeVariables(o.theme)}}`,
    bodyAttributes: { ...(o.theme === undefined ? {} : { class: themeClass }), 'data-dashboard': o.kind },
  });
}
