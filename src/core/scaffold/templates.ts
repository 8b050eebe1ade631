import type { BootstrapStep, EngineName, ProjectFile } from '../project/types';

/** The SQL dialect folder each engine's scripts come from. */
export function dialectFolder(engine: EngineName): 'sqlserver' | 'postgres' {
  return engine === 'sqlserver' ? 'sqlserver' : 'postgres';
}

/** The bootstrap plan a new project starts with: structure, security, then generated data. */
export function defaultBootstrapSteps(engine: EngineName): BootstrapStep[] {
  const d = dialectFolder(engine);
  return [
    { name: 'OLTP structure', folder: `sql/${d}/oltp`, database: 'oltp' },
    { name: 'Warehouse structure', folder: `sql/${d}/dw`, database: 'dw' },
    // PGlite runs as a single user: there are no logins or roles to create.
    { name: 'Logins, roles and audit', folder: `sql/${d}/security`, database: 'dw', skipOn: ['pglite'] },
    { name: 'Synthetic data', generate: { scale: 1, seed: 42 }, database: 'oltp', when: { tableEmpty: 'core.customers' } },
  ];
}

/**
 * Where a server engine's project connects: the Docker stack the project starts (`stack`), or a
 * server the user already runs (no stack section, no compose file).
 */
export interface ServerSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** PostgreSQL: the one database of OLTP and warehouse. SQL Server's scripts name theirs. */
  readonly database?: string;
  readonly stack: boolean;
}

/** What the project's Docker stack serves: a new project's defaults. */
export function stackServer(engine: 'postgres' | 'sqlserver'): ServerSettings {
  return engine === 'postgres'
    ? { host: '127.0.0.1', port: 5433, user: 'postgres', database: 'dw_ecommerce', stack: true }
    : { host: '127.0.0.1', port: 1433, user: 'sa', stack: true };
}

/** What a server already running on this machine most likely has: a new project's defaults. */
export function localServer(engine: 'postgres' | 'sqlserver'): ServerSettings {
  return engine === 'postgres'
    ? { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'dw_ecommerce', stack: false }
    : { host: '127.0.0.1', port: 1433, user: 'sa', stack: false };
}

/**
 * The dw-workbench.json of a new project for the engine. Every ETL entity registers active
 * (`ETL_ACTIVE_ENTITIES`), so the first "all active entities" run loads the whole star.
 * No `$schema` key: the extension associates the schema with every dw-workbench.json
 * (contributes.jsonValidation), and a URL here would make VS Code try to fetch it and warn.
 */
export function projectTemplate(engine: EngineName, name: string, server?: ServerSettings): ProjectFile {
  const common = {
    name,
    variables: { DIM_DATA_START: '2020-01-01', DIM_DATA_END: '2030-12-31', ETL_ACTIVE_ENTITIES: 'all' },
    bootstrap: { steps: defaultBootstrapSteps(engine) },
    etl: { entitiesDir: 'etl/entities', onLocked: 'wait' as const, lockTimeoutSeconds: 60 },
  };
  if (engine === 'pglite') return { ...common, engine, connection: { dataDir: '.dw/pglite' } };
  const s = server ?? stackServer(engine);
  const connection = { host: s.host, port: s.port, user: s.user };
  if (engine === 'postgres') {
    const database = s.database ?? 'dw_ecommerce';
    return {
      ...common,
      engine,
      connection,
      databases: { oltp: database, dw: database },
      ...(s.stack ? { stack: { composeFile: 'docker/compose.postgres.yml', serverService: 'postgres', healthTimeoutSeconds: 180 } } : {}),
    };
  }
  return {
    ...common,
    engine,
    // A local development server's certificate is self-signed; the stack's always is.
    connection: { ...connection, encrypt: true, trustServerCertificate: isLocalHost(s.host) },
    databases: { oltp: 'ECOMMERCE_OLTP', dw: 'DW_ECOMMERCE' },
    ...(s.stack ? { stack: { composeFile: 'docker/compose.sqlserver.yml', serverService: 'sqlserver', healthTimeoutSeconds: 300 } } : {}),
  };
}

function isLocalHost(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '::1';
}

/** Keeps secrets and local engine data out of git. */
export const GITIGNORE = ['# DW Workbench', '.env', '.dw/', ''].join('\n');

/** Names of the secrets compose and the bootstrap read; values are never written here. */
export function envExample(engine: EngineName, stack = true): string {
  if (engine === 'pglite') return '# The embedded engine needs no secrets.\n';
  if (!stack) {
    return ['# Copy to .env (git-ignored). The dwb CLI reads the server password from DWB_PASSWORD',
      '# (VS Code keeps it in its secret storage: DW: Set Password).', 'DWB_PASSWORD=', 'ETL_MONITOR_PASSWORD=', 'ETL_BACKUP_PASSWORD=', ''].join('\n');
  }
  const lines = ['# Copy to .env (git-ignored) or let DW Workbench generate it: DW: Start Stack.'];
  lines.push(engine === 'sqlserver' ? 'MSSQL_SA_PASSWORD=' : 'POSTGRES_PASSWORD=', 'ETL_MONITOR_PASSWORD=', 'ETL_BACKUP_PASSWORD=');
  return lines.join('\n') + '\n';
}
