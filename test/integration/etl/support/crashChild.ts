// A run that stops dead mid-batch: the parent kills this process with SIGKILL once it says so.
import { reopen } from './warehouse';
import { run } from './run';

async function main(): Promise<void> {
  const db = await reopen(process.argv[2] ?? '');
  await run(db, {
    beforePhase: async (phase, info) => {
      if (phase === 'commit' && info.batch === 3) {
        process.stdout.write('IN-BATCH\n');
        await new Promise(() => undefined);
      }
    },
  });
}

void main();
