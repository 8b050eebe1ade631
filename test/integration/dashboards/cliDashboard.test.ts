import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { dashboardCommand } from '../../../src/cli/commands/dashboard';
import { EXIT_CODES } from '../../../src/cli/command';
import { embeddableJson } from '../../../src/core/dashboard/page';
import { INITIAL_STATE_ID } from '../../../src/core/webview/webviewPage';
import type { MonitorInitialState } from '../../../src/protocol/monitor';
import { createDashboardWarehouse, type DashboardWarehouse } from './warehouseFixture';
import { ensureBuilt } from '../../support/build';

const root = path.resolve(__dirname, '../../..');

describe('dwb dashboard (PostgreSQL)', () => {
  let w: DashboardWarehouse;
  let dir: string;
  const io = () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let text = '';
    stdout.on('data', (c: Buffer) => (text += c.toString()));
    stderr.on('data', (c: Buffer) => (text += c.toString()));
    return { io: { stdout, stderr, env: process.env, cwd: dir }, text: () => text };
  };

  before(async () => {
    ensureBuilt();
    w = await createDashboardWarehouse({ sales: 300, runs: 20, events: 50 });
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-cli-'));
    writeFileSync(path.join(dir, 'dw-workbench.json'), JSON.stringify({
      name: 'dashboards', engine: 'postgres', connection: { host: '127.0.0.1', port: 5432, user: 'postgres' }, databases: { oltp: w.database.name, dw: w.database.name },
    }));
  });

  after(async () => {
    await w?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a self-contained sales snapshot for the period asked', async () => {
    const c = io();
    assert.equal(await dashboardCommand.run(['sales', '--out', 'sales.html', '--from', '2024-01-01', '--to', '2024-06-30'], c.io), EXIT_CODES.ok);
    const html = readFileSync(path.join(dir, 'sales.html'), 'utf8');
    assert.match(c.text(), /Wrote .*sales\.html/);
    assert.ok(html.includes(embeddableJson({ from: '2024-01-01', to: '2024-06-30' }).slice(1, -1)));
    assert.doesNotMatch(html, /<script[^>]+src=/);
  });

  it('writes the monitor, and refuses an unknown dashboard with the usage exit code', async () => {
    assert.equal(await dashboardCommand.run(['monitor'], io().io), EXIT_CODES.ok);
    const html = readFileSync(path.join(dir, 'monitor.html'), 'utf8');
    assert.match(html, /"kind":"monitor"/);
    // The connection audit travels with its snapshots' runs and stages, as the table links them.
    const state = new RegExp(`<script type="application/json" id="${INITIAL_STATE_ID}">(.*?)</script>`).exec(html)?.[1];
    const recent = (JSON.parse(state ?? 'null') as MonitorInitialState).data.connections.recent;
    const want = await w.engine.query(`SELECT run_id, stage FROM audit.connection_login_events
      WHERE captured_at >= (now() AT TIME ZONE 'UTC') - interval '24 hours' ORDER BY captured_at DESC, event_id DESC LIMIT 200`);
    assert.deepEqual(recent.map((e) => [e.runId, e.stage]), want.rows.map((r) => [r['run_id'] === null ? null : Number(r['run_id']), r['stage']]));
    assert.ok(recent.some((e) => e.runId !== null && e.stage !== null), 'the fixture has snapshots of runs');
    assert.equal(await dashboardCommand.run(['bogus'], io().io), EXIT_CODES.usage);
    assert.equal(await dashboardCommand.run(['sales', '--from', '2024-13-01'], io().io), EXIT_CODES.usage);
  });

  it('writes the targets and discounts snapshots (empty warehouse facts: zero, not an error) and names a bad SLA or minimum', async () => {
    for (const kind of ['targets', 'discounts'] as const) {
      const c = io();
      assert.equal(await dashboardCommand.run([kind, '--from', '2024-01-01', '--to', '2024-12-31', '--time-zone', 'UTC', '--sla-hour', '6'], c.io), EXIT_CODES.ok, c.text());
      const html = readFileSync(path.join(dir, `${kind}.html`), 'utf8');
      assert.match(html, new RegExp(`"kind":"${kind}"`));
      assert.ok(html.includes('"timeZone":"UTC","hour":6'), 'the SLA asked for');
    }
    const zone = io();
    assert.equal(await dashboardCommand.run(['targets', '--time-zone', 'Mars/Olympus'], zone.io), EXIT_CODES.usage);
    assert.match(zone.text(), /--time-zone: "Mars\/Olympus" is not an IANA time zone/);
    const minimum = io();
    assert.equal(await dashboardCommand.run(['discounts', '--min-applications', '0'], minimum.io), EXIT_CODES.usage);
    assert.match(minimum.text(), /--min-applications: "0" is not a whole number from 1 to 1000/);
  });

  it('writes a Portuguese snapshot with the strings of the package\'s pt-br l10n bundle, an English one with none', async () => {
    assert.equal(await dashboardCommand.run(['sales', '--out', 'vendas.html', '--lang', 'pt-BR'], io().io), EXIT_CODES.ok);
    const strings = /<script type="application\/json" id="dwb-l10n">(.*?)<\/script>/.exec(readFileSync(path.join(dir, 'vendas.html'), 'utf8'))?.[1];
    assert.ok(strings !== undefined, 'the page carries its strings');
    const bundle = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.pt-br.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(JSON.parse(strings), bundle);
    assert.equal(bundle['Sales dashboard'], 'Painel de vendas');
    assert.equal(await dashboardCommand.run(['sales', '--out', 'sales-en.html'], io().io), EXIT_CODES.ok);
    assert.doesNotMatch(readFileSync(path.join(dir, 'sales-en.html'), 'utf8'), /id="dwb-l10n"/);
  });
});
