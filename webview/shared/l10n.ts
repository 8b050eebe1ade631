import * as l10n from '@vscode/l10n';

/**
 * Webview strings: the extension's own l10n bundle (`l10n/bundle.l10n.<language>.json`, the
 * English text is the key, as in `vscode.l10n`). The host puts the bundle of VS Code's display
 * language into the page (`dwb-l10n`, see src/core/webview/webviewPage.ts); English pages get
 * none. The language itself comes in the initial state and sets number and date formats.
 */
let current = 'en';

/** The id of the page's JSON block with the strings (`STRINGS_ID` on the host). */
const STRINGS_ID = 'dwb-l10n';

function pageStrings(): Record<string, string> {
  const text = typeof document === 'undefined' ? null : document.getElementById(STRINGS_ID)?.textContent;
  return text === null || text === undefined ? {} : (JSON.parse(text) as Record<string, string>);
}

export function setLanguage(language: string, strings: Readonly<Record<string, string>> = pageStrings()): void {
  current = language;
  l10n.config({ contents: { ...strings } });
}

/** VS Code's display language (not the browser's): numbers and dates are formatted with it. */
export function uiLanguage(): string {
  return current;
}

export function t(key: string, ...args: readonly (string | number)[]): string {
  return l10n.t(key, ...args);
}
