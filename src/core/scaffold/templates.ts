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

/** The dw-workbench.json of a new project for the engine. */
/**
 * No `$schema` key: the extension associates the schema with every dw-workbench.json
 * (contributes.jsonValidation), and a URL here would make VS Code try to fetch it and warn.
 */
export function projectTemplate(engine: EngineName, name: string): ProjectFile {
  const common = {
    name,
    variables: { DIM_DATA_START: '2020-01-01', DIM_DATA_END: '2030-12-31' },
    bootstrap: { steps: defaultBootstrapSteps(engine) },
    etl: { entitiesDir: 'etl/entities', onLocked: 'wait' as const, lockTimeoutSeconds: 60 },
  };
  switch (engine) {
    case 'pglite':
      return { ...common, engine, connection: { dataDir: '.dw/pglite' } };
    case 'postgres':
      return {
        ...common,
        engine,
        connection: { host: '127.0.0.1', port: 5433, user: 'postgres' },
        databases: { oltp: 'dw_ecommerce', dw: 'dw_ecommerce' },
        stack: { composeFile: 'docker/compose.postgres.yml', serverService: 'postgres', healthTimeoutSeconds: 180 },
      };
    case 'sqlserver':
      return {
        ...common,
        engine,
        connection: { host: '127.0.0.1', port: 1433, user: 'sa', encrypt: true, trustServerCertificate: true },
        databases: { oltp: 'ECOMMERCE_OLTP', dw: 'DW_ECOMMERCE' },
        stack: { composeFile: 'docker/compose.sqlserver.yml', serverService: 'sqlserver', healthTimeoutSeconds: 300 },
      };
  }
}

/** Keeps secrets and local engine data out of git. */
export const GITIGNORE = ['# DW Workbench', '.env', '.dw/', ''].join('\n');

/** Names of the secrets compose and the bootstrap read; values are never written here. */
export function envExample(engine: EngineName): string {
  const lines = ['# Copy to .env (git-ignored) or let DW Workbench generate it: DW: Start Stack.'];
  if (engine === 'sqlserver') lines.push('MSSQL_SA_PASSWORD=', 'ETL_MONITOR_PASSWORD=', 'ETL_BACKUP_PASSWORD=');
  if (engine === 'postgres') lines.push('POSTGRES_PASSWORD=', 'ETL_MONITOR_PASSWORD=', 'ETL_BACKUP_PASSWORD=');
  if (engine === 'pglite') lines.push('# The embedded engine needs no secrets.');
  return lines.join('\n') + '\n';
}
