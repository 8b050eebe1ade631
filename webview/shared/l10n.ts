import { ptBr } from './l10n.pt-br';

/**
 * Webview strings. The English text is the key (as in vscode.l10n); Brazilian Portuguese comes
 * from `l10n.pt-br.ts`. The language is VS Code's display language, passed in the initial state.
 */
let dictionary: Readonly<Record<string, string>> = {};
let current = 'en';

export function setLanguage(language: string): void {
  current = language;
  dictionary = language.toLowerCase().startsWith('pt') ? ptBr : {};
}

/** VS Code's display language (not the browser's): numbers and dates are formatted with it. */
export function uiLanguage(): string {
  return current;
}

export function t(key: string, ...args: readonly (string | number)[]): string {
  return (dictionary[key] ?? key).replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)] ?? ''));
}
