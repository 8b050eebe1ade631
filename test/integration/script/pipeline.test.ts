import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectionConfig } from '../../../src/core/engine/config';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import { loadScriptPlan, runScript, runScriptFile, type BatchEndEvent, type RunSummary, type ScriptEvent } from '../../../src/core/script';
import { skipBecause } from '../../support/skip';
import { createDatabase, dropDatabase, localPostgres, postgresConnection, throwawayName } from '../../support/throwawayDatabase';

/**
 * Consecutive DML/SELECT statements go to PostgreSQL pipelined (one round trip for a group).
 * These scripts run through psql -f with ON_ERROR_STOP=1 on one database and through the runner
 * on another (and on PGlite, which runs one statement at a time): what committed, which
 * statement failed and at which line, must be the same.
 */
interface Scenario {
  readonly title: string;
  readonly script: string;
  /** One row, one text column: the state to compare after the run. */
  readonly probe: string;
  /** The line psql reports the failure at; undefined when the script succeeds. */
  readonly failsAt?: number;
  /** Statements that succeed before the failure (default: failsAt - 1, one statement a line). */
  readonly before?: number;
}

const inserts = (from: number, to: number, table = 't'): string =>
  Array.from({ length: to - from + 1 }, (_, i) => `INSERT INTO ${table} (id) VALUES (${from + i});`).join('\n');

const scenarios: Scenario[] = [
  {
    title: 'a failure in the middle of a group: the statements before it committed, none after it ran',
    script: `CREATE TABLE t (id int PRIMARY KEY, at_xid text DEFAULT pg_current_xact_id()::text);\n${inserts(1, 4)}\nINSERT INTO t (id) VALUES (2);\n${inserts(5, 8)}\n`,
    probe: "SELECT string_agg(id::text, ',' ORDER BY id) || ' xids:' || count(DISTINCT at_xid) FROM t",
    failsAt: 6,
  },
  {
    title: "a multi-line statement failing inside a group is placed at the line of the server's position",
    script: `CREATE TABLE t (id int PRIMARY KEY);\n${inserts(1, 2)}\nINSERT INTO t (id)\n  VALUES\n  (no_such_column);\n${inserts(3, 4)}\n`,
    probe: "SELECT string_agg(id::text, ',' ORDER BY id) FROM t",
    failsAt: 6,
    before: 3,
  },
  {
    title: 'nothing after the failure consumes a sequence',
    script: `CREATE SEQUENCE s;\nCREATE TABLE t (id int PRIMARY KEY);\n${Array.from({ length: 5 }, () => "INSERT INTO t VALUES (nextval('s'));").join('\n')}\nINSERT INTO t VALUES (1);\n${Array.from({ length: 5 }, () => "INSERT INTO t VALUES (nextval('s'));").join('\n')}\n`,
    probe: "SELECT (SELECT last_value FROM s)::text || ' ' || (SELECT count(*) FROM t)",
    failsAt: 8,
  },
  {
    title: 'a deferred constraint that fails at commit fails its own statement',
    script:
      'CREATE TABLE t (id int, CONSTRAINT t_u UNIQUE (id) DEFERRABLE INITIALLY DEFERRED);\n'
      + `${inserts(1, 3)}\nINSERT INTO t (id) VALUES (3);\n${inserts(4, 5)}\n`,
    probe: "SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM t",
    failsAt: 5,
  },
  {
    title: "inside the script's own transaction block a failure leaves nothing committed",
    script: `CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t VALUES (100);\nBEGIN;\n${inserts(1, 3)}\nUPDATE t SET id = id + 1;\n${inserts(7, 9)}\nCOMMIT;\n`,
    probe: "SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM t",
    failsAt: 7,
  },
  {
    title: 'a transaction block that succeeds commits every statement, then autocommit goes on',
    script: `CREATE TABLE t (id int PRIMARY KEY);\nBEGIN;\n${inserts(1, 3)}\nUPDATE t SET id = id * 10;\nCOMMIT;\n${inserts(1, 3)}\nDELETE FROM t WHERE id > 20;\n`,
    probe: "SELECT string_agg(id::text, ',' ORDER BY id) FROM t",
  },
];

