import path from 'node:path';
import { detectComposeCli } from './composeCli';
import { ComposeStack } from './composeStack';
import { resolveStackSettings, stackDefinition, type StackEngine } from './definitions';
import type { StackEventListener } from './events';
import type { ProcessRunner } from './process';
import { ensureStackSecrets, type SecretStore } from './secretStore';
import type { WatchOptions } from './watch';

/** The project file's `stack` section, as far as the stack layer reads it. */
export interface StackConfig {
  readonly composeFile?: string;
  readonly projectName?: string;
  readonly serverService?: string;
  readonly backupService?: string;
  readonly healthTimeoutSeconds?: number;
  readonly watch?: { readonly every: string; readonly etl?: boolean; readonly enabled?: boolean };
  readonly env?: Readonly<Record<string, string | number>>;
}

/** What the watch service needs besides stack.watch; openProjectStack fills it from the project. */
export type WatchContext = Partial<Pick<WatchOptions, 'packageRoot' | 'passwordEnv' | 'webhooks' | 'webhookUrl'>>;

export interface OpenStackOptions {
  readonly engine: StackEngine;
  /** The folder holding dw-workbench.json (relative paths resolve against it). */
  readonly projectRoot: string;
  /** The project name from dw-workbench.json; the compose project name unless stack.projectName is set. */
  readonly projectName: string;
  /** The bundled docker/ folder with the default compose files. */
  readonly bundledDockerDir: string;
  readonly config?: StackConfig;
  readonly env?: NodeJS.ProcessEnv;
  readonly runner: ProcessRunner;
  readonly secrets: SecretStore;
  /** Force compose v1 or v2 instead of detecting (v2 is preferred). */
  readonly preferCompose?: 'v1' | 'v2';
  readonly healthPollMs?: number;
  /** For stack.watch: where DW Workbench is installed (default: the folder above bundledDockerDir), the password variable, the webhooks. */
  readonly watch?: WatchContext;
  readonly onEvent?: StackEventListener;
}

/** Builds a ComposeStack from the project: compose CLI detected, settings resolved, secrets ensured. */
export async function openComposeStack(o: OpenStackOptions): Promise<ComposeStack> {
  const base = stackDefinition(o.engine);
  const config = o.config ?? {};
  const definition = {
    ...base,
    serverService: config.serverService ?? base.serverService,
    backupService: config.backupService ?? base.backupService,
  };
  const compose = await detectComposeCli(o.runner, o.preferCompose ? { prefer: o.preferCompose } : {});
  const watch = watchOptions(o, config);
  return new ComposeStack({
    definition,
    compose,
    runner: o.runner,
    projectName: config.projectName ?? composeProjectName(o.projectName),
    composeFile: config.composeFile
      ? path.resolve(o.projectRoot, config.composeFile)
      : path.join(o.bundledDockerDir, definition.composeFileName),
    backupDir: path.resolve(o.projectRoot, String(config.env?.['DWB_BACKUP_DIR'] ?? o.env?.['DWB_BACKUP_DIR'] ?? '.dw/backups')),
    settings: resolveStackSettings(definition, config.env, o.env),
    secrets: await ensureStackSecrets(definition, o.secrets),
    ...(watch === undefined ? {} : { watch }),
    healthTimeoutMs: (config.healthTimeoutSeconds ?? 180) * 1000,
    ...(o.healthPollMs === undefined ? {} : { healthPollMs: o.healthPollMs }),
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
  });
}

/** Compose accepts lower-case letters, digits, '-' and '_'. */
export function composeProjectName(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z0-9]+/, '');
  return cleaned === '' ? 'dwb' : cleaned;
}

/** The watch service's options when stack.watch is on (its `enabled` is not false). */
function watchOptions(o: OpenStackOptions, config: StackConfig): WatchOptions | undefined {
  const w = config.watch;
  if (w === undefined || w.enabled === false) return undefined;
  return {
    every: w.every,
    etl: w.etl ?? true,
    projectRoot: path.resolve(o.projectRoot),
    packageRoot: o.watch?.packageRoot ?? path.dirname(path.resolve(o.bundledDockerDir)),
    passwordEnv: o.watch?.passwordEnv ?? 'DWB_PASSWORD',
    webhooks: o.watch?.webhooks ?? [],
    webhookUrl: o.watch?.webhookUrl ?? (() => Promise.resolve(undefined)),
  };
}
