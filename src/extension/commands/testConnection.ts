import * as vscode from 'vscode';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';

/** "DW: Test Connection": connects with the project's settings and shows the server info. */
export const testConnection = (ctx: DwContext) => async function run(): Promise<void> {
  const project = await ctx.requireProject();
  if (project === undefined) return;
  try {
    // The shared engine: PGlite opens a data directory once per process.
    const info = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Connecting to {0}…', project.config.engine) },
      async () => (await ctx.connections.engine(project, 'dw')).serverInfo(),
    );
    const edition = info.edition === undefined ? '' : ` ${info.edition}`;
    const summary = vscode.l10n.t('Connected: {0} {1}{2} at {3}, database {4}.', info.product, info.version, edition, info.address, info.database);
    ctx.log.info(summary);
    void vscode.window.showInformationMessage(summary);
  } catch (e) {
    // After "Trust Server Certificate" the connection is tested again with the saved setting.
    await showError(ctx, e, vscode.l10n.t('Test Connection failed'), { retry: run });
  }
};
