import * as vscode from 'vscode';
import type { LineageGraph, LineageNode } from '../../core/lineage';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';
import type { EntityNode } from '../entities/items';
import type { LineageQuestion } from '../../protocol/lineage';
import { lineagePanel, projectLineage, questionLayout } from './panel';

/** A column or table name (`core.customers.email`, `dim.dim_cliente`), or the ETL Entities tree's node. */
type LineageArg = string | EntityNode | undefined;

/** The tables and views of the graph with their columns, in the layers asked for. */
function objects(graph: LineageGraph, layers: readonly string[]): Map<string, LineageNode[]> {
  const out = new Map<string, LineageNode[]>();
  for (const n of graph.nodes) {
    if (n.kind !== 'column' || n.object === undefined || !layers.includes(n.layer ?? '')) continue;
    const list = out.get(n.object);
    if (list === undefined) out.set(n.object, [n]);
    else list.push(n);
  }
  return out;
}

const LAYER_NAMES = (): Readonly<Record<string, string>> => ({
  oltp: vscode.l10n.t('source table'), dw: vscode.l10n.t('warehouse table'), view: vscode.l10n.t('view'),
});

/** What was picked: a name, or no name for the whole warehouse; undefined when the pick was dismissed. */
type Picked = { readonly name?: string } | undefined;

/**
 * A table, then one of its columns (or the whole table when `whole` is offered, and first of all
 * the whole warehouse).
 */
async function pickColumn(graph: LineageGraph, layers: readonly string[], title: string, table: string | undefined, whole: boolean): Promise<Picked> {
  const all = objects(graph, layers);
  let object = table === undefined ? undefined : [...all.keys()].find((o) => o.toLowerCase() === table.toLowerCase() || o.toLowerCase().split('.').pop() === table.toLowerCase());
  if (object === undefined) {
    const names = LAYER_NAMES();
    const tables = [...all.entries()].sort(([a], [b]) => a.localeCompare(b))
      .map(([o, cols]) => ({ label: o, description: names[cols[0]?.layer ?? ''] ?? '', detail: vscode.l10n.t('{0} columns', cols.length), object: o }));
    const everything = { label: vscode.l10n.t('The whole warehouse'), description: '', detail: vscode.l10n.t('Every table, view, panel and check, and every edge between them'), object: undefined };
    const picked = await vscode.window.showQuickPick(whole ? [everything, ...tables] : tables, { title, placeHolder: vscode.l10n.t('Table or view'), matchOnDescription: true });
    if (picked === undefined) return undefined;
    if (picked.object === undefined) return {};
    object = picked.object;
  }
  if (object === undefined) return undefined;
  const columns = (all.get(object) ?? []).map((c) => c.column ?? c.label).sort((a, b) => a.localeCompare(b));
  const wholeItem = { label: vscode.l10n.t('All columns of {0}', object), value: object };
  const picked = await vscode.window.showQuickPick(
    [...(whole ? [wholeItem] : []), ...columns.map((c) => ({ label: c, value: `${object}.${c}` }))],
    { title, placeHolder: vscode.l10n.t('Column of {0}', object) },
  );
  return picked === undefined ? undefined : { name: picked.value };
}

async function answer(ctx: DwContext, arg: LineageArg, direction: 'upstream' | 'downstream'): Promise<boolean> {
  const project = await ctx.requireProject();
  if (project === undefined) return false;
  const graph = await projectLineage(ctx, project);
  const impact = direction === 'downstream';
  const title = impact ? vscode.l10n.t('DW: Show Impact') : vscode.l10n.t('DW: Show Lineage');
  let picked: Picked;
  if (typeof arg === 'string' && arg.trim() !== '') picked = { name: arg.trim() };
  else if (typeof arg === 'object' && arg.kind === 'entity') {
    // From the tree: the impact of one of the entity's source columns, the lineage of its target table.
    picked = impact ? await pickColumn(graph, ['oltp'], title, arg.state.sourceTable, false) : { name: arg.state.targetTable };
  } else {
    picked = await pickColumn(graph, impact ? ['oltp', 'dw'] : ['dw', 'view', 'oltp'], title, undefined, !impact);
  }
  if (picked === undefined) return false;
  const question: LineageQuestion = { direction, ...picked };
  const shown = questionLayout(graph, project, question, ctx.extension.extensionPath);
  if (!shown.ok) {
    void vscode.window.showWarningMessage(shown.message);
    return false;
  }
  lineagePanel(ctx).show(shown.layout, question);
  return true;
}

/** "DW: Show Lineage": where an entity's target table, a table or a column comes from. */
export const showLineage = (ctx: DwContext) => async (arg?: LineageArg): Promise<boolean> => {
  try {
    return await answer(ctx, arg, 'upstream');
  } catch (e) {
    await showError(ctx, e, vscode.l10n.t('Show Lineage failed'));
    return false;
  }
};

/** "DW: Show Impact": what a source column reaches (warehouse columns, views, panels, checks). */
export const showImpact = (ctx: DwContext) => async (arg?: LineageArg): Promise<boolean> => {
  try {
    return await answer(ctx, arg, 'downstream');
  } catch (e) {
    await showError(ctx, e, vscode.l10n.t('Show Impact failed'));
    return false;
  }
};
