import * as vscode from 'vscode';
import { BootstrapStepError, EtlScopeError, runBootstrap, type BootstrapEvent } from '../../core/bootstrap';
import { problemText } from '../../core/etl';
import { generateStackPassword } from '../../core/stack/secrets';
import { PASSWORD_VARIABLES } from '../../core/warehouse/scripts';
import type { Project } from '../../core/project';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';
import { entitiesDir } from '../etl/definitions';

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
    case 'scope-end':
      ctx.log.info(`Bootstrap: ETL scope of ${e.active.length} active entities (${e.active.join(', ') || 'none'}) checked in ${Math.round(e.durationMs)} ms, ${e.findings.length} problem(s)`);
      return;
    case 'script':
      if (e.event.type === 'message') ctx.log.info(`  ${vscode.workspace.asRelativePath(e.event.file)}:${e.event.line}: ${e.event.text}`);
      return;
    default:
      return;
  }
}

function lineDiagnostic(line: number | undefined, message: string): vscode.Diagnostic {
  const at = Math.max(0, (line ?? 1) - 1);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(at, 0, at, Number.MAX_SAFE_INTEGER), message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'DW Workbench bootstrap';
  return diagnostic;
}

/**
 * Puts a failed bootstrap in the Problems panel (Bootstrap Warehouse and Start Stack both run the
 * plan): a failed script at its file:line, each ETL scope problem at its definition's file:line;
 * anything else is left to the error message.
 */
export function flagBootstrapFailure(ctx: DwContext, e: unknown): void {
  if (e instanceof EtlScopeError) {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of e.summary.scope.findings) byFile.set(p.file, [...(byFile.get(p.file) ?? []), lineDiagnostic(p.line, problemText(p))]);
    for (const [file, diagnostics] of byFile) ctx.bootstrapDiagnostics.set(vscode.Uri.file(file), diagnostics);
    return;
  }
  if (!(e instanceof BootstrapStepError) || e.file === undefined) return;
  ctx.bootstrapDiagnostics.set(vscode.Uri.file(e.file), [lineDiagnostic(e.line, e.detail)]);
}

/** The ETL scope check failed after the steps: say what ran, that it stays, and where the problems are. */
async function showScopeFailure(ctx: DwContext, e: EtlScopeError): Promise<void> {
  ctx.log.error(e.message);
  const message = vscode.l10n.t(
    'Bootstrap failed: the ETL scope check found {0} problem(s) in the entities active in ctl.etl_control, each in Problems at its definition line. The {1} step(s) that ran ({2} skipped) stay done.',
    e.summary.scope.findings.length, e.summary.ran, e.summary.skipped,
  );
  const show = vscode.l10n.t('Show Problems');
  if ((await vscode.window.showErrorMessage(message, show)) === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
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
          entitiesDir: entitiesDir(ctx, project),
          secrets,
          signal: abort.signal,
          onEvent: (e) => {
            logLine(ctx, e);
            if (e.type === 'step-start') progress.report({ message: vscode.l10n.t('step {0} of {1}: {2}', e.index, e.total, e.name), increment: 100 / e.total });
            if (e.type === 'scope-start') progress.report({ message: vscode.l10n.t('checking the ETL scope') });
          },
        });
      },
    );
    const message = vscode.l10n.t(
      'Warehouse ready: {0} step(s) ran, {1} skipped. ETL scope: the tables and columns of the {2} active entities are all there.',
      summary.ran, summary.skipped, summary.scope.active.length,
    );
    ctx.log.info(message);
    void vscode.window.showInformationMessage(message);
    await vscode.commands.executeCommand('dwWorkbench.refreshEntities');
    return true;
  } catch (e) {
    flagBootstrapFailure(ctx, e);
    if (e instanceof EtlScopeError) await showScopeFailure(ctx, e);
    else await showError(ctx, e, vscode.l10n.t('Bootstrap failed'));
    return false;
  }
};
