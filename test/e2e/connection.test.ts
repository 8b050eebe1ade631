import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_FILE_NAME } from '../../src/core/project/types';
import { skipBecause } from '../support/skip';
import { NO_MSSQL, mssqlConfig } from '../integration/etl/support/sqlserver';
import { createWorkspace, eventually, pgliteProject, postgresProject, stepper, windowPerSuite } from './harness';

const CHANNEL = 'DW Workbench';

describe('e2e: a PGlite project in code-server', function () {
  const w = windowPerSuite((s) => createWorkspace(s.workspacesDir, 'pglite-demo', pgliteProject('demo')));

  it('activates: the DW Workbench container shows ETL Entities, the output has no error, the palette lists Test Connection', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    // Listed only once the project has loaded (its `when` clause), so activation has finished:
    // before that the view rightly says no data provider is registered yet.
    await wb.waitForCommand('DW: Test Connection');

    const views = await wb.openViewContainer('DW Workbench');
    await wb.screenshot('dw-workbench-container');
    assert.ok(views.some((v) => /ETL Entities/i.test(v)), `views shown: ${JSON.stringify(views)}`);
    const sidebar = await wb.page.locator('.part.sidebar .pane-body').first().innerText();
    assert.doesNotMatch(sidebar, /no data provider registered/i);

    const lines = await wb.outputChannelLines(CHANNEL);
    await wb.screenshot('output-channel');
    assert.ok(lines.length > 0, `the "${CHANNEL}" output channel is empty`);
    assert.deepEqual(lines.filter((l) => /\[error\]/i.test(l)), []);
  });

  it('DW: Test Connection on the embedded engine names the server', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    await wb.waitForCommand('DW: Test Connection');
    await wb.runCommand('DW: Test Connection');
    // PGlite's first open of a new data directory runs initdb (about 8 s here).
    const message = await wb.waitForNotification(/Connected:|failed/i, 300_000);
    await wb.screenshot('test-connection-notification');
    assert.match(message, /^Connected: (PGlite|PostgreSQL) \d+/);
  });
});

describe('e2e: a PostgreSQL project in code-server', function () {
  const database = `dwb_e2e_${randomBytes(4).toString('hex')}`;
  let serverVersion = '';
  let created = false;
  const admin = (): Client => new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });

  before(async function () {
    const client = admin();
    try {
      await client.connect();
    } catch (e) {
      skipBecause(this, `no PostgreSQL at 127.0.0.1:5432 (${e instanceof Error ? e.message : String(e)})`);
    }
    try {
      serverVersion = ((await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '').split(' ')[0] ?? '';
      assert.match(serverVersion, /^\d+(\.\d+)?$/, 'the server reports its version');
      await client.query(`CREATE DATABASE ${database}`);
      created = true;
    } finally {
      await client.end();
    }
  });
  const w = windowPerSuite((s) => createWorkspace(s.workspacesDir, 'postgres-demo', postgresProject('demo', database)));
  after(async () => {
    if (!created) return;
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
  });

  it('DW: Test Connection against the server names PostgreSQL and its version', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    await wb.waitForCommand('DW: Test Connection');
    await wb.runCommand('DW: Test Connection');
    const message = await wb.waitForNotification(/Connected:|failed/i, 180_000);
    await wb.screenshot('test-connection-notification');
    assert.match(message, /^Connected: PostgreSQL /);
    assert.ok(message.includes(` ${serverVersion}`), `"${message}" does not name the server version ${serverVersion}`);
  });
});

describe('e2e: a SQL Server project on a server with a self-signed certificate (DW_TEST_MSSQL)', function () {
  const mssql = mssqlConfig();
  let folder = '';
  before(function () {
    if (mssql === undefined) skipBecause(this, NO_MSSQL);
  });
  // The CI server (Babelfish, .ci/setup-babelfish.sh) presents a self-signed certificate with TLS on.
  const w = windowPerSuite((s) => (folder = createWorkspace(s.workspacesDir, 'sqlserver-certificate', {
    name: 'certificate',
    engine: 'sqlserver',
    connection: { host: mssql?.host ?? '127.0.0.1', port: mssql?.port ?? 1433, user: mssql?.user ?? 'sa', encrypt: true, trustServerCertificate: false },
    databases: { oltp: 'master', dw: 'master' },
  })));

  it('refuses the untrusted certificate with "Trust Server Certificate", which sets it in dw-workbench.json and connects again with it', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    const step = stepper(wb);
    const projectFile = (): { connection?: { trustServerCertificate?: boolean } } => JSON.parse(readFileSync(path.join(folder, PROJECT_FILE_NAME), 'utf8')) as never;
    await step('password asked by Test Connection', async () => {
      await wb.waitForCommand('DW: Test Connection');
      await wb.runCommand('DW: Test Connection');
      const box = wb.page.locator('.quick-input-widget input[type="password"]');
      await box.waitFor({ state: 'visible', timeout: 120_000 });
      await box.fill(mssql?.password ?? '');
      await wb.screenshot('password-box');
      await box.press('Enter');
    });
    await step('refused for the certificate, with the action', async () => {
      const message = await wb.waitForNotification(/Test Connection failed/, 180_000);
      await wb.screenshot('certificate-refused');
      assert.match(message, /certificate .* is not trusted/);
      assert.equal(projectFile().connection?.trustServerCertificate, false);
      await wb.clickNotificationAction(/Test Connection failed/, 'Trust Server Certificate');
    });
    await step('dw-workbench.json trusts the certificate', async () => {
      assert.ok(await eventually(() => Promise.resolve(projectFile().connection?.trustServerCertificate === true), 60_000, 250),
        `dw-workbench.json after the action: ${JSON.stringify(projectFile().connection)}`);
    });
    await step('the action tests the connection again, trusting the certificate', async () => {
      const message = await wb.waitForNotification(/^Connected:/, 180_000);
      await wb.screenshot('connected');
      assert.match(message, /^Connected: (Babelfish for PostgreSQL|Microsoft SQL Server) /);
    });
  });
});
