import { setTimeout as pause } from 'node:timers/promises';

/**
 * Looks at `condition` until it holds (a look that throws counts as "not yet") and says whether
 * it did within `timeoutMs`. The timeout is an upper bound, not a wait: it returns on the first
 * look that holds. `everyMs` only spaces the looks, so that polling a loaded machine does not
 * load it further; nothing here waits for time in place of a condition.
 */
export async function eventually(condition: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return true;
    if (Date.now() >= deadline) return false;
    await pause(everyMs);
  }
}

/**
 * A step the workbench can drop under load (a palette that opens late, a menu choice taken for
 * the end of the click): `attempt` performs it and says whether its effect showed. An attempt
 * whose effect did not show is reported on stderr and made again, at most `attempts` times;
 * the step fails with `failure()` when none showed its effect.
 */
export async function retried(
  what: string, attempts: number, attempt: (n: number) => Promise<boolean>, failure: () => Promise<string> | string,
): Promise<void> {
  for (let n = 1; n <= attempts; n++) {
    if (await attempt(n)) {
      if (n > 1) process.stderr.write(`      [e2e] ${what}: took effect on attempt ${n} of ${attempts}\n`);
      return;
    }
    process.stderr.write(`      [e2e] ${what}: attempt ${n} of ${attempts} showed no effect${n < attempts ? ', trying again' : ''}\n`);
  }
  throw new Error(`${what}: no effect after ${attempts} attempts: ${await failure()}`);
}
