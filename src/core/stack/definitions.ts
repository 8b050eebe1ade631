/** Which database server a stack runs. */
export type StackEngine = 'postgres' | 'sqlserver';

/** What DW Workbench needs to know about one bundled compose file. */
export interface StackDefinition {
  readonly engine: StackEngine;
  /** File name under the bundled docker/ folder. */
  readonly composeFileName: string;
  readonly serverService: string;
  readonly backupService: string;
  /** The setting that holds the published port, and its default. */
  readonly portSetting: string;
  readonly defaultPort: number;
  /** The setting that holds the server image, and its default (the official image). */
  readonly imageSetting: string;
  readonly defaultImage: string;
  /** Secrets compose interpolates; they live in SecretStorage (or the CLI's .env) and reach compose in its process environment. */
  readonly secretNames: readonly string[];
  /** Passwords of the technical logins (etl_monitor, etl_backup) the bootstrap creates. */
  readonly loginSecretNames: readonly string[];
  /** The secret that is the server administrator's password. */
  readonly adminSecret: string;
  /** Backup files this engine writes, e.g. '.dump'. */
  readonly backupExtension: string;
}

export const POSTGRES_STACK: StackDefinition = {
  engine: 'postgres',
  composeFileName: 'compose.postgres.yml',
  serverService: 'postgres',
  backupService: 'postgres-backup',
  portSetting: 'DWB_POSTGRES_PORT',
  // Not 5432: a PostgreSQL installed on the machine usually holds it.
  defaultPort: 5433,
  imageSetting: 'DWB_POSTGRES_IMAGE',
  defaultImage: 'postgres:16',
  secretNames: ['POSTGRES_PASSWORD'],
  loginSecretNames: ['ETL_MONITOR_PASSWORD', 'ETL_BACKUP_PASSWORD'],
  adminSecret: 'POSTGRES_PASSWORD',
  backupExtension: '.dump',
};

export const SQLSERVER_STACK: StackDefinition = {
  engine: 'sqlserver',
  composeFileName: 'compose.sqlserver.yml',
  serverService: 'sqlserver',
  backupService: 'sql-backup',
  portSetting: 'DWB_SQLSERVER_PORT',
  defaultPort: 1433,
  imageSetting: 'DWB_SQLSERVER_IMAGE',
  defaultImage: 'mcr.microsoft.com/mssql/server:2022-latest',
  secretNames: ['MSSQL_SA_PASSWORD', 'ETL_MONITOR_PASSWORD', 'ETL_BACKUP_PASSWORD'],
  loginSecretNames: ['ETL_MONITOR_PASSWORD', 'ETL_BACKUP_PASSWORD'],
  adminSecret: 'MSSQL_SA_PASSWORD',
  backupExtension: '.bak',
};

export function stackDefinition(engine: StackEngine): StackDefinition {
  return engine === 'postgres' ? POSTGRES_STACK : SQLSERVER_STACK;
}

/** Settings compose reads besides secrets: images, ports, users, intervals, retention. */
const SETTING_NAME = /^(DWB_[A-Z0-9_]+|BACKUP_INTERVAL_HOURS|BACKUP_RETENTION_DAYS|CONNECTION_AUDIT_RETENTION_DAYS)$/;

/**
 * The non-secret values handed to compose: the definition's defaults, then the project file's
 * `stack.env`, then the environment (so CI can point a stack at a locally built image).
 */
export function resolveStackSettings(
  definition: StackDefinition,
  projectEnv: Readonly<Record<string, string | number>> = {},
  env: NodeJS.ProcessEnv = {},
): Record<string, string> {
  const settings: Record<string, string> = {
    [definition.portSetting]: String(definition.defaultPort),
    [definition.imageSetting]: definition.defaultImage,
  };
  for (const [k, v] of Object.entries(projectEnv)) settings[k] = String(v);
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && SETTING_NAME.test(k) && k !== 'DWB_PASSWORD') settings[k] = v;
  }
  return settings;
}

/** The published port, read from the resolved settings. */
export function stackPort(definition: StackDefinition, settings: Readonly<Record<string, string>>): number {
  const raw = settings[definition.portSetting] ?? String(definition.defaultPort);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RangeError(`${definition.portSetting}=${raw} is not a TCP port (1-65535).`);
  }
  return port;
}
