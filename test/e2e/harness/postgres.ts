import { randomBytes } from 'node:crypto';
import { Client, type QueryResultRow } from 'pg';
import { skipBecause } from '../../support/skip';

/** A throw-away database on the machine's PostgreSQL (127.0.0.1:5432, trust auth). */
export interface SuiteDatabase {
  readonly name: string;
  /** Runs one query on the database, on a connection of its own. */
  query<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
}

const client = (database: string): Client => new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database });

/**
 * Registers the hooks of a describe block that needs its own PostgreSQL database: created in
 * `before` (the block skips visibly when no server answers), dropped in `after`. Call it before
 * `windowPerSuite`, so the database exists when the window opens on a project naming it.
 */
export function postgresDatabasePerSuite(prefix = 'dwb_e2e'): SuiteDatabase {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  let created = false;
  before(async function () {
    const admin = client('postgres');
    try {
      await admin.connect();
    } catch (e) {
      skipBecause(this, `no PostgreSQL at 127.0.0.1:5432 (${e instanceof Error ? e.message : String(e)})`);
    }
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      created = true;
    } finally {
      await admin.end();
    }
  });
  after(async () => {
    if (!created) return;
    const admin = client('postgres');
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  });
  return {
    name,
    async query<R extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
      const c = client(name);
      await c.connect();
      try {
        return (await c.query<R>(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
  };
}
