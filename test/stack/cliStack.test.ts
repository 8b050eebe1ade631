import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { stackCommand } from '../../src/cli/commands/stack';
import type { Project } from '../../src/core/project';
import { readEnvFile } from '../../src/core/stack';
import { requireDocker } from './dockerTestEnv';
import { scaffoldPostgresProject } from './stackProject';

interface Ran { code: number; stdout: string; stderr: string }

describe('dwb stack (real Docker engine)', function () {
  this.timeout(600_000);
  let project: Project;
  const transcript: string[] = [];

  async function dwbStack(...args: string[]): Promise<Ran> {
    let stdout = '';
    let stderr = '';
    const sink = (append: (s: string) => void) => new Writable({ write(chunk, _enc, done) { append(String(chunk)); done(); } });
    const code = await stackCommand.run(args, {
      stdout: sink((s) => { stdout += s; }),
      stderr: sink((s) => { stderr += s; }),
      env: { ...process.env },
      cwd: project.root,
    });
    transcript.push(stdout, stderr);
    return { code, stdout, stderr };
  }

  before(async function () {
    await requireDocker(this);
    project = await scaffoldPostgresProject();
  });

  after(async () => {
    if (project) {
      await dwbStack('destroy', '--yes').catch(() => undefined);
      await rm(project.root, { recursive: true, force: true });
    }
  });

  it('status of a stack never started says down, with a failing exit code', async () => {
    const r = await dwbStack('status', '--json');
    assert.equal(r.code, 1);
    assert.equal((JSON.parse(r.stdout) as { status: string }).status, 'down');
  });

  it('up starts, bootstraps and checks the connection; the secrets land in a 0600 .env', async () => {
    const r = await dwbStack('up');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /is healthy on 127\.0\.0\.1:\d+/);
    assert.match(r.stderr, /bootstrap 1\/\d+: OLTP structure/);
    assert.match(r.stderr, /connected: PostgreSQL/);
    const envFile = path.join(project.root, '.env');
    assert.equal(statSync(envFile).mode & 0o777, 0o600);
    const secrets = await readEnvFile(envFile);
    assert.ok((secrets['POSTGRES_PASSWORD'] ?? '').length >= 12);
    assert.ok(!transcript.join('').includes(secrets['POSTGRES_PASSWORD'] ?? '-'), 'the password never reaches the output');
  });

  it('status, backup and logs work on the running stack', async () => {
    const status = await dwbStack('status', '--json');
    assert.equal(status.code, 0);
    assert.deepEqual((JSON.parse(status.stdout) as { services: unknown }).services, { postgres: 'healthy', 'postgres-backup': 'healthy' });
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

  it('destroy asks for --yes, then deletes the stack and keeps the backups', async () => {
    assert.equal((await dwbStack('destroy')).code, 2);
    assert.equal((await dwbStack('status')).code, 0, 'nothing was destroyed without --yes');
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
