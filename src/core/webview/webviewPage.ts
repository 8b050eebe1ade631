import { randomBytes } from 'node:crypto';

/**
 * The one HTML page builder for every webview (dashboards, their HTML snapshots, the results
 * view): one Content Security Policy, one nonce, one way to embed data. Reason: two builders had
 * drifted into two CSPs and two `escapeHtml`; a CSP fix must reach every page at once.
 */

/** Localised webview strings: a `vscode.l10n` bundle (English text -> translation). */
export type WebviewStrings = Readonly<Record<string, string>>;

export interface WebviewPageOptions {
  readonly title: string;
  /** VS Code's display language (`vscode.env.language`): the page's `lang`. */
  readonly language: string;
  /** The state the webview renders first (embedded: no round trip before the first paint). */
  readonly initialState: unknown;
  /** Where the bundle comes from: a webview URI (VS Code), or its text inlined (snapshot). */
  readonly script: { readonly src: string } | { readonly inline: string };
  /** Source allowed for styles/images/fonts besides the nonce (`webview.cspSource`). */
  readonly cspSource?: string | undefined;
  /** The strings of the page's language (none for English, whose text is the key). */
  readonly strings?: WebviewStrings | undefined;
  /** Attributes of `<body>`, in order (values are escaped). */
  readonly bodyAttributes?: Readonly<Record<string, string>>;
  /** CSS for a `<style>` element in the head, allowed by the nonce. */
  readonly style?: string | undefined;
  readonly nonce?: string | undefined;
}

/** The id of the JSON block holding the initial state. */
export const INITIAL_STATE_ID = 'dwb-initial-state';
/** The id of the JSON block holding the page's localised strings. */
export const STRINGS_ID = 'dwb-l10n';

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

export const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** JSON that can sit inside a <script> element: no `</script>`, no `<!--`, no line separators. */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/**
 * Nothing loads unless named: scripts only with the nonce (no 'unsafe-inline', no eval), styles,
 * images and fonts from the webview's own source (`cspSource`) or with the nonce, images also as
 * data: URIs (chart exports), no connections, frames or objects (default-src 'none').
 */
export function contentSecurityPolicy(nonce: string, cspSource?: string): string {
  const source = cspSource === undefined ? '' : ` ${cspSource}`;
  return [
    "default-src 'none'",
    `img-src${source} data:`,
    `style-src${source} 'nonce-${nonce}'`,
    `font-src${source}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/**
 * A webview page: the CSP above, the initial state and the strings as JSON data blocks (data
 * blocks never run, so the CSP need not allow them), an empty `<main id="app">` the bundle fills,
 * and the bundle itself under the nonce.
 */
export function webviewPage(o: WebviewPageOptions): string {
  const nonce = o.nonce ?? newNonce();
  const script = 'src' in o.script
    ? `<script nonce="${nonce}" src="${escapeHtml(o.script.src)}"></script>`
    : `<script nonce="${nonce}">${o.script.inline.replaceAll('</script', '<\\/script')}</script>`;
  const style = o.style === undefined ? '' : `<style nonce="${nonce}">${o.style.replaceAll('</style', '<\\/style')}</style>\n`;
  const body = Object.entries(o.bodyAttributes ?? {}).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  const strings = o.strings === undefined ? '' : `<script type="application/json" id="${STRINGS_ID}">${embeddableJson(o.strings)}</script>\n`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce, o.cspSource)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
${style}</head>
<body${body}>
<main id="app" aria-busy="true"></main>
<script type="application/json" id="${INITIAL_STATE_ID}">${embeddableJson(o.initialState)}</script>
${strings}${script}
</body>
</html>
`;
}

export interface MessagePageOptions {
  readonly title: string;
  readonly language: string;
  readonly text: string;
  /** The way out: a link (a `command:` URI the webview's options allow) and its label. */
  readonly link: { readonly href: string; readonly label: string };
  readonly cspSource?: string | undefined;
  readonly nonce?: string | undefined;
}

/**
 * A page without a script (a dashboard with no project to show): one message and one link,
 * under the same policy as every page, its style admitted by the nonce.
 */
export function messagePage(o: MessagePageOptions): string {
  const nonce = o.nonce ?? newNonce();
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce, o.cspSource)}">
<title>${escapeHtml(o.title)}</title>
<style nonce="${nonce}">body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 2em; } a { color: var(--vscode-textLink-foreground); }</style>
</head>
<body>
<p data-testid="message">${escapeHtml(o.text)}</p>
<p><a href="${escapeHtml(o.link.href)}">${escapeHtml(o.link.label)}</a></p>
</body>
</html>
`;
}
