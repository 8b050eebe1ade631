import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Engine } from '../../../src/core/engine/types';
import { eventLines } from '../../../src/core/etl/present/terminalLines';
import type { EtlEvent } from '../../../src/core/etl/run/events';
import { PGLITE_HAS_NO_SESSIONS } from '../../../src/core/etl/run/snapshot';
import { dimClienteDifferences, insertCustomers } from './support/customers';
import { count, run, setControl } from './support/run';
import { createPgliteWarehouse, createPostgresWarehouse, resetWarehouse, type TestWarehouse } from './support/warehouse';

const root = path.resolve(__dirname, '../../..');
/** The connection audit as the warehouse scripts make it: the table, then the procedures and view. */
const AUDIT_SCRIPTS = ['dw/07_connection_audit_table.sql', 'dw/08_connection_audit.sql'];

async function applyConnectionAudit(engine: Engine): Promise<void> {
  for (const s of AUDIT_SCRIPTS) await engine.batch(readFileSync(path.join(root, 'sql/postgres', s), 'utf8'));
}

/** The stages a run's snapshots hold, from the table (an independent read of what the procedure wrote). */
async function stagesOf(engine: Engine, runId: number): Promise<string[]> {
  const r = await engine.query<{ stage: string }>(
    'SELECT DISTINCT stage FROM audit.connection_login_events WHERE run_id = $1 ORDER BY stage', [runId]);
  return r.rows.map((x) => x.stage);
}

async function seed(engine: Engine): Promise<void> {
  await resetWarehouse(engine);
  await engine.query('TRUNCATE audit.connection_login_events');
  await insertCustomers(engine, Array.from({ length: 12 }, (_, i) => ({ id: i + 1, updatedAt: `2024-03-01 10:${String(i).padStart(2, '0')}:00` })));
  await setControl(engine, 'dim_cliente', { batchSize: 5, cutoffMinutes: 0 });
}

const terminal = (events: readonly EtlEvent[]): string[] => events.flatMap((e) => eventLines(e, () => undefined));

