import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { skipBecause } from '../support/skip';
import { createWorkspace, pgliteProject, postgresProject, WindowFixture } from './harness';

const CHANNEL = 'DW Workbench';

describe('e2e: a PGlite project in code-server', function () {
  const w = new WindowFixture();
  before(async function () {
    await w.open(this, (s) => createWorkspace(s.workspacesDir, 'pglite-demo', pgliteProject('demo')));
  });
  beforeEach(function () {
    w.begin(this);
  });
  afterEach(async function () {
    await w.end(this);
  });
  after(async () => w.close());

  it('activates: the DW Workbench container shows ETL Entities, the output has no error, the palette lists Test Connection', async () => {
    const wb = w.workbench;
    const views = await wb.openViewContainer('DW Workbench');
    await wb.screenshot('dw-workbench-container');
    assert.ok(views.some((v) => /ETL Entities/i.test(v)), `views shown: ${JSON.stringify(views)}`);
    const sidebar = (await wb.page.locator('.part.sidebar').textContent()) ?? '';
    assert.doesNotMatch(sidebar, /no data provider registered/i);

    const lines = await wb.outputChannelLines(CHANNEL);
    await wb.screenshot('output-channel');
    assert.ok(lines.length > 0, `the "${CHANNEL}" output channel is empty`);
    assert.deepEqual(lines.filter((l) => /\[error\]/i.test(l)), []);

    const rows = await wb.paletteRows('DW: Test Connection');
    assert.ok(rows.includes('DW: Test Connection'), `palette rows: ${JSON.stringify(rows)}`);
  });

  it('DW: Test Connection on the embedded engine names the server', async () => {
    const wb = w.workbench;
    await wb.runCommand('DW: Test Connection');
    // PGlite's first open of a new data directory runs initdb (about 8 s here).
    const message = await wb.waitForNotification(/PGlite|PostgreSQL/, 90_000);
    await wb.screenshot('test-connection-notification');
    assert.match(message, /PGlite|PostgreSQL \d+/);
  });
});

describe('e2e: a PostgreSQL project in code-server', function () {
  const w = new WindowFixture();
  const database = `dwb_e2e_${randomBytes(4).toString('hex')}`;
  let serverVersion = '';
  const admin = (): Client => new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });

  before(async function () {
    const client = admin();
    try {
      await client.connect();
    } catch (e) {
      skipBecause(this, `no PostgreSQL at 127.0.0.1:5432 (${e instanceof Error ? e.message : String(e)})`);
    }
    try {
      serverVersion = ((await client.query<{ v: string }>('SHOW server_version')).rows[0]?.v ?? '').split(' ')[0] ?? '';
      await client.query(`CREATE DATABASE ${database}`);
    } finally {
      await client.end();
    }
    await w.open(this, (s) => createWorkspace(s.workspacesDir, 'postgres-demo', postgresProject('demo', database)));
  });
  beforeEach(function () {
    w.begin(this);
  });
  afterEach(async function () {
    await w.end(this);
  });
  after(async () => {
    await w.close();
    if (serverVersion === '') return;
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
  });

  it('DW: Test Connection against the server names PostgreSQL and its version', async () => {
    const wb = w.workbench;
    await wb.runCommand('DW: Test Connection');
    const message = await wb.waitForNotification(/PostgreSQL/, 60_000);
    await wb.screenshot('test-connection-notification');
    assert.match(message, /PostgreSQL/);
    const major = serverVersion.split('.')[0] ?? '';
    assert.ok(major !== '' && message.includes(major), `"${message}" does not name version ${serverVersion}`);
  });
});
