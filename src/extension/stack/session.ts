import path from 'node:path';
import * as vscode from 'vscode';
import type { Project } from '../../core/project';
import {
  createProcessRunner, openProjectStack, stackDefinition, stackEngineOf,
  type ComposeStack, type StackEventListener, type StackStatus,
} from '../../core/stack';
import { webhookSecretKey } from '../alerts/status';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';
import { hasStack } from './look';
import { plainText } from './plainText';
import { channelLine } from './progress';
import { secretStorageStore } from './secretStore';
import { progressTexts } from './texts';

/** What the status bar shows: the server's status, or why it is unknown. */
export interface StackView {
  readonly project: Project | undefined;
  readonly status: StackStatus;
  /** A command is running (the status is 'starting' while "Start Stack" runs). */
  readonly busy: boolean;
  readonly stackName?: string;
  readonly port?: number;
  /** Why the status could not be read (Docker missing, daemon down), already masked. */
  readonly problem?: string;
}

/**
 * The current project's stack: opened once per project (compose detection and secrets), shared
 * by the commands and the status bar; its events go to whichever command listens.
 */
export class StackSession implements vscode.Disposable {
  /** "DW Workbench: Stack": compose output, phases and followed logs (stack events arrive masked). */
  readonly channel = vscode.window.createOutputChannel('DW Workbench: Stack');
  private opened: { readonly project: Project; readonly stack: Promise<ComposeStack> } | undefined;
  private readonly listeners = new Set<StackEventListener>();
  private readonly changed = new vscode.EventEmitter<StackView>();
  private running = 0;
  private startingNow = false;
  private last: StackView = { project: undefined, status: 'down', busy: false };
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.channel, this.changed];

  constructor(private readonly ctx: DwContext) {
    ctx.projectState.onDidChange(() => {
      this.opened = undefined;
      void this.refresh();
    }, undefined, this.disposables);
  }

  /** One line into the Stack channel, without the terminal control sequences compose writes. */
  appendLine(line: string): void {
    this.channel.appendLine(plainText(line));
  }

  get view(): StackView {
    return this.last;
  }

  get busy(): boolean {
    return this.running > 0;
  }

  /** The project when it has a stack; undefined (and nothing shown) otherwise. */
  stackProject(): Project | undefined {
    const project = this.ctx.project;
    return project !== undefined && hasStack(project.config) ? project : undefined;
  }

  /** The project with a stack, or a message saying how to add one (not awaited: commands return at once). */
  async requireStackProject(): Promise<Project | undefined> {
    const project = await this.ctx.requireProject();
    if (project === undefined) return undefined;
    if (hasStack(project.config)) return project;
    const open = vscode.l10n.t('Open Project File');
    const message = project.config.engine === 'pglite'
      ? vscode.l10n.t('{0} uses the embedded engine (pglite), which needs no Docker stack. Set "engine" to "postgres" or "sqlserver" and add a "stack" section to run one.', path.basename(project.file))
      : vscode.l10n.t('{0} has no "stack" section, so there is no Docker stack to run. Add "stack": {} to use the bundled compose file.', path.basename(project.file));
    void vscode.window.showWarningMessage(message, open).then((choice) =>
      choice === open ? vscode.commands.executeCommand('dwWorkbench.openProjectFile') : undefined,
    );
    return undefined;
  }

  open(project: Project): Promise<ComposeStack> {
    if (this.opened?.project !== project) {
      const definition = stackDefinition(stackEngineOf(project));
      const stack = openProjectStack(project, {
        runner: createProcessRunner(),
        secrets: secretStorageStore(this.ctx.passwords, project, definition, process.env),
        bundledDockerDir: path.join(this.ctx.extension.extensionPath, 'docker'),
        env: process.env,
        // The watch image is built from this installation's CLI bundle and templates.
        packageRoot: this.ctx.extension.extensionPath,
        // The watch service delivers to the webhooks "DW: Set Alert Webhook" keeps, as VS Code does.
        webhookUrl: async (name, urlEnv) => (await this.ctx.extension.secrets.get(webhookSecretKey(project, name))) ?? process.env[urlEnv],
        onEvent: (e) => {
          const line = channelLine(e, progressTexts);
          if (line !== undefined) this.appendLine(line);
          for (const l of this.listeners) l(e);
        },
      });
      this.opened = { project, stack };
      // A failed open (Docker missing) is tried again next time, not remembered.
      stack.catch(() => { if (this.opened?.stack === stack) this.opened = undefined; });
    }
    return this.opened.stack;
  }

  /**
   * Runs one command's work on the stack: events to `listener`, errors shown with their action
   * (masked), the status refreshed at the end. Undefined when it failed.
   */
  async run<T>(
    project: Project,
    what: string,
    work: (stack: ComposeStack) => PromiseLike<T>,
    options: {
      readonly listener?: StackEventListener;
      readonly starting?: boolean;
      /** Following logs: the status bar keeps polling meanwhile. */
      readonly background?: boolean;
    } = {},
  ): Promise<T | undefined> {
    let stack: ComposeStack | undefined;
    const counted = options.background !== true;
    if (counted) this.running++;
    if (options.starting === true) this.startingNow = true;
    if (options.listener) this.listeners.add(options.listener);
    if (counted) this.publish({ ...this.last, busy: true, ...(options.starting === true ? { status: 'starting' } : {}) });
    try {
      stack = await this.open(project);
      return await work(stack);
    } catch (e) {
      // Not awaited: the status must not wait for the user to dismiss the message.
      void showError(this.ctx, maskError(e, stack), what);
      return undefined;
    } finally {
      if (options.listener) this.listeners.delete(options.listener);
      if (options.starting === true) this.startingNow = false;
      if (counted) {
        this.running--;
        // Before the command's own message, so the status bar already agrees with it.
        await this.refresh();
      }
    }
  }

  /** Reads the server's status (two docker calls) and tells the status bar. */
  async refresh(): Promise<StackStatus | undefined> {
    const project = this.stackProject();
    if (project === undefined) {
      this.publish({ project: undefined, status: 'down', busy: false });
      return undefined;
    }
    try {
      const stack = await this.open(project);
      const status = this.startingNow ? 'starting' : await stack.status();
      this.publish({ project, status, busy: this.busy, stackName: stack.projectName, port: stack.port });
      return status;
    } catch (e) {
      this.publish({ project, status: 'down', busy: this.busy, problem: e instanceof Error ? e.message : String(e) });
      return 'down';
    }
  }

  private publish(view: StackView): void {
    this.last = view;
    this.changed.fire(view);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Messages of errors from the bootstrap or the driver pass through the stack's mask too. */
function maskError(e: unknown, stack: ComposeStack | undefined): unknown {
  if (stack !== undefined && e instanceof Error) e.message = stack.mask(e.message);
  return e;
}
