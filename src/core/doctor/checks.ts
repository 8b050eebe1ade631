import type { Engine, ServerInfo } from '../engine/types';
import type { ConnectionConfig } from '../engine/config';
import { describeTarget } from '../engine/config';
import { isEngineError } from '../engine/errors';
import { DockerCli } from '../stack/docker';
import { detectComposeCli } from '../stack/composeCli';
import { StackError } from '../stack/errors';
import { createProcessRunner, type ProcessRunner } from '../stack/process';
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
  /** Runs docker and compose (no shell); the real runner by default. */
  readonly runner?: ProcessRunner;
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
  results.push(await checkDocker(options.runner ?? createProcessRunner()));
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

async function checkDocker(runner: ProcessRunner): Promise<CheckResult> {
  try {
    const engine = await new DockerCli(runner).assertDaemon();
    const compose = await detectComposeCli(runner);
    return { name: 'Docker', status: 'ok', detail: `engine ${engine}, compose ${compose.release} (${compose.version})` };
  } catch (e) {
    // The stack commands need Docker; the embedded engine does not, so this only warns.
    if (e instanceof StackError) return { name: 'Docker', status: 'warn', detail: e.message };
    throw e;
  }
}

function skipped(name: string, why: string): CheckResult {
  return { name, status: 'skip', detail: why };
}
