import * as vscode from 'vscode';
import type { ProjectFileError } from '../core/project';
import { PROJECT_FILE_NAME, type Project } from '../core/project/types';
import type { FeatureAccess } from './featureAccess';

/**
 * The workspace's dw-workbench.json: loaded at activation, reloaded when it changes, its problems
 * shown in the Problems panel at file:line:column. Sets the `dwWorkbench.hasProject` context key
 * that the welcome views read.
 */
export class ProjectState implements vscode.Disposable {
  private current: Project | undefined;
  /** What the last load read (file and text): a reload that reads the same keeps its outcome. */
  private loaded: { readonly file: string | undefined; readonly text: string | undefined } | undefined;
  /** Why the project file could not be loaded (its first problem at file:line:column), if it could not. */
  private fileProblem: string | undefined;
  /** Reloads still reading or parsing the file: a command waits for them (`settled`) before it reads `project`. */
  private readonly inflight = new Set<Promise<Project | undefined>>();
  private readonly changed = new vscode.EventEmitter<Project | undefined>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('dw-workbench-project');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];

  /** Fires after the project is (re)loaded, or becomes invalid or absent (undefined). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly features: FeatureAccess,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${PROJECT_FILE_NAME}`);
    watcher.onDidChange(() => void this.reload(), undefined, this.disposables);
    watcher.onDidCreate(() => void this.reload(), undefined, this.disposables);
    watcher.onDidDelete(() => void this.reload(), undefined, this.disposables);
    vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload(), undefined, this.disposables);
    this.disposables.push(watcher);
  }

  get project(): Project | undefined {
    return this.current;
  }

  /** The project file's problem while it has one (`dw-workbench.json:3:13: …`), else undefined. */
  get problem(): string | undefined {
    return this.fileProblem;
  }

  /** The project file's URI at the first workspace folder that has one. */
  async findFile(): Promise<vscode.Uri | undefined> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, PROJECT_FILE_NAME);
      try {
        await vscode.workspace.fs.stat(uri);
        return uri;
      } catch {
        // Not in this folder; try the next.
      }
    }
    return undefined;
  }

  /**
   * Loads the project file again. The same file with the same text (the file watcher and a
   * command both reloading after one write, a save without changes) keeps the current project:
   * nothing is parsed again, and no change fires (a change closes the project's connections).
   */
  reload(): Promise<Project | undefined> {
    const running = this.load();
    this.inflight.add(running);
    void running.then(
      () => this.inflight.delete(running),
      () => this.inflight.delete(running),
    );
    return running;
  }

  /**
   * The project once every reload already started has finished: what a command must read, so a
   * command run right after a save (by the user, or by an action such as "Trust Server
   * Certificate") sees the saved file, not the one before it.
   */
  async settled(): Promise<Project | undefined> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
    return this.current;
  }

  private async load(): Promise<Project | undefined> {
    const uri = await this.findFile();
    const text = uri === undefined ? undefined : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    if (this.loaded !== undefined && this.loaded.file === uri?.fsPath && this.loaded.text === text) return this.current;
    this.diagnostics.clear();
    let next: Project | undefined;
    let problem: string | undefined;
    if (uri !== undefined && text !== undefined) {
      // The parser (Ajv, the schema) lives in the feature bundle: it loads with the first project.
      try {
        next = this.features.parseProject(text, uri.fsPath);
        this.log.info(`Project '${next.config.name}' loaded from ${uri.fsPath} (${next.config.engine})`);
      } catch (e) {
        if (!this.features.isProjectFileError(e)) throw e;
        this.showProblems(uri, e);
        const first = e.problems[0];
        problem = first === undefined ? e.message : `${PROJECT_FILE_NAME}:${first.line}:${first.column}: ${first.message}`;
        this.log.warn(`${uri.fsPath} has ${e.problems.length} problem(s); see the Problems panel.`);
      }
    }
    // Set with the project, before any await: a reload running alongside sees both or neither.
    this.current = next;
    this.fileProblem = problem;
    this.loaded = { file: uri?.fsPath, text };
    await vscode.commands.executeCommand('setContext', 'dwWorkbench.hasProject', next !== undefined);
    this.changed.fire(next);
    return next;
  }

  private showProblems(uri: vscode.Uri, error: ProjectFileError): void {
    this.diagnostics.set(
      uri,
      error.problems.map((p) => {
        const pos = new vscode.Position(p.line - 1, p.column - 1);
        const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), p.message, vscode.DiagnosticSeverity.Error);
        d.source = 'DW Workbench';
        return d;
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
