import type { EngineKind } from './types';

/**
 * How to reach one database. Built from the project file plus a password that comes from
 * SecretStorage (extension) or the environment (CLI); the password is never written to disk,
 * a log or an error message.
 */
export type ConnectionConfig = ServerConnectionConfig | PgliteConnectionConfig;

export interface ServerConnectionConfig {
  readonly engine: 'sqlserver' | 'postgres';
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly password?: string;
  /** SQL Server: encrypt the connection (default true). PostgreSQL: use TLS (default false). */
  readonly encrypt?: boolean;
  /** Accept a self-signed server certificate (localhost development stacks). */
  readonly trustServerCertificate?: boolean;
  readonly connectTimeoutMs?: number;
  readonly poolMax?: number;
  /** Shown as the program name in the server's session views (connection audit). */
  readonly applicationName?: string;
  /** The project runs this server in its Docker stack (error messages then point at the stack). */
  readonly dockerStack?: boolean;
}

export interface PgliteConnectionConfig {
  readonly engine: 'pglite';
  /** Data directory; undefined for an in-memory database. */
  readonly dataDir?: string;
  /** Logical database name used by the project (PGlite has one database per data dir). */
  readonly database: string;
}

export function describeTarget(config: ConnectionConfig): string {
  return config.engine === 'pglite'
    ? `PGlite ${config.dataDir ?? '(in memory)'}`
    : `${config.host}:${config.port}/${config.database}`;
}

export function engineKindOf(config: ConnectionConfig): EngineKind {
  return config.engine;
}
