import { strict as assert } from 'node:assert';
import type { Engine } from '../../../src/core/engine/types';
import type { EtlPhase, EtlPhaseInfo } from '../../../src/core/etl/run/events';
import { createPgliteWarehouse, createPostgresWarehouse, reopen, resetWarehouse, type TestWarehouse } from './support/warehouse';
import { dimClienteDifferences, insertCustomers } from './support/customers';
import { count, run, setControl } from './support/run';

const cases: readonly [string, () => Promise<TestWarehouse>][] = [
  ['PostgreSQL', () => createPostgresWarehouse('initial')],
  ['PGlite', () => createPgliteWarehouse()],
];

/**
 * The transfer plan's initial load: while the target holds no members, pages are bulk-loaded
 * straight into it (no stage, no merge); a page that meets a member falls back to the stage.
 */
for (const [label, create] of cases) describe(`ETL initial load straight into the target (${label})`, () => {
  let wh: TestWarehouse;
  let db: Engine;
  /** On PostgreSQL, a second engine that looks at the batch transaction's locks from outside. */
  let probe: Engine | undefined;
  before(async () => {
    wh = await create();
    db = wh.engine;
    if (label === 'PostgreSQL') probe = await reopen(wh.name);
  });
  beforeEach(async () => {
    await resetWarehouse(db);
    await setControl(db, 'dim_cliente', { batchSize: 3, cutoffMinutes: 0 });
  });
  after(async () => {
    await probe?.close();
    await wh.close();
  });

  /**
   * Per batch, whether the batch transaction had written the target before its merge phase:
   * it holds ROW EXCLUSIVE on dim.dim_cliente only when the page was loaded straight into it.
   * Empty on PGlite, where its one connection cannot be observed from outside.
   */
  function watchMergePhase(): { readonly wroteTargetBeforeMerge: boolean[]; readonly beforePhase: (p: EtlPhase, info: EtlPhaseInfo) => Promise<void> } {
    const wroteTargetBeforeMerge: boolean[] = [];
    return {
      wroteTargetBeforeMerge,
      async beforePhase(p, info) {
        if (p !== 'merge' || probe === undefined) return;
        const held = await count(probe,
          `SELECT count(*) AS n FROM pg_locks WHERE pid = $1 AND relation = 'dim.dim_cliente'::regclass AND mode = 'RowExclusiveLock' AND granted`,
          [info.targetProcessId]);
        wroteTargetBeforeMerge.push(held > 0);
      },
    };
  }

  it('loads an empty target straight, with the same result and counts as the merge', async () => {
    await insertCustomers(db, [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, updatedAt: `2024-03-0${id} 10:00:00`, deletedAt: id === 5 ? '2024-03-05 10:00:00' : null })));
    const watch = watchMergePhase();
    const { result } = await run(db, { plan: 'transfer', beforePhase: watch.beforePhase });
    assert.equal(result.status, 'success');
    assert.deepEqual(result.entities[0]?.counts, { extracted: 7, upserted: 7, softDeleted: 1, rejected: 0, batches: 3 });
    assert.deepEqual(await dimClienteDifferences(db), []);
    if (probe !== undefined) assert.deepEqual(watch.wroteTargetBeforeMerge, [true, true, true]);
  });

  it('merges through the stage once the target holds members', async () => {
    await insertCustomers(db, [1, 2, 3].map((id) => ({ id, updatedAt: '2024-03-01 10:00:00' })));
    await run(db, { plan: 'transfer' });
    await insertCustomers(db, [4, 5].map((id) => ({ id, updatedAt: '2024-03-02 10:00:00' })));
    await db.query(`UPDATE core.customers SET email = 'novo@x.com', updated_at = TIMESTAMP '2024-03-02 11:00:00' WHERE customer_id = 2`);
    const watch = watchMergePhase();
    const { result } = await run(db, { plan: 'transfer', beforePhase: watch.beforePhase });
    assert.deepEqual(result.entities[0]?.counts, { extracted: 3, upserted: 3, softDeleted: 0, rejected: 0, batches: 1 });
    assert.deepEqual(await dimClienteDifferences(db), []);
    if (probe !== undefined) assert.deepEqual(watch.wroteTargetBeforeMerge, [false]);
  });

  it('does a page that meets a member again through the stage, keeping its surrogate key', async () => {
    await insertCustomers(db, [{ id: 2, updatedAt: '2024-03-01 10:00:00' }]);
    await run(db, { plan: 'transfer' });
    const sk = await count(db, 'SELECT cliente_id AS n FROM dim.dim_cliente WHERE cliente_original_id = 2');
    await insertCustomers(db, [1, 3, 4, 5].map((id) => ({ id, updatedAt: '2024-03-01 10:00:00' })));
    // One member in the target: the load starts straight, meets customer 2 on the first page and falls back.
    const watch = watchMergePhase();
    const { result } = await run(db, { plan: 'transfer', full: true, beforePhase: watch.beforePhase });
    assert.equal(result.status, 'success');
    assert.deepEqual(result.entities[0]?.counts, { extracted: 5, upserted: 4, softDeleted: 0, rejected: 0, batches: 2 });
    assert.deepEqual(await dimClienteDifferences(db), []);
    assert.equal(await count(db, 'SELECT cliente_id AS n FROM dim.dim_cliente WHERE cliente_original_id = 2'), sk);
    assert.equal(await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente'), 5);
    const audit = (await db.query('SELECT CAST(extracted_count AS int) AS e, CAST(upserted_count AS int) AS u FROM audit.etl_run_entity WHERE run_id = $1', [result.runId])).rows[0];
    assert.deepEqual(audit, { e: 5, u: 4 });
    // The straight attempt of page 1 failed at its load, before any merge phase; then the stage.
    if (probe !== undefined) assert.deepEqual(watch.wroteTargetBeforeMerge, [false, false]);
  });
});
