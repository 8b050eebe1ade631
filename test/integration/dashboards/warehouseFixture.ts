import { spawn } from 'node:child_process';
import path from 'node:path';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import { warehouseScripts } from '../../../src/core/warehouse';
import { createThrowawayDatabase, localPostgres, type ThrowawayDatabase } from '../../support/throwawayDatabase';

const root = path.resolve(__dirname, '../../..');

export interface FixtureSize {
  readonly sales: number;
  readonly runs: number;
  readonly events: number;
  /** Days of history the runs span (default 14) and the connection events span (default 3). */
  readonly runDays?: number;
  readonly eventDays?: number;
}

export interface DashboardWarehouse {
  readonly engine: Engine;
  readonly database: ThrowawayDatabase;
  close(): Promise<void>;
}

/** psql as data: the warehouse scripts use psql variables (`:'DIM_DATA_START'`). */
function psql(database: string, file: string, variables: Record<string, string | number>): Promise<void> {
  const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', localPostgres.host, '-p', String(localPostgres.port), '-U', localPostgres.user, '-d', database];
  for (const [k, v] of Object.entries(variables)) args.push('-v', `${k}=${v}`);
  args.push('-f', file);
  return new Promise((resolve, reject) => {
    const child = spawn('psql', args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql ${path.basename(file)} exited ${code}: ${stderr}`))));
  });
}

/**
 * A throw-away PostgreSQL warehouse built with the project's own scripts (OLTP + DW, no roles),
 * filled with deterministic sales and ETL/audit history (fixture.sql).
 */
export async function createDashboardWarehouse(size: FixtureSize): Promise<DashboardWarehouse> {
  const database = await createThrowawayDatabase('dwb_dash');
  try {
    for (const script of warehouseScripts('postgres').filter((s) => s.group !== 'security')) {
      await psql(database.name, path.join(root, 'sql', script.path), { DIM_DATA_START: '2023-01-01', DIM_DATA_END: '2026-12-31', ETL_ACTIVE_ENTITIES: 'dim_cliente' });
    }
    await psql(database.name, path.join(__dirname, 'fixture.sql'), {
      sales: size.sales, runs: size.runs, events: size.events, run_days: size.runDays ?? 14, event_days: size.eventDays ?? 3,
    });
    const engine = await createEngine({ engine: 'postgres', ...localPostgres, database: database.name });
    return {
      engine,
      database,
      close: async () => {
        await engine.close();
        await database.drop();
      },
    };
  } catch (e) {
    await database.drop();
    throw e;
  }
}
