import type { Context } from 'mocha';

/**
 * Skips the current test (or every test of a `before` hook's suite) visibly: the reason is
 * printed by the project's reporter in the summary, so a skip is never mistaken for a pass.
 */
export function skipBecause(ctx: Context, reason: string): never {
  const test = ctx.currentTest ?? ctx.test;
  if (test) (test as { skipReason?: string }).skipReason = reason;
  // When called from a hook, mark every test of the suite with the reason too.
  const suite = test?.parent;
  if (ctx.currentTest === undefined && suite) {
    for (const t of suite.tests) (t as { skipReason?: string }).skipReason = reason;
  }
  ctx.skip();
}
