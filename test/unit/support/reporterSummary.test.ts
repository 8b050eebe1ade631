import { strict as assert } from 'node:assert';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { closing } = require('../../support/reporterSummary.cjs') as { closing: (results: object[]) => string[] };

describe('the closing lines of a test run', () => {
  const run = {
    passes: 3,
    failures: 1,
    pending: 1,
    skipped: ['a skipped case: no daemon'],
    failed: ['suite case: expected 1 to equal 2'],
    files: [{ file: 'test/unit/a.test.ts', ms: 1200, tests: 5 }],
    wallMs: 1300,
  };

  it('lists failures last, just above the summary line, so the end of a log names them', () => {
    const lines = closing([run]);
    assert.equal(lines.at(-1), '3 passed, 1 failed, 1 skipped');
    const failedAt = lines.indexOf('Failed:');
    assert.ok(failedAt > lines.findIndex((l) => l.startsWith('Time per test file')), 'failures come after the file table');
    assert.deepEqual(lines.slice(failedAt, failedAt + 2), ['Failed:', '  - suite case: expected 1 to equal 2']);
    assert.ok(lines.indexOf('Skipped (not counted as passing):') < failedAt);
  });

  it('sums lanes and prints no failure block when none failed', () => {
    const lines = closing([{ ...run, failures: 0, failed: [] }, { ...run, failures: 0, failed: [], passes: 2 }]);
    assert.equal(lines.at(-1), '5 passed, 0 failed, 2 skipped');
    assert.ok(!lines.includes('Failed:'));
  });
});
