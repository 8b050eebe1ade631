// Runs the mocha suites (TypeScript through tsx) with the project's reporter, which prints a
// timing table per test file and ends with the line "N passed, N failed, N skipped", listing why
// each skipped test was skipped. No --exit: the run ends because nothing is left open; a socket,
// server, child process or timer still holding the process after the last test fails the run,
// named with its creation stack (test/support/leaks.cjs).
//
// The whole suite (`npm test`, no suite named) runs in three lanes, each its own mocha process.
// Lanes 1 and 2 start at once: lane 1 holds the unit tests, every file that talks to the SQL
// Server-compatible server (one server: its files run one after the other, and on it an ETL run's
// cutoff stops at the oldest transaction open anywhere on the server) and the dashboard page tests;
// lane 2 the other integration files (PostgreSQL and PGlite, each in its own throw-away database).
// The integration suite alone leaves a third of the two cores idle (waiting on the servers), which
// the second lane uses. Lane 3, stack + e2e (Docker, code-server and Chromium), starts when either
// of the first two ends, so the browser scenarios share the machine with one integration lane at
// most (beside both they were slower and less steady); its files that use the SQL Server-compatible
// server come last and wait for lane 1 to end (test/support/sqlserverTurn.ts). Lane 1 prints as it
// runs; lane 2's output is printed when lane 1 ends, lane 3's when both ended; the closing table and
// summary line cover every lane, after the lanes' start and end times.
// Every way in builds dist/ first (scripts/build.mjs), once. DWB_TEST_LANES=1 runs everything in
// one process, as naming suites does.
// Usage: node scripts/test.mjs [unit|integration|stack|e2e ...] [-- extra mocha args]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
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

/**
 * One mocha process on `specs` (globs or files); resolves with its exit code. `out` undefined: its
 * output is this process's. `onMessage`: the process gets an IPC channel, its messages go there.
 */
