import * as vscode from 'vscode';
import type { DwContext } from '../context';

/**
 * The "ETL Entities" view. Its items come from the ETL layer (ctl.etl_control); while the
 * project has none the view shows its welcome content.
 */
export class EntitiesTree implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(ctx: DwContext) {
    ctx.projectState.onDidChange(() => this.refresh(), undefined, ctx.subscriptions);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
