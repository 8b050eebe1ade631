import * as vscode from 'vscode';
import { connectionConfig, type Project } from '../../core/project';
import {
  bootstrapOnStack, checkStackConnection, projectOnStack, stackAdminPassword, startStack, type ComposeStack, type StackEvent,
} from '../../core/stack';
import { flagBootstrapFailure } from '../commands/bootstrap';
import type { DwContext } from '../context';
import { entitiesDir } from '../etl/definitions';
import { connectionUsesStack } from './connection';
import { progressIncrement, progressMessage } from './progress';
import type { StackSession } from './session';
import { progressTexts } from './texts';

/**
 * "DW: Start Stack": compose up, wait for health (the server's last log line in the
 * notification), the bootstrap plan, a connection check. Cancellable; true when the stack is ready.
 */
export const startStackCommand = (ctx: DwContext, session: StackSession) => async (): Promise<boolean> => {
  const project = await session.requireStackProject();
  if (project === undefined) return false;
  const abort = new AbortController();
  let report: (e: StackEvent) => void = () => undefined;
  const ready = await session.run(project, vscode.l10n.t('Start Stack failed'), (stack) =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the stack {0}', stack.projectName), cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        report = (e) => {
          const message = progressMessage(e, progressTexts);
          const increment = progressIncrement(e);
          if (message !== undefined || increment !== undefined) {
            progress.report({ ...(message === undefined ? {} : { message: stack.mask(message) }), ...(increment === undefined ? {} : { increment }) });
          }
        };
        const timings = await startStack(stack, {
          bootstrap: async (s) => {
            ctx.bootstrapDiagnostics.clear();
            try {
              await runBootstrap(session, project, s, entitiesDir(ctx, project), (m) => progress.report({ message: s.mask(m) }), abort.signal);
            } catch (e) {
              flagBootstrapFailure(ctx, e);
              throw e;
            }
          },
          checkConnection: async (s) => { session.appendLine(s.mask(vscode.l10n.t('Connected: {0}', await checkStackConnection(project, s)))); },
        }, abort.signal);
        await adoptAdminPassword(ctx, project, stack);
        return { stack, timings };
      },
    ),
  { listener: (e) => report(e), starting: true },
  );
  if (ready === undefined) {
    if (abort.signal.aborted) {
      void vscode.window.showInformationMessage(vscode.l10n.t("Start Stack cancelled. Containers already started keep running; 'DW: Stop Stack' stops them."));
    }
    return false;
  }
  const { stack, timings } = ready;
  const message = vscode.l10n.t(
    'Stack {0} is ready on 127.0.0.1:{1} (up {2} s, healthy after {3} s, bootstrap {4} s).',
    stack.projectName, stack.port, secs(timings.upMs), secs(timings.healthMs), secs(timings.bootstrapMs),
  );
  const watch = stack.options.watch;
  const watching = watch === undefined
    ? ''
    : watch.etl
      ? vscode.l10n.t("The watch service runs the ETL and the alerts every {0}; 'DW: Show Stack Logs' shows it.", watch.every)
      : vscode.l10n.t("The watch service evaluates the alerts every {0}; 'DW: Show Stack Logs' shows it.", watch.every);
  session.appendLine(message);
  if (watching !== '') session.appendLine(watching);
  void vscode.window.showInformationMessage(watching === '' ? message : `${message} ${watching}`);
  await vscode.commands.executeCommand('dwWorkbench.refreshEntities');
  return true;
};

async function runBootstrap(
  session: StackSession,
  project: Project,
  stack: ComposeStack,
  definitionsDir: string,
  report: (message: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const summary = await bootstrapOnStack(project, stack, {
    entitiesDir: definitionsDir,
    signal,
    onEvent: (e) => {
      if (e.type !== 'step-start' && e.type !== 'step-skip') return;
      const message = e.type === 'step-start'
        ? vscode.l10n.t('bootstrap step {0} of {1}: {2}', e.index, e.total, e.name)
        : vscode.l10n.t('bootstrap step {0} of {1}: {2} skipped ({3})', e.index, e.total, e.name, e.reason);
      session.appendLine(stack.mask(message));
      report(message);
    },
  });
  if (summary === undefined) session.appendLine(vscode.l10n.t('The project has no bootstrap plan (bootstrap.steps); nothing to run.'));
}

/**
 * When the project's connection is the stack's administrator on its port, the stack's admin
 * password becomes the connection's, so "Test Connection" and the views work right away.
 */
async function adoptAdminPassword(ctx: DwContext, project: Project, stack: ComposeStack): Promise<void> {
  const password = stackAdminPassword(stack);
  const adminUser = projectOnStack(project, stack).config.connection.user ?? '';
  if (password === undefined || !connectionUsesStack(connectionConfig(project, 'dw'), { port: stack.port, adminUser })) return;
  if ((await ctx.passwords.get(project)) === password) return;
  await ctx.passwords.store(project, password);
  await ctx.connections.reset();
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(1);
}
