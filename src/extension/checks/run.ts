import path from 'node:path';
import * as vscode from 'vscode';
import { userInfo } from 'node:os';
import { problemLines, recordProjectChecks, resultMessage, runProjectChecks, type CheckReport, type CheckResult } from '../../core/checks';
import type { Project } from '../../core/project';
import type { DwContext } from '../context';
import { replaceDiagnostics } from '../diagnostics';
import { entitiesDir } from '../etl/definitions';

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

/** The checks' results in the Problems panel, at the definition, script or project file line each comes from. */
export class CheckDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dw-workbench-checks');

  publish(project: Project, report: CheckReport): void {
    const entries: [string, vscode.Diagnostic][] = [];
    for (const r of report.checks.filter((c) => !c.ok)) {
      // A scope result has a place per finding; the others one place for the check.
      const places = r.findings !== undefined && r.findings.length > 0 ? r.findings : [{ location: r.location, message: resultMessage(r) }];
      for (const { location, message } of places) {
        const file = location?.file ?? project.file;
        const line = Math.max(0, (location?.line ?? 1) - 1);
        const column = Math.max(0, (location?.column ?? 1) - 1);
        const d = new vscode.Diagnostic(new vscode.Range(line, column, line, column + 1), message, SEVERITY[r.severity]);
        d.source = 'DW Workbench checks';
        d.code = r.check;
        entries.push([file, d]);
      }
    }
    replaceDiagnostics(this.collection, entries);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * Runs every check of the project: the ETL scope over both databases, then the SQL checks on the
 * warehouse; keeps the results in ctl.check_result (the monitor shows them, as after `dwb check`).
 */
export async function checkProject(ctx: DwContext, project: Project, signal?: AbortSignal, by = `VS Code (${currentUser()})`): Promise<CheckReport> {
  const engines = await ctx.connections.engines(project);
  const target = await engines.get('dw');
  const report = await runProjectChecks(project, {
    source: await engines.get('oltp'), target, entitiesDir: entitiesDir(ctx, project), ...(signal ? { signal } : {}),
  });
  const failed = await recordProjectChecks(project, target, report, { by, ...(signal ? { signal } : {}) });
  if (failed !== undefined) ctx.log.warn(`The check results were not kept in ctl.check_result (the ETL monitor shows the last kept ones): ${failed}`);
  return report;
}

/** The lines the dw-check task prints (the $dw-check problem matcher reads the failed ones). */
export function reportLines(project: Project, report: CheckReport): string[] {
  const relative = (file: string): string => path.relative(project.root, file) || file;
  const status = (r: CheckResult): string => (r.ok ? 'OK  ' : r.severity === 'error' ? 'FAIL' : r.severity.toUpperCase());
  const s = report.summary;
  return [
    ...report.checks.map((r) => `${status(r)} ${r.check} = ${r.value ?? '-'} (expected ${r.expected})`),
    ...report.checks.flatMap((r) => problemLines(r, relative)),
    `${s.passed}/${s.total_checks} checks passed (${s.errors} errors, ${s.warnings} warnings).`,
  ];
}

/**
 * DW: Check Warehouse: runs the checks with progress, puts the failures in Problems and keeps the
 * results for the monitor. It returns once they are kept (the monitor's "Run Checks" waits for
 * that), without waiting for the user to answer the message that follows.
 */
export function checkWarehouseCommand(ctx: DwContext, diagnostics: CheckDiagnostics): () => Promise<void> {
  return async () => {
    const project = await ctx.requireProject();
    if (project === undefined) return;
    try {
      const report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the warehouse…'), cancellable: true },
        (_progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          return checkProject(ctx, project, abort.signal);
        },
      );
      diagnostics.publish(project, report);
      for (const line of reportLines(project, report)) ctx.log.info(line);
      const s = report.summary;
      const text = vscode.l10n.t('Warehouse checks: {0} of {1} passed ({2} errors, {3} warnings).', s.passed, s.total_checks, s.errors, s.warnings);
      if (s.failed === 0) {
        void vscode.window.showInformationMessage(text);
      } else {
        const show = vscode.l10n.t('Show Problems');
        void (s.errors > 0 ? vscode.window.showErrorMessage(text, show) : vscode.window.showWarningMessage(text, show)).then(async (choice) => {
          if (choice === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
        });
      }
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Check Warehouse failed: {0}', e instanceof Error ? e.message : String(e)));
    }
  };
}
