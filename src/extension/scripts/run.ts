import * as vscode from 'vscode';
import { isScriptError, loadScriptPlan, runScript, scriptVariables, type RunSummary, type ScriptEvent, type ScriptFileReader, type ScriptPlan } from '../../core/script';
import type { Dialect } from '../../core/engine/types';
import type { Project } from '../../core/project';
import type { DwContext } from '../context';
import { diagnosticsByFile } from '../diagnostics';
import { showError } from '../engineErrors';
import { outputLines } from './outputLines';
import { problemOfRunError, problemsOfScriptError, type Problem } from './problems';
import type { ResultsPanel } from './resultsPanel';
import { selectionPlan, type ScriptSelection } from './selection';
import { ScriptSessions } from './sessions';

/** What a run covers: a file or folder on disk, or an editor's selection (or unsaved text). */
export type RunTarget =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'selection'; readonly selection: ScriptSelection };

/** What the script commands share for the life of the extension. */
export interface ScriptServices {
  readonly output: vscode.OutputChannel;
  readonly diagnostics: vscode.DiagnosticCollection;
  readonly results: ResultsPanel;
  /** The files each target flagged last time, so a clean run clears them. */
  readonly flagged: Map<string, vscode.Uri[]>;
}

const label = (file: string): string => vscode.workspace.asRelativePath(file);

/** Reads from open editors first (unsaved edits run as shown), then from disk. */
const readFile: ScriptFileReader = async (absolutePath) => {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === absolutePath);
  if (open?.isDirty === true) return new TextEncoder().encode(open.getText());
  return vscode.workspace.fs.readFile(vscode.Uri.file(absolutePath));
};

/** A target as the results view kept it across a reload (JSON), if it still is one. */
export function runTargetOf(x: unknown): RunTarget | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const t = x as Record<string, unknown>;
  if (t['kind'] === 'path' && typeof t['path'] === 'string' && t['path'] !== '') return { kind: 'path', path: t['path'] };
  const s = t['selection'] as Record<string, unknown> | null | undefined;
  if (t['kind'] !== 'selection' || typeof s !== 'object' || s === null) return undefined;
  const { file, text, startLine } = s;
  if (typeof file !== 'string' || typeof text !== 'string' || !Number.isSafeInteger(startLine) || (startLine as number) < 1) return undefined;
  return { kind: 'selection', selection: { file, text, startLine: startLine as number } };
}

function targetKey(target: RunTarget): string {
  return target.kind === 'path' ? target.path : target.selection.file;
}

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const line = Math.max(0, p.line - 1);
  const start = p.column === undefined ? 0 : Math.max(0, p.column - 1);
  const range = new vscode.Range(line, start, line, p.column === undefined ? Number.MAX_SAFE_INTEGER : start + 1);
  const d = new vscode.Diagnostic(range, p.message, vscode.DiagnosticSeverity.Error);
  d.source = 'DW Workbench';
  if (p.code !== undefined) d.code = p.code;
  if (p.includedFrom.length > 0) {
    d.relatedInformation = p.includedFrom.map((at) => new vscode.DiagnosticRelatedInformation(
      new vscode.Location(vscode.Uri.file(at.file), new vscode.Position(Math.max(0, at.line - 1), 0)),
      vscode.l10n.t('included from here'),
    ));
  }
  return d;
}

/** Replaces what this target flagged before (and what its files carry) with `problems`. */
function publish(services: ScriptServices, target: RunTarget, files: readonly string[], problems: readonly Problem[]): void {
  const key = targetKey(target);
  for (const uri of services.flagged.get(key) ?? []) services.diagnostics.delete(uri);
  for (const file of files) services.diagnostics.delete(vscode.Uri.file(file));
  const byFile = diagnosticsByFile(problems.map((p) => [p.file, toDiagnostic(p)] as const));
  const uris = [...byFile.keys()].map((f) => vscode.Uri.file(f));
  for (const uri of uris) services.diagnostics.set(uri, byFile.get(uri.fsPath) ?? []);
  services.flagged.set(key, uris);
}

function planOf(target: RunTarget, dialect: Dialect, variables: Record<string, string>): Promise<ScriptPlan> {
  return target.kind === 'selection'
    ? selectionPlan(target.selection, { dialect, readFile, variables })
    : loadScriptPlan(target.path, { dialect, readFile, variables });
}

