import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { homedir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { defaultExportPath } from '../../core/dashboard/exportPath';
import type { FactHostActions, MonitorHostActions, SalesHostActions } from '../../core/dashboard/handler';
import { salesCsvLines } from '../../core/sales/csv';
import { salesQueryLiteralText, salesQueryText, type SalesQueries } from '../../core/sales/load';
import type { DwContext } from '../context';
import { discountsCsvLines, targetsCsvLines } from '../../core/dashboard/factCsv';
import type { TargetsQueries } from '../../core/targets/load';
import type { DiscountsQueries } from '../../core/discounts/load';
import type { TargetsFilters, TargetsQueryId } from '../../protocol/targets';
import type { DiscountsFilters, DiscountsQueryId } from '../../protocol/discounts';
import { confirmResetWatermark } from '../etl/confirmations';

/** Rows a CSV export may hold; the detail query streams them, so memory stays flat. */
const CSV_MAX_ROWS = 1_000_000;

/** Scheme of the read-only SQL documents "Show SQL" opens (no file, no save prompt on close). */
export const SQL_VIEW_SCHEME = 'dw-workbench-sql';
const sqlViews = new Map<string, string>();
let sqlViewProvider: vscode.Disposable | undefined;

/**
 * Opens `text` as a read-only virtual document in the engine's SQL language: `postgres` when
 * an installed extension provides it for PostgreSQL (else plain `sql`), `sql` for SQL Server.
 */
async function showReadOnlySql(ctx: DwContext, name: string, text: string, engine: 'postgres' | 'sqlserver'): Promise<void> {
  if (sqlViewProvider === undefined) {
    const provider = vscode.workspace.registerTextDocumentContentProvider(SQL_VIEW_SCHEME, { provideTextDocumentContent: (uri) => sqlViews.get(uri.toString()) ?? '' });
    sqlViewProvider = provider;
    ctx.subscriptions.push(provider, { dispose: () => { sqlViewProvider = undefined; sqlViews.clear(); } });
  }
  const uri = vscode.Uri.from({ scheme: SQL_VIEW_SCHEME, path: `/${name}`, query: String(sqlViews.size + 1) });
  sqlViews.set(uri.toString(), text);
  let doc = await vscode.workspace.openTextDocument(uri);
  const languages = await vscode.languages.getLanguages();
  const language = engine === 'postgres' && languages.includes('postgres') ? 'postgres' : 'sql';
  if (doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** The save dialog's starting file for an export: in the project's (or workspace's) folder. */
export function exportUri(ctx: DwContext, fileName: string): vscode.Uri {
  return vscode.Uri.file(defaultExportPath(fileName, {
    projectRoot: ctx.project?.root,
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    home: homedir(),
  }));
}

export function salesHostActions(ctx: DwContext, queries: SalesQueries): SalesHostActions {
  return {
    async showSql(query, filters) {
      const text = filters === undefined ? salesQueryText(queries.dialect, query) : salesQueryLiteralText(queries.dialect, query, filters);
      await showReadOnlySql(ctx, `sales-${query}.sql`, text, sqlEngine(ctx));
    },
    exportCsv: (filters) => saveCsv(ctx, vscode.l10n.t('Export sales detail as CSV'), `sales_${filters.from}_${filters.to}.csv`, salesCsvLines(queries.detailRows(filters, CSV_MAX_ROWS))),
  };
}

/** Asks where, then writes CSV lines (header first) as they stream; says how many rows it wrote. */
async function saveCsv(ctx: DwContext, title: string, fileName: string, lines: AsyncIterable<string>): Promise<{ saved: boolean; rows: number }> {
  const target = await vscode.window.showSaveDialog({ title, filters: { CSV: ['csv'] }, defaultUri: exportUri(ctx, fileName) });
  if (target === undefined) return { saved: false, rows: 0 };
  let rows = -1;
  const out = createWriteStream(target.fsPath, 'utf8');
  for await (const line of lines) {
    rows += 1;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  ctx.log.info(`Exported ${rows} rows to ${target.fsPath}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} rows to {1}.', rows, target.fsPath));
  return { saved: true, rows };
}

const sqlEngine = (ctx: DwContext): 'postgres' | 'sqlserver' => (ctx.project?.config.engine === 'sqlserver' ? 'sqlserver' : 'postgres');

export function targetsHostActions(ctx: DwContext, queries: TargetsQueries): FactHostActions<TargetsFilters, TargetsQueryId> {
  return {
    showSql: (query, filters) => showReadOnlySql(ctx, `targets-${query}.sql`, queries.showSqlText(query, filters), sqlEngine(ctx)),
    exportCsv: (filters) => saveCsv(ctx, vscode.l10n.t('Export targets detail as CSV'), `targets_${filters.from}_${filters.to}.csv`, targetsCsvLines(queries.detailRows(filters, CSV_MAX_ROWS))),
  };
}

export function discountsHostActions(ctx: DwContext, queries: DiscountsQueries): FactHostActions<DiscountsFilters, DiscountsQueryId> {
  return {
    showSql: (query, filters) => showReadOnlySql(ctx, `discounts-${query}.sql`, queries.showSqlText(query, filters), sqlEngine(ctx)),
    exportCsv: (filters) => saveCsv(ctx, vscode.l10n.t('Export discounts detail as CSV'), `discounts_${filters.from}_${filters.to}.csv`, discountsCsvLines(queries.detailRows(filters, CSV_MAX_ROWS))),
  };
}

/** The ETL and the tree own running and revealing; the monitor asks them through commands. */
export function monitorHostActions(ctx: DwContext): MonitorHostActions {
  const has = async (id: string): Promise<boolean> => (await vscode.commands.getCommands(true)).includes(id);
  return {
    async runEntity(entity) {
      if (!(await has('dwWorkbench.runEntity'))) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Running an entity needs the ETL commands, which this installation does not have.'));
        return false;
      }
      ctx.log.info(`Monitor: run ${entity}`);
      await vscode.commands.executeCommand('dwWorkbench.runEntity', entity);
      return true;
    },
    async controlChanged(entity) {
      ctx.log.info(`Monitor: ctl.etl_control of ${entity} changed; refreshing the ETL Entities view`);
      if (await has('dwWorkbench.refreshEntities')) await vscode.commands.executeCommand('dwWorkbench.refreshEntities');
    },
    async confirmResetWatermark(entity) {
      const confirmed = await confirmResetWatermark(entity);
      ctx.log.info(`Monitor: reset the watermark of ${entity}: ${confirmed ? 'confirmed' : 'not confirmed, nothing changed'}`);
      return confirmed;
    },
    async revealEntity(entity) {
      if (await has('dwWorkbench.revealEntity')) await vscode.commands.executeCommand('dwWorkbench.revealEntity', entity);
      else await vscode.commands.executeCommand('dwWorkbench.entities.focus');
    },
    async runChecks() {
      if (!(await has('dwWorkbench.checkWarehouse'))) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Running the warehouse checks needs the check commands, which this installation does not have.'));
        return false;
      }
      ctx.log.info('Monitor: run the warehouse checks');
      await vscode.commands.executeCommand('dwWorkbench.checkWarehouse');
      return true;
    },
    async openLocation(location) {
      const root = ctx.project?.root;
      // Kept relative to the project's folder; a shipped entity definition is kept absolute.
      const file = path.isAbsolute(location.file) ? location.file : root === undefined ? undefined : path.resolve(root, location.file);
      if (file === undefined || !existsSync(file)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not there any more: run the checks again.', location.file));
        return false;
      }
      const at = new vscode.Position(Math.max(0, location.line - 1), Math.max(0, location.column - 1));
      await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(at, at), preview: true });
      return true;
    },
  };
}
