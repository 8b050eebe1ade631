// Spec reporter plus an honest closing summary: every skipped test is listed with its reason
// (tests skip through `skipBecause`, which records it), then "N passed, N failed, N skipped".
'use strict';
const Mocha = require('mocha');
const { Spec } = Mocha.reporters;
const { EVENT_RUN_END, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class DwbReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    const skipped = [];
    runner.on(EVENT_TEST_PENDING, (test) => {
      skipped.push(`${test.fullTitle()}: ${test.skipReason ?? 'marked pending'}`);
    });
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats ?? {};
      if (skipped.length > 0) {
        console.log('\nSkipped (not counted as passing):');
        for (const line of skipped) console.log(`  - ${line}`);
      }
      console.log(`\n${s.passes ?? 0} passed, ${s.failures ?? 0} failed, ${s.pending ?? 0} skipped`);
    });
  }
}
module.exports = DwbReporter;
