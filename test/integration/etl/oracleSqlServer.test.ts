import { strict as assert } from 'node:assert';
import { setTimeout as pause } from 'node:timers/promises';
import type { Engine, Session } from '../../../src/core/engine/types';
import { Random } from '../../../src/core/generate/random';
import type { EtlPhase, EtlPhaseInfo, EtlPlan } from '../../../src/core/etl/run/events';
import { runEtl, type EtlRunOptions, type EtlRunResult } from '../../../src/core/etl/run/run';
import { skipBecause } from '../../support/skip';
import { DEFINITIONS, count } from './support/run';
import { TSQL_ENTITY_CHECKS, tsqlOracleDifferences } from './support/oracleChecksTsql';
import {
  HeldTransaction, heldChanges, readPools, reserve, roundChanges, writerChange, type Change, type Pools, type Reserved,
} from './support/oracleTraffic';
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
 * Every part of PostgreSQL's live rounds runs here. What differs: T-SQL has no transaction-start
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
const PHASES: readonly EtlPhase[] = ['extract', 'stage', 'merge', 'commit', 'committed'];
const ENTITIES = DEFINITIONS.map((d) => d.entity);
const BUSY = /is being loaded by another run .*--wait/;

const failures = (r: EtlRunResult): string[] => r.entities.filter((e) => e.status !== 'success').map((e) => `${e.entity}: ${e.error ?? e.status}`);

interface Kill { readonly phase: EtlPhase; calls: number }

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

  async function liveRound(round: number, rnd: Random, pools: Pools, done: string[]): Promise<void> {
    const wr = new Random(SEED, round, 0x11fe, 0x7a1c);
    const reserved: Reserved = { customers: reserve(wr, pools.customers, 4), orders: reserve(wr, pools.orders, 4), items: reserve(wr, pools.items, 4) };
    const writer = await traffic.session();
    const held: HeldTransaction[] = [];
    let n = 0;
    let chain: Promise<unknown> = Promise.resolve();
    const serial = <T>(work: () => Promise<T>): Promise<T> => {
      const p = chain.then(work);
      chain = p.catch(() => undefined);
      return p;
    };
    const write = (r: Random, when: string): Promise<void> => {
      const [what, sql] = writerChange(r, pools, TSQL_NOW, `W${round}.${++n}`, tsqlChanges);
      return serial(async () => {
        done.push(`writer ${when}: ${what}`);
        await writer.query(sql);
      });
    };
    const hold = (r: Random, when: string): Promise<HeldTransaction> => {
      const cs: Change[] = heldChanges(r, pools, reserved, TSQL_NOW, `H${round}.${++n}`, tsqlChanges);
      return serial(async () => {
        const h = await HeldTransaction.open(traffic, cs.map(([, sql]) => sql), TSQL_STARTED_AT);
        held.push(h);
        done.push(`held ${when} (started ${h.startedAt}): ${cs.map(([what]) => what).join(', ')}`);
        return h;
      });
    };
    const commit = (h: HeldTransaction, when: string): Promise<void> => serial(async () => {
      const at = held.indexOf(h);
      if (at < 0) return;
      held.splice(at, 1);
      await h.commit();
      done.push(`held (started ${h.startedAt}) committed ${when}`);
    });
    const where = (run: string, p: EtlPhase, info: EtlPhaseInfo): string =>
      `before ${p} of ${info.entity}${info.trigger === undefined ? '' : `/${info.trigger}`} #${info.batch} of run ${run}`;

    try {
      const first = await hold(wr, 'before the runs');
      const steps = wr.int(3, 5);
      for (let k = 1; k <= steps; k++) {
        await tsqlClockPast(dw, first.startedAt, (2.5 * k) / steps);
        await write(wr, 'before the runs');
      }

      const ra = new Random(SEED, round, 0xa11a, 0x5eed);
      const rb = new Random(SEED, round, 0xb11b, 0x5eed);
      const planA: EtlPlan = rnd.chance(0.5) ? 'pushdown' : 'transfer';
      const planB: EtlPlan = rnd.chance(0.5) ? 'pushdown' : 'transfer';
      const kill: Kill = { phase: rnd.pick(PHASES), calls: rnd.chance(0.4) ? rnd.int(1, 25) : 0 };
      const bAt = rnd.chance(0.8) ? rnd.int(1, 40) : 0;
      const bWaits = rnd.chance(0.5);
      const commitFirstAt = ra.int(1, 30);
      let calls = 0;
      let killedBefore: EtlPhase | undefined;
      let b: Promise<EtlRunResult> | undefined;
      let bGoing = false;
      const laterCommits = new Map<number, HeldTransaction>();

      const startB = async (): Promise<void> => {
        done.push(`run B (${planB}, ${bWaits ? 'waits for a busy entity' : 'refused at a busy entity'}) started at call ${calls} of run A`);
        b = etl(planB, {
          lockWaitMs: bWaits ? 600_000 : 0,
          beforePhase: async (p, info) => {
            bGoing = true;
            if (rb.chance(0.2)) await write(rb, where('B', p, info));
          },
        });
        b.catch(() => undefined);
        void b.finally(() => { bGoing = true; }).catch(() => undefined);
        // Run A goes on once B loads an entity, waits for a lock (sp_getapplock and row locks are
        // PostgreSQL locks underneath), or ended.
        const waiting = `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`;
        while (!bGoing && (await count(pg, waiting, [cluster])) === 0) await pause(20);
      };

      done.push(`run A (${planA})${kill.calls > 0 ? `, killed before ${kill.phase} #${kill.calls}` : ''}`);
      const a = etl(planA, {
        lockWaitMs: 600_000,
        beforePhase: async (p, info) => {
          calls++;
          const when = where('A', p, info);
          if (calls === commitFirstAt) await commit(first, when);
          const later = laterCommits.get(calls);
          if (later !== undefined) await commit(later, when);
          if (ra.chance(0.3)) await write(ra, when);
          if (ra.chance(0.05) && held.length < 3) laterCommits.set(calls + ra.int(1, 20), await hold(ra, when));
          if (calls === bAt) await startB();
          if (kill.calls > 0 && p === kill.phase && --kill.calls === 0) {
            killedBefore = p;
            // The run's target session ended from the PostgreSQL side (@@SPID is the backend's pid).
            assert.equal(await count(pg, 'SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE pid = $1', [info.targetProcessId ?? 0]), 1);
            throw new Error(`session ended before ${p}`);
          }
        },
      });
      const outcomeA = await a.then((r) => r, (e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      const outcomeB = b === undefined ? undefined : await b;
      for (const h of [...held]) await commit(h, 'after the runs');
      if (killedBefore !== undefined) done.push(`run A killed before ${killedBefore}`);

      const context = `seed ${SEED} (DWB_ORACLE_SEED=${SEED}), round ${round}: ${done.join('; ')}`;
      if (killedBefore === undefined) {
        if (outcomeA instanceof Error) assert.fail(`${context}\nrun A threw: ${outcomeA.message}`);
        assert.deepEqual(failures(outcomeA), [], context);
      }
      if (outcomeB !== undefined) {
        const refused = outcomeB.entities.filter((e) => e.status !== 'success' && !(e.skippedBecause !== undefined || (!bWaits && BUSY.test(e.error ?? ''))));
        assert.deepEqual(refused.map((e) => `${e.entity}: ${e.error ?? e.status}`), [], `${context}\nrun B`);
      }
    } finally {
      for (const h of held) await h.commit().catch(() => undefined);
      await chain;
      await writer.release();
    }
  }

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
      await liveRound(round, rnd, pools, done);
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
