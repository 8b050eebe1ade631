import assert from 'node:assert/strict';
import { PostgresEngine } from '../../../src/core/engine/postgres';
import { EngineError } from '../../../src/core/engine/errors';
import { asSuperuser, createThrowawayDatabase, localPostgres, type ThrowawayDatabase } from './throwawayDatabase';

/** Resolves once pg has seen the connection close (the backend exit reaches the socket). */
async function untilGone(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const rows = (await asSuperuser(`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid}`)) as { rowCount: number };
    if (rows.rowCount === 0) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  // The socket's end event follows the backend's exit; one more turn lets pg emit it.
  await new Promise((r) => setTimeout(r, 100));
}

describe('PostgreSQL session whose backend the server terminates while idle', function () {
  this.timeout(60_000);
  let db: ThrowawayDatabase;
  let engine: PostgresEngine;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown): void => {
    uncaught.push(error);
  };

  before(async () => {
    db = await createThrowawayDatabase('dwb_session_kill');
    engine = new PostgresEngine({ engine: 'postgres', ...localPostgres, database: db.name });
    // mocha's own handler would fail the test; this one records, so the assertion can say what happened.
    process.prependListener('uncaughtException', onUncaught);
  });
  after(async () => {
    process.removeListener('uncaughtException', onUncaught);
    await engine.close();
    await db.drop();
  });

  it('keeps the process alive and rejects the next call with an unreachable EngineError', async () => {
    const session = await engine.session();
    try {
      await session.query('SELECT 1');
      const pid = session.serverProcessId;
      assert.ok(pid !== undefined);
      await asSuperuser(`SELECT pg_terminate_backend(${pid})`);
      await untilGone(pid);
      assert.deepEqual(uncaught, [], 'no uncaught exception');

      const error = await session.query('SELECT 1').then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
      assert.equal(error.kind, 'unreachable');
      assert.match(error.message, /connection to PostgreSQL at 127\.0\.0\.1:5432\/dwb_session_kill\S* was closed/);
      await assert.rejects(session.transaction(() => Promise.resolve(1)), (e: unknown) => e instanceof EngineError && e.kind === 'unreachable');
    } finally {
      await session.release();
    }
    // The broken client is gone from the pool: the engine still serves new sessions.
    const again = await engine.session();
    try {
      const { rows } = await again.query<{ one: number }>('SELECT 1 AS one');
      assert.equal(rows[0]?.one, 1);
    } finally {
      await again.release();
    }
    assert.deepEqual(uncaught, []);
  });

  it('a statement the termination interrupts rejects with the same kind', async () => {
    const session = await engine.session();
    try {
      const pid = session.serverProcessId;
      assert.ok(pid !== undefined);
      const running = session.query('SELECT pg_sleep(30)').then(() => undefined, (e: unknown) => e);
      for (let i = 0; i < 200; i++) {
        const r = (await asSuperuser(`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid} AND wait_event = 'PgSleep'`)) as { rowCount: number };
        if (r.rowCount > 0) break;
        await new Promise((res) => setTimeout(res, 25));
      }
      await asSuperuser(`SELECT pg_terminate_backend(${pid})`);
      const error = await running;
      assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
      assert.equal(error.kind, 'unreachable');
    } finally {
      await session.release();
    }
    assert.deepEqual(uncaught, []);
  });
});
