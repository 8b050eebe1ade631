import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine, isEngineError } from '../../../src/core/engine/index';
import { nextNewCluster } from '../../../src/core/engine/pgliteAssets';

const repoRoot = path.resolve(__dirname, '../../..');

describe('PGlite with a data directory', function () {
  // initdb of a new data directory plus two opens: seconds alone, a minute on a busy machine.
  this.timeout(300_000);
  let root: string | undefined;

  after(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  it('reports a data directory it cannot create with the folder and what to check (from its worker thread)', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'dwb-pglite-'));
    // A file where the data directory's parent folder should be.
    writeFileSync(path.join(root, '.dw'), 'not a folder');
    const dataDir = path.join(root, '.dw', 'pglite');
    await assert.rejects(createEngine({ engine: 'pglite', database: 'dw_ecommerce', dataDir }), (e: unknown) => {
      assert.ok(isEngineError(e), String(e));
      assert.equal(e.kind, 'other');
      assert.ok(e.message.startsWith(`Cannot open the PGlite database in ${dataDir}: `), e.message);
      assert.match(e.message, /(EEXIST|ENOTDIR).*Check that the folder is writable/);
      return true;
    });
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps committed rows across close and reopen, and reports the folder as its address', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'dwb-pglite-'));
    const config = { engine: 'pglite', database: 'dw_ecommerce', dataDir: path.join(root, '.dw', 'pglite') } as const;
    const first = await createEngine(config);
    try {
      await first.batch("CREATE TABLE ctl_etl_control (entity_name text PRIMARY KEY, watermark_updated_at timestamp(0) NOT NULL DEFAULT '1900-01-01')");
      await first.query('INSERT INTO ctl_etl_control (entity_name, watermark_updated_at) VALUES ($1, $2)', [
        'dim_cliente', { value: new Date(Date.UTC(2024, 5, 30, 12, 0, 0)), type: { kind: 'timestamp', precision: 0 } },
      ]);
    } finally {
      await first.close();
    }
    const second = await createEngine(config);
    try {
      const { rows } = await second.query<{ entity_name: string; watermark_updated_at: Date }>('SELECT entity_name, watermark_updated_at FROM ctl_etl_control');
      assert.deepEqual(rows, [{ entity_name: 'dim_cliente', watermark_updated_at: new Date(Date.UTC(2024, 5, 30, 12, 0, 0)) }]);
      assert.equal((await second.serverInfo()).address, config.dataDir);
    } finally {
      await second.close();
    }
  });

  it('starts new databases from the fresh cluster a worker made after the process\'s first: a cluster of its own, in memory or in a folder', async () => {
    // The case before made a new database in this process: this one is at least the second.
    const a = await createEngine({ engine: 'pglite', database: 'dw_ecommerce' });
    try {
      // A worker that ran initdb for a second new database sent its cluster back to this thread.
      const template = nextNewCluster().template;
      assert.ok(template !== undefined && template.byteLength > 1_000_000, `template: ${template?.byteLength} bytes`);
      await a.batch('CREATE TABLE only_in_a (x int)');
      root = mkdtempSync(path.join(tmpdir(), 'dwb-pglite-'));
      const config = { engine: 'pglite', database: 'dw_ecommerce', dataDir: path.join(root, '.dw', 'pglite') } as const;
      for (const b of [await createEngine({ engine: 'pglite', database: 'dw_ecommerce' }), await createEngine(config)]) {
        try {
          // The template is initdb's cluster alone: nothing another database did after it opened.
          const { rows } = await b.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'");
          assert.deepEqual(rows, [{ n: 0 }]);
          await b.batch('CREATE TABLE only_in_b (x int)');
        } finally {
          await b.close();
        }
      }
      const { rows } = await a.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_b'");
      assert.deepEqual(rows, [{ n: 0 }]);
      // The folder made from the template is a real data directory: it reopens with its table.
      const reopened = await createEngine(config);
      try {
        const { rows: kept } = await reopened.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_b'");
        assert.deepEqual(kept, [{ n: 1 }]);
      } finally {
        await reopened.close();
      }
    } finally {
      await a.close();
    }
  });

  it('keeps no cluster in a process that made one new database: the second one makes it', () => {
    const script = `
      const { createEngine } = require('./src/core/engine/index');
      const { nextNewCluster } = require('./src/core/engine/pgliteAssets');
      (async () => {
        const held = [];
        for (let i = 0; i < 2; i++) {
          const e = await createEngine({ engine: 'pglite', database: 'dw' });
          await e.close();
          held.push(nextNewCluster().template === undefined ? 'none' : 'kept');
        }
        process.stdout.write(held.join(','));
      })();`;
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'none,kept');
  });
});
