import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { defaultExportPath } from '../../core/dashboard/exportPath';
import type { MonitorHostActions, SalesHostActions } from '../../core/dashboard/handler';
import { salesCsvLines } from '../../core/sales/csv';
import { salesQueryLiteralText, salesQueryText, type SalesQueries } from '../../core/sales/load';
import type { DwContext } from '../context';
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
      await showReadOnlySql(ctx, `sales-${query}.sql`, text, ctx.project?.config.engine === 'sqlserver' ? 'sqlserver' : 'postgres');
    },
    async exportCsv(filters) {
      const target = await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export sales detail as CSV'),
        filters: { CSV: ['csv'] },
        defaultUri: exportUri(ctx, `sales_${filters.from}_${filters.to}.csv`),
      });
      if (target === undefined) return { saved: false, rows: 0 };
      let rows = -1;
      const out = createWriteStream(target.fsPath, 'utf8');
      for await (const line of salesCsvLines(queries.detailRows(filters, CSV_MAX_ROWS))) {
        rows += 1;
        if (!out.write(line)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      ctx.log.info(`Exported ${rows} sales rows to ${target.fsPath}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} rows to {1}.', rows, target.fsPath));
      return { saved: true, rows };
    },
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
  };
}
