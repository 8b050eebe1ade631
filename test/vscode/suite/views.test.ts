import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension, contributes } from './extensionUnderTest';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

interface Summary {
  readonly ok: boolean;
}

describe('views', () => {
  it('contributes the "ETL Entities" view inside the "DW Workbench" activity-bar container', async () => {
    const c = contributes(await activatedExtension());
    const container = (c.viewsContainers?.['activitybar'] ?? []).find((v) => v.title === 'DW Workbench');
    assert.ok(container, `no "DW Workbench" activity-bar container in ${JSON.stringify(c.viewsContainers)}`);
    const views = c.views?.[container.id] ?? [];
    assert.ok(views.some((v) => v.name === 'ETL Entities'), `no "ETL Entities" view in ${JSON.stringify(views)}`);
  });

  // The suite's project has no warehouse yet: the control table the view lists is created here
  // with the shipped script (and dropped after, for the ETL tests that expect none).
  describe('the ETL Entities view, over the warehouse\'s ctl.etl_control', function () {
    this.timeout(120_000);
    let folder: vscode.Uri;
    const runSql = async (name: string, sql: string): Promise<Summary | undefined> => {
      const file = vscode.Uri.joinPath(folder, name);
      await vscode.workspace.fs.writeFile(file, encode(sql));
      return vscode.commands.executeCommand<Summary | undefined>('dwWorkbench.runScript', file);
    };

    before(async () => {
      const ext = await activatedExtension();
      const root = vscode.workspace.workspaceFolders?.[0]?.uri;
      assert.ok(root, 'the suite needs a workspace folder');
      folder = vscode.Uri.joinPath(root, 'suite-views');
      const shipped = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'sql', 'postgres', 'dw', '06_etl_control.sql')));
      // The script's one variable, as a project file or the bootstrap gives it.
      const created = await runSql('control.sql', `\\set ETL_ACTIVE_ENTITIES dim_cliente\nCREATE SCHEMA IF NOT EXISTS ctl;\nCREATE SCHEMA IF NOT EXISTS audit;\n${shipped}`);
      assert.equal(created?.ok, true, 'creating ctl.etl_control failed');
      await vscode.commands.executeCommand('dwWorkbench.refreshEntities');
    });

    after(async () => {
      await runSql('drop.sql', 'DROP SCHEMA ctl CASCADE;\nDROP SCHEMA audit CASCADE;\n');
      await vscode.commands.executeCommand('dwWorkbench.refreshEntities');
      await vscode.workspace.fs.delete(folder, { recursive: true });
    });

    it('lists the registered entities and reveals one in the view; an unknown one is not there', async () => {
      assert.equal(await vscode.commands.executeCommand('dwWorkbench.revealEntity', 'dim_cliente'), true);
      assert.equal(await vscode.commands.executeCommand('dwWorkbench.revealEntity', 'no_such_entity'), false);
    });
  });
});
