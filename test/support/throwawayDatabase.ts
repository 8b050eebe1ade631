import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ServerConnectionConfig } from '../../src/core/engine/config';

/**
 * Throw-away databases for integration tests: a uniquely named database on the local PostgreSQL
 * server (127.0.0.1:5432, trust auth), and a PGlite data dir when a test asks for one. Created
 * and dropped through a connection to the maintenance database, not the psql tools.
 */

/** The local PostgreSQL every machine runs (trust auth on 127.0.0.1). */
export const localPostgres = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const;

/** A connection config for `database` on the local server. */
export function postgresConnection(database: string): ServerConnectionConfig {
  return { engine: 'postgres', ...localPostgres, database };
}

let counter = 0;

/**
 * A database name unique across processes and calls: prefix, pid, time, a counter and a random
 * part (lower case, so it needs no quoting in psql or a connection string).
 */
export function throwawayName(prefix = 'dwb_test'): string {
  counter += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}_${Math.floor(Math.random() * 1e6)}`;
}

async function onMaintenanceDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...localPostgres, database: 'postgres' });
  // The server may drop this connection (a test terminating backends): never an uncaught 'error'.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs SQL as the superuser on the maintenance database (roles are cluster-wide). */
export function asSuperuser(sql: string): Promise<pg.QueryResult> {
  return onMaintenanceDatabase((c) => c.query(sql));
}

/** CREATE DATABASE `name` (a name from throwawayName, or one the test chose). */
export async function createDatabase(name: string): Promise<void> {
  try {
    await onMaintenanceDatabase((c) => c.query(`CREATE DATABASE "${name}"`));
  } catch (e) {
    throw new Error(`CREATE DATABASE ${name} on ${localPostgres.host}:${localPostgres.port}: ${(e as Error).message}`, { cause: e });
  }
}

/** Whether a database of that name exists on the local server. */
export async function databaseExists(name: string): Promise<boolean> {
  const result = await onMaintenanceDatabase((c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]));
  return result.rowCount === 1;
}

/** Drops `name` with its open connections; a database that is not there is fine. */
export async function dropDatabase(name: string): Promise<void> {
  await onMaintenanceDatabase(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

export interface ThrowawayDatabase {
  readonly name: string;
  /** A fresh, empty PGlite data dir, when asked for (`{ pglite: true }`); removed by drop(). */
  readonly pgliteDataDir?: string;
  /** Drops the database (with its connections) and removes the PGlite dir; safe to call twice. */
  drop(): Promise<void>;
}

/** A fresh database with a unique name (and a PGlite data dir when asked), dropped by `drop()`. */
export async function createThrowawayDatabase(
  prefix = 'dwb_test',
  options: { readonly pglite?: boolean } = {},
): Promise<ThrowawayDatabase> {
  const name = throwawayName(prefix);
  await createDatabase(name);
  const root = options.pglite === true ? mkdtempSync(path.join(tmpdir(), `${prefix}-pglite-`)) : undefined;
  return {
    name,
    ...(root === undefined ? {} : { pgliteDataDir: path.join(root, 'data') }),
    drop: async () => {
      if (root !== undefined) rmSync(root, { recursive: true, force: true });
      await dropDatabase(name);
    },
  };
}
