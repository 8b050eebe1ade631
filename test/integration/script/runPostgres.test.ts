import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConnectionConfig } from '../../../src/core/engine/config';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import {
  runScript,
  runScriptFile,
  splitPostgres,
  type BatchErrorEvent,
  type ScriptEvent,
} from '../../../src/core/script';
import { createDatabase, dropDatabase, postgresConnection, throwawayName } from '../../support/throwawayDatabase';

const fixtures = path.resolve(__dirname, '../../fixtures/scripts');

function collect(): { events: ScriptEvent[]; onEvent: (e: ScriptEvent) => void } {
  const events: ScriptEvent[] = [];
  return { events, onEvent: (e) => events.push(e) };
}

function ofType<T extends ScriptEvent['type']>(events: readonly ScriptEvent[], type: T): Extract<ScriptEvent, { type: T }>[] {
  return events.filter((e): e is Extract<ScriptEvent, { type: T }> => e.type === type);
}

/** Each target gets a fresh database per test. */
interface Target {
  readonly title: string;
  fresh(): Promise<ConnectionConfig>;
  cleanup(): Promise<void>;
}

const created: string[] = [];
const postgres: Target = {
  title: 'PostgreSQL',
  async fresh() {
    const name = throwawayName('dwb_script');
    await createDatabase(name);
    created.push(name);
    return postgresConnection(name);
  },
  async cleanup() {
    await Promise.all(created.splice(0).map(dropDatabase));
  },
};

const pglite: Target = {
  title: 'PGlite',
  fresh() {
    return Promise.resolve({ engine: 'pglite', database: 'dw_ecommerce' });
  },
  cleanup() {
    return Promise.resolve();
  },
};

for (const target of [postgres, pglite]) {
  describe(`script runs on ${target.title}`, function () {
    after(() => target.cleanup());

    it('runs a folder of scripts in order with includes, variables, NOTICE messages and result sets', async () => {
      const connection = await target.fresh();
      const { events, onEvent } = collect();
      const summary = await runScriptFile(path.join(fixtures, 'pg'), { connection, onEvent, variables: { batch: '250', entity: 'dim_cliente' } });
      assert.equal(summary.ok, true, JSON.stringify(summary.errors));
      assert.equal(summary.totalBatches, 8);
      assert.equal(summary.succeeded, 8);
      const notice = ofType(events, 'message').find((m) => m.text.includes('schema ready: ctl'));
      assert.ok(notice, 'the RAISE NOTICE arrives as a message');
      assert.equal(path.basename(notice.file), '01_schema.sql');
      assert.equal(notice.line, 11);
      const sets = ofType(events, 'result-set');
      assert.deepEqual(sets[0]?.rows, [
        { entity_name: 'dim_cliente', batch_size: 1000 },
        { entity_name: 'dim_produto', batch_size: 1000 },
      ]);
      assert.deepEqual(sets[1]?.rows, [{ note: "it's; fine", body: ' ; ' }]);
      const update = ofType(events, 'batch-end').find((e) => e.index === 7);
      assert.equal(update?.rowsAffected, 1);
    });

    it('reports a failing statement in a nested include at the file and line the server points to', async () => {
      const connection = await target.fresh();
      const { events, onEvent } = collect();
      const summary = await runScriptFile(path.join(fixtures, 'pg-broken/main.sql'), { connection, onEvent });
      assert.equal(summary.ok, false);
      assert.equal(summary.failed, 1);
      assert.equal(summary.skipped, 1, 'the statement after the failure does not run');
      const failure = ofType(events, 'batch-error')[0] as BatchErrorEvent;
      assert.equal(failure.error.file, path.join(fixtures, 'pg-broken/inc/level2.sql'));
      // The server's own position, asked directly for the same statement text.
      const statement = readFileSync(path.join(fixtures, 'pg-broken/inc/level2.sql'), 'utf8').trim();
      const engine = await createEngine(connection);
      let serverPosition = -1;
      try {
        await engine.batch('CREATE TABLE IF NOT EXISTS t (id int)');
        await engine.batch(statement);
      } catch (e) {
        serverPosition = (e as { position?: number }).position ?? -1;
      } finally {
        await engine.close();
      }
      assert.ok(serverPosition > 0, 'the server reports a position');
      const lineOfPosition = statement.slice(0, serverPosition - 1).split('\n').length;
      assert.equal(failure.error.line, lineOfPosition);
      assert.equal(failure.error.line, 3);
      assert.equal(failure.error.kind, 'other');
      assert.match(failure.error.message, /nome_cliente_missing/);
    });

    it('creates SQL-standard routines with BEGIN ATOMIC bodies (; and CASE … END inside) and prints \\echo in its place', async () => {
      const connection = await target.fresh();
      const engine = await createEngine(connection);
      const { events, onEvent } = collect();
      try {
        const script = [
          'CREATE TABLE atomic_log (id int PRIMARY KEY, label text);',
          '\\echo creating routines for :who',
          'CREATE OR REPLACE FUNCTION label_of(x int) RETURNS text LANGUAGE sql',
          'BEGIN ATOMIC',
          "  SELECT CASE WHEN x = 1 THEN 'one; first' WHEN x = 2 THEN 'two' ELSE 'many' END;",
          'END;',
          'CREATE PROCEDURE log_it(x int) LANGUAGE sql',
          'BEGIN ATOMIC',
          '  INSERT INTO atomic_log VALUES (x, label_of(x));',
          '  UPDATE atomic_log SET label = upper(label) WHERE id = x AND CASE WHEN x > 1 THEN true ELSE false END;',
          'END;',
          'CALL log_it(1);',
          'CALL log_it(2);',
          "\\echo done: :'who'",
          'SELECT id, label FROM atomic_log ORDER BY id;',
          '',
        ].join('\n');
        const plan = await splitPostgres(script, { file: '/virtual/atomic.sql', readFile: () => Promise.resolve(new Uint8Array()), variables: { who: 'ops' } });
        const summary = await runScript(plan, { connect: () => engine.session(), onEvent });
        assert.equal(summary.ok, true, JSON.stringify(summary.errors));
        assert.equal(summary.totalBatches, 8, 'two routines, each one statement, and two \\echo');
        assert.deepEqual(ofType(events, 'result-set')[0]?.rows, [
          { id: 1, label: 'one; first' },
          { id: 2, label: 'TWO' },
        ]);
        assert.deepEqual(
          ofType(events, 'message').map((m) => [m.text, m.line]),
          [
            ['creating routines for ops', 2],
            ["done: 'ops'", 14],
          ],
        );
        const order = events.filter((e) => e.type === 'message' || e.type === 'batch-start').map((e) => (e.type === 'message' ? e.text : e.line));
        assert.deepEqual(order, [1, 2, 'creating routines for ops', 3, 7, 12, 13, 14, "done: 'ops'", 15]);
      } finally {
        await engine.close();
      }
    });

    it('goes on after a failure under ON_ERROR_STOP off, and stops under the default', async () => {
      const connection = await target.fresh();
      const engine = await createEngine(connection);
      try {
        for (const [table, header] of [['k_ignore', '\\set ON_ERROR_STOP off\n'], ['k_exit', '']] as const) {
          const script = `${header}CREATE TABLE ${table} (id int PRIMARY KEY);\nINSERT INTO ${table} VALUES (1);\nINSERT INTO ${table} VALUES (1);\nINSERT INTO ${table} VALUES (2);\n`;
          const plan = await splitPostgres(script, { file: '/virtual/k.sql', readFile: () => Promise.resolve(new Uint8Array()) });
          const summary = await runScript(plan, { connect: () => engine.session() });
          assert.equal(summary.failed, 1);
          assert.equal(summary.errors[0]?.line, header === '' ? 3 : 4);
          assert.equal(summary.errors[0]?.kind, 'constraint');
          const ids = await engine.query<{ id: number }>(`SELECT id FROM ${table} ORDER BY id`);
          assert.deepEqual(ids.rows.map((r) => r.id), header === '' ? [1] : [1, 2]);
          assert.equal(summary.skipped, header === '' ? 1 : 0);
        }
      } finally {
        await engine.close();
      }
    });
  });
}

