import assert from 'node:assert/strict';
import { PostgresEngine } from '../../../src/core/engine/postgres';
import { isEngineError, type EngineError } from '../../../src/core/engine/errors';
import { asSuperuser, createThrowawayDatabase, localPostgres, type ThrowawayDatabase } from '../../support/throwawayDatabase';

/** Resolves once pg has seen the connection close (the backend exit reaches the socket). */
async function untilGone(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const rows = await asSuperuser(`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid}`);
    if (rows.rowCount === 0) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  // The socket's end event follows the backend's exit; one more turn lets pg emit it.
  await new Promise((r) => setTimeout(r, 100));
}

/** Waits until backend `pid` sleeps in pg_sleep, then terminates it. */
async function terminateWhileSleeping(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await asSuperuser(`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid} AND wait_event = 'PgSleep'`);
    if (r.rowCount !== null && r.rowCount > 0) break;
    await new Promise((res) => setTimeout(res, 25));
  }
  await asSuperuser(`SELECT pg_terminate_backend(${pid})`);
}

/** The backend running a statement that contains `marker` in database `db`. */
async function backendRunning(db: string, marker: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const r = await asSuperuser(
      `SELECT pid FROM pg_stat_activity WHERE datname = '${db}' AND query LIKE '%${marker}%' AND wait_event = 'PgSleep'`,
    );
    const pid = (r.rows[0] as { pid?: number } | undefined)?.pid;
    if (pid !== undefined) return pid;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`no backend ran ${marker}`);
}

function assertConnectionLost(error: unknown, database: string): asserts error is EngineError {
  assert.ok(isEngineError(error), `expected an EngineError, got ${String(error)}`);
  assert.equal(error.kind, 'unreachable');
  assert.ok(error.message.includes(`connection to PostgreSQL at 127.0.0.1:5432/${database} was closed`), error.message);
  assert.match(error.message, /run the operation again/);
}

describe('PostgreSQL connections the server terminates', function () {
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

  /** The engine still serves pooled queries and new sessions, none on a dead connection. */
  async function assertEngineWorks(deadPid: number): Promise<void> {
    for (let i = 0; i < 12; i++) {
      const { rows } = await engine.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      assert.notEqual(rows[0]?.pid, deadPid);
    }
    const again = await engine.session();
    try {
      const { rows } = await again.query<{ one: number }>('SELECT 1 AS one');
      assert.equal(rows[0]?.one, 1);
    } finally {
      await again.release();
    }
  }

  it('a Session held idle: the process survives, the next call rejects as connection lost', async () => {
    const session = await engine.session();
    const pid = session.serverProcessId;
    try {
      await session.query('SELECT 1');
      assert.ok(pid !== undefined);
      await asSuperuser(`SELECT pg_terminate_backend(${pid})`);
      await untilGone(pid);
      assert.deepEqual(uncaught, [], 'no uncaught exception');

      const error = await session.query('SELECT 1').then(() => undefined, (e: unknown) => e);
      assertConnectionLost(error, db.name);
      await assert.rejects(session.transaction(() => Promise.resolve(1)), (e: unknown) => isEngineError(e) && e.kind === 'unreachable');
      await assert.rejects(session.batch('SELECT 1'), (e: unknown) => isEngineError(e) && e.kind === 'unreachable');
    } finally {
      await session.release();
    }
    await assertEngineWorks(pid ?? -1);
    assert.deepEqual(uncaught, []);
  });

  it('a Session mid-query: the statement rejects as connection lost, and so does the next call', async () => {
    const session = await engine.session();
    const pid = session.serverProcessId;
    try {
      assert.ok(pid !== undefined);
      const running = session.query('SELECT pg_sleep(30)').then(() => undefined, (e: unknown) => e);
      await terminateWhileSleeping(pid);
      assertConnectionLost(await running, db.name);
      await untilGone(pid);
      assertConnectionLost(await session.query('SELECT 1').then(() => undefined, (e: unknown) => e), db.name);
    } finally {
      await session.release();
    }
    await assertEngineWorks(pid ?? -1);
    assert.deepEqual(uncaught, []);
  });

  it('a Session mid-transaction: the transaction rejects as connection lost', async () => {
    const session = await engine.session();
    const pid = session.serverProcessId;
    try {
      assert.ok(pid !== undefined);
      const tx = session.transaction((q) => q.query('SELECT pg_sleep(30)')).then(() => undefined, (e: unknown) => e);
      await terminateWhileSleeping(pid);
      assertConnectionLost(await tx, db.name);
    } finally {
      await session.release();
    }
    await assertEngineWorks(pid ?? -1);
    assert.deepEqual(uncaught, []);
  });

  it('a pooled query in flight: it rejects as connection lost and its client is not handed out again', async () => {
    const running = engine.query('SELECT pg_sleep(30) AS pooled_kill_marker').then(() => undefined, (e: unknown) => e);
    const pid = await backendRunning(db.name, 'pooled_kill_marker');
    await asSuperuser(`SELECT pg_terminate_backend(${pid})`);
    assertConnectionLost(await running, db.name);
    await untilGone(pid);
    await assertEngineWorks(pid);
    assert.deepEqual(uncaught, []);
  });

  it('a pooled stream paused between fetches: the process survives, the next fetch rejects as connection lost', async () => {
    const rows = engine.stream<{ n: number }>('SELECT n FROM generate_series(1, 10000) AS n', [], { fetchSize: 100 });
    const first = await rows.next();
    assert.equal(first.done === true ? undefined : first.value.n, 1);
    const r = await asSuperuser(`SELECT pid FROM pg_stat_activity WHERE datname = '${db.name}' AND query LIKE 'FETCH FORWARD%'`);
    const pid = (r.rows[0] as { pid: number }).pid;
    await asSuperuser(`SELECT pg_terminate_backend(${pid})`);
    await untilGone(pid);
    assert.deepEqual(uncaught, [], 'no uncaught exception while the consumer holds the stream');
    let error: unknown;
    try {
      for (;;) if ((await rows.next()).done === true) break;
    } catch (e) {
      error = e;
    }
    assertConnectionLost(error, db.name);
    await assertEngineWorks(pid);
    assert.deepEqual(uncaught, []);
  });

  it('a pipeline on a Session: the statement the termination interrupts is the failure, reported as connection lost', async () => {
    const session = await engine.session();
    const pid = session.serverProcessId;
    try {
      assert.ok(pid !== undefined);
      const running = session.pipeline!(['SELECT 1', 'SELECT pg_sleep(30)', 'SELECT 3']);
      await terminateWhileSleeping(pid);
      const result = await running.then((r) => r, (e: unknown) => ({ completed: [], failure: { index: -1, error: e } }));
      assert.equal(result.failure?.index, 1);
      assertConnectionLost(result.failure?.error, db.name);
    } finally {
      await session.release();
    }
    await assertEngineWorks(pid ?? -1);
    assert.deepEqual(uncaught, []);
  });
});
