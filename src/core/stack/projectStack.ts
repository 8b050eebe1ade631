import { createEngine } from '../engine/factory';
import type { ConnectionConfig } from '../engine/config';
import { alertSettings } from '../alerts/settings';
import { connectionConfig, databaseName, passwordEnvName } from '../project/connection';
import type { Project } from '../project/types';
import { ProjectEngines } from '../project/engines';
import { runBootstrap, type BootstrapEvent, type BootstrapSummary } from '../bootstrap';
import type { ComposeStack } from './composeStack';
import { stackDefinition, type StackEngine } from './definitions';
import { StackError } from './errors';
import type { StackEventListener } from './events';
import { openComposeStack } from './open';
import type { ProcessRunner } from './process';
import type { SecretStore } from './secretStore';

export interface ProjectStackOptions {
  readonly runner: ProcessRunner;
  readonly secrets: SecretStore;
  /** The docker/ folder shipped with DW Workbench (compose files used when stack.composeFile is unset). */
  readonly bundledDockerDir: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly preferCompose?: 'v1' | 'v2';
  /** For stack.watch: the installed DW Workbench the watch image is built from (default: the folder above bundledDockerDir). */
  readonly packageRoot?: string;
  /** For stack.watch: a webhook's URL (SecretStorage in VS Code; the environment or .env in the CLI). */
  readonly webhookUrl?: (name: string, urlEnv: string) => Promise<string | undefined>;
  readonly onEvent?: StackEventListener;
}

/** The stack's engine, or a 'no-stack' error for PGlite projects. */
export function stackEngineOf(project: Project): StackEngine {
  const engine = project.config.engine;
  if (engine === 'pglite') {
    throw new StackError(
      `${project.file} uses the embedded engine (pglite), which needs no Docker stack. `
        + 'Set "engine" to "postgres" or "sqlserver" to run one.',
      { kind: 'no-stack' },
    );
  }
  return engine;
}

/**
 * The project's stack. The server's user, database and port follow the project's connection
 * unless stack.env says otherwise, so "Start Stack" gives a server the project can connect to.
 */
export async function openProjectStack(project: Project, o: ProjectStackOptions): Promise<ComposeStack> {
  const engine = stackEngineOf(project);
  const definition = stackDefinition(engine);
  const { connection } = project.config;
  const derived: Record<string, string | number> = {};
  if (connection.port !== undefined) derived[definition.portSetting] = connection.port;
  if (engine === 'postgres') {
    if (connection.user !== undefined) derived['DWB_POSTGRES_USER'] = connection.user;
    derived['DWB_POSTGRES_DB'] = databaseName(project, 'dw');
  } else {
    derived['DWB_SQLSERVER_DATABASES'] = `${databaseName(project, 'oltp')} ${databaseName(project, 'dw')}`;
  }
  const config = project.config.stack ?? {};
  return openComposeStack({
    engine,
    projectRoot: project.root,
    projectName: project.config.name,
    bundledDockerDir: o.bundledDockerDir,
    config: { ...config, env: { ...derived, ...config.env } },
    runner: o.runner,
    secrets: o.secrets,
    ...(o.env ? { env: o.env } : {}),
    ...(o.preferCompose ? { preferCompose: o.preferCompose } : {}),
    watch: {
      ...(o.packageRoot ? { packageRoot: o.packageRoot } : {}),
      passwordEnv: passwordEnvName(project),
      webhooks: alertSettings(project.config.alerts).webhooks.map((w) => ({ name: w.name, urlEnv: w.urlEnv })),
      ...(o.webhookUrl ? { webhookUrl: o.webhookUrl } : {}),
    },
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
  });
}

/**
 * The project as seen from its stack: the connection goes to 127.0.0.1 on the published port as
 * the server's administrator (bootstrap creates the databases and logins, so it needs that).
 */
export function projectOnStack(project: Project, stack: ComposeStack): Project {
  const user = stack.definition.engine === 'postgres' ? stack.options.settings['DWB_POSTGRES_USER'] ?? 'postgres' : 'sa';
  return {
    ...project,
    config: {
      ...project.config,
      // A local development server presents a self-signed certificate.
      connection: { ...project.config.connection, host: '127.0.0.1', port: stack.port, user, trustServerCertificate: true },
    },
  };
}

export function stackAdminPassword(stack: ComposeStack): string | undefined {
  return stack.options.secrets[stack.definition.adminSecret];
}

/** How to reach the stack's warehouse database as its administrator, on the published port. */
export function stackConnection(project: Project, stack: ComposeStack): ConnectionConfig {
  return connectionConfig(projectOnStack(project, stack), 'dw', stackAdminPassword(stack));
}

/**
 * The bootstrap step of "Start Stack": the project's bootstrap plan against the stack, with the
 * technical logins' passwords from the stack's secrets. Undefined when the project has no plan.
 */
export async function bootstrapOnStack(
  project: Project,
  stack: ComposeStack,
  options: { readonly entitiesDir: string; readonly onEvent?: (event: BootstrapEvent) => void; readonly signal?: AbortSignal },
): Promise<BootstrapSummary | undefined> {
  if ((project.config.bootstrap?.steps ?? []).length === 0) return undefined;
  const onStack = projectOnStack(project, stack);
  const engines = new ProjectEngines(onStack, stackAdminPassword(stack), 'DW Workbench bootstrap');
  const secrets: Record<string, string> = {};
  for (const name of stack.definition.loginSecretNames) secrets[name] = stack.options.secrets[name] ?? '';
  try {
    return await runBootstrap(onStack, { engines: (role) => engines.get(role), secrets, ...options });
  } finally {
    await engines.close();
  }
}

/** The connection check of "Start Stack": connect through the published port and ask the server who it is. */
export async function checkStackConnection(project: Project, stack: ComposeStack): Promise<string> {
  const engine = await createEngine(stackConnection(project, stack));
  try {
    const info = await engine.serverInfo();
    return `${info.product} ${info.version} at ${info.address}/${info.database}`;
  } finally {
    await engine.close();
  }
}
