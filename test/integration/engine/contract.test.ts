import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { setTimeout as pause } from 'node:timers/promises';
import vm from 'node:vm';
import { createEngine } from '../../../src/core/engine/factory';
import { EngineError, type EngineErrorKind } from '../../../src/core/engine/errors';
import type { ConnectionConfig } from '../../../src/core/engine/config';
import type { BulkColumn, Engine, ServerMessage, SqlParam } from '../../../src/core/engine/types';
import { skipBecause } from '../../support/skip';
import { isBabelfish } from '../../../src/core/engine/serverProduct';
import { engineTargets, type OpenedEngine } from './engineTargets';
import { asSuperuser, localPostgres } from '../../support/throwawayDatabase';

/** V8's full collection, without starting node with --expose-gc. */
function fullGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the promise to reject');
}

/** Resolves once another session of this test's application is running a statement. */
/** Sessions of this test other than the asking one that run a statement on the server. */
async function runningElsewhere(engine: Engine): Promise<number> {
  const { rows } = await engine.query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM sys.dm_exec_sessions WHERE session_id <> @@SPID AND program_name = @p1 AND status IN ('running', 'active')",
    ['dwb-contract-test']);
  return rows[0]?.n ?? 0;
}

async function waitForRunning(engine: Engine): Promise<void> {
  while ((await runningElsewhere(engine)) === 0);
}

/**
 * Babelfish reads a TDS attention only after the batch ends, so a CPU-bound statement whose
 * connection the client dropped keeps running on the server, its transaction open. The suites
 * after this one read "the oldest transaction open on the server" for their ETL cutoff: the
 * statement is cancelled from the PostgreSQL side of the cluster (DW_TEST_PG_PASSWORD_AUTH) and
 * the case ends once the server shows no statement of this test running.
 */
async function endLeftRunning(engine: Engine): Promise<void> {
  const pgSide = passwordCheckingPostgres();
  const canceller = pgSide === undefined ? undefined : await createEngine(pgSide);
  try {
    for (;;) {
      await canceller?.query("SELECT count(pg_cancel_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = $1 AND state <> 'idle'", ['dwb-contract-test']);
      if ((await runningElsewhere(engine)) === 0) return;
      await pause(100);
    }
  } finally {
    await canceller?.close();
  }
}

function assertKind(error: EngineError, kind: EngineErrorKind): void {
  assert.equal(error.kind, kind, `kind ${error.kind} (${error.message})`);
}

const loadColumns: readonly BulkColumn[] = [
  { name: 'cliente_original_id', type: { kind: 'bigint' } },
  { name: 'nome_cliente', type: { kind: 'text' } },
  { name: 'cidade', type: { kind: 'text' } },
  { name: 'valor_total_gasto_historico', type: { kind: 'decimal', precision: 15, scale: 2 } },
  { name: 'data_ultima_atualizacao', type: { kind: 'timestamp', precision: 6 } },
  { name: 'eh_ativo', type: { kind: 'bool' } },
];

function* clienteRows(n: number): Generator<unknown[]> {
  const cities = ['São Paulo', 'Ação\tcom tab', 'Çé\nnova linha', 'C:\\dados\\backslash', 'Brasília'];
  for (let i = 1; i <= n; i++) {
    yield [i, `Cliente ${i}`, cities[i % cities.length], `${i}.${String(i % 100).padStart(2, '0')}`,
      new Date(Date.UTC(2024, 0, 1, 0, 0, 0, i % 1000)), i % 2 === 0];
  }
}

