import * as vscode from 'vscode';
import type { RunEntityDetail } from '../../protocol/monitor';
import type { EtlTaskRequest } from '../../core/etl/present/taskRequest';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';
import type { EntitiesTree } from '../entities/tree';
import type { EntityNode } from '../entities/items';
import { confirmResetWatermark } from './confirmations';
import { definitionFiles } from './definitions';
import type { EtlRuns } from './runs';
import { etlTask } from './tasks';

/** What the ETL commands act on: the entity tree and the runs behind the tasks. */
export interface EtlViews {
  readonly entities: EntitiesTree;
  readonly etl: EtlRuns;
}

/** Runs shown by "Show History". */
const HISTORY_RUNS = 20;

/** An entity named by the monitor (a string) or by the tree's context menu (its node). */
type EntityArg = string | EntityNode | undefined;

function entityOf(arg: EntityArg): string | undefined {
  if (typeof arg === 'string') return arg.trim() === '' ? undefined : arg;
  return arg?.kind === 'entity' ? arg.state.entity : undefined;
}

/** Picked "All active entities". */
const ALL_ACTIVE = null;

async function pickEntity(ctx: DwContext, placeHolder: string, allowAll: boolean): Promise<string | null | undefined> {
  const project = await ctx.requireProject();
  if (project === undefined) return undefined;
  // Listed even with problems: running the entity reports them at file:line, Open Definition reaches the file.
  const names = definitionFiles(ctx, project).map((d) => d.entity);
  const items: (vscode.QuickPickItem & { value: string | null })[] = [
    ...(allowAll ? [{ label: vscode.l10n.t('All active entities'), description: 'ctl.etl_control.is_active', value: ALL_ACTIVE }] : []),
    ...names.map((n) => ({ label: n, value: n })),
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.value;
}

async function entityOrPick(ctx: DwContext, arg: EntityArg, placeHolder: string): Promise<string | undefined> {
  const named = entityOf(arg);
  if (named !== undefined) return named;
  const picked = await pickEntity(ctx, placeHolder, false);
  return typeof picked === 'string' ? picked : undefined;
}

async function startTask(ctx: DwContext, views: EtlViews, request: EtlTaskRequest): Promise<vscode.TaskExecution | undefined> {
  const project = await ctx.requireProject();
  if (project === undefined) return undefined;
  return vscode.tasks.executeTask(etlTask(ctx, views.etl, request));
}

/** "DW: Run ETL": an entity (argument or pick) or every active one, as a `dw-etl` task. */
export const runEtl = (ctx: DwContext, views: EtlViews) => async (arg?: EntityArg): Promise<vscode.TaskExecution | undefined> => {
  const named = entityOf(arg);
  const picked = named ?? (await pickEntity(ctx, vscode.l10n.t('Entity to load'), true));
  if (picked === undefined) return undefined;
  return startTask(ctx, views, { entities: picked === ALL_ACTIVE ? [] : [picked], full: false, dryRun: false });
};

export const dryRunEtl = (ctx: DwContext, views: EtlViews) => async (arg?: EntityArg): Promise<vscode.TaskExecution | undefined> => {
  const picked = entityOf(arg) ?? (await pickEntity(ctx, vscode.l10n.t('Entity to plan'), true));
  if (picked === undefined) return undefined;
  return startTask(ctx, views, { entities: picked === ALL_ACTIVE ? [] : [picked], full: false, dryRun: true });
};

export const fullReloadEntity = (ctx: DwContext, views: EtlViews) => async (arg?: EntityArg): Promise<vscode.TaskExecution | undefined> => {
  const entity = await entityOrPick(ctx, arg, vscode.l10n.t('Entity to reload in full'));
  if (entity === undefined) return undefined;
  return startTask(ctx, views, { entities: [entity], full: true, dryRun: false });
};

async function onControl(ctx: DwContext, views: EtlViews, what: string, act: (q: NonNullable<Awaited<ReturnType<EntitiesTree['queries']>>>) => Promise<boolean>): Promise<boolean> {
  try {
    const queries = await views.entities.queries();
    if (queries === undefined) return false;
    const done = await act(queries);
    views.entities.refresh();
    return done;
  } catch (e) {
    await showError(ctx, e, what);
    return false;
  }
}

export const resetWatermark = (ctx: DwContext, views: EtlViews) => async (arg?: EntityArg): Promise<boolean> => {
  const entity = await entityOrPick(ctx, arg, vscode.l10n.t('Entity whose watermark to reset'));
  if (entity === undefined) return false;
  if (!(await confirmResetWatermark(entity))) return false;
  const done = await onControl(ctx, views, vscode.l10n.t('Reset Watermark failed'), (q) => q.resetWatermark(entity));
  if (done) ctx.log.info(`Watermark of ${entity} reset to the initial watermark`);
  return done;
};

/**
 * The tree passes the clicked node and, with several rows selected, all of them: every selected
 * entity is acted on. Other callers pass a name (or nothing: a pick).
 */
async function entitiesOrPick(ctx: DwContext, arg: EntityArg, selected: unknown, placeHolder: string): Promise<string[]> {
  const many = Array.isArray(selected) ? (selected as EntityArg[]).map(entityOf).filter((e): e is string => e !== undefined) : [];
  if (many.length > 0) return many;
  const one = await entityOrPick(ctx, arg, placeHolder);
  return one === undefined ? [] : [one];
}

const setActive = (active: boolean) => (ctx: DwContext, views: EtlViews) => async (arg?: EntityArg, selected?: unknown): Promise<boolean> => {
  const entities = await entitiesOrPick(ctx, arg, selected, active ? vscode.l10n.t('Entity to activate') : vscode.l10n.t('Entity to deactivate'));
  if (entities.length === 0) return false;
  const missing: string[] = [];
  const done = await onControl(ctx, views, active ? vscode.l10n.t('Activate failed') : vscode.l10n.t('Deactivate failed'), async (q) => {
    for (const entity of entities) if (!(await q.setActive(entity, active))) missing.push(entity);
    return missing.length < entities.length;
  });
  if (done) ctx.log.info(`${entities.filter((e) => !missing.includes(e)).join(', ')} ${active ? 'activated' : 'deactivated'} in ctl.etl_control`);
  for (const entity of missing) void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no row in ctl.etl_control yet; run it once to register it.', entity));
  return done && missing.length === 0;
};
export const activateEntity = setActive(true);
export const deactivateEntity = setActive(false);

/** "Activate All" / "Deactivate All" in the ETL Entities view's title bar. */
const setAllActive = (active: boolean) => (ctx: DwContext, views: EtlViews) => async (): Promise<number> => {
  let changed = 0;
  await onControl(ctx, views, active ? vscode.l10n.t('Activate failed') : vscode.l10n.t('Deactivate failed'), async (q) => {
    changed = await q.setAllActive(active);
    return true;
  });
  ctx.log.info(`${changed} entit${changed === 1 ? 'y' : 'ies'} ${active ? 'activated' : 'deactivated'} in ctl.etl_control`);
  return changed;
};
export const activateAllEntities = setAllActive(true);
export const deactivateAllEntities = setAllActive(false);

const STATUS_ICONS: Readonly<Record<string, string>> = { success: '$(pass)', failed: '$(error)', partial: '$(warning)', cancelled: '$(circle-slash)', running: '$(loading~spin)' };

function historyItem(r: RunEntityDetail): vscode.QuickPickItem {
  return {
    label: `${STATUS_ICONS[r.status] ?? '$(circle-outline)'} ${vscode.l10n.t('run {0}', r.runId)} — ${r.status}`,
    description: vscode.l10n.t('{0} · {1} extracted, {2} upserted, {3} soft-deleted', r.startedAt, r.extracted, r.upserted, r.softDeleted),
    detail: `${r.watermarkFrom ?? '—'} → ${r.watermarkTo ?? '—'}${r.errorMessage ? ` · ${r.errorMessage}` : ''}`,
  };
}

export const showEntityHistory = (ctx: DwContext, views: EtlViews) => async (arg?: EntityArg): Promise<void> => {
  const entity = await entityOrPick(ctx, arg, vscode.l10n.t('Entity whose runs to show'));
  if (entity === undefined) return;
  try {
    const queries = await views.entities.queries();
    if (queries === undefined) return;
    const runs = await queries.history(entity, HISTORY_RUNS);
    if (runs.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has not run yet.', entity));
      return;
    }
    await vscode.window.showQuickPick(runs.map(historyItem), {
      title: vscode.l10n.t('Last {0} runs of {1} (audit.etl_run_entity)', runs.length, entity),
      matchOnDescription: true,
      matchOnDetail: true,
    });
  } catch (e) {
    await showError(ctx, e, vscode.l10n.t('Show History failed'));
  }
};

export const openEntityDefinition = (ctx: DwContext) => async (arg?: EntityArg): Promise<void> => {
  const entity = await entityOrPick(ctx, arg, vscode.l10n.t('Entity definition to open'));
  const project = ctx.project;
  if (entity === undefined || project === undefined) return;
  try {
    const file = definitionFiles(ctx, project).find((d) => d.entity === entity)?.file;
    if (file === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No definition file for {0} in the project\'s etl/entities folder.', entity));
      return;
    }
    await vscode.window.showTextDocument(vscode.Uri.file(file));
  } catch (e) {
    await showError(ctx, e, vscode.l10n.t('Open Definition failed'));
  }
};

export const revealEntity = (_ctx: DwContext, views: EtlViews) => async (arg?: EntityArg): Promise<boolean> => {
  const entity = entityOf(arg);
  if (entity === undefined) return false;
  return views.entities.reveal(entity);
};
