import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine, isEngineError } from '../../../src/core/engine/index';

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
});
