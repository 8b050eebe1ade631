import path from 'node:path';
import * as vscode from 'vscode';
import type { DwContext } from '../context';
import { ResultsPanel } from './resultsPanel';
import type { RunSummary } from '../../core/script';
import { runTarget, runTargetOf, type RunTarget, type ScriptServices } from './run';

const services = new WeakMap<DwContext, ScriptServices>();

/** The output channel, Problems collection and results view, created on first use. */
export function servicesOf(ctx: DwContext): ScriptServices {
  let s = services.get(ctx);
  if (s === undefined) {
    const created: ScriptServices = {
      output: vscode.window.createOutputChannel('DW Workbench: Scripts'),
      diagnostics: vscode.languages.createDiagnosticCollection('dw-workbench-scripts'),
      results: new ResultsPanel(ctx, (run) => {
        // "Run again" in a view restored after a reload: the same file, folder or selection.
        const target = runTargetOf(run.target);
        if (target === undefined) {
          void vscode.window.showWarningMessage(vscode.l10n.t('The results view does not say what ran; run the script again from its editor.'));
          return undefined;
        }
        return runTarget(ctx, created, target, run.title);
      }),
      flagged: new Map(),
    };
    s = created;
    ctx.subscriptions.push(s.output, s.diagnostics, s.results);
    services.set(ctx, s);
  }
  return s;
}

function isUri(x: unknown): x is vscode.Uri {
  return x instanceof vscode.Uri;
}

/** The document's path; an untitled editor is placed in the workspace (includes resolve there). */
function documentFile(doc: vscode.TextDocument): string {
  if (!doc.isUntitled) return doc.uri.fsPath;
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  return path.join(root, `${path.basename(doc.uri.path)}.sql`);
}

/** The editor's whole text as a selection: for untitled editors, which have no file to read. */
function wholeDocument(doc: vscode.TextDocument): RunTarget {
  return { kind: 'selection', selection: { file: documentFile(doc), text: doc.getText(), startLine: 1 } };
}

function activeSqlEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a .sql file, or pick one in the Explorer, to run it.'));
  }
  return editor;
}

/** "DW: Run Script": the file picked in the Explorer, or the active editor's file. */
export const runScriptCommand = (ctx: DwContext) => async (uri?: unknown): Promise<RunSummary | undefined> => {
  if (isUri(uri)) {
    return runTarget(ctx, servicesOf(ctx), { kind: 'path', path: uri.fsPath }, vscode.l10n.t('Running {0}', vscode.workspace.asRelativePath(uri)));
  }
  const editor = activeSqlEditor();
  if (editor === undefined) return undefined;
  const doc = editor.document;
  const target: RunTarget = doc.isUntitled ? wholeDocument(doc) : { kind: 'path', path: doc.uri.fsPath };
  return runTarget(ctx, servicesOf(ctx), target, vscode.l10n.t('Running {0}', vscode.workspace.asRelativePath(doc.uri)));
};

/**
 * "DW: Run Selection": the selected text (the whole file when nothing is selected), numbered as
 * in the file, so errors point at the selected lines.
 */
export const runSelectionCommand = (ctx: DwContext) => async (): Promise<RunSummary | undefined> => {
  const editor = activeSqlEditor();
  if (editor === undefined) return undefined;
  const doc = editor.document;
  const sel = editor.selection;
  const target: RunTarget = sel.isEmpty
    ? wholeDocument(doc)
    : { kind: 'selection', selection: { file: documentFile(doc), text: doc.getText(sel), startLine: sel.start.line + 1 } };
  return runTarget(ctx, servicesOf(ctx), target, vscode.l10n.t('Running the selection of {0}', vscode.workspace.asRelativePath(doc.uri)));
};

/** "DW: Run Folder": the folder's .sql files in natural order (a file picks its folder). */
export const runFolderCommand = (ctx: DwContext) => async (uri?: unknown): Promise<RunSummary | undefined> => {
  let folder: vscode.Uri | undefined;
  if (isUri(uri)) {
    const stat = await vscode.workspace.fs.stat(uri);
    folder = stat.type & vscode.FileType.Directory ? uri : vscode.Uri.joinPath(uri, '..');
  } else {
    const active = vscode.window.activeTextEditor?.document.uri;
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
      openLabel: vscode.l10n.t('Run Folder'),
      ...(active?.scheme === 'file' ? { defaultUri: vscode.Uri.joinPath(active, '..') } : {}),
    });
    folder = picked?.[0];
  }
  if (folder === undefined) return undefined;
  return runTarget(ctx, servicesOf(ctx), { kind: 'path', path: folder.fsPath }, vscode.l10n.t('Running the scripts of {0}', vscode.workspace.asRelativePath(folder)));
};
