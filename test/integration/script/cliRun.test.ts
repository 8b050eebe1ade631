import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCommand } from '../../../src/cli/commands/run';
import { EXIT_CODES } from '../../../src/cli/command';
import { createDatabase, dropDatabase, localPostgres, throwawayName } from '../../support/throwawayDatabase';

const fixtures = path.resolve(__dirname, '../../fixtures/scripts');

/** Runs `dwb run` in `cwd` and returns its exit code and output. */
async function dwbRun(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const code = await runCommand.run(args, { stdout, stderr, env: {}, cwd });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

function projectIn(dir: string, target: { database: string } & Record<string, unknown>, variables: Record<string, string> = {}): void {
  const { database, ...connection } = target;
  writeFileSync(
    path.join(dir, 'dw-workbench.json'),
    JSON.stringify({ name: 'cli-run-test', engine: 'postgres', connection, databases: { dw: database, oltp: database }, variables }),
  );
}

describe('dwb run (CLI) on PostgreSQL', () => {
  let dir = '';
  let database = '';
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-run-'));
    cpSync(fixtures, path.join(dir, 'scripts'), { recursive: true });
    database = throwawayName('dwb_cli_run');
    await createDatabase(database);
  });
  after(async () => {
    await dropDatabase(database);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a folder with --var and project variables, printing notices and result tables; exit 0', async () => {
    projectIn(dir, { host: localPostgres.host, port: localPostgres.port, user: localPostgres.user, database }, { entity: 'dim_cliente' });
    const r = await dwbRun(['scripts/pg', '--var', 'batch=300'], dir);
    assert.equal(r.code, EXIT_CODES.ok, r.stderr);
    assert.match(r.stdout, /schema ready: ctl/);
    assert.match(r.stdout, /entity_name\s+batch_size\n-+\s+-+\ndim_cliente\s+1000\ndim_produto\s+1000/);
    assert.match(r.stderr, /8 batches: 8 ok, 0 failed, 0 skipped/);
  });

  it('reports a failure as file:line:column and exits 1', async () => {
    const r = await dwbRun(['scripts/pg-broken/main.sql'], dir);
    assert.equal(r.code, EXIT_CODES.failed);
    assert.match(r.stderr, /^scripts\/pg-broken\/inc\/level2\.sql:3:8: error \[42703\]: .*nome_cliente_missing/m);
  });

  it('a parse error runs nothing and says where', async () => {
    writeFileSync(path.join(dir, 'bad.sql'), 'CREATE TABLE never_created (id int);\nSELECT :\'undefined_var\';\n');
    await assert.rejects(dwbRun(['bad.sql'], dir), /bad\.sql:2: undefined variable undefined_var/);
    const exists = spawnSync('psql', ['-h', localPostgres.host, '-U', localPostgres.user, '-d', database, '-Atc', "SELECT to_regclass('never_created') IS NOT NULL"], { encoding: 'utf8' });
    assert.equal(exists.stdout.trim(), 'f', 'the statement before the parse error did not run');
    const r = await dwbRun(['--json', 'scripts/pg-broken/main.sql'], dir);
    assert.ok(r.stdout.split('\n').filter(Boolean).every((l) => typeof (JSON.parse(l) as { type?: unknown }).type === 'string'));
  });

  it('--dry-run prints the batches without connecting', async () => {
    const offline = mkdtempSync(path.join(tmpdir(), 'dwb-run-offline-'));
    try {
      cpSync(path.join(fixtures, 'pg'), path.join(offline, 'pg'), { recursive: true });
      // Port 9 (discard) has no server: a connection attempt would fail the command.
      projectIn(offline, { host: '127.0.0.1', port: 9, user: 'nobody', database: 'nowhere' });
      const r = await dwbRun(['pg', '--dry-run', '--var', 'batch=5', '--var', 'entity=x'], offline);
      assert.equal(r.code, EXIT_CODES.ok, r.stderr);
      assert.match(r.stdout, /^8 batch\(es\) from 2 file\(s\), dialect postgres/);
      assert.match(r.stdout, /-- batch 7\/8 at pg\/02_data\.sql:1\n {3}UPDATE ctl\.etl_control SET batch_size = 5 WHERE entity_name = 'x';/);
      const json = await dwbRun(['pg', '--dry-run', '--json', '--var', 'batch=5', '--var', 'entity=x'], offline);
      assert.equal((JSON.parse(json.stdout) as { batches: unknown[] }).batches.length, 8);
    } finally {
      rmSync(offline, { recursive: true, force: true });
    }
  });

  it('an unreachable database exits 4', async () => {
    const offline = mkdtempSync(path.join(tmpdir(), 'dwb-run-offline-'));
    try {
      writeFileSync(path.join(offline, 'a.sql'), 'SELECT 1;');
      projectIn(offline, { host: '127.0.0.1', port: 9, user: 'nobody', database: 'nowhere', connectTimeoutSeconds: 2 });
      const r = await dwbRun(['a.sql'], offline);
      assert.equal(r.code, EXIT_CODES.unreachable, r.stderr);
    } finally {
      rmSync(offline, { recursive: true, force: true });
    }
  });

  it('a wrong command line exits 2', async () => {
    assert.equal((await dwbRun(['--var', 'novalue', 'a.sql'], dir)).code, EXIT_CODES.usage);
    assert.equal((await dwbRun([], dir)).code, EXIT_CODES.usage);
  });
});
