import { strict as assert } from 'node:assert';
import { insertCustomers } from './support/customers';
import { killChildInBatch } from './support/crash';
import { count, run, setControl } from './support/run';
import { createPostgresWarehouse, reopen, type TestWarehouse } from './support/warehouse';

describe('ETL: a run killed mid-batch is closed with its own duration (PostgreSQL)', function () {
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
});
