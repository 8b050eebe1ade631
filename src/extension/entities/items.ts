import * as vscode from 'vscode';
import type { EntityState } from '../../core/etl/control/state';
import { entityItemModel, type EntityIcon, type EntityItemModel } from '../../core/etl/present/entityItem';
import { watermarkText } from '../../core/etl/present/terminalLines';

/** An element of the "ETL Entities" tree: an entity, or one line saying why there are none. */
export type EntityNode =
  | { readonly kind: 'entity'; readonly state: EntityState; readonly runningHere: boolean }
  | { readonly kind: 'message'; readonly label: string; readonly tooltip: string; readonly command: vscode.Command };

const ICONS: Readonly<Record<EntityIcon, () => vscode.ThemeIcon>> = {
  success: () => new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: () => new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  partial: () => new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  cancelled: () => new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.warningForeground')),
  running: () => new vscode.ThemeIcon('loading~spin'),
  never: () => new vscode.ThemeIcon('circle-outline'),
  inactive: () => new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('disabledForeground')),
};

function description(m: EntityItemModel, s: EntityState): string {
  // "inactive" first: a narrow view cuts the description's end off.
  const parts = [
    ...(s.isActive ? [] : [vscode.l10n.t('inactive')]),
    ...(m.rows === null ? [] : [vscode.l10n.t('{0} rows', m.rows.toLocaleString(vscode.env.language))]),
    m.lastRunAgo === undefined ? vscode.l10n.t('never run') : vscode.l10n.t('last run {0} ago', m.lastRunAgo),
    m.lag === undefined ? vscode.l10n.t('not loaded') : vscode.l10n.t('lag {0}', m.lag),
  ];
  return parts.join(' · ');
}

function tooltip(m: EntityItemModel, s: EntityState): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${s.entity}** — \`${s.sourceTable}\` → \`${s.targetTable}\`\n\n`);
  const row = (label: string, value: string): void => {
    md.appendMarkdown(`${label}: `);
    md.appendText(value);
    md.appendMarkdown('  \n');
  };
  const run = s.lastRun;
  row(vscode.l10n.t('Rows in {0}', s.targetTable), s.targetRows === null ? '—' : s.targetRows.toLocaleString(vscode.env.language));
  row(vscode.l10n.t('Rows (last run)'), run === null ? '—' : vscode.l10n.t('{0} upserted of {1} extracted', run.upserted, run.extracted));
  row(vscode.l10n.t('Last run'), run === null ? '—' : `#${run.runId} ${run.status} ${run.startedAt}`);
  row(vscode.l10n.t('Watermark'), watermarkText(s.watermark));
  row(vscode.l10n.t('Lag'), m.lag ?? vscode.l10n.t('not loaded'));
  row(vscode.l10n.t('Batch size'), String(s.batchSize));
  row(vscode.l10n.t('Cutoff'), vscode.l10n.t('{0} min', s.cutoffMinutes));
  row(vscode.l10n.t('Active'), s.isActive ? vscode.l10n.t('yes') : vscode.l10n.t('no'));
  if (run?.error) row(vscode.l10n.t('Error'), run.error);
  return md;
}

export function entityTreeItem(node: EntityNode, now: Date): vscode.TreeItem {
  if (node.kind === 'message') {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = 'dwEntity.message';
    item.iconPath = new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('errorForeground'));
    item.tooltip = node.tooltip;
    item.command = node.command;
    item.contextValue = 'dwEntity.message';
    return item;
  }
  const m = entityItemModel(node.state, now, node.runningHere);
  const item = new vscode.TreeItem(node.state.entity, vscode.TreeItemCollapsibleState.None);
  item.id = `dwEntity:${node.state.entity}`;
  item.iconPath = ICONS[m.icon]();
  item.description = description(m, node.state);
  item.tooltip = tooltip(m, node.state);
  item.contextValue = m.contextValue;
  return item;
}
