import { embeddableJson, newNonce } from '../../core/dashboard/page';
import type { ResultsInitialState } from '../../protocol/results';

export interface ResultsPageOptions {
  readonly title: string;
  readonly initialState: ResultsInitialState;
  /** The bundle's URL (asWebviewUri in VS Code, the test server's in tests). */
  readonly scriptSrc: string;
  /** `webview.cspSource`: styles and fonts come from there or carry the nonce. */
  readonly cspSource: string;
  readonly nonce?: string;
}

const escapeHtml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The results view's page: strict CSP (only the nonce's script runs), state as a JSON block. */
export function resultsPage(o: ResultsPageOptions): string {
  const nonce = o.nonce ?? newNonce();
  const csp = [
    "default-src 'none'",
    `img-src ${o.cspSource} data:`,
    `style-src ${o.cspSource} 'nonce-${nonce}'`,
    `font-src ${o.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.initialState.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script type="application/json" id="dwb-initial-state">${embeddableJson(o.initialState)}</script>
<script nonce="${nonce}" src="${escapeHtml(o.scriptSrc)}"></script>
</body>
</html>
`;
}
