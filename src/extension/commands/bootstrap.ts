import * as vscode from 'vscode';
import { BootstrapStepError, runBootstrap, type BootstrapEvent } from '../../core/bootstrap';
import { generateStackPassword } from '../../core/stack/secrets';
import { PASSWORD_VARIABLES } from '../../core/warehouse/scripts';
import type { Project } from '../../core/project';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';

/** Technical logins' passwords: from SecretStorage, generated (and kept) the first time. */
async function loginSecrets(ctx: DwContext, project: Project): Promise<Record<string, string>> {
  const secrets: Record<string, string> = {};
  for (const name of PASSWORD_VARIABLES) {
    let value = await ctx.passwords.getNamed(project, name);
    if (value === undefined) {
      value = generateStackPassword();
      await ctx.passwords.storeNamed(project, name, value);
    }
    secrets[name] = value;
  }
  return secrets;
}

function logLine(ctx: DwContext, e: BootstrapEvent): void {
  switch (e.type) {
    case 'database-created': return ctx.log.info(`Bootstrap: created database ${e.database}`);
    case 'step-start': return ctx.log.info(`Bootstrap [${e.index}/${e.total}] ${e.name}`);
    case 'step-skip': return ctx.log.info(`Bootstrap [${e.index}/${e.total}] ${e.name}: skipped (${e.reason})`);
    case 'step-end': return ctx.log.info(`  done in ${(e.durationMs / 1000).toFixed(1)} s: ${e.detail}`);
    case 'rows': return ctx.log.info(`  ${e.table}: ${e.rows} rows`);
    case 'script':
      if (e.event.type === 'message') ctx.log.info(`  ${vscode.workspace.asRelativePath(e.event.file)}:${e.event.line}: ${e.event.text}`);
      return;
    default:
      return;
  }
}

/**
 * Puts a failed bootstrap script in the Problems panel at its file:line (Bootstrap Warehouse and
 * Start Stack both run the plan); anything else is left to the error message.
 */
export function flagBootstrapFailure(ctx: DwContext, e: unknown): void {
  if (!(e instanceof BootstrapStepError) || e.file === undefined) return;
  const line = Math.max(0, (e.line ?? 1) - 1);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), e.detail, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'DW Workbench bootstrap';
  ctx.bootstrapDiagnostics.set(vscode.Uri.file(e.file), [diagnostic]);
}

/** "DW: Bootstrap Warehouse": runs the project's bootstrap plan with progress; cancellable. */
export const bootstrap = (ctx: DwContext) => async (): Promise<boolean> => {
  const project = await ctx.requireProject();
  if (project === undefined) return false;
  ctx.bootstrapDiagnostics.clear();
  try {
    const engines = await ctx.connections.engines(project);
    const secrets = await loginSecrets(ctx, project);
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Bootstrapping the warehouse'), cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return runBootstrap(project, {
          engines: (role) => engines.get(role),
          secrets,
          signal: abort.signal,
          onEvent: (e) => {
            logLine(ctx, e);
            if (e.type === 'step-start') progress.report({ message: vscode.l10n.t('step {0} of {1}: {2}', e.index, e.total, e.name), increment: 100 / e.total });
          },
        });
      },
    );
    const message = vscode.l10n.t('Warehouse ready: {0} step(s) ran, {1} skipped.', summary.ran, summary.skipped);
    ctx.log.info(message);
    void vscode.window.showInformationMessage(message);
    await vscode.commands.executeCommand('dwWorkbench.refreshEntities');
    return true;
  } catch (e) {
    flagBootstrapFailure(ctx, e);
    await showError(ctx, e, vscode.l10n.t('Bootstrap failed'));
    return false;
  }
};
