import path from 'node:path';
import * as vscode from 'vscode';
import { dialectOfProject } from '../../core/bootstrap/plan';
import { dashboardPage } from '../../core/dashboard/page';
import { lineageLayout, loadLineage, projectLineageSources, type LineageGraph, type LineageLayout } from '../../core/lineage';
import type { Project } from '../../core/project';
import { isLineageOpenMessage, type LineageInitialState } from '../../protocol/lineage';
import type { DwContext } from '../context';
import { entitiesDir } from '../etl/definitions';

export const LINEAGE_VIEW_TYPE = 'dwWorkbench.lineage';

/** The project's lineage graph (the parser and the parsed queries are cached per process, so a rebuild re-reads only edits). */
export async function projectLineage(ctx: DwContext, project: Project): Promise<LineageGraph> {
  return loadLineage(projectLineageSources(project, dialectOfProject(project), entitiesDir(ctx, project), ctx.extension.extensionPath));
}

/** The answer of one lineage or impact question, laid out for the page. */
export function questionLayout(graph: LineageGraph, project: Project, ids: readonly string[], label: string, direction: 'upstream' | 'downstream'): LineageLayout {
  const title = direction === 'upstream' ? vscode.l10n.t('Lineage of {0}', label) : vscode.l10n.t('Impact of {0}', label);
  return lineageLayout(graph.walk(ids, direction), title, (file) => path.relative(project.root, file) || file);
}

/**
 * The "DW Lineage" webview: one panel, showing the last question asked. The page sends item ids
 * only; the host opens the file:line it holds for that id, so the page cannot name any other file.
 */
export class LineagePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private locations: LineageLayout['locations'] = {};

  constructor(private readonly ctx: DwContext) {}

  show(layout: LineageLayout): void {
    const root = vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist', 'webview');
    if (this.panel === undefined) {
      const panel = vscode.window.createWebviewPanel(
        LINEAGE_VIEW_TYPE, layout.title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [root] });
      panel.onDidDispose(() => { this.panel = undefined; });
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isLineageOpenMessage(m)) void this.open(m.id);
      });
      this.panel = panel;
    } else {
      this.panel.title = layout.title;
      this.panel.reveal();
    }
    this.locations = layout.locations;
    const { locations: _kept, ...shown } = layout;
    const initialState: LineageInitialState = { language: vscode.env.language, layout: shown };
    const script = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'lineage.js'));
    this.panel.webview.html = dashboardPage({
      kind: 'lineage', title: layout.title, language: vscode.env.language, strings: vscode.l10n.bundle, initialState, script: { src: script.toString() }, cspSource: this.panel.webview.cspSource,
    });
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
