import type { BulkColumn, Engine } from '../engine/types';
import { physicalName, qualifiedName } from '../warehouse/names';
import type { TableSpec } from '../warehouse/spec';
import { planFor, type GenerationPlan } from './plan';
import { multiRowInsert } from './sqlLiteral';
import { generatedTables, type GeneratedTable } from './tables';

/** Loads the deterministic synthetic OLTP data into `core` through the Engine. */
export class OltpNotEmptyError extends Error {
  constructor(readonly table: string) {
    super(`Table ${table} already has rows; generated data loads only into an empty OLTP. Use a new database, or run the incremental step instead.`);
    this.name = 'OltpNotEmptyError';
  }
}

export class IdentityMismatchError extends Error {
  constructor(readonly table: string, expected: number, actual: string) {
    super(`After loading ${table}, ids are ${actual} instead of 1..${expected}: the table's identity was not fresh. Recreate the OLTP tables and load again.`);
    this.name = 'IdentityMismatchError';
  }
}

export interface LoadOptions {
  readonly scale: number;
  readonly seed: number;
  /** 'bulk' (the Engine's bulk load, default) or 'insert' (multi-row INSERTs: the benchmark's baseline). */
  readonly method?: 'bulk' | 'insert';
  readonly insertRowsPerStatement?: number;
  readonly onTable?: (event: { readonly table: string; readonly rows: number }) => void;
  readonly signal?: AbortSignal;
}

export interface LoadSummary {
  readonly plan: GenerationPlan;
  readonly rows: Readonly<Record<string, number>>;
  readonly totalRows: number;
}

/**
 * SQL Server's bulk load cannot keep identity values, so there the identity column is left out
 * and the server numbers rows 1..n in load order (checked afterwards); PostgreSQL's
 * BY DEFAULT identities accept the generated ids, and the sequences are moved past them.
 */
function loadedColumns(engine: Engine, spec: TableSpec): BulkColumn[] {
  return spec.columns
    .filter((c) => !(engine.dialect === 'sqlserver' && c.identity === true))
    .map((c) => ({ name: c.name, type: c.type, nullable: c.nullable }));
}

function* project(rows: Iterable<unknown[]>, keep: readonly number[]): Generator<unknown[]> {
  for (const row of rows) yield keep.map((i) => row[i]);
}

async function assertEmpty(engine: Engine, spec: TableSpec): Promise<void> {
  const name = qualifiedName(spec, engine.dialect);
  const sql = engine.dialect === 'sqlserver' ? `SELECT TOP 1 1 AS x FROM ${name}` : `SELECT 1 AS x FROM ${name} LIMIT 1`;
  const result = await engine.query(sql);
  if (result.rows.length > 0) throw new OltpNotEmptyError(name);
}

async function insertInBatches(engine: Engine, table: GeneratedTable, columns: readonly BulkColumn[], rows: Iterable<unknown[]>, per: number, signal?: AbortSignal): Promise<number> {
  const name = qualifiedName(table.spec, engine.dialect);
  const described = columns.map((c) => ({ name: c.name, isDate: c.type.kind === 'date' }));
  let batch: unknown[][] = [];
  let total = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await engine.batch(multiRowInsert(name, described, batch, engine.dialect), signal === undefined ? {} : { signal });
    total += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= per) await flush();
  }
  await flush();
  return total;
}

async function syncIdentity(engine: Engine, spec: TableSpec, loaded: number): Promise<void> {
  const id = spec.primaryKey;
  const name = qualifiedName(spec, engine.dialect);
  if (engine.dialect === 'postgres') {
    await engine.query(`SELECT setval(pg_get_serial_sequence('${name}', '${id}'), (SELECT coalesce(max(${id}), 0) + 1 FROM ${name}), false)`);
    return;
  }
  const r = await engine.query<{ lo: unknown; hi: unknown; n: unknown }>(`SELECT MIN(${id}) AS lo, MAX(${id}) AS hi, COUNT_BIG(*) AS n FROM ${name}`);
  const row = r.rows[0];
  const ok = loaded === 0 || (Number(row?.lo) === 1 && Number(row?.hi) === loaded && Number(row?.n) === loaded);
  if (!ok) throw new IdentityMismatchError(name, loaded, `${String(row?.lo)}..${String(row?.hi)}`);
}

export async function loadGenerated(engine: Engine, options: LoadOptions): Promise<LoadSummary> {
  const plan = planFor(options.scale, options.seed);
  for (const table of generatedTables) await assertEmpty(engine, table.spec);
  const rows: Record<string, number> = {};
  let totalRows = 0;
  for (const table of generatedTables) {
    const columns = loadedColumns(engine, table.spec);
    const keep = columns.map((c) => table.columns.indexOf(c.name));
    const source = project(table.rows(plan), keep);
    const target = physicalName(table.spec, engine.dialect);
    const n = options.method === 'insert'
      ? await insertInBatches(engine, table, columns, source, options.insertRowsPerStatement ?? 500, options.signal)
      : await engine.bulkLoad(target, columns, source, options.signal === undefined ? {} : { signal: options.signal });
    await syncIdentity(engine, table.spec, n);
    rows[table.spec.name] = n;
    totalRows += n;
    options.onTable?.({ table: qualifiedName(table.spec, engine.dialect), rows: n });
  }
  return { plan, rows, totalRows };
}
