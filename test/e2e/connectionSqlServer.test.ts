import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_FILE_NAME } from '../../src/core/project/types';
import { skipBecause } from '../support/skip';
import { sqlServerTurn } from '../support/sqlserverTurn';
import { NO_MSSQL, mssqlConfig } from '../integration/etl/support/sqlserver';
import { createWorkspace, eventually, stepper, windowPerSuite } from './harness';

describe('e2e: a SQL Server project on a server with a self-signed certificate (DW_TEST_MSSQL)', function () {
  const mssql = mssqlConfig();
  let folder = '';
  before(async function () {
    if (mssql === undefined) skipBecause(this, NO_MSSQL);
    await sqlServerTurn();
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
