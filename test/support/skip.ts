import type { Context, Suite } from 'mocha';

function markAll(suite: Suite, reason: string): void {
  for (const t of suite.tests) (t as { skipReason?: string }).skipReason = reason;
  for (const child of suite.suites) markAll(child, reason);
}

/**
 * Skips visibly: the reason is printed by the project's reporter in the summary, so a skip is
 * never mistaken for a pass. From a test it skips that test; from a hook (`before`,
 * `beforeEach`) it skips every test of the hook's suite, nested suites included.
 */
export function skipBecause(ctx: Context, reason: string): never {
  const runnable = ctx.test;
  if ((runnable as { type?: string } | undefined)?.type === 'hook') {
    if (runnable?.parent) markAll(runnable.parent, reason);
  } else if (runnable) {
    (runnable as { skipReason?: string }).skipReason = reason;
  }
  ctx.skip();
}
