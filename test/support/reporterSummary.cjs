// The closing lines of a test run, shared by the reporter (one mocha process) and
// scripts/test.mjs (two lanes at once): skipped tests with their reasons, the CI steps' times, the
// time per test file, then failures in one line each and last "N passed, N failed, N skipped".
// Failures come last, beside the summary line: a log read from its end (a CI excerpt, `tail`)
// shows what failed before anything else.
'use strict';
const path = require('node:path');
const { readFileSync } = require('node:fs');

const root = path.resolve(__dirname, '../..');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Slowest first: the time column, the test count, the file (relative to the repository). */
function fileTable(files, wallMs) {
  const rows = [...files].sort((a, b) => b.ms - a.ms);
  const lines = ['', 'Time per test file (slowest first):', `  ${'time'.padStart(9)}  ${'tests'.padStart(5)}  file`];
  for (const r of rows) lines.push(`  ${seconds(r.ms).padStart(9)}  ${String(r.tests).padStart(5)}  ${path.relative(root, path.resolve(root, r.file))}`);
  const tests = rows.reduce((n, r) => n + r.tests, 0);
  lines.push(`  ${seconds(wallMs).padStart(9)}  ${String(tests).padStart(5)}  total (${rows.length} files, wall clock of the run)`);
  return lines;
}

/** Steps timed by .ci/run before the tests (DWB_CI_STEP_TIMES: lines "seconds<TAB>step"). */
function ciSteps() {
  const file = process.env.DWB_CI_STEP_TIMES;
  if (!file) return [];
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const rows = text.split('\n').filter(Boolean).map((l) => l.split('\t'));
  return ['', 'CI steps before the tests:', ...rows.map(([s, step]) => `  ${`${s} s`.padStart(9)}  ${step}`)];
}

const summaryLine = (r) => `${r.passes} passed, ${r.failures} failed, ${r.pending} skipped`;

/**
 * What one or several runs (each `{ passes, failures, pending, skipped, failed, files, wallMs }`)
 * close with; the wall clock is the longest run's (they ran at once).
 */
function closing(results) {
  const sum = (k) => results.reduce((n, r) => n + (r[k] ?? 0), 0);
  const all = (k) => results.flatMap((r) => r[k] ?? []);
  const lines = [];
  const skipped = all('skipped');
  if (skipped.length > 0) lines.push('', 'Skipped (not counted as passing):', ...skipped.map((line) => `  - ${line}`));
  lines.push(...ciSteps(), ...fileTable(all('files'), Math.max(0, ...results.map((r) => r.wallMs ?? 0))));
  const failed = all('failed');
  if (failed.length > 0) lines.push('', 'Failed:', ...failed.map((line) => `  - ${line}`));
  lines.push('', summaryLine({ passes: sum('passes'), failures: sum('failures'), pending: sum('pending') }));
  return lines;
}

module.exports = { closing, fileTable, ciSteps, summaryLine };
