import * as vscode from 'vscode';
import { backupNow, listBackups, restoreBackups, type StackStatus } from '../../core/stack';
import type { DwContext } from '../context';
import { backupRuns, formatBytes, formatTakenAt, runDatabases, type BackupRun } from './backupItems';
import { destroyConfirmed } from './confirm';
import { statusBarLook } from './look';
import type { StackSession } from './session';
import { statusLabel } from './texts';

/** "DW: Stop Stack": compose down; the volumes (the data) stay. */
export const stopStackCommand = (_ctx: DwContext, session: StackSession) => async (): Promise<boolean> => {
  const project = await session.requireStackProject();
  if (project === undefined) return false;
  const stopped = await session.run(project, vscode.l10n.t('Stop Stack failed'), (stack) =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Stopping the stack {0}', stack.projectName) }, async () => {
      await stack.down();
      return stack.projectName;
    }),
  );
  if (stopped === undefined) return false;
  void vscode.window.showInformationMessage(vscode.l10n.t('Stack {0} stopped; its data is kept.', stopped));
  return true;
};

interface StatusItem extends vscode.QuickPickItem {
  readonly command?: string;
}

/** "DW: Stack Status": the services and their states, the port, the backups, and what to do next. */
export const stackStatusCommand = (_ctx: DwContext, session: StackSession) => async (): Promise<StackStatus | 'no-stack'> => {
  const project = await session.requireStackProject();
  if (project === undefined) return 'no-stack';
  const read = await session.run(project, vscode.l10n.t('Reading the stack status failed'), async (stack) => ({
    stack,
    services: await stack.serviceStatuses(),
    backups: await listBackups(stack),
  }));
  if (read === undefined) return 'down';
  const { stack, services, backups } = read;
  const status = services[stack.definition.serverService] ?? 'down';
  const items: StatusItem[] = [
    { label: vscode.l10n.t('Services'), kind: vscode.QuickPickItemKind.Separator },
    ...Object.entries(services).map(([service, s]) => ({ label: `${statusBarLook(s).icon} ${service}`, description: statusLabel(s) })),
    { label: vscode.l10n.t('Stack {0}', stack.projectName), kind: vscode.QuickPickItemKind.Separator },
    {
      label: `$(plug) 127.0.0.1:${stack.port}`,
      description: `compose ${stack.options.compose.version} (${stack.options.compose.release})`,
    },
    {
      label: `$(archive) ${vscode.l10n.t('{0} backup file(s)', backups.length)}`,
      description: backups[0] === undefined ? '' : vscode.l10n.t('latest {0}', formatTakenAt(backups[0].takenAt)),
      detail: stack.options.backupDir,
    },
    { label: vscode.l10n.t('Actions'), kind: vscode.QuickPickItemKind.Separator },
    ...(status === 'down'
      ? [{ label: `$(play) ${vscode.l10n.t('Start Stack')}`, command: 'dwWorkbench.startStack' }]
      : [{ label: `$(debug-stop) ${vscode.l10n.t('Stop Stack')}`, command: 'dwWorkbench.stopStack' }]),
    { label: `$(output) ${vscode.l10n.t('Show Stack Logs')}`, command: 'dwWorkbench.showStackLogs' },
    { label: `$(save) ${vscode.l10n.t('Backup Now')}`, command: 'dwWorkbench.backupNow' },
    { label: `$(history) ${vscode.l10n.t('Restore Backup…')}`, command: 'dwWorkbench.restoreBackup' },
  ];
  // Not awaited, so the command returns the status at once (the extension-host suite reads it).
  void vscode.window
    .showQuickPick(items, { title: vscode.l10n.t('Stack {0}: {1}', stack.projectName, statusLabel(status)), placeHolder: vscode.l10n.t('Pick an action') })
    .then((picked) => (picked?.command === undefined ? undefined : vscode.commands.executeCommand(picked.command)));
  return status;
};

