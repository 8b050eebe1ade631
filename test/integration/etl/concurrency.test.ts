import { strict as assert } from 'node:assert';
import type { Engine } from '../../../src/core/engine/types';
import { INTERRUPTED_MESSAGE } from '../../../src/core/etl/run/audit';
import { dimClienteDifferences, insertCustomers } from './support/customers';
import { killChildInBatch } from './support/crash';
import { count, run, setControl, watermarkOf } from './support/run';
import { createPostgresWarehouse, reopen, resetWarehouse, type TestWarehouse } from './support/warehouse';

/**
 * 'waiting' once a session of this database waits for an advisory lock (the ETL's entity lock),
 * as pg_locks shows it; 'ended' when `run` settles first (it never waited).
 */
async function blockedOnAdvisoryLock(engine: Engine, run: Promise<unknown>): Promise<'waiting' | 'ended'> {
  let ended = false;
  void run.finally(() => { ended = true; }).catch(() => undefined);
  const waiting = `SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
    WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted`;
  for (;;) {
    if ((await count(engine, waiting)) > 0) return 'waiting';
    if (ended) return 'ended';
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ETL runs that overlap, are cancelled or crash (PostgreSQL)', function () {
  this.timeout(300_000);
  let wh: TestWarehouse;
  before(async () => {
    wh = await createPostgresWarehouse('conc');
  });
  beforeEach(async () => {
    await resetWarehouse(wh.engine);
    await insertCustomers(wh.engine, Array.from({ length: 40 }, (_, i) => ({ id: i + 1, updatedAt: `2024-03-01 10:${String(i).padStart(2, '0')}:00` })));
    await setControl(wh.engine, 'dim_cliente', { batchSize: 5, cutoffMinutes: 0 });
  });
  after(async () => {
    await wh.close();
  });

  it('a second run of the same entity fails at once with a clear message when told not to wait', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let inside: () => void = () => undefined;
    const entered = new Promise<void>((r) => (inside = r));
    const first = run(wh.engine, {
      beforePhase: async (phase, info) => {
        if (phase === 'merge' && info.batch === 2) {
          inside();
          await held;
        }
      },
    });
    await entered;
    const second = await run(wh.engine, { lockWaitMs: 0 });
    release();
    const a = await first;
    assert.equal(a.result.status, 'success');
    assert.equal(second.result.status, 'failed');
    assert.match(second.result.entities[0]?.error ?? '', /dim_cliente is being loaded by another run .*--wait/);
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM dim.dim_cliente'), 40);
    assert.equal(await count(wh.engine, `SELECT count(*) AS n FROM audit.etl_run WHERE status = 'running'`), 0);
  });

  it('a second run told to wait runs after the first and finds nothing left to load', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let inside: () => void = () => undefined;
    const entered = new Promise<void>((r) => (inside = r));
    const first = run(wh.engine, {
      beforePhase: async (phase, info) => {
        if (phase === 'stage' && info.batch === 3) {
          inside();
          await held;
        }
      },
    });
    await entered;
    const second = run(wh.engine, { lockWaitMs: 60_000 });
    // Released only once the server shows the second run's session blocked on the entity's lock.
    const seen = await blockedOnAdvisoryLock(wh.engine, second);
    release();
    assert.equal(seen, 'waiting', 'the second run ended without waiting for the first one\'s lock');
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.result.entities[0]?.counts.extracted, 40);
    assert.equal(b.result.status, 'success');
    assert.equal(b.result.entities[0]?.counts.extracted, 0);
    assert.deepEqual(await dimClienteDifferences(wh.engine), []);
  });

  it('cancelling mid-run rolls back the current batch and keeps the committed ones', async () => {
    const abort = new AbortController();
    const { result, events } = await run(wh.engine, {
      signal: abort.signal,
      beforePhase: (phase, info) => {
        if (phase === 'merge' && info.batch === 3) abort.abort();
        return Promise.resolve();
      },
    });
    // A user's cancel is recorded as cancelled (not failed) in the run, the entity and ctl.etl_control.
    assert.equal(result.status, 'cancelled');
    assert.equal(result.entities[0]?.status, 'cancelled');
    const audit = (await wh.engine.query(`SELECT r.status AS run_status, e.status AS entity_status, c.last_status
      FROM audit.etl_run r JOIN audit.etl_run_entity e ON e.run_id = r.run_id JOIN ctl.etl_control c ON c.entity_name = e.entity_name
      WHERE r.run_id = $1`, [result.runId])).rows;
    assert.deepEqual(audit, [{ run_status: 'cancelled', entity_status: 'cancelled', last_status: 'cancelled' }]);
    assert.equal(events.filter((e) => e.type === 'batch').length, 2);
    assert.deepEqual(await watermarkOf(wh.engine, 'dim_cliente'), { ts: '2024-03-01 10:09:00', id: '10' });
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM dim.dim_cliente'), 10);
    const again = await run(wh.engine);
    assert.equal(again.result.entities[0]?.counts.extracted, 30);
    assert.deepEqual(await dimClienteDifferences(wh.engine), []);
  });

  it('a run left running by a killed process is closed as failed by the next run', async () => {
    await killChildInBatch(wh.name);
    assert.equal(await count(wh.engine, `SELECT count(*) AS n FROM audit.etl_run WHERE status = 'running'`), 1);
    const db = await reopen(wh.name);
    try {
      const { result } = await run(db);
      assert.equal(result.status, 'success');
      const dead = (await db.query('SELECT status, error_message FROM audit.etl_run WHERE run_id <> $1', [result.runId])).rows;
      assert.deepEqual(dead, [{ status: 'failed', error_message: INTERRUPTED_MESSAGE }]);
      const deadEntity = (await db.query('SELECT status FROM audit.etl_run_entity WHERE run_id <> $1', [result.runId])).rows;
      assert.deepEqual(deadEntity, [{ status: 'failed' }]);
      assert.equal(await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente'), 40);
      assert.deepEqual(await dimClienteDifferences(db), []);
    } finally {
      await db.close();
    }
  });
});
