/**
 * Formats a message for people in their language: the extension passes `vscode.l10n.t` (VS
 * Code's display language, English text as the key), the CLI and tests `english`. Core stays
 * free of `vscode`; the English text is the key of l10n/bundle.l10n*.json.
 */
export type Say = (message: string, ...args: (string | number)[]) => string;

/** The English text with its `{0}`, `{1}`… filled in. */
export const english: Say = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? whole : String(v);
  });