/** "DW: Backup Now": every database, into the backup folder on the host. */
export const backupNowCommand = (_ctx: DwContext, session: StackSession) => async (): Promise<boolean> => {
  const project = await session.requireStackProject();
  if (project === undefined) return false;
  const files = await session.run(project, vscode.l10n.t('Backup failed'), (stack) =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Backing up the stack {0}', stack.projectName) }, () =>
      backupNow(stack),
    ),
  );
  if (files === undefined) return false;
  const message = vscode.l10n.t('Backed up {0} database(s): {1}.', files.length, files.map((f) => `${f.file} (${formatBytes(f.sizeBytes)})`).join(', '));
  session.appendLine(message);
  void vscode.window.showInformationMessage(message);
  return true;
};

interface RunItem extends vscode.QuickPickItem {
  readonly run: BackupRun;
}

/** "DW: Restore Backup…": pick a backup run, confirm in a modal, restore each of its databases. */
export const restoreBackupCommand = (_ctx: DwContext, session: StackSession) => async (): Promise<boolean> => {
  const project = await session.requireStackProject();
  if (project === undefined) return false;
  const restored = await session.run(project, vscode.l10n.t('Restore failed'), async (stack) => {
    const runs = backupRuns(await listBackups(stack));
    // Restoring nothing raises the 'backup-missing' error, whose message offers "Backup Now".
    if (runs.length === 0) await restoreBackups(stack, []);
    const picked = await vscode.window.showQuickPick<RunItem>(
      runs.map((run) => ({
        run,
        label: `$(archive) ${formatTakenAt(run.takenAt)}`,
        description: runDatabases(run),
        detail: `${run.files.map((f) => f.file).join(', ')} (${formatBytes(run.sizeBytes)})`,
      })),
      { title: vscode.l10n.t('Restore a backup of stack {0}', stack.projectName), placeHolder: vscode.l10n.t('Newest first') },
    );
    if (picked === undefined) return undefined;
    const restore = vscode.l10n.t('Restore');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Replace {0} with the backup of {1}?', runDatabases(picked.run), formatTakenAt(picked.run.takenAt)),
      { modal: true, detail: vscode.l10n.t('Each database is dropped and recreated from its backup file. Changes made since then are lost.') },
      restore,
    );
    if (choice !== restore) return undefined;
    const files = picked.run.files;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Restoring the stack {0}', stack.projectName) }, () =>
      restoreBackups(stack, files),
    );
    return files.map((f) => f.file);
  });
  if (restored === undefined) return false;
  const message = vscode.l10n.t('Restored {0}.', restored.join(', '));
  session.appendLine(message);
  void vscode.window.showInformationMessage(message);
  await vscode.commands.executeCommand('dwWorkbench.refreshEntities');
  return true;
};

/** "DW: Destroy Stack": deletes the volumes, after a modal and typing the stack's name. Backups stay. */
export const destroyStackCommand = (_ctx: DwContext, session: StackSession) => async (): Promise<boolean> => {
  const project = await session.requireStackProject();
  if (project === undefined) return false;
  const destroyed = await session.run(project, vscode.l10n.t('Destroy Stack failed'), async (stack) => {
    const name = stack.projectName;
    const destroy = vscode.l10n.t('Destroy…');
    const first = await vscode.window.showWarningMessage(
      vscode.l10n.t('Destroy the stack {0} and delete all its data?', name),
      { modal: true, detail: vscode.l10n.t('The containers and their volumes are deleted. Backup files in {0} are kept.', stack.options.backupDir) },
      destroy,
    );
    if (first !== destroy) return undefined;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Destroy Stack'),
      prompt: vscode.l10n.t('Type {0} to delete the stack and its data.', name),
      placeHolder: name,
      ignoreFocusOut: true,
      validateInput: (value) => (value === '' || destroyConfirmed(value, name) ? undefined : vscode.l10n.t('Type {0} exactly.', name)),
    });
    if (!destroyConfirmed(typed, name)) return undefined;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Destroying the stack {0}', name) }, () => stack.destroy());
    return name;
  });
  if (destroyed === undefined) return false;
  void vscode.window.showInformationMessage(vscode.l10n.t('Stack {0} destroyed: containers and volumes deleted; backups kept.', destroyed));
  return true;
};
