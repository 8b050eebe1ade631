import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { skipBecause } from '../support/skip';
import { createWorkspace, pgliteProject, postgresProject, windowPerSuite } from './harness';

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
