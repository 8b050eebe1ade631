import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createEngine } from '../../../../src/core/engine/factory';
import type { Engine } from '../../../../src/core/engine/types';
import { loadGenerated } from '../../../../src/core/generate/load';
import { splitTsql } from '../../../../src/core/script/tsqlSplitter';
import { warehouseScripts } from '../../../../src/core/warehouse/scripts';

export interface MssqlConfig {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/** `host=..;port=..;user=..;password=..` from DW_TEST_MSSQL; undefined when no server is configured. */
export function mssqlConfig(): MssqlConfig | undefined {
  const raw = process.env['DW_TEST_MSSQL'];
  if (raw === undefined || raw === '') return undefined;
  const parts = new Map(raw.split(';').filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()] as const));
  return { host: parts.get('host') ?? '127.0.0.1', port: Number(parts.get('port') ?? 1433), user: parts.get('user') ?? 'sa', password: parts.get('password') ?? '' };
}

export const NO_MSSQL = 'SQL Server cannot run on this machine; set DW_TEST_MSSQL="host=..;port=..;user=sa;password=.." (a throw-away instance) to run it';

export function openMssql(c: MssqlConfig, database: string, extra: { poolMax?: number } = {}): Promise<Engine> {
  return createEngine({ engine: 'sqlserver', ...c, database, trustServerCertificate: true, ...extra });
}

/** The shipped calendar (2020-2030: the generated targets are of 2024-2025, the oracle moves some to 2026), one active entity. */
const VARIABLES = { DIM_DATA_START: '2020-01-01', DIM_DATA_END: '2030-12-31', ETL_ACTIVE_ENTITIES: 'dim_cliente' };

async function runScripts(engine: Engine, files: readonly string[]): Promise<void> {
  const session = await engine.session();
  try {
    for (const relative of files) {
      const file = path.resolve(__dirname, '../../../../sql', relative);
      const plan = await splitTsql(await readFile(file, 'utf8'), { file, readFile: (p) => readFile(p), variables: VARIABLES });
      for (const b of plan.batches) await session.batch(b.text);
    }
  } finally {
    await session.release();
  }
}

/** One shipped T-SQL script (`dw/08_connection_audit.sql`, under sql/sqlserver), batch by batch. */
export function runWarehouseScript(engine: Engine, relative: string): Promise<void> {
  return runScripts(engine, [`sqlserver/${relative}`]);
}

/** The shipped OLTP and warehouse scripts: ECOMMERCE_OLTP and DW_ECOMMERCE on one instance, as users run them. */
export function bootstrapTwoDatabases(engine: Engine): Promise<void> {
  return runScripts(engine, warehouseScripts('sqlserver').filter((x) => x.group === 'oltp' || x.group === 'dw').map((x) => x.path));
}

/** Whether the server is Babelfish for PostgreSQL (SERVERPROPERTY('Babelfish') is NULL on SQL Server). */
export async function isBabelfish(engine: Engine): Promise<boolean> {
  const r = await engine.query<{ b: unknown }>("SELECT CAST(SERVERPROPERTY('Babelfish') AS nvarchar(10)) AS b");
  return r.rows[0]?.b !== null && r.rows[0]?.b !== undefined;
}

export interface SqlServerWarehouse {
  readonly oltp: Engine;
  readonly dw: Engine;
  readonly config: MssqlConfig;
  close(): Promise<void>;
}

/**
 * Both databases dropped and built again from the shipped scripts, the OLTP filled by the
 * generator at `scale` (multi-row INSERTs: fresh identities, no bulk load), every entity's
 * control row at cutoff 0 and `batchSize`.
 */
export async function freshSqlServerWarehouse(c: MssqlConfig, o: { scale: number; seed: number; batchSize: number }): Promise<SqlServerWarehouse> {
  const master = await openMssql(c, 'master');
  try {
    for (const db of ['DW_ECOMMERCE', 'ECOMMERCE_OLTP']) await master.batch(`IF DB_ID(N'${db}') IS NOT NULL DROP DATABASE ${db}`);
    await bootstrapTwoDatabases(master);
  } finally {
    await master.close();
  }
  const oltp = await openMssql(c, 'ECOMMERCE_OLTP', { poolMax: 4 });
  const dw = await openMssql(c, 'DW_ECOMMERCE', { poolMax: 4 });
  try {
    await loadGenerated(oltp, { scale: o.scale, seed: o.seed, method: 'insert' });
    await dw.query('UPDATE ctl.etl_control SET cutoff_minutes = 0, batch_size = @p1', [o.batchSize]);
  } catch (e) {
    await oltp.close();
    await dw.close();
    throw e;
  }
  return { oltp, dw, config: c, close: async () => { await oltp.close(); await dw.close(); } };
}

/** The PostgreSQL side of the Babelfish cluster (DW_TEST_PG_PASSWORD_AUTH), where a TDS session can be ended (KILL is not supported over TDS). */
export function babelfishPostgres(): Promise<Engine> | undefined {
  const raw = process.env['DW_TEST_PG_PASSWORD_AUTH'];
  if (raw === undefined || raw === '') return undefined;
  const p = new Map(raw.split(';').filter((x) => x.includes('=')).map((x) => [x.slice(0, x.indexOf('=')).trim(), x.slice(x.indexOf('=') + 1).trim()] as const));
  return createEngine({ engine: 'postgres', host: p.get('host') ?? '127.0.0.1', port: Number(p.get('port') ?? 5432), user: p.get('user') ?? 'postgres', password: p.get('password') ?? '', database: p.get('database') ?? 'postgres' });
}

export const NO_BABELFISH_POSTGRES = 'ending a TDS session needs the PostgreSQL side of the Babelfish cluster (KILL is not supported there): set DW_TEST_PG_PASSWORD_AUTH="host=..;port=..;user=..;password=..;database=.." (.ci/setup-babelfish.sh env)';
