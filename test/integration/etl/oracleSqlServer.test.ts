import { strict as assert } from 'node:assert';
import type { Engine, Session } from '../../../src/core/engine/types';
import { Random } from '../../../src/core/generate/random';
import type { EtlPlan } from '../../../src/core/etl/run/events';
import { runEtl, type EtlRunOptions, type EtlRunResult } from '../../../src/core/etl/run/run';
import { skipBecause } from '../../support/skip';
import { DEFINITIONS, count } from './support/run';
import { TSQL_ENTITY_CHECKS, tsqlOracleDifferences } from './support/oracleChecksTsql';
import { failures, liveRound, type LiveRoundEngine } from './support/liveRound';
import { readPools, roundChanges } from './support/oracleTraffic';
import { TSQL_NOW, TSQL_STARTED_AT, tsqlChanges, tsqlClockPast, tsqlClockPastWatermarks, tsqlStampNow } from './support/oracleTsql';
import {
  NO_BABELFISH_POSTGRES, NO_MSSQL, babelfishPostgres, freshSqlServerWarehouse, mssqlConfig, openMssql, type MssqlConfig, type SqlServerWarehouse,
} from './support/sqlserver';

/**
 * The seeded ETL oracle (`oracle.test.ts`) on the SQL Server-compatible server (DW_TEST_MSSQL:
 * Babelfish; ECOMMERCE_OLTP and DW_ECOMMERCE built by the shipped T-SQL scripts, the OLTP filled
 * by the generator). Each round: random OLTP changes in one transaction stamped alike (ties,
 * moves, soft deletes, restores, written in T-SQL: `support/oracleTsql.ts`), then a live round as
 * on PostgreSQL: a concurrent writer changes the OLTP in its own short transactions inside run
 * A's phases and holds transactions open across A's cutoff (the run's cutoff stops at the oldest
 * one: Babelfish has no sys.dm_tran_active_transactions, so the dialect reads pg_stat_activity);
 * run A, with the pushdown (three-part names) or the transfer plan, is ended before a random
 * phase by pg_terminate_backend from the PostgreSQL side of the cluster (DW_TEST_PG_PASSWORD_AUTH:
 * KILL is not supported over TDS); run B overlaps it at a random phase, waiting for each entity
 * A holds (sp_getapplock) or refused at once. Once the writer is quiet, one run must bring every
 * target to the OLTP, compared by independent T-SQL (`support/oracleChecksTsql.ts`: the checks
 * of `support/oracle.ts` and dim_cliente's contract, null-safe without IS DISTINCT FROM, which
 * Babelfish refuses).
 * The live round is PostgreSQL's own driver (`support/liveRound.ts`). What differs: T-SQL has no transaction-start
 * clock, so a held transaction's changes are stamped when each statement runs (after its start:
 * still inside the window the cutoff protects); each run has its own connections, closed after it
 * (a TDS connection whose backend was ended is not reused); the wait for run B watches lock waits
 * in pg_stat_activity (Babelfish has no sys.dm_tran_locks or sys.dm_exec_requests); the odd
 * suppliers' "rename" flips the name's case (`support/oracleTsql.ts`). One round by default: a
 * round is four runs of the nine entities, minutes on Babelfish under load. `DWB_ORACLE_SEED` and
 * `DWB_ORACLE_ROUNDS` as in oracle.test.ts.
 */
const SEED_ENV = process.env['DWB_ORACLE_SEED'];
const SEED = SEED_ENV === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(SEED_ENV ?? 20261207);
const ROUNDS = Number(process.env['DWB_ORACLE_ROUNDS'] ?? 1);
const ENTITIES = DEFINITIONS.map((d) => d.entity);

