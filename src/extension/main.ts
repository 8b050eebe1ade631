import * as vscode from 'vscode';
import type { ProjectFileError } from '../core/project';
import { DwContext } from './context';
import type { FeatureAccess } from './featureAccess';
import { loadFeatures } from './features/load';
import { activateShell } from './shell';

/**
 * Activation stays cheap: this bundle (dist/extension.js) is the shell: the context, and
 * commands, the ETL Entities view, the task provider and the dashboard serializers that load
 * the feature bundle (dist/features.js) when first used. No driver, feature or webview code
 * runs here; engines open on first use. The time it takes is logged, and measured by
 * `npm run bench:activation`.
 */
export function activate(extension: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('DW Workbench', { log: true });
  extension.subscriptions.push(log);
  // The feature bundle loads on the first call of one of these, not here.
  const features: FeatureAccess = {
    createConnections: (passwords, channel) => new (loadFeatures().Connections)(passwords, channel),
    parseProject: (text, file) => loadFeatures().parseProject(text, file),
    isProjectFileError: (e): e is ProjectFileError => e instanceof loadFeatures().ProjectFileError,
  };
  const ctx = new DwContext(extension, log, features);
  extension.subscriptions.push(ctx);
  activateShell(ctx);

  // The project loads after activation returns, so a large workspace never delays it.
  void ctx.projectState.reload().catch((e: unknown) => log.error(`Loading dw-workbench.json failed: ${String(e)}`));
  log.info(`DW Workbench activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {
  // Disposables registered in extension.subscriptions close engines and views.
}
