import * as vscode from 'vscode';
import { dialectOfProject } from '../../core/bootstrap/plan';
import { dashboardPage } from '../../core/dashboard/page';
import { lineageLayout, lineagePathDisplay, loadLineage, projectLineageSources, type LineageGraph, type LineageLayout } from '../../core/lineage';
import type { Project } from '../../core/project';
import { isLineageOpenMessage, validateLineageSavedState, type LineageInitialState, type LineageQuestion, type LineageView } from '../../protocol/lineage';
import type { DwContext } from '../context';
import { messagePage } from '../../core/webview/webviewPage';
import { noProjectNotice } from '../dashboards/panels';
import { showError } from '../engineErrors';
import { entitiesDir } from '../etl/definitions';

export const LINEAGE_VIEW_TYPE = 'dwWorkbench.lineage';

/** The project's lineage graph (the parser and the parsed queries are cached per process, so a rebuild re-reads only edits). */
export async function projectLineage(ctx: DwContext, project: Project): Promise<LineageGraph> {
  return loadLineage(projectLineageSources(project, dialectOfProject(project), entitiesDir(ctx, project), ctx.extension.extensionPath));
}

/** The answer to a question laid out for the page, or why the name does not resolve (with the nearest names). */
export function questionLayout(graph: LineageGraph, project: Project, question: LineageQuestion, assetsRoot: string):
  { readonly ok: true; readonly layout: LineageLayout } | { readonly ok: false; readonly message: string } {
  const show = lineagePathDisplay(project.root, assetsRoot);
  if (question.name === undefined) return { ok: true, layout: lineageLayout(graph.whole(), vscode.l10n.t('Lineage of the whole warehouse'), show) };
  const target = graph.resolve(question.name);
  if (!target.ok) {
    const hint = target.suggestions.length > 0 ? ` ${vscode.l10n.t('Nearest names: {0}.', target.suggestions.join(', '))}` : '';
    return { ok: false, message: `${target.message}${hint}` };
  }
  const title = question.direction === 'upstream' ? vscode.l10n.t('Lineage of {0}', target.label) : vscode.l10n.t('Impact of {0}', target.label);
  return { ok: true, layout: lineageLayout(graph.walk(target.ids, question.direction), title, show) };
}

/**
 * The "DW Lineage" webview: one panel, showing the last question asked. The page sends item ids
 * only; the host opens the file:line it holds for that id, so the page cannot name any other file.
 * After a window reload the serializer (registered by the shell) gives the panel back with what
 * the page saved, the question and the pan and zoom, and the question is asked again of the
 * project as it is now.
 */
export class LineagePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private locations: LineageLayout['locations'] = {};
  /** The listeners of the panel shown now (they go with it). */
  private scope: vscode.Disposable[] = [];

  constructor(private readonly ctx: DwContext) {}

  /** Shows an answer, in the open panel or a new one. */
  show(layout: LineageLayout, question: LineageQuestion): void {
    if (this.panel === undefined) {
      this.adopt(vscode.window.createWebviewPanel(LINEAGE_VIEW_TYPE, layout.title, vscode.ViewColumn.Active, this.options()));
    } else {
      this.panel.reveal();
    }
    this.render(layout, question, undefined);
  }

  /**
   * A panel VS Code restored after a reload, with the state its page saved. The question is
   * asked again of the project as it is now; a name that no longer resolves says so in the panel.
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.panel !== panel) this.panel?.dispose();
    this.adopt(panel);
    const saved = validateLineageSavedState(state);
    // Nothing usable was saved: the whole warehouse is the one question without a name.
    const question: LineageQuestion = saved.ok ? saved.value.question : { direction: 'upstream' };
    const view = saved.ok ? saved.value.view : undefined;
    panel.webview.html = `<!DOCTYPE html><html><body>${vscode.l10n.t('Loading…')}</body></html>`;
    try {
      const project = this.ctx.project ?? (await this.ctx.projectState.reload());
      if (project === undefined) {
        this.waitForProject(panel, state);
        return;
      }
      const answer = questionLayout(await projectLineage(this.ctx, project), project, question, this.ctx.extension.extensionPath);
      if (answer.ok) {
        this.render(answer.layout, question, view);
      } else {
        const title = question.direction === 'upstream' ? vscode.l10n.t('Lineage of {0}', question.name ?? '') : vscode.l10n.t('Impact of {0}', question.name ?? '');
        this.render({ direction: question.direction, title, layers: [], locations: {} }, question, undefined, answer.message);
      }
    } catch (e) {
      panel.dispose();
      await showError(this.ctx, e, vscode.l10n.t('Show Lineage failed'));
    }
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist', 'webview')] };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    for (const d of this.scope.splice(0)) d.dispose();
    this.panel = panel;
    panel.webview.options = this.options();
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      for (const d of this.scope.splice(0)) d.dispose();
    }, undefined, this.scope);
    panel.webview.onDidReceiveMessage((m: unknown) => {
      if (isLineageOpenMessage(m)) void this.open(m.id);
    }, undefined, this.scope);
  }

  private render(layout: LineageLayout, question: LineageQuestion, view: LineageView | undefined, problem?: string): void {
    const panel = this.panel;
    if (panel === undefined) return;
    panel.title = layout.title;
    this.locations = layout.locations;
    const { locations: _kept, ...shown } = layout;
    const initialState: LineageInitialState = {
      language: vscode.env.language, layout: shown, question, ...(view === undefined ? {} : { view }), ...(problem === undefined ? {} : { problem }),
    };
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist', 'webview', 'lineage.js'));
    panel.webview.html = dashboardPage({
      kind: 'lineage', title: layout.title, language: vscode.env.language, strings: vscode.l10n.bundle, initialState, script: { src: script.toString() }, cspSource: panel.webview.cspSource,
    });
  }

  /** No project yet (none, or its file is broken): the panel says so and fills itself once one loads. */
  private waitForProject(panel: vscode.WebviewPanel, state: unknown): void {
    const notice = noProjectNotice(this.ctx);
    panel.webview.options = { ...this.options(), enableScripts: false, enableCommandUris: [notice.command] };
    panel.webview.html = messagePage({
      title: panel.title, language: vscode.env.language, text: notice.text, link: { href: `command:${notice.command}`, label: notice.action }, cspSource: panel.webview.cspSource,
    });
    const listener = this.ctx.projectState.onDidChange((project) => {
      if (project === undefined || this.panel !== panel) return;
      listener.dispose();
      void this.restore(panel, state);
    });
    this.scope.push(listener);
  }

  /** Opens an item's file at its line (beside the panel). */
  async open(id: string): Promise<void> {
    const at = this.locations[id];
    if (at === undefined) return;
    const line = Math.max(0, at.line - 1);
    const range = new vscode.Range(line, 0, line, 0);
    await vscode.window.showTextDocument(vscode.Uri.file(at.file), { selection: range, viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

const panels = new WeakMap<DwContext, LineagePanel>();

/** The extension's one lineage panel (created on first use, disposed with the extension). */
export function lineagePanel(ctx: DwContext): LineagePanel {
  let panel = panels.get(ctx);
  if (panel === undefined) {
    panel = new LineagePanel(ctx);
    panels.set(ctx, panel);
    ctx.extension.subscriptions.push(panel);
  }
  return panel;
}
