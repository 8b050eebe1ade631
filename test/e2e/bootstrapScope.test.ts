import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scaffoldProject } from '../../src/core/scaffold/scaffold';
import { entryLine, projectLine } from '../integration/bootstrap/scopeSupport';
import { postgresDatabasePerSuite, repoRoot, windowPerSuite, type Workbench } from './harness';

/** The rows of the Problems view, as a user reads them (file rows and problem rows). */
async function problemRows(wb: Workbench): Promise<string[]> {
  const rows = await wb.page.locator('.part.panel .markers-panel .monaco-list-row').allInnerTexts();
  return rows.map((r) => r.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim());
}

async function bootstrap(wb: Workbench): Promise<string> {
  await wb.runCommand('Notifications: Clear All Notifications');
  await wb.runCommand('DW: Bootstrap Warehouse');
  return wb.waitForNotification(/Warehouse ready|Bootstrap failed/, 600_000);
}

/**
 * DW: Bootstrap Warehouse ends with the ETL scope check: on a warehouse whose dim_cliente lost a
 * column and whose ctl.etl_control has an active entity with no definition, the bootstrap fails
 * with the count, and each problem sits in Problems at its line (the column's mapping in
 * dim_cliente.json, the entitiesDir setting of dw-workbench.json); fixed, the next bootstrap
 * is ready and the problems are gone. A scaffolded PostgreSQL project, structure only.
 */
describe('e2e: DW: Bootstrap Warehouse checks the ETL scope', function () {
  this.timeout(1_200_000);
  const db = postgresDatabasePerSuite('dwb_e2e_scope');
  let folder = '';

  const w = windowPerSuite((s) => {
    folder = path.join(s.workspacesDir, 'bootstrap-scope');
    const { projectFile } = scaffoldProject({ engine: 'postgres', target: folder, assetsRoot: repoRoot });
    const config = JSON.parse(readFileSync(projectFile, 'utf8')) as {
      connection: Record<string, unknown>; databases: Record<string, string>; stack?: unknown; variables: Record<string, unknown>;
      bootstrap: { steps: { folder?: string }[] };
    };
    config.connection = { host: '127.0.0.1', port: 5432, user: 'postgres' };
    config.databases = { oltp: db.name, dw: db.name };
    config.variables = { ...config.variables, DIM_DATA_START: '2024-01-01', DIM_DATA_END: '2024-12-31' };
    delete config.stack;
    config.bootstrap.steps = config.bootstrap.steps.filter((st) => st.folder?.endsWith('/oltp') === true || st.folder?.endsWith('/dw') === true);
    writeFileSync(projectFile, `${JSON.stringify(config, null, 2)}\n`);
    return folder;
  });

  it('fails the bootstrap with each scope problem in Problems at its definition line, and clears them once fixed', async () => {
    const wb = w.workbench;
    await wb.waitForCommand('DW: Bootstrap Warehouse');
    const ready = await bootstrap(wb);
    assert.match(ready, /^Warehouse ready: 2 step\(s\) ran, 0 skipped\. ETL scope: the tables and columns of the 9 active entities are all there\./);

    await db.query('ALTER TABLE dim.dim_cliente DROP COLUMN telefone');
    await db.query(`INSERT INTO ctl.etl_control (entity_name, source_table, target_table, source_pk_column, is_active)
      VALUES ('dim_loja', 'core.stores', 'dim.dim_loja', 'store_id', true)`);
    const failed = await bootstrap(wb);
    await wb.screenshot('scope-failed-notification');
    assert.match(failed, /^Bootstrap failed: the ETL scope check found 2 problem\(s\) in the entities active in ctl\.etl_control, each in Problems at its definition line\. The 2 step\(s\) that ran \(0 skipped\) stay done\./);

    await wb.runCommand('Focus on Problems View');
    await wb.page.locator('.part.panel .markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
    let rows: string[] = [];
    await wb.until(async () => (rows = await problemRows(wb)).some((r) => r.includes('has no column telefone')) && rows.some((r) => r.includes('dim_loja')), 60_000,
      () => `Problems rows: ${JSON.stringify(rows)}`);
    await wb.screenshot('scope-problems');
    const column = rows.find((r) => r.includes('has no column telefone')) ?? '';
    const telefone = entryLine(path.join(folder, 'etl/entities/dim_cliente.json'), '"target": "telefone"');
    assert.match(column, /entity dim_cliente, column telefone, rule normalizar_telefone: target table dim\.dim_cliente has no column telefone/);
    assert.match(column, new RegExp(`\\[Ln ${telefone}, Col 1\\]`), `expected line ${telefone}: ${column}`);
    const undefinedEntity = rows.find((r) => r.includes('dim_loja')) ?? '';
    assert.match(undefinedEntity, /entity dim_loja: is active in ctl\.etl_control but has no definition in etl\/entities: add dim_loja\.json there, or deactivate it/);
    assert.match(undefinedEntity, new RegExp(`\\[Ln ${projectLine(path.join(folder, 'dw-workbench.json'))}, Col 1\\]`), undefinedEntity);
    assert.ok(rows.some((r) => r.startsWith('dim_cliente.json')) && rows.some((r) => r.startsWith('dw-workbench.json')), JSON.stringify(rows));

    await db.query('ALTER TABLE dim.dim_cliente ADD COLUMN telefone varchar(20) NULL');
    await db.query("DELETE FROM ctl.etl_control WHERE entity_name = 'dim_loja'");
    assert.match(await bootstrap(wb), /^Warehouse ready: 2 step\(s\) ran, 0 skipped\. ETL scope: the tables and columns of the 9 active entities/);
    await wb.runCommand('Focus on Problems View');
    await wb.until(async () => !(rows = await problemRows(wb)).some((r) => r.includes('telefone') || r.includes('dim_loja')), 60_000,
      () => `Problems rows after the fix: ${JSON.stringify(rows)}`);
  });
});