describe('ETL connection snapshots at run start, end and failure (PostgreSQL)', function () {
  this.timeout(300_000);
  let wh: TestWarehouse;
  before(async () => {
    wh = await createPostgresWarehouse('snap');
    await applyConnectionAudit(wh.engine);
  });
  beforeEach(() => seed(wh.engine));
  after(async () => {
    await wh?.close();
  });

  it('a run leaves a start snapshot before its first entity and an end snapshot after it closed, both linked to its audit.etl_run row', async () => {
    const { result, events } = await run(wh.engine);
    assert.equal(result.status, 'success');
    assert.deepEqual(result.snapshots, [{ stage: 'start', status: 'captured' }, { stage: 'end', status: 'captured' }]);
    assert.deepEqual(await stagesOf(wh.engine, result.runId), ['end', 'start']);
    // Linked to the run's own row, and taken at the moments they name.
    assert.equal(await count(wh.engine, `SELECT count(*) AS n FROM audit.connection_login_events c
        JOIN audit.etl_run r ON r.run_id = c.run_id
        JOIN audit.etl_run_entity e ON e.run_id = r.run_id AND e.entity_name = 'dim_cliente'
       WHERE c.run_id = $1 AND c.stage = 'start' AND c.captured_at >= r.started_at AND c.captured_at <= e.started_at`, [result.runId]),
    await count(wh.engine, "SELECT count(*) AS n FROM audit.connection_login_events WHERE run_id = $1 AND stage = 'start'", [result.runId]));
    assert.equal(await count(wh.engine, `SELECT count(*) AS n FROM audit.connection_login_events c JOIN audit.etl_run r ON r.run_id = c.run_id
       WHERE c.run_id = $1 AND c.stage = 'end' AND r.status = 'success' AND c.captured_at >= r.finished_at`, [result.runId]),
    await count(wh.engine, "SELECT count(*) AS n FROM audit.connection_login_events WHERE run_id = $1 AND stage = 'end'", [result.runId]));
    // The run's own connection is among the sessions recorded (pg_stat_activity sees it).
    assert.ok(await count(wh.engine, `SELECT count(*) AS n FROM audit.connection_login_events
        WHERE run_id = $1 AND stage = 'start' AND database_name = current_database()`, [result.runId]) >= 1);
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM audit.connection_login_events WHERE run_id IS NULL'), 0);
    const lines = terminal(events);
    assert.ok(lines.includes(`run ${result.runId}: connection snapshot (start) recorded in audit.connection_login_events`), lines.join('\n'));
    assert.ok(lines.includes(`run ${result.runId}: connection snapshot (end) recorded in audit.connection_login_events`), lines.join('\n'));
  });

  it('a run whose entities fail leaves a failure snapshot instead of an end snapshot', async () => {
    const { result } = await run(wh.engine, { beforePhase: () => Promise.reject(new Error('deadlock detected (injected)')) });
    assert.equal(result.status, 'failed');
    assert.deepEqual(result.snapshots.map((s) => `${s.stage} ${s.status}`), ['start captured', 'failure captured']);
    assert.deepEqual(await stagesOf(wh.engine, result.runId), ['failure', 'start']);
    assert.equal(await count(wh.engine, `SELECT count(*) AS n FROM audit.connection_login_events c JOIN audit.etl_run r ON r.run_id = c.run_id
       WHERE c.run_id = $1 AND c.stage = 'failure' AND r.status = 'failed' AND c.captured_at >= r.finished_at`, [result.runId]),
    await count(wh.engine, "SELECT count(*) AS n FROM audit.connection_login_events WHERE run_id = $1 AND stage = 'failure'", [result.runId]));
  });

  it('a runner that fails after the run opened leaves a failure snapshot, and the caller still gets the runner’s error', async () => {
    const runs = await count(wh.engine, 'SELECT COALESCE(max(run_id), 0) AS n FROM audit.etl_run');
    await assert.rejects(run(wh.engine, {
      onEvent: (e) => {
        if (e.type === 'run-start') throw new Error('the terminal went away');
      },
    }), /the terminal went away/);
    const runId = await count(wh.engine, 'SELECT max(run_id) AS n FROM audit.etl_run');
    assert.equal(runId, runs + 1, 'the run had opened');
    assert.deepEqual(await stagesOf(wh.engine, runId), ['failure']);
  });

  it('a snapshot procedure that fails does not fail the run: the run loads, and says why it has no snapshot', async () => {
    await wh.engine.batch(`CREATE OR REPLACE PROCEDURE audit.usp_capture_connection_snapshot(p_run_id bigint DEFAULT NULL, p_stage varchar DEFAULT NULL)
      LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'permission denied for view pg_stat_activity (injected)'; END $$`);
    try {
      const { result, events } = await run(wh.engine);
      assert.equal(result.status, 'success');
      assert.deepEqual(await dimClienteDifferences(wh.engine), []);
      assert.equal(await count(wh.engine, "SELECT count(*) AS n FROM audit.etl_run WHERE run_id = $1 AND status = 'success' AND error_message IS NULL", [result.runId]), 1);
      assert.deepEqual(result.snapshots.map((s) => `${s.stage} ${s.status}`), ['start failed', 'end failed']);
      for (const s of result.snapshots) {
        assert.match(s.reason ?? '', /permission denied for view pg_stat_activity \(injected\)\. The run went on without it\. .*dwb bootstrap/);
      }
      assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM audit.connection_login_events'), 0);
      const warnings = terminal(events).filter((l) => l.includes('warning: connection snapshot'));
      assert.deepEqual(warnings.map((l) => l.slice(0, l.indexOf(' failed: '))), [`run ${result.runId}: warning: connection snapshot (start)`, `run ${result.runId}: warning: connection snapshot (end)`]);
    } finally {
      await applyConnectionAudit(wh.engine);
    }
  });
});

describe('ETL connection snapshots on PGlite (no server sessions)', function () {
  this.timeout(300_000);
  let wh: TestWarehouse;
  before(async () => {
    wh = await createPgliteWarehouse();
    await applyConnectionAudit(wh.engine);
    await seed(wh.engine);
  });
  after(async () => {
    await wh?.close();
  });

  it('skips the snapshots with the reason, said once in the run’s output, and the run loads', async () => {
    const { result, events } = await run(wh.engine);
    assert.equal(result.status, 'success');
    assert.deepEqual(result.snapshots, [
      { stage: 'start', status: 'skipped', reason: PGLITE_HAS_NO_SESSIONS },
      { stage: 'end', status: 'skipped', reason: PGLITE_HAS_NO_SESSIONS },
    ]);
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM audit.connection_login_events'), 0);
    const said = terminal(events).filter((l) => l.includes('connection snapshot'));
    assert.deepEqual(said, [`run ${result.runId}: connection snapshots skipped: ${PGLITE_HAS_NO_SESSIONS}`]);
  });
});
