import * as vscode from 'vscode';

/** How a confirmation is asked (VS Code's warning message; the extension-host tests record it). */
export type AskModal = (message: string, options: vscode.MessageOptions, ...items: string[]) => Thenable<string | undefined>;

/**
 * The one confirmation of "Reset Watermark", wherever it starts (the ETL Entities tree, the
 * palette, the ETL monitor's row): a modal naming the entity and what the next run does.
 */
export async function confirmResetWatermark(
  entity: string,
  ask: AskModal = (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
): Promise<boolean> {
  const reset = vscode.l10n.t('Reset Watermark');
  const choice = await ask(
    vscode.l10n.t('Reset the watermark of {0}?', entity),
    { modal: true, detail: vscode.l10n.t('The next run reads every source row again from 1900-01-01 (the merge keeps the target free of duplicates). Nothing is deleted.') },
    reset,
  );
  return choice === reset;
}
