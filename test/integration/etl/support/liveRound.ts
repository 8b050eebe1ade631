import { strict as assert } from 'node:assert';
import { setTimeout as pause } from 'node:timers/promises';
import type { Engine } from '../../../../src/core/engine/types';
import { Random } from '../../../../src/core/generate/random';
import type { EtlPhase, EtlPhaseInfo, EtlPlan } from '../../../../src/core/etl/run/events';
import type { EtlRunOptions, EtlRunResult } from '../../../../src/core/etl/run/run';
import {
  HeldTransaction, changes, heldChanges, reserve, writerChange, type Change, type ChangeForms, type Pools, type Reserved,
} from './oracleTraffic';

export const PHASES: readonly EtlPhase[] = ['extract', 'stage', 'merge', 'commit', 'committed'];
/** What a run refused at an entity another run holds says (EntityBusyError). */
const BUSY = /is being loaded by another run .*--wait/;

export const failures = (r: EtlRunResult): string[] => r.entities.filter((e) => e.status !== 'success').map((e) => `${e.entity}: ${e.error ?? e.status}`);

/** A kill before the `calls`-th `phase` of a run: its target session ended and the run's hook throws. */
export interface Kill { readonly phase: EtlPhase; calls: number }

/** What differs between the engines in a live round of the oracle. */
export interface LiveRoundEngine {
  /** The writer's and the held transactions' connections to the OLTP. */
  readonly traffic: Engine;
  /** The server's clock as SQL (the writer's stamps). */
  readonly now: string;
  /** How the changes are written (PostgreSQL's by default). */
  readonly forms?: ChangeForms;
  /** The query that reads a held transaction's start (HeldTransaction.open's default otherwise). */
  readonly startedAtSql?: string;
  /** Resolves once the server's clock is `seconds` past `at` (a held transaction's start). */
  clockPast(at: string, seconds: number): Promise<void>;
  /** A run of every entity with `plan` and `extra`. */
  etl(plan: EtlPlan, extra: Partial<EtlRunOptions>): Promise<EtlRunResult>;
  /** How many sessions of the warehouse's cluster wait for a lock now. */
  lockWaits(): Promise<number>;
  /** Ends the session of run A's target (`info.targetProcessId`); the round then throws from A's hook. */
  endSession(info: EtlPhaseInfo): Promise<void>;
}

/**
 * A live round: a writer opens a transaction and keeps writing in short ones until the server's
 * clock is 2.5 s past it (so the held change is below the next run's clock, and later committed
 * rows are between the two); then run A (maybe killed) with the writer changing the OLTP inside
 * its phases, committing the held transaction at a random phase and holding new ones; at a
 * random phase of A, run B starts, told to wait for each entity A holds or to be refused at once.
 * Ends when both runs and every transaction ended, with A loading every entity unless it was
 * killed, and B loading each or refused at one A holds (and skipping the facts that need it).
 * `done` receives each step, for the failure message.
 */
export async function liveRound(seed: number, round: number, rnd: Random, pools: Pools, done: string[], e: LiveRoundEngine): Promise<void> {
  const forms = e.forms ?? changes;
  const wr = new Random(seed, round, 0x11fe, 0x7a1c);
  const reserved: Reserved = { customers: reserve(wr, pools.customers, 4), orders: reserve(wr, pools.orders, 4), items: reserve(wr, pools.items, 4) };
  const writer = await e.traffic.session();
  const held: HeldTransaction[] = [];
  let n = 0;
  // One change of the writer at a time (the hooks of both runs call it).
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const p = chain.then(work);
    chain = p.catch(() => undefined);
    return p;
  };
  const write = (r: Random, when: string): Promise<void> => {
    const [what, sql] = writerChange(r, pools, e.now, `W${round}.${++n}`, forms);
    return serial(async () => {
      done.push(`writer ${when}: ${what}`);
      await writer.query(sql);
    });
  };
  const hold = (r: Random, when: string): Promise<HeldTransaction> => {
    const cs: Change[] = heldChanges(r, pools, reserved, e.now, `H${round}.${++n}`, forms);
    return serial(async () => {
      const h = await HeldTransaction.open(e.traffic, cs.map(([, sql]) => sql), e.startedAtSql);
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
      await e.clockPast(first.startedAt, (2.5 * k) / steps);
      await write(wr, 'before the runs');
    }

    const ra = new Random(seed, round, 0xa11a, 0x5eed);
    const rb = new Random(seed, round, 0xb11b, 0x5eed);
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
      b = e.etl(planB, {
        lockWaitMs: bWaits ? 600_000 : 0,
        beforePhase: async (p, info) => {
          bGoing = true;
          if (rb.chance(0.2)) await write(rb, where('B', p, info));
        },
      });
      b.catch(() => undefined);
      void b.finally(() => { bGoing = true; }).catch(() => undefined);
      // Run A goes on once B loads an entity, waits for a lock (an entity A holds, or a row A's
      // transaction holds), or ended.
      while (!bGoing && (await e.lockWaits()) === 0) await pause(20);
    };

    done.push(`run A (${planA})${kill.calls > 0 ? `, killed before ${kill.phase} #${kill.calls}` : ''}`);
    const a = e.etl(planA, {
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
          await e.endSession(info);
          throw new Error(`session ended before ${p}`);
        }
      },
    });
    const outcomeA = await a.then((r) => r, (err: unknown) => (err instanceof Error ? err : new Error(String(err))));
    const outcomeB = b === undefined ? undefined : await b;
    for (const h of [...held]) await commit(h, 'after the runs');
    if (killedBefore !== undefined) done.push(`run A killed before ${killedBefore}`);

    const context = `seed ${seed} (DWB_ORACLE_SEED=${seed}), round ${round}: ${done.join('; ')}`;
    if (killedBefore === undefined) {
      if (outcomeA instanceof Error) assert.fail(`${context}\nrun A threw: ${outcomeA.message}`);
      assert.deepEqual(failures(outcomeA), [], context);
    }
    if (outcomeB !== undefined) {
      const refused = outcomeB.entities.filter((x) => x.status !== 'success' && !(x.skippedBecause !== undefined || (!bWaits && BUSY.test(x.error ?? ''))));
      assert.deepEqual(refused.map((x) => `${x.entity}: ${x.error ?? x.status}`), [], `${context}\nrun B`);
    }
  } finally {
    for (const h of held) await h.commit().catch(() => undefined);
    await chain;
    await writer.release();
  }
}
