import { pgIdentifier } from '../engine/identifiers';
import type { Dialect, Engine } from '../engine/types';

/** The catalog queries a bootstrap condition needs, per dialect. */
interface ConditionSql {
  readonly tableExists: string;
  tableHasRows(qualified: string): string;
}

const SQL: Readonly<Record<Dialect, ConditionSql>> = {
  sqlserver: {
    tableExists: 'SELECT 1 AS x FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = @p1 AND TABLE_NAME = @p2',
    tableHasRows: (q) => `SELECT TOP 1 1 AS x FROM ${q}`,
  },
  postgres: {
    // Unquoted names fold to lower case in PostgreSQL: compare the way the scripts created them.
    tableExists: 'SELECT 1 AS x FROM information_schema.tables WHERE table_schema = lower($1) AND table_name = lower($2)',
    tableHasRows: (q) => `SELECT 1 AS x FROM ${q} LIMIT 1`,
  },
};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export async function tableExists(engine: Engine, schema: string, table: string): Promise<boolean> {
  return (await engine.query(SQL[engine.dialect].tableExists, [schema, table])).rows.length > 0;
}

/** Only called with names the project schema already restricted to plain identifiers. */
export async function tableHasRows(engine: Engine, schema: string, table: string): Promise<boolean> {
  if (!IDENTIFIER.test(schema) || !IDENTIFIER.test(table)) throw new Error(`Not a plain identifier: ${schema}.${table}`);
  return (await engine.query(SQL[engine.dialect].tableHasRows(`${schema}.${table}`))).rows.length > 0;
}

/**
 * PostgreSQL scripts cannot create the database they run in, so the bootstrap does, from the
 * maintenance database. SQL Server's scripts create theirs (CREATE DATABASE in oltp/00, dw/00);
 * PGlite has exactly one.
 */
export async function createMissingDatabase(server: Engine, name: string): Promise<boolean> {
  if (server.kind !== 'postgres') return false;
  const found = await server.query('SELECT 1 AS x FROM pg_database WHERE datname = $1', [name]);
  if (found.rows.length > 0) return false;
  // An identifier cannot be a parameter: quote it, doubling any quote inside.
  await server.batch(`CREATE DATABASE ${pgIdentifier(name)}`);
  return true;
}
