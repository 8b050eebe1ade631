// A run that stops dead: the parent kills this process with SIGKILL once it says where it is.
// argv: the database, then 'batch' (inside the third batch, after committing two; the default)
// or 'prepare' (after the run recorded itself, while it reads its cutoff, before any data moves).
import { reopen } from './warehouse';
import { run } from './run';

async function main(): Promise<void> {
  const db = await reopen(process.argv[2] ?? '');
  const where = process.argv[3] ?? 'batch';
  await run(db, {
    // The run's clock is read while it prepares: the process stops there for good, its thread
    // blocked (a pipe's write is synchronous on Linux, so the parent has the line first).
    now: () => {
      if (where === 'prepare') {
        process.stdout.write('PREPARING\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      }
      return new Date();
    },
    beforePhase: async (phase, info) => {
      if (where === 'batch' && phase === 'commit' && info.batch === 3) {
        process.stdout.write('IN-BATCH\n');
        await new Promise(() => undefined);
      }
    },
  });
}

void main();