describe('script runs on PostgreSQL: connections', () => {
  const names: string[] = [];
  after(() => Promise.all(names.map(dropDatabase)));

  it('cancels mid-script: the running statement stops and nothing after it runs', async () => {
    const name = throwawayName('dwb_cancel');
    await createDatabase(name);
    names.push(name);
    const script = 'CREATE TABLE before_sleep (id int);\nSELECT pg_sleep(30);\nCREATE TABLE after_sleep (id int);\n';
    const plan = await splitPostgres(script, { file: '/virtual/cancel.sql', readFile: () => Promise.resolve(new Uint8Array()) });
    const controller = new AbortController();
    const engine: Engine = await createEngine(postgresConnection(name));
    try {
      const summary = await runScript(plan, {
        connect: () => engine.session(),
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'batch-start' && e.index === 2) setTimeout(() => controller.abort(), 300);
        },
      });
      assert.equal(summary.cancelled, true);
      assert.equal(summary.succeeded, 1);
      assert.equal(summary.skipped, 2);
      const tables = await engine.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
      assert.deepEqual(tables.rows.map((r) => r.name), ['before_sleep']);
    } finally {
      await engine.close();
    }
  });

  it('keeps at most maxRows rows of a result set in its event, and says how many came', async () => {
    const name = throwawayName('dwb_rows');
    await createDatabase(name);
    names.push(name);
    const plan = await splitPostgres('SELECT g AS n FROM generate_series(1, 1200) g;', { file: '/virtual/rows.sql', readFile: () => Promise.resolve(new Uint8Array()) });
    const engine = await createEngine(postgresConnection(name));
    const { events, onEvent } = collect();
    try {
      await runScript(plan, { connect: () => engine.session(), onEvent, maxRows: 100 });
    } finally {
      await engine.close();
    }
    const set = ofType(events, 'result-set')[0];
    assert.equal(set?.rows.length, 100);
    assert.equal(set?.totalRows, 1200);
    assert.equal(set?.truncated, true);
    assert.deepEqual(events.map((e) => e.type), ['plan-ready', 'batch-start', 'result-set', 'batch-end', 'done']);
  });

  it('switches database on \\c and names it in batch-start events', async () => {
    const first = throwawayName('dwb_c1');
    const second = throwawayName('dwb_c2');
    await createDatabase(first);
    await createDatabase(second);
    names.push(first, second);
    const plan = await splitPostgres(`SELECT current_database() AS db;\n\\c ${second}\nSELECT current_database() AS db;\n`, {
      file: '/virtual/c.sql',
      readFile: () => Promise.resolve(new Uint8Array()),
    });
    const { events, onEvent } = collect();
    const engines: Engine[] = [];
    try {
      const summary = await runScript(plan, {
        onEvent,
        connect: async (database) => {
          const engine = await createEngine(postgresConnection(database ?? first));
          engines.push(engine);
          return engine.session();
        },
      });
      assert.equal(summary.ok, true);
      const dbs = ofType(events, 'result-set').map((r) => r.rows[0]?.['db']);
      assert.deepEqual(dbs, [first, second]);
      assert.deepEqual(ofType(events, 'batch-start').map((e) => e.database), [undefined, second]);
    } finally {
      await Promise.all(engines.map((e) => e.close()));
    }
  });
});
