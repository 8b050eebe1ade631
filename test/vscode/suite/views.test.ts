import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activatedExtension, contributes } from './extensionUnderTest';

describe('views', () => {
  it('contributes the "ETL Entities" view inside the "DW Workbench" activity-bar container', async () => {
    const c = contributes(await activatedExtension());
    const container = (c.viewsContainers?.['activitybar'] ?? []).find((v) => v.title === 'DW Workbench');
    assert.ok(container, `no "DW Workbench" activity-bar container in ${JSON.stringify(c.viewsContainers)}`);
    const views = c.views?.[container.id] ?? [];
    assert.ok(views.some((v) => v.name === 'ETL Entities'), `no "ETL Entities" view in ${JSON.stringify(views)}`);
  });

  it('every contributed view opens through its focus command', async () => {
    const c = contributes(await activatedExtension());
    const ids = Object.values(c.views ?? {}).flat().map((v) => v.id);
    assert.ok(ids.length > 0, 'package.json contributes no views');
    for (const id of ids) await vscode.commands.executeCommand(`${id}.focus`);
  });
});
