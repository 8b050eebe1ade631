import { strict as assert } from 'node:assert';
import { insertCustomers } from './support/customers';
import { killChildInBatch } from './support/crash';
import { count, run, setControl } from './support/run';
import { createPostgresWarehouse, reopen, type TestWarehouse } from './support/warehouse';

describe('ETL: a killed run is closed with its own duration, wherever it died (PostgreSQL)', function () {
  this.timeout(300_000);
  let wh: TestWarehouse;
  before(async () => {
    wh = await createPostgresWarehouse('intr');
    await insertCustomers(wh.engine, Array.from({ length: 40 }, (_, i) => ({ id: i + 1, updatedAt: `2024-03-01 10:${String(i).padStart(2, '0')}:00` })));
    await setControl(wh.engine, 'dim_cliente', { batchSize: 5, cutoffMinutes: 0 });
  });
  after(async () => {
    await wh.close();
  });

  it('ends the killed run and its entity at their last sign of life, not when the next run closed them', async () => {
    // The child commits two batches, then stops dead inside the third: SIGKILL.
    await killChildInBatch(wh.name);
    // The downtime: everything from here on is after the run died.
    const killedBy = await wh.engine.query<{ t: unknown }>(`SELECT to_char(now() AT TIME ZONE 'utc', 'YYYY-MM-DD HH24:MI:SS.MS') AS t`);
    const db = await reopen(wh.name);
    try {
      const { result } = await run(db);
      assert.equal(result.status, 'success');
      const params = [result.runId, String(killedBy.rows[0]?.t)];
      assert.equal(await count(db, `SELECT count(*) AS n FROM audit.etl_run WHERE run_id <> $1 AND status = 'failed'
          AND finished_at >= started_at AND finished_at <= CAST($2 AS timestamp)`, params), 1, 'the run ends before it was killed');
      assert.equal(await count(db, `SELECT count(*) AS n FROM audit.etl_run_entity WHERE run_id <> $1 AND status = 'failed'
          AND finished_at > started_at AND finished_at <= CAST($2 AS timestamp)`, params), 1, 'the entity ends at its last committed batch');
    } finally {
      await db.close();
    }
  });

  it('leaves a trace of a run killed while it prepares, before any data moved, which the next run closes', async () => {
    const before = await count(wh.engine, 'SELECT COALESCE(max(run_id), 0) AS n FROM audit.etl_run');
    const watermark = await wh.engine.query<{ w: unknown }>("SELECT CAST(watermark_id AS varchar(20)) AS w FROM ctl.etl_control WHERE entity_name = 'dim_cliente'");
    await killChildInBatch(wh.name, 'prepare');
    // The dead run is there, still 'running', with its entities requested and nothing loaded.
    const dead = await wh.engine.query<{ run_id: unknown; status: string; entities_requested: string }>(
      'SELECT run_id, status, entities_requested FROM audit.etl_run WHERE run_id > $1', [before]);
    const deadId = Number(dead.rows[0]?.run_id);
    assert.deepEqual(dead.rows.map((r) => [r.status, r.entities_requested]), [['running', 'dim_cliente']]);
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM audit.etl_run_entity WHERE run_id = $1', [deadId]), 0);
    const db = await reopen(wh.name);
    try {
      const { result } = await run(db);
      assert.equal(result.status, 'success');
      const closed = await db.query<{ status: string; error_message: string | null; ended: boolean }>(
        'SELECT status, error_message, finished_at >= started_at AS ended FROM audit.etl_run WHERE run_id = $1', [deadId]);
      assert.equal(closed.rows[0]?.status, 'failed');
      assert.ok(closed.rows[0]?.ended, 'the dead run ends when it started: it did nothing after');
      assert.match(closed.rows[0]?.error_message ?? '', /interrupted/i);
    } finally {
      await db.close();
    }
    // Nothing moved while it prepared: the watermark it found is the one the next run started from.
    const from = await wh.engine.query<{ w: unknown }>(
      "SELECT CAST(watermark_from_id AS varchar(20)) AS w FROM audit.etl_run_entity WHERE run_id = (SELECT max(run_id) FROM audit.etl_run) AND entity_name = 'dim_cliente'");
    assert.equal(from.rows[0]?.w, watermark.rows[0]?.w);
  });
});
