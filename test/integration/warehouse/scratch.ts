import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../../../src/core/engine/types';
import { splitPostgres } from '../../../src/core/script/pgSplitter';
import { warehouseScripts, type WarehouseScript } from '../../../src/core/warehouse/scripts';
import { localPostgres as PG } from '../../support/throwawayDatabase';

/**
 * Warehouse script runs (psql and PGlite) for warehouse tests; the throw-away databases they run
 * on come from test/support/throwawayDatabase.ts.
 */
export const repoRoot = path.resolve(__dirname, '../../..');

export const testVariables: Readonly<Record<string, string>> = {
  DIM_DATA_START: '2023-01-01',
  DIM_DATA_END: '2026-12-31',
  ETL_MONITOR_PASSWORD: 'monitor-test-password',
  ETL_BACKUP_PASSWORD: 'backup-test-password',
  ETL_ACTIVE_ENTITIES: 'dim_cliente',
};

function run(command: string, args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

export function psqlFile(database: string, script: WarehouseScript, variables = testVariables): { status: number; stdout: string; stderr: string } {
  const vars = Object.entries(variables).flatMap(([k, v]) => ['-v', `${k}=${v}`]);
  return run('psql', ['-X', '-q', '-h', PG.host, '-p', String(PG.port), '-U', PG.user, '-d', database,
    '-v', 'ON_ERROR_STOP=1', ...vars, '-f', path.join(repoRoot, 'sql', script.path)]);
}

/** Runs every PostgreSQL warehouse script with psql; returns the server notices. */
export function bootstrapWithPsql(
  database: string,
  options: { readonly skipSecurity?: boolean; readonly variables?: Readonly<Record<string, string>> } = {},
): string {
  let notices = '';
  for (const script of warehouseScripts('postgres')) {
    if (options.skipSecurity === true && script.group === 'security') continue;
    const r = psqlFile(database, script, { ...testVariables, ...options.variables });
    if (r.status !== 0) throw new Error(`${script.path} failed: ${r.stderr}`);
    notices += r.stderr;
  }
  return notices;
}

/** psql's `:'NAME'` substitution, for running the same files through PGlite's exec. */
export function substitutePsqlVariables(text: string, variables = testVariables): string {
  return text.replace(/:'([A-Za-z_][A-Za-z0-9_]*)'/g, (whole, name: string) => {
    const v = variables[name];
    return v === undefined ? whole : `'${v.replace(/'/g, "''")}'`;
  });
}

export function scriptText(script: WarehouseScript): string {
  return readFileSync(path.join(repoRoot, 'sql', script.path), 'utf8');
}

export function psqlQuery(database: string, sql: string): string {
  const r = run('psql', ['-X', '-At', '-h', PG.host, '-p', String(PG.port), '-U', PG.user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-c', sql]);
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/** Columns (type, null, identity, default) and constraints of a table, as the catalog has them. */
export function definitionOf(db: string, table: string): string {
  return psqlQuery(db, `
    SELECT string_agg(x, E'\\n' ORDER BY k, x) FROM (
      SELECT 1 AS k, a.attnum::text || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' '
          || CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END || ' ' || a.attidentity::text || ' '
          || COALESCE(pg_get_expr(d.adbin, d.adrelid), '') AS x
        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = '${table}'::regclass AND a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT 2, conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '${table}'::regclass
    ) t`);
}

/** Runs the PostgreSQL warehouse scripts through the psql-style splitter, statement by statement. */
export async function bootstrapThroughEngine(engine: Engine): Promise<void> {
  for (const script of warehouseScripts('postgres')) {
    if (script.skipOn.includes(engine.kind)) continue;
    const file = path.join(repoRoot, 'sql', script.path);
    const plan = await splitPostgres(readFileSync(file, 'utf8'), { file, readFile: (p) => readFile(p), variables: testVariables });
    for (const batch of plan.batches) await engine.batch(batch.text);
  }
}