for (const target of engineTargets) {
  describe(`Engine contract: ${target.title}`, function () {
    let opened: OpenedEngine | undefined;
    const engine = (): Engine => {
      if (opened === undefined) throw new Error('engine not opened');
      return opened.engine;
    };
    const p = target.sql.param;

    // Per test, so the summary lists the reason next to every skipped case.
    beforeEach(function () {
      if (target.skipReason !== undefined) skipBecause(this, target.skipReason);
    });

    // Server detection (SERVERPROPERTY('Babelfish')): Babelfish for PostgreSQL speaks TDS and
    // T-SQL but cannot interrupt a running statement, nor run WAITFOR.
    let babelfish = false;
    const sqlServerOnly = (context: Mocha.Context, what: string): void => {
      if (babelfish) skipBecause(context, `SQL Server only: ${what}; the server is Babelfish for PostgreSQL (SERVERPROPERTY('Babelfish') = 1), which reads a TDS attention only after the batch ends and has no WAITFOR`);
    };

    before(async function () {
      if (target.skipReason !== undefined) return;
      opened = await target.open();
      babelfish = isBabelfish(await opened.engine.serverInfo());
      await engine().batch(target.sql.createRoundTrip);
      await engine().batch(target.sql.createLoad);
    });

    after(async () => {
      await opened?.cleanup();
    });

    it('reports the server it is connected to', async () => {
      const info = await engine().serverInfo();
      assert.equal(info.engine, engine().kind);
      assert.match(info.version, /^\d+(\.\d+)*/);
    });

    it('round-trips every SqlType exactly, NULLs included', async () => {
      const bytes = new Uint8Array([0, 1, 127, 128, 255]);
      const ts = new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 123));
      const params: SqlParam[] = [
        { value: 1, type: { kind: 'int' } },
        { value: -2147483648, type: { kind: 'int' } },
        { value: '9007199254740993', type: { kind: 'bigint' } },
        { value: -32768, type: { kind: 'smallint' } },
        { value: '1234567890123.45', type: { kind: 'decimal', precision: 15, scale: 2 } },
        { value: 0.1, type: { kind: 'float' } },
        { value: true, type: { kind: 'bool' } },
        { value: 'São Paulo, Ação, Çé', type: { kind: 'text' } },
        { value: 'Brasília\ttab\nlinha\\barra', type: { kind: 'text', length: 40 } },
        { value: new Date(Date.UTC(1990, 4, 17)), type: { kind: 'date' } },
        { value: '2024-02-29 23:59:58.123456', type: { kind: 'timestamp', precision: 6 } },
        { value: ts, type: { kind: 'timestamp', precision: 0 } },
        { value: bytes, type: { kind: 'bytes' } },
      ];
      const placeholders = params.map((_, i) => p(i + 1)).join(', ');
      await engine().query(`INSERT INTO round_trip (id, i, b, s, d, f, ok, t, v, dt, ts, ts0, bin) VALUES (${placeholders})`, params);
      await engine().query(`INSERT INTO round_trip (id) VALUES (${p(1)})`, [2]);
      const { rows } = await engine().query<Record<string, unknown>>(
        `SELECT id, i, b, s, d, f, ok, t, v, dt, ts, ts0, bin, ${target.sql.micros('ts')} AS ts_micros FROM round_trip ORDER BY id`,
      );
      const [full, empty] = rows;
      assert.ok(full !== undefined && empty !== undefined);
      assert.equal(full['i'], -2147483648);
      assert.equal(full['b'], '9007199254740993');
      assert.equal(full['s'], -32768);
      assert.equal(full['d'], '1234567890123.45');
      assert.equal(full['f'], 0.1);
      assert.equal(full['ok'], true);
      assert.equal(full['t'], 'São Paulo, Ação, Çé');
      assert.equal(full['v'], 'Brasília\ttab\nlinha\\barra');
      assert.deepEqual(full['dt'], new Date(Date.UTC(1990, 4, 17)));
      assert.deepEqual(full['ts'], new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 123)));
      assert.equal(full['ts_micros'], '123456', 'the server keeps microseconds a Date cannot hold');
      assert.deepEqual(full['ts0'], new Date(Date.UTC(2024, 1, 29, 23, 59, 58)), 'timestamp(0) rounds .123 away');
      assert.deepEqual(Buffer.from(full['bin'] as Uint8Array), Buffer.from(bytes));
      for (const column of ['i', 'b', 's', 'd', 'f', 'ok', 't', 'v', 'dt', 'ts', 'ts0', 'bin']) {
        assert.equal(empty[column], null, `${column} stays NULL`);
      }
    });

    it('streams rows with bounded memory', async function () {
      // Measured after a full GC at each sample, so the figure is what the stream retains, not
      // garbage V8 has not collected yet (that varies with machine load).
      const collect = fullGc();
      collect();
      const baseline = process.memoryUsage();
      let peakHeap = baseline.heapUsed;
      let peakRss = baseline.rss;
      let count = 0;
      let sum = 0;
      for await (const row of engine().stream<{ id: number | string; label: string }>(target.sql.series(target.streamRows), [], { fetchSize: 2000 })) {
        count++;
        sum += Number(row.id);
        if (count % 50000 === 0) {
          collect();
          const now = process.memoryUsage();
          peakHeap = Math.max(peakHeap, now.heapUsed);
          peakRss = Math.max(peakRss, now.rss);
        }
      }
      const mb = (n: number): number => Math.round(n / 1048576);
      this.test!.title += ` (${target.streamRows} rows: retained heap +${mb(peakHeap - baseline.heapUsed)} MB, rss +${mb(peakRss - baseline.rss)} MB)`;
      assert.equal(count, target.streamRows);
      assert.equal(sum, (target.streamRows * (target.streamRows + 1)) / 2);
      // Holding the rows (an object and a 100-character label each, ~170 bytes) would retain ~35 MB.
      assert.ok(peakHeap - baseline.heapUsed < 16 * 1048576, `heap grew by ${mb(peakHeap - baseline.heapUsed)} MB`);
    });

    it('stops a stream when the loop breaks, and the connection stays usable', async () => {
      let seen = 0;
      for await (const _row of engine().stream(target.sql.series(10000), [], { fetchSize: 100 })) {
        if (++seen === 150) break;
      }
      assert.equal(seen, 150);
      const { rows } = await engine().query<{ one: number }>('SELECT 1 AS one');
      assert.equal(rows[0]?.one, 1);
    });

    it('bulk loads 100k rows with awkward text, exactly', async () => {
      const n = 100_000;
      const loaded = await engine().bulkLoad({ name: 'dim_cliente_load' }, loadColumns, clienteRows(n), { batchSize: 5000 });
      assert.equal(loaded, n);
      const { rows } = await engine().query<{ n: string | number; ids: string | number; total: string; sp: string | number }>(
        `SELECT COUNT(*) AS n, SUM(cliente_original_id) AS ids, SUM(valor_total_gasto_historico) AS total,
                SUM(CASE WHEN cidade = ${p(1)} THEN 1 ELSE 0 END) AS sp FROM dim_cliente_load`,
        ['São Paulo'],
      );
      const expectedTotal = [...clienteRows(n)].reduce((s, r) => s + BigInt(String(r[3]).replace('.', '')), 0n);
      assert.equal(Number(rows[0]?.n), n);
      assert.equal(Number(rows[0]?.ids), (n * (n + 1)) / 2);
      assert.equal(String(rows[0]?.total).replace('.', ''), expectedTotal.toString());
      assert.equal(Number(rows[0]?.sp), n / 5);
      const odd = await engine().query<{ cidade: string; eh_ativo: boolean }>(
        `SELECT cidade, eh_ativo FROM dim_cliente_load WHERE cliente_original_id IN (${p(1)}, ${p(2)}, ${p(3)}) ORDER BY cliente_original_id`,
        [1, 2, 3],
      );
      assert.deepEqual(odd.rows.map((r) => r.cidade), ['Ação\tcom tab', 'Çé\nnova linha', 'C:\\dados\\backslash']);
      assert.deepEqual(odd.rows.map((r) => r.eh_ativo), [false, true, false]);
    });

    it('runs a batch: every result set and the server messages', async () => {
      const messages: ServerMessage[] = [];
      const result = await engine().batch(target.sql.noticeBatch, { onMessage: (m) => messages.push(m) });
      assert.deepEqual(result.resultSets.map((r) => r.rows), [[{ um: 1 }], [{ dois: 2 }]]);
      assert.ok(messages.some((m) => m.message.includes('carga iniciada: São Paulo')), JSON.stringify(messages));
    });

    it('rolls a failed transaction back and keeps a committed one', async () => {
      await engine().batch('CREATE TABLE tx_probe (id int PRIMARY KEY)');
      const session = await engine().session();
      try {
        await assert.rejects(session.transaction(async (tx) => {
          await tx.query(`INSERT INTO tx_probe (id) VALUES (${p(1)})`, [1]);
          throw new Error('business rule failed');
        }), /business rule failed/);
        await session.transaction(async (tx) => {
          await tx.query(`INSERT INTO tx_probe (id) VALUES (${p(1)})`, [2]);
        });
      } finally {
        await session.release();
      }
      const { rows } = await engine().query<{ id: number }>('SELECT id FROM tx_probe ORDER BY id');
      assert.deepEqual(rows.map((r) => r.id), [2]);
    });

    it('excludes a second session from a held lock (lock-timeout), and releases it after', async () => {
      const first = await engine().session();
      const second = await engine().session();
      try {
        const lockName = 'etl:dim_cliente';
        const blocked = await first.withLock(lockName, { timeoutMs: 1000 }, () =>
          rejection(second.withLock(lockName, { timeoutMs: 300 }, () => Promise.resolve('got it'))),
        );
        assertKind(blocked, 'lock-timeout');
        const noWait = await first.withLock(lockName, { timeoutMs: 0 }, () =>
          rejection(second.withLock(lockName, { timeoutMs: 0 }, () => Promise.resolve('got it'))),
        );
        assertKind(noWait, 'lock-timeout');
        assert.equal(await second.withLock(lockName, { timeoutMs: 1000 }, () => Promise.resolve('got it')), 'got it');
      } finally {
        await first.release();
        await second.release();
      }
    });

    it('rejects with kind cancelled when aborted before the statement starts', async () => {
      const error = await rejection(engine().query('SELECT 1', [], { signal: AbortSignal.abort() }));
      assertKind(error, 'cancelled');
    });

    if (target.canInterruptStatements) {
      it('cancels a running statement (30 s sleep) with kind cancelled', async function () {
        sqlServerOnly(this, 'interrupting a statement mid-way (WAITFOR DELAY)');
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 300);
        assertKind(await rejection(engine().query(target.sql.sleep30, [], { signal: controller.signal })), 'cancelled');
        const { rows } = await engine().query<{ one: number }>('SELECT 1 AS one');
        assert.equal(rows[0]?.one, 1);
      });

      it('times out a running statement with kind timeout', async function () {
        sqlServerOnly(this, 'a request timeout that interrupts the statement (WAITFOR DELAY)');
        assertKind(await rejection(engine().query(target.sql.sleep30, [], { timeoutMs: 300 })), 'timeout');
      });
      if (target.sql.cpuBound !== undefined) {
        const cpuBound = target.sql.cpuBound;
        it('Babelfish: an abort during a CPU-bound statement is reported as cancelled (the connection is dropped), and the pool recovers', async function () {
          if (!babelfish) skipBecause(this, 'Babelfish only: SQL Server interrupts the statement itself (the case above)');
          const controller = new AbortController();
          const running = rejection(engine().query(cpuBound, [], { signal: controller.signal }));
          // Aborted once the server reports the statement running on some session of this test.
          await waitForRunning(engine());
          controller.abort();
          assertKind(await running, 'cancelled');
          const { rows } = await engine().query<{ one: number }>('SELECT 1 AS one');
          assert.equal(rows[0]?.one, 1);
          await endLeftRunning(engine());
        });

        it('Babelfish: a request timeout during a CPU-bound statement is reported as timeout, and the pool recovers', async function () {
          if (!babelfish) skipBecause(this, 'Babelfish only: SQL Server interrupts the statement itself (the case above)');
          assertKind(await rejection(engine().query(cpuBound, [], { timeoutMs: 300 })), 'timeout');
          const { rows } = await engine().query<{ one: number }>('SELECT 1 AS one');
          assert.equal(rows[0]?.one, 1);
          await endLeftRunning(engine());
        });
      }
    } else {
      it('cannot interrupt a running statement: an abort during it lets it complete (documented)', async () => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 50);
        // The WebAssembly backend blocks the event loop for the whole statement: the abort
        // fires only after it, so the statement's result comes back.
        const { rows } = await engine().query<{ done: number }>('SELECT 1 AS done FROM pg_sleep(1)', [], { signal: controller.signal });
        assert.equal(rows[0]?.done, 1);
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.equal(controller.signal.aborted, true, 'the abort did fire, and the statement still completed');
      });
    }

    it('reports a syntax error with its line in the statement', async () => {
      const error = await rejection(engine().query(target.sql.syntaxErrorOnLine3));
      assertKind(error, 'syntax');
      assert.equal(error.line, 3);
    });

    it('reports a syntax error in a streamed statement with its line too', async () => {
      const error = await rejection((async () => {
        for await (const _row of engine().stream(target.sql.syntaxErrorOnLine3)) assert.fail('no row expected');
      })());
      assertKind(error, 'syntax');
      assert.equal(error.line, 3);
    });

    it('reports a constraint violation with the server code', async () => {
      await engine().query(`INSERT INTO round_trip (id) VALUES (${p(1)})`, [900]);
      const error = await rejection(engine().query(`INSERT INTO round_trip (id) VALUES (${p(1)})`, [900]));
      assertKind(error, 'constraint');
      assert.ok(error.number === '23505' || error.number === 2627, `number ${String(error.number)}`);
    });

    describe('connection failures', function () {
      beforeEach(function () {
        if (!target.hasServer) skipBecause(this, `${target.title} runs in-process: there is no server to miss, no login and one database`);
      });

      // The target's own password where it has one (a server that checks it), else a stand-in;
      // either way no error may carry it.
      const standIn = 'S3cr3t-Senha!';
      let password = standIn;
      const withChanges = (changes: Partial<Record<'port' | 'user' | 'database' | 'password', string | number>>, extra: Record<string, unknown> = {}): ConnectionConfig => {
        const base = opened?.config;
        if (base === undefined || base.engine === 'pglite') throw new Error('server target expected');
        password = base.password !== undefined && base.password !== '' ? base.password : standIn;
        return { ...base, password, connectTimeoutMs: 5000, ...extra, ...changes } as ConnectionConfig;
      };
      async function failure(config: ConnectionConfig): Promise<EngineError> {
        const other = await createEngine(config);
        try {
          return await rejection(other.query('SELECT 1'));
        } finally {
          await other.close();
        }
      }
      function assertNoPassword(error: EngineError): void {
        assert.ok(!error.message.includes(password), error.message);
        assert.ok(!String(error.stack).includes(password));
        assert.ok(!JSON.stringify({ ...error, message: error.message }).includes(password));
      }

      it('unreachable: a port nobody listens on, with what to do', async () => {
        const error = await failure(withChanges({ port: 5999 }));
        assertKind(error, 'unreachable');
        assert.match(error.message, /Cannot reach .* at 127\.0\.0\.1:5999\. Is the stack up\? Run 'DW: Start Stack'\./);
        assertNoPassword(error);
      });

      it('login-failed: the server refuses the login (a role that may not log in)', async function () {
        if (target.title.startsWith('PostgreSQL')) {
          // 127.0.0.1 uses trust auth here (pg_hba.conf), so a wrong password cannot be rejected;
          // a NOLOGIN role is the real refusal (SQLSTATE 28000) this server can produce.
          await asSuperuser("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dwb_test_nologin') THEN CREATE ROLE dwb_test_nologin NOLOGIN; END IF; END $$");
          const error = await failure(withChanges({ user: 'dwb_test_nologin' }));
          assertKind(error, 'login-failed');
          assertNoPassword(error);
        } else {
          const error = await failure(withChanges({ user: 'dwb_no_such_login' }));
          assertKind(error, 'login-failed');
          assertNoPassword(error);
        }
      });

      if (target.sql.param(1) === '@p1') {
        it('login-failed: a wrong password, with what to do (TDS over TLS)', async () => {
          const error = await failure(withChanges({ password: 'Wrong-Passw0rd!' }));
          assertKind(error, 'login-failed');
          assert.match(error.message, /refused the login of user ".+"\. Check the user in dw-workbench\.json and the password stored for this connection\./);
          assert.ok(!error.message.includes('Wrong-Passw0rd!'), error.message);
          assertNoPassword(error);
        });

        it('certificate-untrusted: a self-signed server certificate, offering to trust it', async () => {
          const error = await failure(withChanges({}, { trustServerCertificate: false, encrypt: true }));
          assertKind(error, 'certificate-untrusted');
          assert.match(error.message, /not trusted \(self-signed\).*"trustServerCertificate": true/);
          assertNoPassword(error);
        });
      }

      it('database-missing: a database that does not exist', async () => {
        const error = await failure(withChanges({ database: 'dwb_no_such_database' }));
        assertKind(error, 'database-missing');
        assert.match(error.message, /dwb_no_such_database/);
        assertNoPassword(error);
      });
    });
  });
}

