import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createThrowawayDatabase, localPostgres, type ThrowawayDatabase } from '../../support/throwawayDatabase';

const root = path.resolve(__dirname, '../../..');

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `dwb run ...` as users type it: the CLI's entry point, in its own process. */
function dwb(args: readonly string[], cwd: string): Promise<Outcome> {
  const child = spawn(process.execPath, ['--import', require.resolve('tsx'), path.join(root, 'src/cli/main.ts'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString('utf8'); });
  child.stderr.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Scripts named so that plain string order would run 10_ before 2_. */
function writeScripts(dir: string): void {
  mkdirSync(path.join(dir, 'load'), { recursive: true });
  mkdirSync(path.join(dir, 'bad'), { recursive: true });
  writeFileSync(path.join(dir, 'load', '1_create.sql'), 'create table dim_cliente (sk_cliente int primary key, nome text);\n');
  writeFileSync(path.join(dir, 'load', '2_insert.sql'), "insert into dim_cliente values (1, :'who'), (2, 'Bruno');\n");
  writeFileSync(path.join(dir, 'load', '10_report.sql'), '-- runs last\nselect nome from dim_cliente order by sk_cliente;\n');
  writeFileSync(path.join(dir, 'bad', '1_ok.sql'), 'select 1 as ok;\n');
  writeFileSync(path.join(dir, 'bad', '2_fails.sql'), '-- a typo on line 3\n\nselect * from dim_clientes;\nselect 2;\n');
}

function project(dir: string, engine: object): void {
  writeFileSync(path.join(dir, 'dw-workbench.json'), JSON.stringify({ name: 'dwb-run-test', ...engine }));
}

for (const engine of ['postgres', 'pglite'] as const) {
  describe(`dwb run on ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}`, function () {
    let dir = '';
    let database: ThrowawayDatabase | undefined;

    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), `dwb-run-${engine}-`));
      writeScripts(dir);
      if (engine === 'postgres') {
        database = await createThrowawayDatabase('dwb_run_cli');
        project(dir, { engine, connection: { ...localPostgres }, databases: { dw: database.name, oltp: database.name } });
      } else {
        project(dir, { engine, connection: { dataDir: '.dw/pglite' } });
      }
    });

    after(async () => {
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('runs a folder in natural order with --var, prints the rows, exits 0', async () => {
      const r = await dwb(['run', 'load', '--var', 'who=Ana'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Ana[\s\S]*Bruno/);
      assert.match(r.stderr, /3 batches: 3 ok, 0 failed, 0 skipped/);
    });

    it('a failing statement exits 1 and names file:line', async () => {
      const r = await dwb(['run', 'bad'], dir);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, new RegExp(`${path.join('bad', '2_fails.sql').replaceAll('\\', '\\\\')}:3(:\\d+)?: error`));
      assert.match(r.stderr, /1 ok, 1 failed, 1 skipped/);
    });

    it('--dry-run prints the batches without connecting', async () => {
      const elsewhere = mkdtempSync(path.join(tmpdir(), 'dwb-run-dry-'));
      try {
        writeScripts(elsewhere);
        // Nothing listens on port 9: a connection attempt would fail the run.
        project(elsewhere, engine === 'postgres' ? { engine, connection: { host: '127.0.0.1', port: 9, user: 'postgres' } } : { engine, connection: { dataDir: '.dw/pglite' } });
        const r = await dwb(['run', 'load', '--dry-run', '--var', 'who=Ana'], elsewhere);
        assert.equal(r.code, 0, r.stderr);
        const order = ['1_create.sql', '2_insert.sql', '10_report.sql'].map((f) => r.stdout.indexOf(f));
        assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > (order[k - 1] as number))), r.stdout);
        assert.match(r.stdout, /'Ana'/);
        if (engine === 'pglite') assert.equal(existsSync(path.join(elsewhere, '.dw', 'pglite')), false, 'no data directory was created');
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    });
  });
}
