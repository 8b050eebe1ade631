// Runs the mocha suites (TypeScript through tsx) with the project's reporter, which prints a
// timing table per test file and ends with the line "N passed, N failed, N skipped", listing why
// each skipped test was skipped. No --exit: the run ends because nothing is left open; a socket,
// server, child process or timer still holding the process after the last test fails the run,
// named with its creation stack (test/support/leaks.cjs).
//
// With DWB_TEST_LANES=2 the whole suite runs in two lanes at once, each its own mocha process: unit + integration (the
// databases) and stack + e2e (Docker, code-server and Chromium: mostly waiting on a browser and
// containers; the SQL Server journey runs in the first lane, beside the SQL Server suites). The second lane's output is kept in a file and printed when the first ends; the
// closing table and summary line cover both. By default everything runs in one process: on two
// cores the lanes were not faster (each slows the other), and they add interference between suites.
// Usage: node scripts/test.mjs [unit|integration|stack|e2e ...] [-- extra mocha args]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const named = dash < 0 ? argv : argv.slice(0, dash);
const extra = dash < 0 ? [] : argv.slice(dash + 1);
// Files given after `--` (and no suite named) run alone: `node scripts/test.mjs -- test/x.test.ts`.
const files = extra.filter((a) => a.endsWith('.ts') && !a.startsWith('-'));
const everything = ['unit', 'integration', 'stack', 'e2e'];
const suites = named.length > 0 ? named : files.length > 0 ? [] : everything;
const globs = (list) => list.map((s) => `test/${s}/**/*.test.ts`);

/** One mocha process; resolves with its exit code. `out` undefined: its output is this process's. */
function mocha(list, env, out, args = []) {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/mocha/bin/mocha.js'),
      // First, so it sees every resource the tests and the code under test create.
      '--require', path.join(root, 'test/support/leaks.cjs'),
      '--require', 'tsx/cjs',
      '--reporter', path.join(root, 'test/support/reporter.cjs'),
      '--timeout', '120000',
      ...globs(list),
      ...args,
      ...extra,
    ],
    { cwd: root, stdio: out === undefined ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...process.env, DWB_REPO_ROOT: root, ...env } },
  );
  if (out !== undefined) {
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

const lanes = suites.length === everything.length && everything.every((s) => suites.includes(s)) && process.env.DWB_TEST_LANES === '2';

if (!lanes) {
  process.exit(await mocha(suites, {}));
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'dwb-test-lanes-'));
const report = (lane) => path.join(dir, `${lane}.json`);
const secondLog = path.join(dir, 'stack-e2e.log');
const out = createWriteStream(secondLog);
console.log('Two lanes at once: unit + integration here; stack + e2e in the background, its output printed when this lane ends.');
// The SQL Server journey runs with the SQL Server suites, never beside them: on Babelfish an
// ETL run's cutoff stops at the oldest transaction open anywhere on the server, so the journey's
// bootstrap and ETL would hold back the ETL suites' runs (and they the journey's).
const SQL_SERVER_E2E = 'test/e2e/journeySqlServer.test.ts';
const [first, second] = await Promise.all([
  mocha(['unit', 'integration'], { DWB_REPORT_JSON: report('first') }, undefined, [SQL_SERVER_E2E]),
  mocha(['stack', 'e2e'], { DWB_REPORT_JSON: report('second') }, out, ['--ignore', SQL_SERVER_E2E]),
]);
await new Promise((resolve) => out.end(resolve));
console.log('\n==================== stack + e2e lane ====================');
process.stdout.write(readFileSync(secondLog, 'utf8'));

const { closing } = await import('../test/support/reporterSummary.cjs');
const read = (lane, code) => {
  try {
    return JSON.parse(readFileSync(report(lane), 'utf8'));
  } catch {
    // The lane ended before its reporter wrote (a crash): one failure, named.
    return { passes: 0, failures: 1, pending: 0, skipped: [], failed: [`the ${lane} lane ended with code ${code} before its summary`], files: [] };
  }
};
const lines = closing([read('first', first), read('second', second)]);
rmSync(dir, { recursive: true, force: true });
for (const line of lines) console.log(line);
process.exit(Math.max(first, second));
