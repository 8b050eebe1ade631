import { spawn } from 'node:child_process';
import type { Engine, ServerInfo } from '../engine/types';
import type { ConnectionConfig } from '../engine/config';
import { describeTarget } from '../engine/config';
import { isEngineError } from '../engine/errors';
import { connectionConfig, loadProject, passwordEnvName, needsPassword, type Project } from '../project';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  readonly name: string;
  readonly status: CheckStatus;
  readonly detail: string;
}

export interface DoctorOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly nodeVersion: string;
  /** Opens an engine; injected so the doctor stays testable without a server. */
  readonly openEngine: (config: ConnectionConfig) => Promise<Engine>;
  /** Runs a process (no shell) and resolves with its exit code and output. */
  readonly runProcess?: (command: string, args: readonly string[]) => Promise<ProcessOutcome>;
}

export interface ProcessOutcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the program itself could not be started (ENOENT: not installed). */
  readonly spawnError?: NodeJS.ErrnoException;
}

/** Runs every check in order; later checks that depend on an earlier failure are skipped. */
export async function runDoctor(options: DoctorOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [checkNode(options.nodeVersion)];
  let project: Project | undefined;
  try {
    project = loadProject(options.cwd);
    results.push({ name: 'Project file', status: 'ok', detail: `${project.file} (${project.config.engine})` });
  } catch (e) {
    results.push({ name: 'Project file', status: 'fail', detail: (e as Error).message });
  }
  results.push(project ? await checkConnection(project, options) : skipped('Connection', 'no valid project file'));
  results.push(await checkDocker(options.runProcess ?? runProcess));
  return results;
}

function checkNode(version: string): CheckResult {
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  return major >= 20
    ? { name: 'Node.js', status: 'ok', detail: version }
    : { name: 'Node.js', status: 'fail', detail: `${version}: DW Workbench needs Node.js 20 or later.` };
}

async function checkConnection(project: Project, options: DoctorOptions): Promise<CheckResult> {
  const envName = passwordEnvName(project);
  const password = options.env[envName];
  if (needsPassword(project) && password === undefined && project.config.engine === 'sqlserver') {
    return { name: 'Connection', status: 'fail', detail: `Set the password in the environment variable ${envName} (connection.passwordEnv).` };
  }
  const config = connectionConfig(project, 'dw', password);
  let engine: Engine | undefined;
  try {
    engine = await options.openEngine(config);
    const info: ServerInfo = await engine.serverInfo();
    const edition = info.edition ? ` ${info.edition}` : '';
    return { name: 'Connection', status: 'ok', detail: `${info.product} ${info.version}${edition} at ${info.address}, database ${info.database}` };
  } catch (e) {
    const kind = isEngineError(e) ? ` [${e.kind}]` : '';
    return { name: 'Connection', status: 'fail', detail: `${describeTarget(config)}${kind}: ${(e as Error).message}` };
  } finally {
    await engine?.close().catch(() => undefined);
  }
}

async function checkDocker(run: NonNullable<DoctorOptions['runProcess']>): Promise<CheckResult> {
  const server = await run('docker', ['version', '--format', '{{.Server.Version}}']);
  if (server.spawnError?.code === 'ENOENT') {
    return { name: 'Docker', status: 'warn', detail: 'Docker is not installed: the stack commands need it (the embedded engine does not).' };
  }
  if (server.code !== 0) {
    return { name: 'Docker', status: 'warn', detail: 'The Docker daemon is not running: start Docker to use the stack commands.' };
  }
  const v2 = await run('docker', ['compose', 'version', '--short']);
  if (v2.code === 0) return { name: 'Docker', status: 'ok', detail: `engine ${server.stdout.trim()}, compose ${v2.stdout.trim()}` };
  const v1 = await run('docker-compose', ['version', '--short']);
  if (v1.code === 0) return { name: 'Docker', status: 'ok', detail: `engine ${server.stdout.trim()}, docker-compose ${v1.stdout.trim()} (v1)` };
  return { name: 'Docker', status: 'warn', detail: `engine ${server.stdout.trim()}, but no Docker Compose: install the compose plugin.` };
}

function skipped(name: string, why: string): CheckResult {
  return { name, status: 'skip', detail: why };
}

/** Spawns without a shell and collects output; never rejects. */
export function runProcess(command: string, args: readonly string[]): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(command, args, { shell: false, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', (spawnError: NodeJS.ErrnoException) => resolve({ code: null, stdout, stderr, spawnError }));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
