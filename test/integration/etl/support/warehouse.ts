import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createEngine } from '../../../../src/core/engine/factory';
import type { Engine } from '../../../../src/core/engine/types';

const root = path.resolve(__dirname, '../../../..');
/** The shipped scripts dim_cliente needs (the calendar takes psql variables and is not needed). */
const SCRIPTS = [
  'oltp/01_schema.sql',
  'oltp/02_tables.sql',
  'oltp/03_indexes.sql',
  'dw/01_schemas.sql',
  'dw/02_dimensions.sql',
  'dw/06_etl_control.sql',
];

export interface TestWarehouse {
  readonly engine: Engine;
  /** A second engine on the same database, for sessions the runner does not own (killers, probes). */
  readonly name: string;
  close(): Promise<void>;
}

export const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const;

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ ...PG, database: 'postgres' });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export async function applyWarehouseScripts(engine: Engine): Promise<void> {
  for (const s of SCRIPTS) await engine.batch(readFileSync(path.join(root, 'sql/postgres', s), 'utf8'));
}

/** A throw-away PostgreSQL database with OLTP and warehouse schemas (one database, as shipped). */
export async function createPostgresWarehouse(tag: string): Promise<TestWarehouse> {
  const name = `dwb_etl_${tag}_${process.pid}_${Date.now().toString(36)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const engine = await createEngine({ engine: 'postgres', ...PG, database: name, poolMax: 4 });
  await applyWarehouseScripts(engine);
  return {
    engine,
    name,
    async close() {
      await engine.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export async function createPgliteWarehouse(): Promise<TestWarehouse> {
  const engine = await createEngine({ engine: 'pglite', database: 'dw' });
  await applyWarehouseScripts(engine);
  return { engine, name: 'pglite', close: () => engine.close() };
}

/** Opens another engine on a test database (a fresh pool: dead connections from a kill stay behind). */
export function reopen(name: string): Promise<Engine> {
  return createEngine({ engine: 'postgres', ...PG, database: name, poolMax: 4 });
}

/** Terminates every other backend on the database: the connection loss of a crash. */
export async function killConnections(name: string): Promise<number> {
  return admin(async (c) => {
    const r = await c.query<{ n: string }>(
      'SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    return Number(r.rows[0]?.n ?? 0);
  });
}

/** Empties source, target and ETL state between tests on one database (faster than a new one). */
export async function resetWarehouse(engine: Engine): Promise<void> {
  await engine.batch(`
    TRUNCATE core.order_items, core.orders, core.customers, core.regions RESTART IDENTITY CASCADE;
    TRUNCATE dim.dim_cliente RESTART IDENTITY;
    TRUNCATE audit.etl_run_entity, audit.etl_run RESTART IDENTITY CASCADE;
    DROP TABLE IF EXISTS audit.etl_reject;
    UPDATE ctl.etl_control SET watermark_updated_at = '1900-01-01', watermark_id = 0, last_run_id = NULL,
      last_status = NULL, last_success_at = NULL, batch_size = 1000, cutoff_minutes = 2`);
}