function mocha(specs, env, out, onMessage) {
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
      ...extra,
    ],
    {
      cwd: root,
      stdio: [out === undefined ? 'inherit' : 'ignore', out === undefined ? 'inherit' : 'pipe', out === undefined ? 'inherit' : 'pipe', ...(onMessage === undefined ? [] : ['ipc'])],
      env: { ...process.env, DWB_REPO_ROOT: root, ...env },
    },
  );
  if (onMessage !== undefined) child.on('message', (message) => onMessage(message, child));
  if (out !== undefined) {
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

const lanes = suites.length === everything.length && everything.every((s) => suites.includes(s)) && process.env.DWB_TEST_LANES !== '1';

/** Packages the extension and the VS Code suite runner for the e2e lane; resolves with their paths as the harness reads them. */
function packageForE2e() {
  const script = `const v = require('./test/e2e/harness/vsix.ts');
    process.stdout.write(JSON.stringify({ DWB_E2E_VSIX: v.packageExtension(), DWB_E2E_RUNNER_VSIX: v.suiteRunnerVsix() }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`packaging the extension for the e2e lane failed (exit ${code})`))));
  });
}
// The e2e lane's extension and suite runner, packaged before any lane starts (DWB_E2E_VSIX,
// DWB_E2E_RUNNER_VSIX): packaging rebuilds dist/ for production, which must not happen while
// another lane reads it.
if (lanes) {
  try {
    Object.assign(process.env, await packageForE2e());
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

// dist/ built once, before any test process starts: the tests that load its bundles (webview
// pages, the CLI) then build nothing themselves (test/support/build.ts), so no lane rewrites a
// bundle another one is reading.
const build = await new Promise((resolve) => {
  spawn(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' }).on('close', (code) => resolve(code ?? 1));
});
if (build !== 0) {
  console.error('scripts/build.mjs failed: no test was run.');
  process.exit(build);
}
process.env.DWB_TEST_BUILT = '1';

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
// Pages in Chromium (dashboards, results grid, lineage): their layout checks failed under load
// beside the browser scenarios, so each lane runs them first, before lane 3 can start.
const BROWSER_FILE = /browserHarness|resultsBrowser|chromium/i;
const inBrowser = (file) => file.startsWith('test/integration/dashboards/') || BROWSER_FILE.test(readFileSync(path.join(root, file), 'utf8'));
const integration = testFiles('test/integration');
const browserFirst = (files) => [...files.filter(inBrowser), ...files.filter((f) => !inBrowser(f))];
const first = [...integration.filter((f) => laneOne(f) && inBrowser(f)), 'test/unit/**/*.test.ts', ...integration.filter((f) => laneOne(f) && !inBrowser(f))];
const second = browserFirst(integration.filter((f) => !laneOne(f)));

const dir = mkdtempSync(path.join(os.tmpdir(), 'dwb-test-lanes-'));
const report = (lane) => path.join(dir, `${lane}.json`);

/**
 * A lane's output, held back while another lane prints: `release()` writes what it holds and
 * lets the rest through as it comes. Lane 1 prints as it runs; lane 2 once lane 1 ended; the
 * stack + e2e lane once both ended.
 */
class HeldOutput extends Writable {
  #held = [];
  #free = false;
  _write(chunk, _encoding, done) {
    if (this.#free) process.stdout.write(chunk, () => done());
    else {
      this.#held.push(chunk);
      done();
    }
  }
  release() {
    this.#free = true;
    for (const chunk of this.#held.splice(0)) process.stdout.write(chunk);
  }
}

const t0 = performance.now();
const minutes = (ms) => `${(ms / 60_000).toFixed(1)} min`;
console.log(`Two lanes at once: unit + ${first.length - 1} integration files (pages in Chromium first) (the SQL Server-compatible server's and the dashboards') here; ${second.length} other integration files in the background, their output printed when this lane ends. Stack + e2e start when either lane ends, their output printed last.`);
const laneTwoOut = new HeldOutput();
const laneThreeOut = new HeldOutput();
const timing = { lane1: { start: 0 }, lane2: { start: 0 }, lane3: {} };
const ended = (lane) => (code) => {
  timing[lane].end = performance.now() - t0;
  return code;
};
const runOne = mocha(first, { DWB_REPORT_JSON: report('lane1') }).then(ended('lane1'));
const runTwo = mocha(second, { DWB_REPORT_JSON: report('lane2') }, laneTwoOut).then(ended('lane2'));
// The browser scenarios share the machine with one integration lane at most: the lanes finish
// apart, and the one that ends first leaves its core to stack + e2e.
// Its files that use the SQL Server-compatible server wait for lane 1's end
// (test/support/sqlserverTurn.ts): the runner answers their question once lane 1 ended. They
// run first when lane 1 ended before lane 3 starts, else last.
const sqlServerFree = runOne.then(() => undefined);
const onTurnAsked = (message, child) => {
  if (message === 'sqlserver-turn?') void sqlServerFree.then(() => child.connected && child.send('sqlserver-free'));
};
const laneThreeFiles = [...testFiles('test/stack'), ...testFiles('test/e2e')];
const usesSqlServer = (file) => SQL_SERVER_FILE.test(readFileSync(path.join(root, file), 'utf8'));
const runThree = Promise.race([runOne, runTwo]).then(() => {
  timing.lane3.start = performance.now() - t0;
  // Lane 1 over: its server is free now, so its scenarios go first (else last, waiting for it).
  const free = timing.lane1.end !== undefined;
  const [early, late] = free ? [laneThreeFiles.filter(usesSqlServer), laneThreeFiles.filter((f) => !usesSqlServer(f))]
    : [laneThreeFiles.filter((f) => !usesSqlServer(f)), laneThreeFiles.filter(usesSqlServer)];
  return mocha([...early, ...late],
    { DWB_REPORT_JSON: report('lane3'), DWB_SQLSERVER_TURN: 'wait' }, laneThreeOut, onTurnAsked);
}).then(ended('lane3'));
const one = await runOne;
console.log('\n==================== integration lane 2 ====================');
laneTwoOut.release();
const two = await runTwo;
await new Promise((resolve) => laneTwoOut.end(resolve));
console.log('\n==================== stack + e2e ====================');
laneThreeOut.release();
const three = await runThree;
await new Promise((resolve) => laneThreeOut.end(resolve));
console.log('\nLanes (from the start of the tests):');
for (const [lane, name] of [['lane1', 'unit + SQL Server-compatible + dashboards'], ['lane2', 'other integration'], ['lane3', 'stack + e2e']]) {
  const t = timing[lane];
  console.log(`  ${name.padEnd(42)} ${minutes(t.start).padStart(9)} to ${minutes(t.end).padStart(9)}`);
}

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
// The lanes overlapped: the run's wall clock is from the first lane's start to the last lane's end.
const wallMs = performance.now() - t0;
const lines = closing([...results.slice(0, 2), { ...results[2], wallMs }]);
rmSync(dir, { recursive: true, force: true });
for (const line of lines) console.log(line);
process.exit(Math.max(one, two, three));
