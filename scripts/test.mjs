// Runs the mocha suites (TypeScript through tsx) with the project's reporter, which prints a
// timing table per test file and ends with the line "N passed, N failed, N skipped", listing why
// each skipped test was skipped. No --exit: the run ends because nothing is left open; a socket,
// server, child process or timer still holding the process after the last test fails the run,
// named with its creation stack (test/support/leaks.cjs).
//
// The whole suite (`npm test`, no suite named) runs in two phases. First two lanes at once, each its
// own mocha process: lane 1 holds the unit tests, every file that talks to the SQL Server-compatible
// server (one server: its files run one after the other, and on it an ETL run's cutoff stops at the
// oldest transaction open anywhere on the server) and the dashboard page tests; lane 2 the other
// integration files (PostgreSQL and PGlite, each in its own throw-away database). The integration
// suite alone leaves a third of the two cores idle (waiting on the servers), which the second lane
// uses. Then stack + e2e (Docker, code-server and Chromium) in one process, alone: beside the
// integration lanes the browser scenarios were slower and less steady. Lane 2's output is kept in a
// file and printed when lane 1 ends; the closing table and summary line cover every lane.
// DWB_TEST_LANES=1 runs everything in one process, as naming suites does.
// Usage: node scripts/test.mjs [unit|integration|stack|e2e ...] [-- extra mocha args]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, createWriteStream } from 'node:fs';
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

/** One mocha process on `specs` (globs or files); resolves with its exit code. `out` undefined: its output is this process's. */
function mocha(specs, env, out, args = []) {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/mocha/bin/mocha.js'),
      // First, so it sees every resource the tests and the code under test create.
      '--require', path.join(root, 'test/support/leaks.cjs'),
      '--require', 'tsx/cjs',
      '--reporter', path.join(root, 'test/support/reporter.cjs'),
      '--timeout', '120000',
      ...specs,
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

const lanes = suites.length === everything.length && everything.every((s) => suites.includes(s)) && process.env.DWB_TEST_LANES !== '1';

if (!lanes) {
  process.exit(await mocha(globs(suites), {}));
}

/** Every *.test.ts under `dir` (relative to the repository), sorted as mocha sorts a glob's files. */
function testFiles(dir) {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

// Lane 1's integration files: those that reach the SQL Server-compatible server (directly or
// through the engine targets and fixtures that include it) and the dashboard page tests.
const SQL_SERVER_FILE = /DW_TEST_MSSQL|engineTargets|sqlserverFixture|support\/sqlserver|[sS]ql[sS]erver\.test|scopeSupport/;
const laneOne = (file) => file.startsWith('test/integration/dashboards/') || SQL_SERVER_FILE.test(readFileSync(path.join(root, file), 'utf8'));
const first = ['test/unit/**/*.test.ts'];
const second = [];
for (const file of testFiles('test/integration')) (laneOne(file) ? first : second).push(file);

const dir = mkdtempSync(path.join(os.tmpdir(), 'dwb-test-lanes-'));
const report = (lane) => path.join(dir, `${lane}.json`);
const secondLog = path.join(dir, 'lane2.log');
const out = createWriteStream(secondLog);
console.log(`Two lanes at once: unit + ${first.length - 1} integration files (the SQL Server-compatible server's and the dashboards') here; ${second.length} other integration files in the background, their output printed when this lane ends. Then stack + e2e alone.`);
const [one, two] = await Promise.all([
  mocha(first, { DWB_REPORT_JSON: report('lane1') }),
  mocha(second, { DWB_REPORT_JSON: report('lane2') }, out),
]);
await new Promise((resolve) => out.end(resolve));
console.log('\n==================== integration lane 2 ====================');
process.stdout.write(readFileSync(secondLog, 'utf8'));
console.log('\n==================== stack + e2e ====================');
const three = await mocha(globs(['stack', 'e2e']), { DWB_REPORT_JSON: report('lane3') });

const { closing } = await import('../test/support/reporterSummary.cjs');
const read = (lane, code) => {
  try {
    return JSON.parse(readFileSync(report(lane), 'utf8'));
  } catch {
    // The lane ended before its reporter wrote (a crash): one failure, named.
    return { passes: 0, failures: 1, pending: 0, skipped: [], failed: [`the ${lane} lane ended with code ${code} before its summary`], files: [] };
  }
};
const results = [read('lane1', one), read('lane2', two), read('lane3', three)];
// The lanes ran at once, then the third: the run's wall clock is the longer lane's plus the third's.
const wallMs = Math.max(results[0].wallMs ?? 0, results[1].wallMs ?? 0) + (results[2].wallMs ?? 0);
const lines = closing([...results.slice(0, 2), { ...results[2], wallMs }]);
rmSync(dir, { recursive: true, force: true });
for (const line of lines) console.log(line);
process.exit(Math.max(one, two, three));