/**
 * DW_TEST_PG_PASSWORD_AUTH: "host=..;port=..;user=..;password=..;database=.." of a PostgreSQL that
 * checks passwords (md5/scram). The local one at 5432 trusts 127.0.0.1; .ci/setup-babelfish.sh
 * exports the PostgreSQL side of its cluster (md5), a real PostgreSQL 16 server.
 */
function passwordCheckingPostgres(): ConnectionConfig | undefined {
  const raw = process.env['DW_TEST_PG_PASSWORD_AUTH'];
  if (raw === undefined || raw === '') return undefined;
  const parts = new Map(raw.split(';').filter((x) => x.includes('=')).map((x) => [x.slice(0, x.indexOf('=')).trim(), x.slice(x.indexOf('=') + 1).trim()] as const));
  return {
    engine: 'postgres', host: parts.get('host') ?? '127.0.0.1', port: Number(parts.get('port') ?? 5432),
    user: parts.get('user') ?? 'postgres', password: parts.get('password') ?? '', database: parts.get('database') ?? 'postgres',
  };
}

describe('Engine contract: PostgreSQL wrong password (DW_TEST_PG_PASSWORD_AUTH)', function () {
  it('rejects a wrong password with kind login-failed, and accepts the right one', async function () {
    const config = passwordCheckingPostgres();
    if (config === undefined || config.engine !== 'postgres') {
      skipBecause(this, `the local PostgreSQL trusts every connection from ${localPostgres.host} (pg_hba.conf: trust), so no password is checked there; set DW_TEST_PG_PASSWORD_AUTH (bash .ci/setup-babelfish.sh env exports one) to run this case`);
    }
    const right = await createEngine(config);
    try {
      const { rows } = await right.query<{ one: number }>('SELECT 1 AS one');
      assert.equal(rows[0]?.one, 1, 'the right password logs in');
    } finally {
      await right.close();
    }
    const wrongPassword = 'Wrong-Passw0rd!';
    const wrong = await createEngine({ ...config, password: wrongPassword, connectTimeoutMs: 5000 });
    try {
      const error = await rejection(wrong.query('SELECT 1'));
      assertKind(error, 'login-failed');
      assert.match(error.message, /Check the user in dw-workbench\.json and the password stored for this connection\./);
      assert.ok(!error.message.includes(wrongPassword) && !String(error.stack).includes(wrongPassword));
    } finally {
      await wrong.close();
    }
  });
});
