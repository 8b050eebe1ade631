// Spec reporter plus an honest closing summary: every skipped test is listed with its reason
// (tests skip through `skipBecause`, which records it), a timing table per test file (slowest
// first, with the total), then, once the process has nothing left open, the last line
// "N passed, N failed, N skipped". A resource still holding the process after the run (see
// leaks.cjs) fails the run: each is named with the test that created it and its creation stack.
'use strict';
const path = require('node:path');
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');
const leaks = require('./leaks.cjs');
const { closing, summaryLine } = require('./reporterSummary.cjs');

const { Spec } = Mocha.reporters;
const {
  EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_TEST_BEGIN, EVENT_TEST_END, EVENT_HOOK_BEGIN, EVENT_SUITE_BEGIN, EVENT_SUITE_END,
} = Mocha.Runner.constants;

const root = path.resolve(__dirname, '../..');

/** How long the process may take to close what the last tests opened before it counts as a leak. */
const LEAK_GRACE_MS = Number(process.env.DWB_LEAK_GRACE_MS ?? 10_000);

/** Time and tests per test file: its top-level suites from their first hook to their last. */
class FileTimes {
  constructor() {
    this.files = new Map();
    this.started = new Map();
  }

  entry(file) {
    let e = this.files.get(file);
    if (e === undefined) {
      e = { tests: 0, ms: 0 };
      this.files.set(file, e);
    }
    return e;
  }

  suiteBegin(suite) {
    if (suite.file && suite.parent?.root) this.started.set(suite, performance.now());
  }

  suiteEnd(suite) {
    const t = this.started.get(suite);
    if (t !== undefined) this.entry(suite.file).ms += performance.now() - t;
  }

  testEnd(test) {
    if (test.file) this.entry(test.file).tests += 1;
  }

  rows() {
    return [...this.files].map(([file, e]) => ({ file: path.relative(root, file), ...e }));
  }
}

function leakReport(found) {
  const lines = ['', `Leaked: ${found.length} resource(s) still held the process ${LEAK_GRACE_MS} ms after the last test (nothing may stay open):`];
  for (const l of found) {
    lines.push(`  - ${l.type}, created during "${l.during}"`);
    for (const f of l.frames) lines.push(`      ${f}`);
    if (l.frames.length === 0) lines.push('      (no frame outside node and mocha)');
  }
  return lines;
}

class DwbReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    const skipped = [];
    const times = new FileTimes();
    const started = performance.now();
    runner.on(EVENT_TEST_PENDING, (test) => {
      skipped.push(`${test.fullTitle()}: ${test.skipReason ?? 'marked pending'}`);
    });
    runner.on(EVENT_SUITE_BEGIN, (suite) => times.suiteBegin(suite));
    runner.on(EVENT_SUITE_END, (suite) => times.suiteEnd(suite));
    runner.on(EVENT_TEST_BEGIN, (test) => leaks.setCurrent(test.fullTitle()));
    runner.on(EVENT_HOOK_BEGIN, (hook) => leaks.setCurrent(hook.fullTitle()));
    runner.on(EVENT_TEST_END, (test) => times.testEnd(test));
    runner.on(EVENT_TEST_PENDING, (test) => times.testEnd(test));
    const failed = [];
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      failed.push(`${test.fullTitle()}: ${String(err?.message ?? err).split('\n')[0]}`);
    });
    // Set when scripts/test.mjs runs lanes at once: the results go to this file, and it prints the
    // closing lines of all lanes together.
    const json = process.env.DWB_REPORT_JSON;
    runner.once(EVENT_RUN_END, () => {
      leaks.setCurrent('after the run');
      const s = runner.stats ?? {};
      const result = (extraFailures) => ({
        passes: s.passes ?? 0, failures: (s.failures ?? 0) + extraFailures, pending: s.pending ?? 0,
        skipped, failed, files: times.rows(), wallMs: performance.now() - started,
      });
      const lines = closing([result(0)]);
      // Everything but the summary line now; that one once the process has nothing left open.
      if (!json) for (const line of lines.slice(0, -1)) console.log(line);
      const finish = (extraFailures) => {
        const r = result(extraFailures);
        if (json) writeFileSync(json, JSON.stringify(r));
        else console.log(summaryLine(r));
      };

      // Nothing left open: the loop empties and the process ends with mocha's exit code.
      process.once('beforeExit', () => {
        clearTimeout(deadline);
        finish(0);
      });
      // Something still open after the grace period: name it and fail the run.
      const deadline = setTimeout(() => {
        const found = leaks.leakedResources();
        for (const line of leakReport(found)) console.log(line);
        if (found.length === 0) console.log(`  (held by ${leaks.activeResourceTypes().join(', ')}, created before tracking began)`);
        failed.push(`${found.length} resource(s) leaked after the run (see the lane's output)`);
        finish(1);
        // After mocha's own exit handler (which sets the code to the failure count).
        process.on('exit', () => { process.exitCode = Math.max(Number(process.exitCode) || 0, 1); });
        process.exit(1);
      }, LEAK_GRACE_MS);
      deadline.unref();
    });
  }
}
module.exports = DwbReporter;
