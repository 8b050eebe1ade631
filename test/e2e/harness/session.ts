import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { findFiles, ScenarioArtifacts } from './artifacts';
import { createProfile, installExtension, startCodeServer, type RunningCodeServer } from './codeServer';
import { packageExtension, suiteRunnerVsix } from './vsix';
import { launchBrowser, Workbench } from './workbench';

/**
 * One code-server and one browser for all e2e scenarios of a run: each scenario opens its
 * own window (a browser tab on its own folder), which gets its own extension host.
 */
export interface E2eSession {
  readonly codeServer: RunningCodeServer;
  readonly context: BrowserContext;
  /** Parent folder for the scenarios' workspaces. */
  readonly workspacesDir: string;
  /** Where the extension-host suite's runner writes its results (env DWB_VSCODE_SUITE_RESULTS). */
  readonly suiteResultsFile: string;
}

let started: Promise<{ session: E2eSession; stop(): Promise<void> }> | undefined;

async function start(): Promise<{ session: E2eSession; stop(): Promise<void> }> {
  const vsix = packageExtension();
  const runnerVsix = suiteRunnerVsix();
  const profile = createProfile();
  installExtension(profile, vsix);
  installExtension(profile, runnerVsix);
  const workspacesDir = path.join(profile.root, 'workspaces');
  mkdirSync(workspacesDir, { recursive: true });
  const suiteResultsFile = path.join(profile.root, 'vscode-suite-results.json');
  const codeServer = await startCodeServer(profile, { env: { DWB_VSCODE_SUITE_RESULTS: suiteResultsFile } });
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await codeServer.stop();
    throw e;
  }
  return {
    session: { codeServer, context: browser.context, workspacesDir, suiteResultsFile },
    async stop() {
      await browser.close().catch(() => undefined);
      await codeServer.stop();
      if (process.env['DWB_E2E_KEEP_ARTIFACTS'] !== '1') rmSync(profile.root, { recursive: true, force: true });
    },
  };
}

/** The run's session, started on first use (packaging the extension and starting code-server). */
export async function e2eSession(): Promise<E2eSession> {
  started ??= start();
  return (await started).session;
}

// Registered on mocha's root suite when a test file first imports the harness: ends the
// session's process group after the last e2e test, whichever file started it. Outside mocha
// (the benchmark) there is no session to end.
if (typeof after === 'function') {
  after(async () => {
    if (started === undefined) return;
    const s = await started.catch(() => undefined);
    await s?.stop();
  });
}

/** Opens a window on `folder` (an empty window when undefined) with its first screenshots going to `artifacts`. */
export async function openWindow(session: E2eSession, folder: string | undefined, artifacts: ScenarioArtifacts): Promise<Workbench> {
  return Workbench.open(session.context, session.codeServer.folderUrl(folder), artifacts);
}

/**
 * Keeps the logs next to a failed scenario's screenshots and prints where they are, or
 * discards a passed scenario's folder.
 */
export function finishScenario(session: E2eSession | undefined, artifacts: ScenarioArtifacts, passed: boolean): void {
  if (session !== undefined) reportCrashes(session);
  if (passed) {
    artifacts.discardUnlessKept();
    return;
  }
  const files = session ? artifacts.keepLogs(session.codeServer.logFile, session.codeServer.profile.userDataDir) : [];
  process.stderr.write(`      [e2e] failed; artifacts in ${artifacts.dir}\n${files.map((f) => `        ${f}\n`).join('')}`);
}

let logRead = 0;

/**
 * Says on stderr, passed or not, when an extension host died during the scenario (code-server
 * logs "Extension Host Process exited with code: null, signal: …"), with the runtime's fatal
 * line: a crash is never hidden by a step made again. One seen: V8's "Check failed:
 * jit_page_->allocations_.erase(addr) == 1" while PGlite's WebAssembly ran in code-server's
 * Node 24 (nodejs/node#64500).
 */
function reportCrashes(session: E2eSession): void {
  let text: string;
  try {
    text = readFileSync(session.codeServer.logFile, 'utf8');
  } catch {
    return;
  }
  const fresh = text.slice(logRead);
  logRead = text.length;
  const exits = fresh.split('\n').filter((l) => /Extension Host Process exited with code: null, signal: \w+/.test(l));
  if (exits.length === 0) return;
  const fatal = fresh.split('\n').filter((l) => /Fatal error|Check failed/.test(l)).map((l) => l.trim());
  process.stderr.write(`      [e2e] an extension host crashed during this scenario (${exits.length}x): ${exits.map((l) => l.replace(/^.*exited/, 'exited')).join('; ')}${fatal.length > 0 ? `; ${fatal.join(' / ')}` : ''}\n`);
}

/**
 * The text of each of the session's output channels named like `channel` (their files, one per
 * window, as the workbench writes what the channel shows): the whole channel, where the Output
 * view renders only the lines on screen and its filter keeps whole blocks of a channel without
 * timestamps.
 */
export function outputChannelFiles(session: E2eSession, channel: RegExp): string[] {
  return findFiles(path.join(session.codeServer.profile.userDataDir, 'logs'), channel).map((file) => readFileSync(file, 'utf8'));
}
