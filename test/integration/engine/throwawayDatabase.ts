import pg from 'pg';

/** The local PostgreSQL every machine runs (trust auth on 127.0.0.1). */
export const localPostgres = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const;

export interface ThrowawayDatabase {
  readonly name: string;
  drop(): Promise<void>;
}

async function onMaintenanceDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...localPostgres, database: 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database with a unique name, dropped (with its connections) by `drop()`. */
export async function createThrowawayDatabase(prefix = 'dwb_test'): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  await onMaintenanceDatabase((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    drop: () => onMaintenanceDatabase(async (c) => { await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); }),
  };
}

/** Runs SQL as the superuser on the maintenance database (roles are cluster-wide). */
export function asSuperuser(sql: string): Promise<unknown> {
  return onMaintenanceDatabase((c) => c.query(sql));
}
