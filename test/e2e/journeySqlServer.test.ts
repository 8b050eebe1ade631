import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Engine } from '../../src/core/engine/types';
import { scaffoldProject } from '../../src/core/scaffold/scaffold';
import { skipBecause } from '../support/skip';
import { sqlServerTurn } from '../support/sqlserverTurn';
import { NO_MSSQL, isBabelfish, mssqlConfig, openMssql, type MssqlConfig } from '../integration/etl/support/sqlserver';
import { eventually, hidePanel, openMonitorAtRun, repoRoot, runEnd, runEtlTask, stepper, terminal, waitForEntityLoaded, windowPerSuite } from './harness';

/**
 * A user's SQL Server warehouse through the UI only, on the server DW_TEST_MSSQL names (in CI,
 * Babelfish for PostgreSQL): the password asked once and kept, Test Connection on a server
 * without the databases yet and its Bootstrap Warehouse action, the dim_cliente task, the monitor, every entity, the sales dashboard. The project's
 * databases have names of their own (its scripts say them, as a user's renamed scripts would),
 * so the integration suites' ECOMMERCE_OLTP and DW_ECOMMERCE on the same server, which run at
 * the same time in the other lane, are not touched; the server-wide logins step is left out
 * for the same reason (its own suites prove it).
 */
const OLTP = 'DWB_E2E_OLTP';
const DW = 'DWB_E2E_DW';

/** Every `.sql` file under `dir`, recursively. */
function sqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sqlFiles(p) : p.endsWith('.sql') ? [p] : [];
  });
}

async function dropDatabases(c: MssqlConfig): Promise<void> {
  const master = await openMssql(c, 'master');
  try {
    for (const db of [DW, OLTP]) await master.batch(`IF DB_ID(N'${db}') IS NOT NULL DROP DATABASE ${db}`);
  } finally {
    await master.close();
  }
}

