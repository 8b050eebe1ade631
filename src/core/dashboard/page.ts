import { randomBytes } from 'node:crypto';
import type { DashboardTheme } from './theme';
import { themeVariables } from './theme';

export type DashboardKind = 'monitor' | 'sales' | 'targets' | 'discounts';

export interface DashboardPageOptions {
  readonly kind: DashboardKind;
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
  readonly nonce?: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** JSON that can sit inside a <script> element: no `</script>`, no `<!--`, no line separators. */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * The HTML of a dashboard page: strict CSP (nothing but the nonce runs), the initial state as a
 * JSON data block, and the bundle. The same page serves the VS Code panel, the HTML snapshot and
 * the browser tests, so what the tests see is what users see.
 */
export function dashboardPage(o: DashboardPageOptions): string {
  const nonce = o.nonce ?? newNonce();
  const source = o.cspSource === undefined ? '' : ` ${o.cspSource}`;
  const csp = [
    "default-src 'none'",
    `img-src${source} data:`,
    `style-src${source} 'nonce-${nonce}'`,
    `font-src${source}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const script = 'src' in o.script
    ? `<script nonce="${nonce}" src="${escapeHtml(o.script.src)}"></script>`
    : `<script nonce="${nonce}">${o.script.inline.replaceAll('</script', '<\\/script')}</script>`;
  const themeClass = o.theme === undefined ? '' : ` class="${o.theme === 'dark' ? 'vscode-dark' : o.theme === 'high-contrast' ? 'vscode-high-contrast' : 'vscode-light'}"`;
  const themeStyle = o.theme === undefined ? '' : `<style nonce="${nonce}">:root{${themeVariables(o.theme)}}</style>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
${themeStyle}
</head>
<body${themeClass} data-dashboard="${o.kind}">
<main id="app" aria-busy="true"></main>
<script type="application/json" id="dwb-initial-state">${embeddableJson(o.initialState)}</script>
${script}
</body>
</html>
`;
}
