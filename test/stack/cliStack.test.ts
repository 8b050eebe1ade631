import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { stackCommand } from '../../src/cli/commands/stack';
import { ProjectEngines, type Project } from '../../src/core/project';
import { composeProjectName, createProcessRunner, readEnvFile } from '../../src/core/stack';
import { eventually } from '../e2e/harness/wait';
import { Receiver } from '../unit/alerts/receiver';
import { dockerBridgeAddress, requireDocker, requireWatchImage, TEST_WATCH_BASE_IMAGE } from './dockerTestEnv';
import { scaffoldPostgresProject } from './stackProject';

interface Ran { code: number; stdout: string; stderr: string }

/** The token in the webhook's path: a secret, as in real webhook URLs. */
const TOKEN = 'StackW4tchS3cret-0123456789abcdef';

describe('dwb stack (real Docker engine), with the watch service', function () {
  this.timeout(600_000);
  let project: Project;
  let rx: Receiver;
  let hook: string;
  const transcript: string[] = [];

  async function dwbStack(...args: string[]): Promise<Ran> {
    let stdout = '';
    let stderr = '';
    const sink = (append: (s: string) => void) => new Writable({ write(chunk, _enc, done) { append(String(chunk)); done(); } });
    const code = await stackCommand.run(args, {
      stdout: sink((s) => { stdout += s; }),
      stderr: sink((s) => { stderr += s; }),
      env: { ...process.env, DWB_TEST_HOOK: hook },
      cwd: project.root,
    });
    transcript.push(stdout, stderr);
    return { code, stdout, stderr };
  }

  /** The stack's warehouse through the published port, as its administrator (password from the CLI's .env). */
  async function withDw<T>(work: (dw: Awaited<ReturnType<ProjectEngines['get']>>) => Promise<T>): Promise<T> {
    const engines = new ProjectEngines(project, (await readEnvFile(path.join(project.root, '.env')))['POSTGRES_PASSWORD']);
    try {
      return await work(await engines.get('dw'));
    } finally {
      await engines.close();
    }
  }

  async function projectContainers(): Promise<string[]> {
    const r = await createProcessRunner().run({
      command: 'docker',
      args: ['ps', '-a', '--format', '{{.Label "com.docker.compose.service"}}', '--filter', `label=com.docker.compose.project=${composeProjectName(project.config.name)}`],
    });
    return r.stdout.split('\n').filter(Boolean).sort();
  }

  before(async function () {
    await requireDocker(this);
    await requireWatchImage(this);
    // Where containers reach this machine (host.docker.internal, from the service's extra_hosts).
    rx = await new Receiver().start(dockerBridgeAddress() ?? '0.0.0.0');
    hook = `http://host.docker.internal:${rx.port}/api/webhooks/42/${TOKEN}`;
    project = await scaffoldPostgresProject({
      stack: { watch: { every: '1h', etl: true } },
      stackEnv: { DWB_WATCH_BASE_IMAGE: TEST_WATCH_BASE_IMAGE },
      top: { alerts: { webhooks: [{ name: 'ops', kind: 'json', urlEnv: 'DWB_TEST_HOOK' }], delivery: { retries: 1, backoffSeconds: 0.1 } } },
    });
  });

  after(async () => {
    if (project) {
      await dwbStack('destroy', '--yes').catch(() => undefined);
      await rm(project.root, { recursive: true, force: true });
    }
    await rx?.stop();
  });

  it('status of a stack never started says down, with a failing exit code', async () => {
    const r = await dwbStack('status', '--json');
    assert.equal(r.code, 1);
    assert.equal((JSON.parse(r.stdout) as { status: string }).status, 'down');
  });

  it('up starts, bootstraps, checks the connection, then starts the watch service; the secrets land in a 0600 .env', async () => {
    const r = await dwbStack('up');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /is healthy on 127\.0\.0\.1:\d+/);
    assert.match(r.stdout, /The dwb-watch service runs every 1h with the ETL/);
    assert.match(r.stderr, /bootstrap 1\/\d+: OLTP structure/);
    assert.match(r.stderr, /connected: PostgreSQL[\s\S]*watch: done/, 'the watch service starts after the connection check');
    const envFile = path.join(project.root, '.env');
    assert.equal(statSync(envFile).mode & 0o777, 0o600);
    const secrets = await readEnvFile(envFile);
    assert.ok((secrets['POSTGRES_PASSWORD'] ?? '').length >= 12);
    assert.ok(!transcript.join('').includes(secrets['POSTGRES_PASSWORD'] ?? '-'), 'the password never reaches the output');
  });

  it('the watch service loads the warehouse and delivers the alerts on its own: an ETL run in audit and ctl, the webhook called, its lines in the stack logs, the URL in none', async () => {
    // Its first iteration runs at once; nothing but the service runs the ETL here.
    const run = async () => withDw(async (dw) => (await dw.query<{ run_id: string; status: string; started_by: string }>(
      "select run_id, status, started_by from audit.etl_run where started_by like 'dwb watch%' and status <> 'running' order by run_id",
    )).rows);
    assert.ok(await eventually(async () => (await run()).length > 0, 120_000, 500), 'an ETL run by the watch service finished');
    const [first] = await run();
    assert.equal(first?.status, 'success', JSON.stringify(first));
    const control = await withDw(async (dw) => (await dw.query<{ n: string; ok: string }>(
      `select count(*) as n, count(*) filter (where last_run_id = ${Number(first?.run_id)} and last_status = 'success') as ok from ctl.etl_control where is_active`,
    )).rows[0]);
    assert.ok(Number(control?.n) > 0);
    assert.equal(control?.ok, control?.n, 'every active entity was loaded by that run');
    assert.ok(await withDw(async (dw) => Number((await dw.query<{ n: string }>('select count(*) as n from dim.dim_cliente where cliente_id > 0')).rows[0]?.n) > 0));

    // The generated data is from 2024: its watermarks are far behind the 120-minute SLA.
    assert.ok(await eventually(() => Promise.resolve(rx.received.length > 0), 60_000, 250), 'the webhook received the alerts');
    assert.ok(rx.received.every((r) => r.path === `/api/webhooks/42/${TOKEN}`));
    assert.match(JSON.stringify(rx.received[0]?.body), /sla_watermark_delay/);

    const logs = await dwbStack('logs', '--tail', '200');
    assert.equal(logs.code, 0);
    assert.match(logs.stdout, /dwb-watch[^|]*\| \S+ watching every 1h with the ETL/);
    assert.match(logs.stdout, new RegExp(`dwb-watch[^|]*\\| \\S+ etl run ${first?.run_id}: success`));
    assert.match(logs.stdout, /dwb-watch[^|]*\| +opened dim_cliente\|sla_watermark_delay: delivered to ops/);
    assert.ok(!transcript.join('').includes(TOKEN), 'the webhook URL is in no output');
  });

  it('status, backup and logs work on the running stack', async () => {
    const status = await dwbStack('status', '--json');
    assert.equal(status.code, 0);
    assert.deepEqual((JSON.parse(status.stdout) as { services: unknown }).services, { postgres: 'healthy', 'postgres-backup': 'healthy', 'dwb-watch': 'healthy' });
    const backup = await dwbStack('backup');
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /dw_ecommerce_\d{8}T\d{6}Z\.dump/);
    const logs = await dwbStack('logs', '--tail', '5');
    assert.equal(logs.code, 0);
    assert.match(logs.stdout, /postgres/);
  });

  it('two backups at once (Backup Now beside the loop, or twice) both succeed, each through its own temporary file', async () => {
    const [a, b] = await Promise.all([dwbStack('backup'), dwbStack('backup')]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const backups = readdirSync(path.join(project.root, '.dw/backups'));
    assert.deepEqual(backups.filter((f) => f.endsWith('.part')), [], 'no temporary file stays behind');
  });

  it('destroy asks for --yes and deletes nothing without it', async () => {
    assert.equal((await dwbStack('destroy')).code, 2);
    assert.equal((await dwbStack('status')).code, 0, 'nothing was destroyed without --yes');
  });

  it('down stops and removes every service, the watch service with them', async () => {
    assert.deepEqual(await projectContainers(), ['dwb-watch', 'postgres', 'postgres-backup']);
    const r = await dwbStack('down');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await projectContainers(), []);
    assert.equal((await dwbStack('status')).code, 1);
  });

  it('destroy --yes deletes the stack and keeps the secrets and the backups', async () => {
    const r = await dwbStack('destroy', '--yes');
    assert.equal(r.code, 0, r.stderr);
    assert.equal((await dwbStack('status')).code, 1);
    assert.ok(readFileSync(path.join(project.root, '.env'), 'utf8').includes('POSTGRES_PASSWORD='), 'secrets stay for the next up');
    assert.ok(readdirSync(path.join(project.root, '.dw/backups')).some((f) => f.endsWith('.dump')), 'backups stay');
  });

  it('a wrong subcommand is a usage error', async () => {
    assert.equal((await dwbStack('explode')).code, 2);
  });
});
