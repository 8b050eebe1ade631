import type { Context } from 'mocha';
import { Client, type QueryResultRow } from 'pg';
import { skipBecause } from '../../support/skip';
import { createThrowawayDatabase, localPostgres, type ThrowawayDatabase } from '../../support/throwawayDatabase';

/** A throw-away database on the machine's PostgreSQL (127.0.0.1:5432, trust auth). */
export interface SuiteDatabase {
  /** The database's name (set once `before` has run). */
  readonly name: string;
  /** Runs one query on the database, on a connection of its own. */
  query<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** For `before`: skips the block visibly when the machine's PostgreSQL does not answer. */
export async function skipWithoutPostgres(ctx: Context): Promise<void> {
  const probe = new Client({ ...localPostgres, database: 'postgres' });
  try {
    await probe.connect();
  } catch (e) {
    skipBecause(ctx, `no PostgreSQL at ${localPostgres.host}:${localPostgres.port} (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/**
 * Registers the hooks of a describe block that needs its own PostgreSQL database: created in
 * `before` (the block skips visibly when no server answers), dropped in `after`. Call it before
 * `windowPerSuite`, so the database exists when the window opens on a project naming it.
 */
export function postgresDatabasePerSuite(prefix = 'dwb_e2e'): SuiteDatabase {
  let db: ThrowawayDatabase | undefined;
  before(async function () {
    await skipWithoutPostgres(this);
    db = await createThrowawayDatabase(prefix);
  });
  after(async () => db?.drop());
  const name = (): string => {
    if (db === undefined) throw new Error('the suite database was not created (see the before hook)');
    return db.name;
  };
  return {
    get name() {
      return name();
    },
    async query<R extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
      const c = new Client({ ...localPostgres, database: name() });
      await c.connect();
      try {
        return (await c.query<R>(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
  };
}
