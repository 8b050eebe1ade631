import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPostgresWarehouse, PG, type TestWarehouse } from '../etl/support/warehouse';
import { freePort } from '../../support/freePort';
import { Receiver } from '../../unit/alerts/receiver';
import { dwb } from '../checks/support';
import { SCENARIO_KEYS, seedScenario, setControl } from './seed';

const root = path.resolve(__dirname, '../../..');
const TOKEN = 'CliS3cretToken-abcdef0123';

describe('dwb alerts and dwb watch (PostgreSQL, a local webhook receiver)', function () {
  this.timeout(120_000);
  let wh: TestWarehouse;
  let rx: Receiver;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const writeProject = (alerts: Record<string, unknown>): void => {
    writeFileSync(path.join(dir, 'dw-workbench.json'), JSON.stringify({
      name: 'loja', engine: 'postgres', connection: { host: PG.host, port: PG.port, user: PG.user }, databases: { oltp: wh.name, dw: wh.name }, alerts,
    }, null, 2));
  };
  const ALERTS = { rules: { etl_recurrent_failure: { threshold: 0.5 } }, webhooks: [{ name: 'ops', kind: 'json', urlEnv: 'TEST_HOOK' }], delivery: { retries: 1, backoffSeconds: 0.001 } };

  before(async () => {
    wh = await createPostgresWarehouse('alerts_cli');
    await wh.engine.batch(readFileSync(path.join(root, 'sql/postgres/dw/10_alert_state.sql'), 'utf8'));
    rx = await new Receiver().start();
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-alerts-cli-'));
    env = { TEST_HOOK: rx.url(TOKEN) };
    writeProject(ALERTS);
  });
  after(async () => {
    await rx?.stop();
    await wh?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens and delivers the alerts; exit code 1 while any is open; the webhook URL never printed', async () => {
    await seedScenario(wh.engine, new Date());
    const r = await dwb(dir, env, ['alerts', '--json']);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout) as { open: { key: string }[]; events: { kind: string; key: string; delivered: boolean }[] };
    assert.deepEqual(json.open.map((o) => o.key), SCENARIO_KEYS);
    assert.deepEqual(json.events.map((e) => [e.kind, e.key, e.delivered]).sort(), SCENARIO_KEYS.map((k) => ['opened', k, true]));
    assert.equal(rx.received.length, 4);
    const text = await dwb(dir, env, ['alerts']);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^ENTITY\s+RULE\s+SEVERITY\s+OPEN SINCE\s+DETAIL/);
    assert.match(text.stdout, /dim_cliente\s+etl_failure\s+critical/);
    assert.equal(rx.received.length, 4, 'the cooldown holds across processes');
    for (const out of [r.stdout, r.stderr, text.stdout, text.stderr]) assert.doesNotMatch(out, /CliS3cret/);
  });

  it('reports an unreachable webhook by its name and variable, keeps going, and exits by the alerts', async () => {
    await seedScenario(wh.engine, new Date());
    const port = await freePort();
    const r = await dwb(dir, { TEST_HOOK: `http://127.0.0.1:${port}/hook/${TOKEN}` }, ['alerts']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`opened dim_cliente\\|etl_failure: delivery failed\\n  webhook 'ops' \\(json, URL from TEST_HOOK = http://127\\.0\\.0\\.1:${port}/\\*\\*\\*\\): fetch failed: .*ECONNREFUSED.* after 2 attempts\\.`));
    assert.doesNotMatch(r.stdout + r.stderr, /CliS3cret/);
    const errors = await wh.engine.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM ctl.alert_state WHERE delivery_error IS NOT NULL AND last_sent_at IS NULL');
    assert.equal(Number(errors.rows[0]?.n), 4);
    const missing = await dwb(dir, {}, ['alerts']);
    assert.match(missing.stderr, /no URL\. Set the environment variable TEST_HOOK/);
  });

  it('exits 0 once every alert resolved', async () => {
    await wh.engine.query('UPDATE ctl.etl_control SET is_active = false');
    const r = await dwb(dir, env, ['alerts']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^No open alert \(0 active entities\)\./);
    assert.match(r.stderr, /resolved dim_cliente\|etl_failure: delivered to ops/);
  });

  it('names an unknown rule and an out-of-range threshold at file:line (exit 3)', async () => {
    writeProject({ rules: { etl_failure: {}, no_run: { hours: 3 }, etl_recurrent_failure: { minRuns: 0 } } });
    const r = await dwb(dir, env, ['alerts']);
    writeProject(ALERTS);
    assert.equal(r.code, 3);
    const file = path.join(dir, 'dw-workbench.json');
    assert.match(r.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: Unknown alert rule 'no_run'`));
    assert.match(r.stderr, /dw-workbench\.json:\d+:\d+: 'alerts\.rules\.etl_recurrent_failure\.minRuns' must be >= 1\./);
  });

  it('dwb watch runs the ETL and the alerts at each iteration, and stops after --max-iterations', async () => {
    await seedScenario(wh.engine, new Date());
    await wh.engine.query('UPDATE ctl.etl_control SET is_active = (entity_name = $1), cutoff_minutes = 0', ['dim_cliente']);
    assert.equal((await dwb(dir, env, ['alerts'])).code, 1, 'dim_cliente\'s failure is open before the watch');
    const before = rx.received.length;
    const r = await dwb(dir, env, ['watch', '--every', '1ms', '--etl', '--max-iterations', '2', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; status?: string; open?: { key: string }[] });
    assert.deepEqual(events.map((e) => e.event), ['watch-start', 'etl', 'alerts', 'etl', 'alerts', 'watch-stop']);
    assert.deepEqual(events.filter((e) => e.event === 'etl').map((e) => e.status), ['success', 'success']);
    const last = events[4]?.open?.map((o) => o.key);
    assert.deepEqual(last, [], 'the ETL run cleared the failure (control and latest run succeeded)');
    assert.ok(rx.received.slice(before).some((x) => (x.body as { event: string; key: string }).event === 'resolved'));
    const runs = await wh.engine.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM audit.etl_run WHERE started_by LIKE 'dwb watch%'`);
    assert.equal(Number(runs.rows[0]?.n), 2);
  });

  it('dwb watch refuses an unreadable interval', async () => {
    const r = await dwb(dir, env, ['watch', '--every', 'often']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--every needs an interval such as 90s, 5m or 1h \(got 'often'\)/);
  });

  it('dwb watch stops cleanly on SIGTERM (a child process)', async () => {
    await setControl(wh.engine, 'dim_cliente', { active: false });
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), path.join(root, 'src/cli/main.ts'), 'watch', '--every', '1h'], {
      cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const evaluated = new Promise<void>((resolve) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (/alerts: \d+ open/.test(stdout)) resolve();
      });
    });
    const exited = once(child, 'exit');
    await Promise.race([evaluated, exited]);
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0, stdout);
    assert.match(stdout, /alerts: 0 open over 0 active entities\n.*stopped\n$/);
  });
});
