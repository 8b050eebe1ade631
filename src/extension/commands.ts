import type { CommandId } from './commandIds';
import type { DwContext } from './context';
import { exportDashboardHtml, openDiscounts, openMonitor, openSales, openTargets } from './dashboards/commands';
import { bootstrap } from './commands/bootstrap';
import { newProject } from './commands/newProject';
import { detectProject } from './commands/detectProject';
import { openProjectFile, showOutput } from './commands/projectFile';
import { setPassword } from './commands/setPassword';
import { testConnection } from './commands/testConnection';
import type { EntitiesTree } from './entities/tree';
import {
  activateAllEntities, activateEntity, deactivateAllEntities, deactivateEntity, dryRunEtl, fullReloadEntity, openEntityDefinition, resetWatermark,
  revealEntity, runEtl, showEntityHistory,
} from './etl/commands';
import type { EtlRuns } from './etl/runs';
import { runFolderCommand, runScriptCommand, runSelectionCommand } from './scripts/commands';
import {
  backupNowCommand, destroyStackCommand, restoreBackupCommand, stackStatusCommand, stopStackCommand,
} from './stack/commands';
import { showStackLogsCommand } from './stack/logs';
import type { StackSession } from './stack/session';
import { startStackCommand } from './stack/start';
import { setAlertWebhookCommand, type AlertStatus } from './alerts/status';
import { checkWarehouseCommand, type CheckDiagnostics } from './checks/run';
import { showImpact, showLineage } from './lineage/commands';

/** What a command needs beyond the context: the views it acts on. */
export interface Views {
  readonly entities: EntitiesTree;
  readonly etl: EtlRuns;
  readonly stack: StackSession;
  readonly checks: CheckDiagnostics;
  readonly alerts: AlertStatus;
}

type Handler = (...args: never[]) => unknown;

/** Every command of the extension: id -> factory of its handler. */
const commandTable: { readonly [Id in CommandId]: (ctx: DwContext, views: Views) => Handler } = {
  'dwWorkbench.newProject': newProject,
  'dwWorkbench.detectProject': detectProject,
  'dwWorkbench.bootstrap': bootstrap,
  'dwWorkbench.openProjectFile': openProjectFile,
  'dwWorkbench.setPassword': setPassword,
  'dwWorkbench.testConnection': testConnection,
  'dwWorkbench.showOutput': showOutput,
  'dwWorkbench.refreshEntities': (_ctx, views) => () => views.entities.refresh(),
  'dwWorkbench.openMonitor': openMonitor,
  'dwWorkbench.openSalesDashboard': openSales,
  'dwWorkbench.openTargetsDashboard': openTargets,
  'dwWorkbench.openDiscountsDashboard': openDiscounts,
  'dwWorkbench.exportDashboardHtml': exportDashboardHtml,
  'dwWorkbench.runEtl': runEtl,
  'dwWorkbench.runEntity': runEtl,
  'dwWorkbench.dryRunEtl': dryRunEtl,
  'dwWorkbench.fullReloadEntity': fullReloadEntity,
  'dwWorkbench.resetWatermark': resetWatermark,
  'dwWorkbench.activateEntity': activateEntity,
  'dwWorkbench.deactivateEntity': deactivateEntity,
  'dwWorkbench.activateAllEntities': activateAllEntities,
  'dwWorkbench.deactivateAllEntities': deactivateAllEntities,
  'dwWorkbench.showEntityHistory': showEntityHistory,
  'dwWorkbench.openEntityDefinition': openEntityDefinition,
  'dwWorkbench.revealEntity': revealEntity,
  'dwWorkbench.runScript': runScriptCommand,
  'dwWorkbench.runSelection': runSelectionCommand,
  'dwWorkbench.runFolder': runFolderCommand,
  'dwWorkbench.startStack': (ctx, views) => startStackCommand(ctx, views.stack),
  'dwWorkbench.stopStack': (ctx, views) => stopStackCommand(ctx, views.stack),
  'dwWorkbench.stackStatus': (ctx, views) => stackStatusCommand(ctx, views.stack),
  'dwWorkbench.showStackLogs': (ctx, views) => showStackLogsCommand(ctx, views.stack),
  'dwWorkbench.backupNow': (ctx, views) => backupNowCommand(ctx, views.stack),
  'dwWorkbench.restoreBackup': (ctx, views) => restoreBackupCommand(ctx, views.stack),
  'dwWorkbench.destroyStack': (ctx, views) => destroyStackCommand(ctx, views.stack),
  'dwWorkbench.checkWarehouse': (ctx, views) => checkWarehouseCommand(ctx, views.checks),
  'dwWorkbench.evaluateAlerts': (_ctx, views) => () => views.alerts.evaluate(true),
  'dwWorkbench.setAlertWebhook': setAlertWebhookCommand,
  'dwWorkbench.showLineage': showLineage,
  'dwWorkbench.showImpact': showImpact,
};

/**
 * The handlers, built when the feature bundle starts. The activation shell registers every
 * contributed command as a thin forwarder to these (see src/extension/shell.ts).
 */
export function commandHandlers(ctx: DwContext, views: Views): Map<string, (...args: readonly unknown[]) => unknown> {
  return new Map(Object.entries(commandTable).map(([id, factory]) => [id, factory(ctx, views) as (...args: readonly unknown[]) => unknown]));
}
