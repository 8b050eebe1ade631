import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { EtlPhase, EtlPhaseInfo, EtlPlan } from '../../../../src/core/etl/run/events';
import { run } from './run';
import { killConnections, reopen, type TestWarehouse } from './warehouse';

/**
 * Runs the ETL on a fresh pool and kills every connection of the database once, before the
 * first phase `at` accepts: the connection loss of a crash. The run fails (unless killed after
 * its commit) or may not even record itself; the next run closes it. Asserts the fault happened.
 */
export async function runKilledAt(
  wh: TestWarehouse,
  plan: EtlPlan,
  phase: EtlPhase,
  at: (p: EtlPhase, info: EtlPhaseInfo) => boolean,
): Promise<void> {
  const crashing = await reopen(wh.name);
  let killed = false;
  try {
    const { result } = await run(crashing, {
      plan,
      beforePhase: async (p, info) => {
        if (!killed && at(p, info)) {
          killed = true;
          await killConnections(wh.name);
        }
      },
    });
    assert.ok(killed, 'the fault was injected');
    if (phase !== 'committed') assert.notEqual(result.status, 'success');
  } catch (e) {
    // The run may also fail to record itself: the next run closes it.
    if (e instanceof assert.AssertionError) throw e;
  } finally {
    await crashing.close().catch(() => undefined);
  }
}

/**
 * A process that runs the ETL on database `name` (support/crashChild.ts), killed with SIGKILL
 * once it says it is inside a batch (after committing the earlier ones), or, with 'prepare', once
 * it has recorded its run and is still preparing it: a process that dies.
 */
export async function killChildInBatch(name: string, where: 'batch' | 'prepare' = 'batch'): Promise<void> {
  const marker = where === 'batch' ? 'IN-BATCH' : 'PREPARING';
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'crashChild.ts'), name, where], {
    cwd: path.resolve(__dirname, '../../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => (d.toString().includes(marker) ? resolve() : undefined));
    child.on('exit', () => reject(new Error(`the child ended before saying ${marker}`)));
  });
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGKILL');
  await exited;
}