function maxRows(): number {
  return vscode.workspace.getConfiguration('dwWorkbench.results').get<number>('maxRows', 100_000);
}

/**
 * Runs a target on the project's warehouse database: splits it (a parse error runs nothing and
 * lands in the Problems panel), then runs it batch by batch with progress and cancel, writing
 * the output channel, the results view and the Problems panel as events arrive.
 */
export async function runTarget(ctx: DwContext, services: ScriptServices, target: RunTarget, title: string): Promise<RunSummary | undefined> {
  const project = await ctx.requireProject();
  if (project === undefined) return undefined;
  let sessions: ScriptSessions | undefined;
  try {
    const engines = await ctx.connections.engines(project);
    const dialect = (await engines.get('dw')).dialect;
    const plan = await loadPlan(services, target, dialect, variablesOf(project, dialect));
    if (plan === undefined) return undefined;
    sessions = new ScriptSessions(engines, (config) => ctx.connections.open(config));
    const connect = sessions.connect;
    services.output.appendLine('');
    services.results.startRun({ title, startedAt: Date.now(), target });
    const problems: Problem[] = [];
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const onEvent = (e: ScriptEvent): void => {
          for (const line of outputLines(e, label, new Date())) services.output.appendLine(line);
          if (e.type === 'batch-start') {
            progress.report({ message: vscode.l10n.t('batch {0} of {1} ({2}:{3})', e.index, e.total, label(e.file), e.line), increment: e.iteration === 1 ? 100 / e.total : 0 });
          } else if (e.type === 'batch-error') {
            problems.push(problemOfRunError(e.error));
          } else if (e.type === 'result-set') {
            const start = plan.batches[e.index - 1];
            services.results.addResultSet(e, start === undefined ? '' : `${label(start.startFile)}:${start.startLine}`);
          }
        };
        return runScript(plan, { connect, signal: abort.signal, onEvent, maxRows: maxRows() });
      },
    );
    publish(services, target, plan.files, problems);
    report(services, summary);
    return summary;
  } catch (e) {
    await showError(ctx, e, vscode.l10n.t('Running the script failed'));
    return undefined;
  } finally {
    await sessions?.close();
  }
}

function variablesOf(project: Project, dialect: Dialect): Record<string, string> {
  return scriptVariables({ dialect, environment: process.env, ...(project.config.variables === undefined ? {} : { project: project.config.variables }) });
}

/** The plan, or undefined after putting a parse error in the Problems panel. */
async function loadPlan(services: ScriptServices, target: RunTarget, dialect: Dialect, variables: Record<string, string>): Promise<ScriptPlan | undefined> {
  try {
    return await planOf(target, dialect, variables);
  } catch (e) {
    if (!isScriptError(e)) throw e;
    const files = target.kind === 'path' ? [target.path] : [target.selection.file];
    const problems = problemsOfScriptError(e);
    publish(services, target, files, problems);
    services.output.appendLine(e.message);
    const first = problems[0];
    const where = first === undefined ? '' : `${label(first.file)}:${first.line}: ${first.message}`;
    const show = vscode.l10n.t('Show Problems');
    // Not awaited: the command ends now; the message waits for the user on its own.
    void vscode.window.showErrorMessage(vscode.l10n.t('The script has an error; nothing ran: {0}', where), show).then((choice) =>
      choice === show ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined);
    return undefined;
  }
}

/** Tells the user how the run ended; never waits for them (the command resolves with the summary). */
function report(services: ScriptServices, summary: RunSummary): void {
  if (summary.cancelled) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Script cancelled: {0} batch(es) ran, {1} not run.', summary.succeeded + summary.failed, summary.skipped));
    return;
  }
  if (summary.ok) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0} batch(es) ran in {1} s', summary.succeeded, (summary.durationMs / 1000).toFixed(1)), 5000);
    return;
  }
  const first = summary.errors[0];
  const where = first === undefined ? '' : `${label(first.file)}:${first.line}: ${first.message}`;
  const showOutput = vscode.l10n.t('Show Output');
  void vscode.window.showErrorMessage(vscode.l10n.t('{0} batch(es) failed. {1}', summary.failed, where), showOutput).then((choice) => {
    if (choice === showOutput) services.output.show(true);
  });
}