function psql(database: string, file: string): { status: number; stderr: string } {
  const r = spawnSync('psql', ['-X', '-q', '-h', localPostgres.host, '-p', String(localPostgres.port), '-U', localPostgres.user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-f', file, '-o', '/dev/null'], {
    encoding: 'utf8',
  });
  return { status: r.status ?? -1, stderr: r.stderr };
}

async function probe(connection: ConnectionConfig, sql: string): Promise<string> {
  const engine = await createEngine(connection);
  try {
    const { rows } = await engine.query<Record<string, unknown>>(sql);
    return String(Object.values(rows[0] ?? {})[0]);
  } finally {
    await engine.close();
  }
}

describe('script runs on PostgreSQL: pipelined statements behave as psql runs them one by one', function () {
  const names: string[] = [];
  let dir = '';
  before(function () {
    if (spawnSync('psql', ['--version']).status !== 0) skipBecause(this, 'psql is not installed');
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-pipeline-'));
  });
  after(async () => {
    await Promise.all(names.map(dropDatabase));
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  scenarios.forEach((scenario, n) => {
    it(scenario.title, async () => {
      const file = path.join(dir, `s${n}.sql`);
      writeFileSync(file, scenario.script);
      const viaPsql = throwawayName('dwb_pipe_psql');
      const viaDwb = throwawayName('dwb_pipe_dwb');
      await createDatabase(viaPsql);
      await createDatabase(viaDwb);
      names.push(viaPsql, viaDwb);

      const p = psql(viaPsql, file);
      const psqlLine = /psql:[^\n]*:(\d+): ERROR/.exec(p.stderr)?.[1];
      assert.equal(psqlLine === undefined ? undefined : Number(psqlLine), scenario.failsAt, p.stderr);
      const expected = await probe(postgresConnection(viaPsql), scenario.probe);

      const runs: { engine: string; run: (onEvent: (e: ScriptEvent) => void) => Promise<{ summary: RunSummary; state: string }> }[] = [
        {
          engine: 'PostgreSQL',
          run: async (onEvent) => {
            const summary = await runScriptFile(file, { connection: postgresConnection(viaDwb), onEvent });
            return { summary, state: await probe(postgresConnection(viaDwb), scenario.probe) };
          },
        },
        {
          // In-process, one statement at a time: the reference for the same runner without pipelining.
          engine: 'PGlite',
          run: async (onEvent) => {
            const engine: Engine = await createEngine({ engine: 'pglite', database: 'dw_ecommerce' });
            try {
              const plan = await loadScriptPlan(file, { dialect: 'postgres' });
              const summary = await runScript(plan, { connect: () => engine.session(), onEvent });
              const { rows } = await engine.query<Record<string, unknown>>(scenario.probe);
              return { summary, state: String(Object.values(rows[0] ?? {})[0]) };
            } finally {
              await engine.close();
            }
          },
        },
      ];
      for (const { engine, run } of runs) {
        const events: ScriptEvent[] = [];
        const { summary, state } = await run((e) => events.push(e));
        assert.equal(summary.ok, scenario.failsAt === undefined, `${engine}: ${JSON.stringify(summary.errors)}`);
        assert.equal(summary.errors[0]?.line, scenario.failsAt, engine);
        if (scenario.failsAt !== undefined) {
          const before = scenario.before ?? scenario.failsAt - 1;
          assert.equal(summary.succeeded, before, engine);
          assert.equal(summary.skipped, summary.totalBatches - before - 1, `${engine}: nothing after the failure is reported as run`);
        }
        assert.equal(state, expected, `${engine}: the same state as psql left`);
        const ends = events.filter((e): e is BatchEndEvent => e.type === 'batch-end');
        assert.deepEqual(
          ends.map((e) => e.index),
          ends.map((_, i) => i + 1),
          `${engine}: every statement that ran is reported, in order`,
        );
      }
    });
  });

  it('keeps rows affected, result sets and notices with their own statement', async () => {
    const name = throwawayName('dwb_pipe_events');
    await createDatabase(name);
    names.push(name);
    const file = path.join(dir, 'events.sql');
    writeFileSync(
      file,
      [
        'CREATE TABLE t (id int PRIMARY KEY, v int);',
        "CREATE FUNCTION t_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'row %', NEW.id; RETURN NEW; END $$;",
        'CREATE TRIGGER t_note BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION t_note();',
        'INSERT INTO t VALUES (1, 1), (2, 1);',
        'INSERT INTO t VALUES (3, 2);',
        'UPDATE t SET v = v + 1 WHERE v = 1;',
        'SELECT id, v FROM t ORDER BY id;',
        'DELETE FROM t WHERE id = 3 RETURNING id;',
        'SELECT 1 AS one WHERE false;',
        '',
      ].join('\n'),
    );
    const events: ScriptEvent[] = [];
    const summary = await runScriptFile(file, { connection: postgresConnection(name), onEvent: (e) => events.push(e) });
    assert.equal(summary.ok, true, JSON.stringify(summary.errors));
    const rows = events.filter((e): e is BatchEndEvent => e.type === 'batch-end').map((e) => [e.index, e.rowsAffected]);
    assert.deepEqual(rows, [[1, 0], [2, 0], [3, 0], [4, 2], [5, 1], [6, 2], [7, 0], [8, 1], [9, 0]]);
    const notices = events.flatMap((e) => (e.type === 'message' ? [[e.index, e.text, e.line]] : []));
    assert.deepEqual(notices, [[4, 'row 1', 4], [4, 'row 2', 4], [5, 'row 3', 5]]);
    const sets = events.flatMap((e) => (e.type === 'result-set' ? [[e.index, e.rows, e.columns.map((c) => `${c.name}:${c.type}`)]] : []));
    assert.deepEqual(sets, [
      [7, [{ id: 1, v: 2 }, { id: 2, v: 2 }, { id: 3, v: 2 }], ['id:integer', 'v:integer']],
      [8, [{ id: 3 }], ['id:integer']],
      [9, [], ['one:integer']],
    ]);
    // Event order per statement is the same as when statements run alone.
    const order = events.filter((e) => 'index' in e && e.index === 8).map((e) => e.type);
    assert.deepEqual(order, ['batch-start', 'result-set', 'batch-end']);
  });

  it('cancels inside a group: the statement running stops, the ones before stay committed, none after runs', async () => {
    const name = throwawayName('dwb_pipe_cancel');
    await createDatabase(name);
    names.push(name);
    const file = path.join(dir, 'cancel.sql');
    writeFileSync(file, 'CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\nSELECT pg_sleep(30);\nINSERT INTO t VALUES (2);\n');
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The INSERT before the sleep is reported while the group still runs: the cancel keys off it.
    const onEvent = (e: ScriptEvent): void => {
      if (e.type === 'batch-end' && e.index === 2) timer = setTimeout(() => controller.abort(), 300);
    };
    try {
      const summary = await runScriptFile(file, { connection: postgresConnection(name), signal: controller.signal, onEvent });
      assert.equal(summary.cancelled, true);
      assert.equal(summary.succeeded, 2);
      assert.equal(summary.skipped, 2);
      assert.ok(summary.durationMs < 20_000, 'the sleeping statement was cancelled on the server');
    } finally {
      clearTimeout(timer);
    }
    assert.equal(await probe(postgresConnection(name), "SELECT string_agg(id::text, ',') FROM t"), '1');
  });
});