describe('e2e: a SQL Server warehouse in code-server (DW_TEST_MSSQL)', function () {
  let config: MssqlConfig | undefined;
  let babelfish = false;

  before(async function () {
    config = mssqlConfig();
    if (config === undefined) skipBecause(this, NO_MSSQL);
    await sqlServerTurn();
    await dropDatabases(config);
    const master = await openMssql(config, 'master');
    try {
      babelfish = await isBabelfish(master);
    } finally {
      await master.close();
    }
  });
  const w = windowPerSuite((s) => {
    const c = config!;
    const folder = path.join(s.workspacesDir, 'sqlserver-warehouse');
    const { projectFile } = scaffoldProject({ engine: 'sqlserver', target: folder, assetsRoot: repoRoot });
    for (const file of sqlFiles(path.join(folder, 'sql'))) {
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\bECOMMERCE_OLTP\b/g, OLTP).replace(/\bDW_ECOMMERCE\b/g, DW));
    }
    const project = JSON.parse(readFileSync(projectFile, 'utf8')) as {
      connection: Record<string, unknown>; databases: Record<string, string>; stack?: unknown;
      bootstrap: { steps: { name: string; generate?: { scale: number } }[] };
    };
    project.connection = { ...project.connection, host: c.host, port: c.port, user: c.user };
    project.databases = { oltp: OLTP, dw: DW };
    // A server of their own: no Docker stack to start.
    delete project.stack;
    project.bootstrap.steps = project.bootstrap.steps.filter((st) => st.name !== 'Logins, roles and audit')
      .map((st) => (st.generate === undefined ? st : { ...st, generate: { ...st.generate, scale: 0.05 } }));
    writeFileSync(projectFile, `${JSON.stringify(project, null, 2)}\n`);
    return folder;
  });
  // After the window's own hooks: its extension host's connections end with it, and the drop
  // waits until the server has let them go.
  after(async () => {
    const c = config;
    if (c === undefined) return;
    let last: unknown;
    const dropped = await eventually(() => dropDatabases(c).then(() => true, (e: unknown) => {
      last = e;
      return false;
    }), 120_000, 1_000);
    if (!dropped) throw last instanceof Error ? last : new Error(String(last));
  });

  it('password once, Test Connection and its Bootstrap action, the dim_cliente task, the monitor, every entity, and the sales dashboard', async function () {
    this.timeout(1_800_000);
    const wb = w.workbench;
    const c = config!;
    const step = stepper(wb);
    await wb.waitForCommand('DW: Test Connection');

    let customers = 0;
    await step('DW: Test Connection asks for the password, says the database is missing and offers Bootstrap Warehouse, which builds both', async () => {
      await wb.runCommand('DW: Test Connection');
      // The password box (titled 'password for <user>') says where the password is kept.
      await wb.answerInput(/SecretStorage/, c.password);
      const missing = await wb.waitForNotification(/Connected:|failed/i, 180_000);
      await wb.screenshot('database-missing');
      assert.match(missing, new RegExp(`^Test Connection failed: Database "${DW}" does not exist on SQL Server at ${c.host}:${c.port}\\. Create it`));
      await wb.clickNotificationAction(/does not exist/, 'Bootstrap Warehouse');
      const ready = await wb.waitForNotification(/Warehouse ready|Bootstrap failed/, 900_000);
      await wb.screenshot('bootstrapped');
      assert.match(ready, /^Warehouse ready: 3 step\(s\) ran, 0 skipped\./);
      await wb.runCommand('Notifications: Clear All Notifications');
      await wb.openViewContainer('DW Workbench');
      await wb.treeRow('dim_cliente').waitFor({ state: 'visible', timeout: 60_000 });
      const oltp: Engine = await openMssql(c, OLTP);
      try {
        customers = Number((await oltp.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM core.customers')).rows[0]?.n);
      } finally {
        await oltp.close();
      }
      assert.ok(customers > 0, 'the bootstrap generated customers');
    });

    await step('DW: Test Connection again: connected, named, without asking for the password again', async () => {
      await wb.runCommand('DW: Test Connection');
      const message = await wb.waitForNotification(/Connected:|failed/i, 180_000);
      await wb.screenshot('test-connection');
      assert.match(message, babelfish ? /^Connected: Babelfish for PostgreSQL / : /^Connected: Microsoft SQL Server /);
      // Babelfish names databases in lower case; SQL Server as created.
      assert.match(message, new RegExp(`database ${DW}\\.$`, 'i'));
      await wb.runCommand('Notifications: Clear All Notifications');
    });

    let runId = 0;
    await step('Run Task > dw-etl > dim_cliente: SUCCESS with every customer, the tree turns green', async () => {
      await runEtlTask(wb, 'DW Workbench: dim_cliente');
      const end = await runEnd(wb, 0, 600_000);
      await wb.screenshot('dim-cliente-finished');
      // A first load reads every customer with its purchase history once: no trigger pages after it.
      assert.match(end.text, new RegExp(`dim_cliente: SUCCESS in [\\d.]+ s: ${customers} extracted, ${customers} upserted`), await terminal(wb));
      runId = end.id;
      await waitForEntityLoaded(wb, 'dim_cliente', customers.toLocaleString('en-US'), 60_000);
    });

    await step('DW: Open ETL Monitor lists the run', async () => {
      const { cells } = await openMonitorAtRun(wb, runId);
      await wb.screenshot('monitor');
      assert.deepEqual(cells.slice(0, 3), [String(runId), 'success', 'dim_cliente']);
    });

    await step('DW: Activate All Entities, then DW: Run ETL > All active entities loads the whole star', async () => {
      await wb.runCommand('DW: Activate All Entities');
      await wb.runCommand('DW: Run ETL');
      await wb.pick('All active entities');
      const all = await runEnd(wb, runId, 900_000);
      await wb.screenshot('all-entities-run');
      assert.match(all.line, /SUCCESS in [\d.]+ s \(9 succeeded, 0 failed\)/, await terminal(wb));
    });

    await step('DW: Open Sales Dashboard shows the net revenue of the loaded sales', async () => {
      await hidePanel(wb);
      await wb.runCommand('DW: Open Sales Dashboard');
      const revenue = wb.visibleWebview().locator('[data-testid="kpi-netRevenue"]');
      await revenue.waitFor({ state: 'visible', timeout: 180_000 });
      await wb.screenshot('sales');
      assert.ok(Number(await revenue.getAttribute('data-value')) > 0, `net revenue shown: ${await revenue.locator('.value').innerText()}`);
    });
  });
});