describe('ETL oracle on SQL Server: random OLTP changes, a concurrent writer, overlapping runs, runs killed at random, both plans, every entity against the OLTP (DW_TEST_MSSQL)', function () {
  this.timeout(900_000);
  let c: MssqlConfig;
  let wh: SqlServerWarehouse;
  let dw: Engine;
  /** The PostgreSQL side of the cluster: ends sessions, sees lock waits. */
  let pg: Engine;
  /** The writer's and held transactions' connections to the OLTP. */
  let traffic: Engine;
  /** The PostgreSQL database holding every T-SQL database of the cluster. */
  let cluster: string;

  /** A run on its own connections (target, and the OLTP it reads: pushdown through three-part names, or transfer). */
  async function etl(plan: EtlPlan, extra: Partial<EtlRunOptions> = {}): Promise<EtlRunResult> {
    const target = await openMssql(c, 'DW_ECOMMERCE', { poolMax: 4 });
    const source = await openMssql(c, 'ECOMMERCE_OLTP', { poolMax: 4 });
    try {
      return await runEtl({ source, target, definitions: DEFINITIONS, plan, entities: ENTITIES, startedBy: 'test', ...extra });
    } finally {
      await target.close().catch(() => undefined);
      await source.close().catch(() => undefined);
    }
  }

  before(async function () {
    const config = mssqlConfig();
    if (config === undefined) skipBecause(this, NO_MSSQL);
    const postgres = babelfishPostgres();
    if (postgres === undefined) skipBecause(this, NO_BABELFISH_POSTGRES);
    c = config;
    pg = await postgres;
    wh = await freshSqlServerWarehouse(c, { scale: 0.01, seed: 7, batchSize: 300 });
    dw = wh.dw;
    traffic = await openMssql(c, 'ECOMMERCE_OLTP', { poolMax: 8 });
    cluster = String((await dw.query<{ d: unknown }>('SELECT datname AS d FROM pg_catalog.pg_stat_activity WHERE pid = @@SPID')).rows[0]?.d);
  });
  after(async () => {
    await traffic?.close();
    await wh?.close();
    await pg?.close();
  });

  /** A live round's parts on the SQL Server-compatible server (`support/liveRound.ts`). */
  const sqlServer = (): LiveRoundEngine => ({
    traffic,
    now: TSQL_NOW,
    forms: tsqlChanges,
    startedAtSql: TSQL_STARTED_AT,
    clockPast: (at, seconds) => tsqlClockPast(dw, at, seconds),
    etl,
    // sp_getapplock and row locks are PostgreSQL locks underneath.
    lockWaits: () => count(pg, `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [cluster]),
    // The run's target session ended from the PostgreSQL side (@@SPID is the backend's pid).
    endSession: async (info) => {
      assert.equal(await count(pg, 'SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE pid = $1', [info.targetProcessId ?? 0]), 1);
    },
  });

  it(`stays equal to the OLTP (independent T-SQL) after each of ${ROUNDS} rounds (seed ${SEED}; DWB_ORACLE_SEED=${SEED} replays it)`, async () => {
    const first = await etl(new Random(SEED, 0, 0x5eed, 0x0dd5).chance(0.5) ? 'pushdown' : 'transfer');
    assert.deepEqual(failures(first), [], `seed ${SEED}: first load`);
    assert.deepEqual(await tsqlOracleDifferences(dw), {}, `seed ${SEED}: first load`);
    for (let round = 1; round <= ROUNDS; round++) {
      const rnd = new Random(SEED, round, 0x5eed, 0x0dd5);
      const done: string[] = [];
      const pools = await readPools(traffic);
      // The round's changes in one transaction, stamped alike with one second of the server's clock (ties), above every watermark.
      await tsqlClockPastWatermarks(dw);
      const s: Session = await traffic.session();
      try {
        await s.transaction(async (tx) => {
          const at = await tsqlStampNow(tx);
          for (const [what, sql] of roundChanges(rnd, pools, at, `ORC-${SEED}-${round}`, tsqlChanges)) {
            done.push(what);
            await tx.query(sql);
          }
        });
      } finally {
        await s.release();
      }
      await liveRound(SEED, round, rnd, pools, done, sqlServer());
      // The writer is quiet: one run (its clock ahead of the server's, so every committed change is below its cutoff) brings every entity to the OLTP.
      const plan: EtlPlan = rnd.chance(0.5) ? 'pushdown' : 'transfer';
      done.push(`${plan} run`);
      const r = await etl(plan, { now: () => new Date(Date.now() + 3000) });
      const context = `seed ${SEED} (DWB_ORACLE_SEED=${SEED}), round ${round}: ${done.join('; ')}`;
      assert.deepEqual(failures(r), [], context);
      assert.equal(r.cutoff.boundedBy, 'clock', `${context}: a transaction was still open`);
      assert.deepEqual(await tsqlOracleDifferences(dw), {}, context);
      assert.equal(await count(dw, `SELECT COUNT(*) AS n FROM audit.etl_run WHERE status = 'running'`), 0, `${context}: a run left running`);
    }
  });

  for (const plan of ['pushdown', 'transfer'] as const) {
    it(`${plan}: a change of letter case only reaches the warehouse (the default collation ignores case; the merge must not)`, async () => {
      const supplier = await count(traffic, 'SELECT MIN(supplier_id) AS n FROM core.suppliers');
      await tsqlClockPastWatermarks(dw);
      await traffic.query(`UPDATE core.suppliers SET supplier_name = CASE WHEN supplier_name COLLATE Latin1_General_CS_AS = UPPER(supplier_name)
        THEN LOWER(supplier_name) ELSE UPPER(supplier_name) END, updated_at = SYSUTCDATETIME() WHERE supplier_id = @p1`, [supplier]);
      const r = await etl(plan, { entities: ['dim_produto'], now: () => new Date(Date.now() + 3000) });
      assert.deepEqual(failures(r), []);
      assert.ok((r.entities[0]?.counts.upserted ?? 0) > 0, 'the products of the supplier are rewritten');
      assert.equal(await count(dw, TSQL_ENTITY_CHECKS.find(([name]) => name.startsWith('dim_produto'))?.[1] ?? ''), 0);
    });
  }
});
