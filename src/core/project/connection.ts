import path from 'node:path';
import type { ConnectionConfig } from '../engine/config';
import type { Project } from './types';

export type DatabaseRole = 'oltp' | 'dw';

/** Database names when the project file does not name them (the users' names on SQL Server). */
const DEFAULT_DATABASES = {
  sqlserver: { oltp: 'ECOMMERCE_OLTP', dw: 'DW_ECOMMERCE' },
  // PostgreSQL cannot join across databases, so by default one database holds every schema.
  postgres: { oltp: 'dw_ecommerce', dw: 'dw_ecommerce' },
  pglite: { oltp: 'dw_ecommerce', dw: 'dw_ecommerce' },
} as const;

const DEFAULT_PORTS = { sqlserver: 1433, postgres: 5432 } as const;

export const DEFAULT_PGLITE_DIR = '.dw/pglite';
export const DEFAULT_PASSWORD_ENV = 'DWB_PASSWORD';

export function databaseName(project: Project, role: DatabaseRole): string {
  return project.config.databases?.[role] ?? DEFAULT_DATABASES[project.config.engine][role];
}

/** The environment variable the CLI reads the password from. */
export function passwordEnvName(project: Project): string {
  return project.config.connection.passwordEnv ?? DEFAULT_PASSWORD_ENV;
}

/**
 * The connection to one of the project's databases. The password comes from the caller
 * (SecretStorage in VS Code, the environment in the CLI), never from the project file.
 */
export function connectionConfig(project: Project, role: DatabaseRole, password?: string): ConnectionConfig {
  const { engine, connection } = project.config;
  const database = databaseName(project, role);
  if (engine === 'pglite') {
    return { engine, database, dataDir: path.resolve(project.root, connection.dataDir ?? DEFAULT_PGLITE_DIR) };
  }
  return {
    engine,
    host: connection.host ?? '127.0.0.1',
    port: connection.port ?? DEFAULT_PORTS[engine],
    database,
    user: connection.user ?? (engine === 'sqlserver' ? 'sa' : 'postgres'),
    ...(password === undefined ? {} : { password }),
    ...(connection.encrypt === undefined ? {} : { encrypt: connection.encrypt }),
    ...(connection.trustServerCertificate === undefined ? {} : { trustServerCertificate: connection.trustServerCertificate }),
    connectTimeoutMs: (connection.connectTimeoutSeconds ?? 15) * 1000,
    applicationName: 'DW Workbench',
    dockerStack: project.config.stack !== undefined,
  };
}

/** Whether the engine needs a password at all (PGlite does not). */
export function needsPassword(project: Project): boolean {
  return project.config.engine !== 'pglite';
}
