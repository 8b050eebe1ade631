import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, writeFileSync, closeSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { toolFolder } from './toolFolder';
import { eventually } from './wait';
import { freePort } from '../../support/freePort';

/** A command line as data, spawned without a shell. */
export interface ProcessSpec {
  readonly command: string;
  readonly args: readonly string[];
}

/** A fresh VS Code profile: settings, installed extensions and logs of one run. */
export interface Profile {
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
}

/** Settings that keep a fresh window quiet: no welcome page, tips, update checks or AI panes. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The workspaces live inside the repository's tool folder: no "open the parent repository?" toast.
  'git.openRepositoryInParentFolders': 'never',
  // The DOM renderer: terminal text can be read from the page (the GPU one draws on a canvas).
  'terminal.integrated.gpuAcceleration': 'off',
};

/** Environment for every code-server process: Node 24 first on PATH, caches in the tool folder. */
function toolEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const xdg = path.join(toolFolder.root, 'xdg');
  mkdirSync(toolFolder.tmp, { recursive: true });
  return {
    ...process.env,
    PATH: `${path.dirname(toolFolder.node)}${path.delimiter}${process.env['PATH'] ?? ''}`,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    TMPDIR: toolFolder.tmp,
    ...extra,
  };
}

export function createProfile(): Profile {
  mkdirSync(toolFolder.tmp, { recursive: true });
  const root = mkdtempSync(path.join(toolFolder.tmp, 'profile-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify(quietSettings, null, 2));
  return { root, userDataDir, extensionsDir };
}

function codeServerSpec(profile: Profile, args: readonly string[]): ProcessSpec {
  return {
    command: toolFolder.node,
    args: [toolFolder.codeServer, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, ...args],
  };
}

export function installExtension(profile: Profile, vsix: string): void {
  const spec = codeServerSpec(profile, ['--install-extension', vsix, '--force']);
  const r = spawnSync(spec.command, spec.args, { env: toolEnv({}), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

export interface RunningCodeServer {
  readonly url: string;
  readonly profile: Profile;
  /** code-server's own stdout/stderr. */
  readonly logFile: string;
  /**
   * The URL that opens `folder` in a new window (a new window gets its own extension host), or
   * an empty window (no folder) when `folder` is undefined.
   */
  folderUrl(folder: string | undefined): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment for code-server and the extension hosts it starts. */
  readonly env?: Record<string, string>;
  /** code-server's --log level; `trace` makes the extension host log more of its work. */
  readonly logLevel?: 'trace' | 'debug' | 'info';
}

/**
 * Starts code-server in its own process group (so stopping it also ends the extension hosts
 * and language servers it spawned) and waits until /healthz answers.
 */
export async function startCodeServer(profile: Profile, options: StartOptions = {}): Promise<RunningCodeServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(profile.root, 'code-server.log');
  const spec = codeServerSpec(profile, [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // Without it the folder opens in Restricted Mode and the extension never activates.
    '--disable-workspace-trust',
    '--log', options.logLevel ?? 'info',
    // A closed browser tab ends its extension host soon instead of after the default 3 hours.
    '--reconnection-grace-time', '5',
  ]);
  const out = openSync(logFile, 'a');
  const child: ChildProcess = spawn(spec.command, [...spec.args], {
    env: toolEnv(options.env ?? {}),
    detached: true, // setsid: a new process group we can signal as a whole
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${spec.command}`);

  const stop = async (): Promise<void> => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return; // the group is already gone
    }
    const done = await Promise.race([exited.then(() => true), pause(10_000).then(() => false)]);
    if (!done) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone between the check and the kill
      }
    }
  };

  let exitCode: number | null | undefined;
  void exited.then((c) => (exitCode = c));
  // Until /healthz answers or code-server exits: the bound is generous, a loaded machine starts it slowly.
  await eventually(async () => exitCode !== undefined || (await healthy(url)), 120_000);
  if (exitCode !== undefined) throw new Error(`code-server exited with ${exitCode} before answering; see ${logFile}`);
  if (await healthy(url)) return { url, profile, logFile, folderUrl: (folder) => (folder === undefined ? `${url}/?ew=true` : `${url}/?folder=${encodeURIComponent(folder)}`), stop };
  await stop();
  throw new Error(`code-server did not answer ${url}/healthz within 120 s; see ${logFile}`);
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`);
    return res.ok;
  } catch {
    return false;
  }
}
