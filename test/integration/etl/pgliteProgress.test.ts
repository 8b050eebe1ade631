import { strict as assert } from 'node:assert';
import type { EtlEvent } from '../../../src/core/etl/run/events';
import { insertCustomers } from './support/customers';
import { count, run, setControl, watermarkOf } from './support/run';
import { createPgliteWarehouse, resetWarehouse, type TestWarehouse } from './support/warehouse';

/**
 * PGlite runs each statement synchronously on the thread it lives in. In the thread that runs
 * the ETL (the extension host's), a whole run was one chain of promise continuations: nothing
 * else the event loop had to do (a terminal write, a command, Ctrl+C) ran before the run ended.
 * The engine now lives in a worker thread (createEngine's default, what the extension gets).
 * These cases observe the event loop with macrotasks (setImmediate), as the terminal's writes and
 * a user's Ctrl+C reach the extension host; they synchronise on the run's events, not on time.
 */
describe('ETL on PGlite: the run leaves the event loop free (its worker thread)', function () {
  this.timeout(300_000);
  const ROWS = 40;
  const BATCH = 5;
  let wh: TestWarehouse;

  before(async () => {
    wh = await createPgliteWarehouse();
  });
  beforeEach(async () => {
    await resetWarehouse(wh.engine);
    await setControl(wh.engine, 'dim_cliente', { batchSize: BATCH, cutoffMinutes: 0 });
    await insertCustomers(wh.engine, Array.from({ length: ROWS }, (_, i) => ({ id: i + 1, updatedAt: `2024-03-01 10:${String(i).padStart(2, '0')}:00` })));
  });
  after(async () => {
    await wh?.close();
  });

  it('delivers each batch to the event loop before the next batch and before the run ends', async () => {
    // One log of the run's events (as emitted) and of the macrotask each batch scheduled.
    const log: string[] = [];
    const { result } = await run(wh.engine, {
      onEvent: (e: EtlEvent) => {
        log.push(e.type === 'batch' ? `batch ${e.batch}` : e.type);
        if (e.type === 'batch') setImmediate(() => log.push(`delivered ${e.batch}`));
      },
    });
    assert.equal(result.status, 'success');
    const batches = ROWS / BATCH;
    // The snapshots (skipped on PGlite, with the reason) open and close the run.
    const expected = ['run-start', 'snapshot', 'entity-start'];
    for (let b = 1; b <= batches; b++) expected.push(`batch ${b}`, `delivered ${b}`);
    expected.push('entity-end', 'snapshot', 'run-end');
    assert.deepEqual(log, expected);
  });

  it('honours an abort given on the event loop mid-run: committed batches stay, each with its watermark', async () => {
    const abort = new AbortController();
    const committed: Extract<EtlEvent, { type: 'batch' }>[] = [];
    const { result } = await run(wh.engine, {
      signal: abort.signal,
      onEvent: (e) => {
        if (e.type !== 'batch') return;
        committed.push(e);
        // Ctrl+C in the task's terminal reaches the extension host as a macrotask, like this one.
        if (e.batch === 1) setImmediate(() => abort.abort());
      },
    });
    const entity = result.entities.find((o) => o.entity === 'dim_cliente');
    assert.equal(entity?.status, 'cancelled');
    assert.ok(committed.length >= 1 && committed.length < ROWS / BATCH, `batches committed before the abort: ${committed.length}`);
    // Exactly the committed batches' rows, and the watermark of the last one: the next run goes on from there.
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM dim.dim_cliente'), committed.length * BATCH);
    const last = committed[committed.length - 1];
    assert.deepEqual((await watermarkOf(wh.engine, 'dim_cliente')).id, last?.watermark.id);
    const { result: next } = await run(wh.engine);
    assert.equal(next.entities[0]?.counts.extracted, ROWS - committed.length * BATCH);
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM dim.dim_cliente'), ROWS);
  });
});
