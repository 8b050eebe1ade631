import * as vscode from 'vscode';
import { dialectOfProject } from '../../core/bootstrap/plan';
import { loadSqlParser, mappingHover, sqlHover, type LineageGraph } from '../../core/lineage';
import type { DwContext } from '../context';
import { projectLineage } from './panel';

/**
 * The project's lineage graph for hovers: built on first use and again after a definition or
 * SQL file is saved (the parsed queries are cached, so a rebuild re-reads only what changed).
 */
export class LineageGraphCache implements vscode.Disposable {
  private graph: Promise<LineageGraph> | undefined;
  private readonly saved: vscode.Disposable;

  constructor(private readonly ctx: DwContext) {
    this.saved = vscode.workspace.onDidSaveTextDocument((doc) => {
      if (/\.(json|sql)$/i.test(doc.fileName)) this.graph = undefined;
    });
    ctx.projectState.onDidChange(() => { this.graph = undefined; }, undefined, ctx.subscriptions);
  }

  async get(): Promise<LineageGraph | undefined> {
    const project = this.ctx.project;
    if (project === undefined) return undefined;
    this.graph ??= projectLineage(this.ctx, project);
    try {
      return await this.graph;
    } catch (e) {
      this.graph = undefined;
      throw e;
    }
  }

  dispose(): void {
    this.saved.dispose();
  }
}

/** Hovers in entity definitions: where a mapped column comes from and where it goes. */
export class MappingHoverProvider implements vscode.HoverProvider {
  constructor(private readonly graphs: LineageGraphCache) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const graph = await this.graphs.get();
    if (graph === undefined) return undefined;
    const found = mappingHover(doc.getText(), doc.offsetAt(position), graph);
    if (found === undefined) return undefined;
    const md = new vscode.MarkdownString(found.markdown);
    md.isTrusted = false;
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(found.start), doc.positionAt(found.end)));
  }
}

/**
 * Hovers in SQL scripts (the warehouse's and any other .sql of the workspace): the column under
 * the cursor, resolved through its statement, with where it comes from and where it goes, from
 * the same graph as the entity-definition hovers.
 */
export class SqlHoverProvider implements vscode.HoverProvider {
  constructor(private readonly ctx: DwContext, private readonly graphs: LineageGraphCache) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const project = this.ctx.project;
    const range = doc.getWordRangeAtPosition(position);
    if (project === undefined || range === undefined) return undefined;
    const [graph, parser] = await Promise.all([this.graphs.get(), loadSqlParser()]);
    if (graph === undefined) return undefined;
    const variables = Object.fromEntries(Object.entries(project.config.variables ?? {}).map(([k, v]) => [k, String(v)]));
    const markdown = await sqlHover({
      text: doc.getText(), file: doc.uri.fsPath, dialect: dialectOfProject(project), line: position.line + 1, column: position.character + 1, variables,
    }, graph, parser);
    if (markdown === undefined) return undefined;
    const md = new vscode.MarkdownString(markdown);
    md.isTrusted = false;
    return new vscode.Hover(md, range);
  }
}
