import { strict as assert } from 'node:assert';
import type { Engine } from '../../../src/core/engine/types';
import type { EtlPhase } from '../../../src/core/etl/run/events';
import { dimClienteDifferences, insertCustomers } from './support/customers';
import { count, run, setControl } from './support/run';
import { runKilledAt } from './support/crash';
import { createPostgresWarehouse, reopen, resetWarehouse, type TestWarehouse } from './support/warehouse';

const CUSTOMERS = 60;
const BATCH = 7;

/** Source rows at or below the watermark that the target lacks: must always be zero. */
const BEHIND_WATERMARK = `SELECT count(*) AS n FROM core.customers c
  JOIN ctl.etl_control w ON w.entity_name = 'dim_cliente'
  WHERE (c.updated_at, c.customer_id) <= (w.watermark_updated_at, w.watermark_id)
    AND NOT EXISTS (SELECT 1 FROM dim.dim_cliente d WHERE d.cliente_original_id = c.customer_id)`;

async function seed(db: Engine): Promise<void> {
  await resetWarehouse(db);
  // Three rows per updated_at: ties cross most batch boundaries.
  await insertCustomers(
    db,
    Array.from({ length: CUSTOMERS }, (_, i) => ({ id: i + 1, updatedAt: `2024-03-01 10:${String(Math.floor(i / 3)).padStart(2, '0')}:00` })),
  );
  await setControl(db, 'dim_cliente', { batchSize: BATCH, cutoffMinutes: 0 });
}

describe('ETL under connection loss (PostgreSQL, pg_terminate_backend)', function () {
  this.timeout(600_000);
  let wh: TestWarehouse;
  before(async () => {
    wh = await createPostgresWarehouse('faults');
  });
  after(async () => {
    await wh.close();
  });

  const phases: EtlPhase[] = ['extract', 'stage', 'merge', 'commit', 'committed'];
  for (const plan of ['transfer', 'pushdown'] as const) for (const phase of phases) {
    for (const batch of [1, 4, 9]) {
      it(`${plan} plan killed before ${phase} of batch ${batch}: no loss, no duplicate, watermark never ahead of the data`, async () => {
        await seed(wh.engine);
        await runKilledAt(wh, plan, phase, (p, info) => p === phase && info.batch === batch);
        const db = await reopen(wh.name);
        try {
          assert.equal(await count(db, BEHIND_WATERMARK), 0, 'rows behind the watermark are loaded');
          const loaded = await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente');
          const audited = await count(db, 'SELECT COALESCE(sum(extracted_count), 0) AS n FROM audit.etl_run_entity');
          assert.equal(audited, loaded, 'audit counts match the committed batches');
          const { result } = await run(db, { plan });
          assert.equal(result.status, 'success');
          assert.equal(await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente'), CUSTOMERS);
          assert.equal(await count(db, 'SELECT count(DISTINCT cliente_original_id) AS n FROM dim.dim_cliente'), CUSTOMERS);
          assert.equal(await count(db, 'SELECT COALESCE(sum(extracted_count), 0) AS n FROM audit.etl_run_entity'), CUSTOMERS);
          assert.deepEqual(await dimClienteDifferences(db), []);
          assert.equal(await count(db, `SELECT count(*) AS n FROM audit.etl_run WHERE status = 'running'`), 0);
          assert.equal(await count(db, `SELECT count(*) AS n FROM audit.etl_run_entity WHERE status = 'running'`), 0);
        } finally {
          await db.close();
        }
      });
    }
  }
});
