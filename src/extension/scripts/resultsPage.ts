import { webviewPage, type WebviewStrings } from '../../core/webview/webviewPage';
import type { ResultsInitialState } from '../../protocol/results';

export interface ResultsPageOptions {
  readonly title: string;
  readonly initialState: ResultsInitialState;
  /** The bundle's URL (asWebviewUri in VS Code, the test server's in tests). */
  readonly scriptSrc: string;
  /** `webview.cspSource`: styles and fonts come from there or carry the nonce. */
  readonly cspSource: string;
  /** The strings of the display language (`vscode.l10n.bundle`); none for English. */
  readonly strings?: WebviewStrings | undefined;
  readonly nonce?: string;
}

/** The results view's page: the webviews' one page builder (strict CSP, state as a JSON block). */
export function resultsPage(o: ResultsPageOptions): string {
  return webviewPage({
    title: o.title,
    language: o.initialState.language,
    initialState: o.initialState,
    script: { src: o.scriptSrc },
    cspSource: o.cspSource,
    strings: o.strings,
    nonce: o.nonce,
  });
}
