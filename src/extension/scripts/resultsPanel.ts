import * as vscode from 'vscode';
import type { ResultSetEvent } from '../../core/script';
import { isResultSetView, isResultsRun, isResultsViewMessage, type ResultSetView, type ResultsHostMessage, type ResultsRun, type ResultsViewMessage } from '../../protocol/results';
import type { DwContext } from '../context';
import { resultSetView } from './cells';
import { writeCsvFile } from './csvFile';
import { resultsPage } from './resultsPage';

export const RESULTS_VIEW_TYPE = 'dwWorkbench.results';

/** Runs a restored view's run again ("Run again"): `target` is what the webview kept, unchecked. */
export type RerunResults = (run: ResultsRun) => unknown;

/**
 * The results view: one panel beside the editor, showing the result sets of the last run. The
 * host keeps the sets (for CSV export) and sends each one as it arrives; messages queue until
 * the page says it is ready. The webview saves the run and its sets (setState) and a reload
 * gives them back through the serializer the shell registers, which calls `restore`.
 */
export class ResultsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private queue: ResultsHostMessage[] = [];
  private sets: ResultSetView[] = [];
  private run: ResultsRun | undefined;

  constructor(private readonly ctx: DwContext, private readonly rerun: RerunResults) {}

  /** Empties the view for a new run; the panel opens with the first result set. */
  startRun(run: ResultsRun): void {
    this.sets = [];
    this.queue = [];
    this.run = run;
    if (this.panel !== undefined) this.send({ type: 'run-started', run });
  }

  addResultSet(event: ResultSetEvent, source: string): void {
    const set = resultSetView(event, this.sets.length, source);
    this.sets.push(set);
    // A run's first rows bring the view forward, without taking the focus from the editor.
    if (this.panel !== undefined && set.id === 0) this.panel.reveal(undefined, true);
    this.open();
    this.send({ type: 'result-set', set });
  }

  private root(): vscode.Uri {
    return vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist', 'webview');
  }

  private open(): void {
    if (this.panel !== undefined) return;
    const panel = vscode.window.createWebviewPanel(RESULTS_VIEW_TYPE, vscode.l10n.t('DW Results'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [this.root()],
    });
    this.attach(panel);
    // Sets that came before the page existed are sent once it is ready (the last one by the caller).
    this.queue = [
      ...(this.run === undefined ? [] : [{ type: 'run-started', run: this.run } as const]),
      ...this.sets.slice(0, -1).map((set) => ({ type: 'result-set', set }) as const),
    ];
  }

  /**
   * A panel restored after a window reload, with the state its webview saved: shows that run's
   * sets again, marked as from before the reload (or, when they were too large to keep, says so
   * and offers "Run again"). A state that is not the view's (or absent) leaves an empty view.
   */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    if (this.panel !== undefined) {
      // A run opened a new view before VS Code restored the old one: the new one is current.
      panel.dispose();
      return;
    }
    const saved = savedState(state);
    if (this.run === undefined && saved !== undefined) {
      this.run = saved.run;
      this.sets = [...saved.sets];
    }
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.root()] };
    this.attach(panel);
    const sets = this.sets.map((set) => ({ type: 'result-set', set }) as const);
    if (saved !== undefined && saved.run === this.run) {
      const { droppedChars, shownId, scrollTop } = saved;
      this.queue = [{ type: 'restored', run: saved.run, ...(droppedChars === undefined ? {} : { droppedChars }), ...(shownId === undefined ? {} : { shownId }), ...(scrollTop === undefined ? {} : { scrollTop }) }, ...sets];
    } else {
      // A run since the reload: the view shows that one.
      this.queue = this.run === undefined ? [] : [{ type: 'run-started', run: this.run }, ...sets];
    }
  }

  private attach(panel: vscode.WebviewPanel): void {
    const root = this.root();
    this.panel = panel;
    this.ready = false;
    const scope: vscode.Disposable[] = [];
    panel.onDidDispose(() => {
      this.panel = undefined;
      for (const d of scope) d.dispose();
    }, undefined, scope);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m), undefined, scope);
    panel.webview.html = resultsPage({
      title: panel.title,
      initialState: { language: vscode.env.language },
      strings: vscode.l10n.bundle,
      scriptSrc: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'results.js')).toString(),
      cspSource: panel.webview.cspSource,
    });
  }

  private send(message: ResultsHostMessage): void {
    if (this.panel !== undefined && this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  private async receive(message: unknown): Promise<void> {
    if (!isResultsViewMessage(message)) {
      this.ctx.log.warn('Results view: ignored a message that is not part of its protocol.');
      return;
    }
    await this.handle(message);
  }

  private async handle(message: ResultsViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        const queued = this.queue;
        this.queue = [];
        for (const m of queued) await this.panel?.webview.postMessage(m);
        return;
      }
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        return;
      case 'export-csv':
        await this.exportCsv(message.setId);
        return;
      case 'run-again':
        if (this.run !== undefined) await this.rerun(this.run);
        return;
    }
  }

  private async exportCsv(setId: number): Promise<void> {
    const set = this.sets[setId];
    if (set === undefined) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      filters: { CSV: ['csv'] },
      ...(folder === undefined ? {} : { defaultUri: vscode.Uri.joinPath(folder, `result-${set.batch}.csv`) }),
    });
    if (target === undefined) return;
    try {
      await writeCsvFile(target.fsPath, set);
      const note = set.rows.length < set.totalRows ? vscode.l10n.t(' (the first {0} of {1}: raise dwWorkbench.results.maxRows for more)', set.rows.length, set.totalRows) : '';
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} rows to {1}{2}', set.rows.length, vscode.workspace.asRelativePath(target), note));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Saving the CSV failed: {0}', e instanceof Error ? e.message : String(e)));
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** The webview's saved state, if it is one (result sets that do not validate are dropped). */
function savedState(state: unknown): { run: ResultsRun; sets: ResultSetView[]; droppedChars?: number; shownId?: number; scrollTop?: number } | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const s = state as Record<string, unknown>;
  if (!isResultsRun(s['run'])) return undefined;
  const sets = Array.isArray(s['sets']) ? s['sets'].filter(isResultSetView) : [];
  const droppedChars = Number.isSafeInteger(s['droppedChars']) ? s['droppedChars'] as number : undefined;
  const shownId = Number.isSafeInteger(s['shownId']) ? s['shownId'] as number : undefined;
  const scrollTop = Number.isFinite(s['scrollTop']) && (s['scrollTop'] as number) >= 0 ? s['scrollTop'] as number : undefined;
  return { run: s['run'], sets, ...(droppedChars === undefined ? {} : { droppedChars }), ...(shownId === undefined ? {} : { shownId }), ...(scrollTop === undefined ? {} : { scrollTop }) };
}
