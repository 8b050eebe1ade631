import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../../../../src/core/engine/factory';
import type { Engine } from '../../../../src/core/engine/types';
import { defaultScriptVariables } from '../../../../src/core/warehouse/scripts';
import { asSuperuser, createThrowawayDatabase, localPostgres, postgresConnection } from '../../../support/throwawayDatabase';

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

export const PG = localPostgres;

/**
 * The scripts as the server takes them: the one psql variable they use (06_etl_control.sql's
 * ETL_ACTIVE_ENTITIES) is given its shipped default, as the bootstrap does.
 */
export async function applyWarehouseScripts(engine: Engine): Promise<void> {
  const active = `'${defaultScriptVariables['ETL_ACTIVE_ENTITIES'] ?? ''}'`;
  for (const s of SCRIPTS) await engine.batch(readFileSync(path.join(root, 'sql/postgres', s), 'utf8').replaceAll(":'ETL_ACTIVE_ENTITIES'", active));
}

/** A throw-away PostgreSQL database with OLTP and warehouse schemas (one database, as shipped). */
export async function createPostgresWarehouse(tag: string): Promise<TestWarehouse> {
  const scratch = await createThrowawayDatabase(`dwb_etl_${tag}`);
  const engine = await createEngine({ ...postgresConnection(scratch.name), poolMax: 4 });
  await applyWarehouseScripts(engine);
  return {
    engine,
    name: scratch.name,
    async close() {
      await engine.close();
      await scratch.drop();
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
  return createEngine({ ...postgresConnection(name), poolMax: 4 });
}

/** Terminates every other backend on the database: the connection loss of a crash. */
export async function killConnections(name: string): Promise<number> {
  const r = await asSuperuser(
    `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = '${name.replace(/'/g, "''")}' AND pid <> pg_backend_pid()`,
  );
  return Number((r.rows[0] as { n?: string } | undefined)?.n ?? 0);
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
