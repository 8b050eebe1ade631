import type { BulkColumn, Dialect, Engine, Queryable } from '../engine/types';
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
  /**
   * PostgreSQL server: load in one transaction with the OLTP's foreign keys and secondary
   * indexes dropped, then recreate them (default true). See `deferredForLoad`.
   */
  readonly deferConstraints?: boolean;
  readonly seed: number;
  /** 'bulk' (the Engine's bulk load, default) or 'insert' (multi-row INSERTs: the benchmark's baseline). */
  readonly method?: 'bulk' | 'insert';
  readonly insertRowsPerStatement?: number;
  /** Only these tables (e.g. ['regions', 'customers'] for a benchmark); default every OLTP table. */
  readonly tables?: readonly string[];
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
function loadedColumns(dialect: Dialect, spec: TableSpec): BulkColumn[] {
  return spec.columns
    .filter((c) => !(dialect === 'sqlserver' && c.identity === true))
    .map((c) => ({ name: c.name, type: c.type, nullable: c.nullable }));
}

/** The `keep` columns of each row; the rows as they are when every column is kept (PostgreSQL). */
function project(rows: Iterable<unknown[]>, keep: readonly number[], width: number): Iterable<unknown[]> {
  return keep.length === width && keep.every((k, i) => k === i) ? rows : projected(rows, keep);
}

function* projected(rows: Iterable<unknown[]>, keep: readonly number[]): Generator<unknown[]> {
  for (const row of rows) yield keep.map((i) => row[i]);
}

async function assertEmpty(engine: Engine, spec: TableSpec): Promise<void> {
  const name = qualifiedName(spec, engine.dialect);
  const sql = engine.dialect === 'sqlserver' ? `SELECT TOP 1 1 AS x FROM ${name}` : `SELECT 1 AS x FROM ${name} LIMIT 1`;
  const result = await engine.query(sql);
  if (result.rows.length > 0) throw new OltpNotEmptyError(name);
}

async function insertInBatches(
  engine: Queryable, dialect: Dialect, table: GeneratedTable, columns: readonly BulkColumn[], rows: Iterable<unknown[]>, per: number, signal?: AbortSignal,
): Promise<number> {
  const name = qualifiedName(table.spec, dialect);
  const described = columns.map((c) => ({ name: c.name, isDate: c.type.kind === 'date' }));
  let batch: unknown[][] = [];
  let total = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await engine.batch(multiRowInsert(name, described, batch, dialect), signal === undefined ? {} : { signal });
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

async function syncIdentity(engine: Queryable, dialect: Dialect, spec: TableSpec, loaded: number): Promise<void> {
  const id = spec.primaryKey;
  const name = qualifiedName(spec, dialect);
  if (dialect === 'postgres') {
    await engine.query(`SELECT setval(pg_get_serial_sequence('${name}', '${id}'), (SELECT coalesce(max(${id}), 0) + 1 FROM ${name}), false)`);
    return;
  }
  const r = await engine.query<{ lo: unknown; hi: unknown; n: unknown }>(`SELECT MIN(${id}) AS lo, MAX(${id}) AS hi, COUNT_BIG(*) AS n FROM ${name}`);
  const row = r.rows[0];
  const ok = loaded === 0 || (Number(row?.lo) === 1 && Number(row?.hi) === loaded && Number(row?.n) === loaded);
  if (!ok) throw new IdentityMismatchError(name, loaded, `${String(row?.lo)}..${String(row?.hi)}`);
}

function selected(options: LoadOptions): readonly GeneratedTable[] {
  const only = options.tables;
  if (only === undefined) return generatedTables;
  const unknown = only.filter((t) => !generatedTables.some((g) => g.spec.name === t));
  if (unknown.length > 0) throw new RangeError(`Unknown OLTP table(s): ${unknown.join(', ')}.`);
  return generatedTables.filter((g) => only.includes(g.spec.name));
}

export async function loadGenerated(engine: Engine, options: LoadOptions): Promise<LoadSummary> {
  const plan = planFor(options.scale, options.seed);
  for (const table of selected(options)) await assertEmpty(engine, table.spec);
  if (engine.kind !== 'postgres' || options.deferConstraints === false) return loadTables(engine, engine.dialect, plan, options);
  const session = await engine.session();
  try {
    return await session.transaction(async (tx) => {
      const deferred = await deferredForLoad(tx);
      if (deferred === undefined) return loadTables(tx, engine.dialect, plan, options);
      for (const sql of deferred.drop) await tx.query(sql);
      const summary = await loadTables(tx, engine.dialect, plan, options);
      // Indexes first: checking a foreign key reads the referenced table's key index.
      for (const sql of deferred.create) await tx.query(sql);
      return summary;
    });
  } finally {
    await session.release();
  }
}

/**
 * What a PostgreSQL load into the empty OLTP drops and recreates. Measured at scale 2 (408k
 * rows): the server spent 9.0 s of CPU loading with every constraint in place, 3.9 s with the
 * foreign keys dropped (each row fired one RI trigger query per key), and re-adding them
 * validates every row in one set-based pass (0.4 s). Secondary indexes are rebuilt by a sort
 * instead of row-by-row insertion. It all runs in the load's transaction (PostgreSQL's DDL is
 * transactional): a failed or cancelled load rolls back to the tables as they were, constraints
 * included, and no other session sees the tables without them. Undefined when the user does not
 * own every core table (then the rows load with the constraints in place).
 */
async function deferredForLoad(tx: Queryable): Promise<{ drop: string[]; create: string[] } | undefined> {
  const tables = generatedTables.map((t) => `core.${t.spec.name}`);
  const owner = await tx.query<{ owns: boolean | null }>(
    `SELECT bool_and(pg_has_role(c.relowner, 'USAGE')) AS owns FROM pg_class c WHERE c.oid = ANY (string_to_array($1, ',')::regclass[])`,
    [tables.join(',')],
  );
  if (owner.rows[0]?.owns !== true) return undefined;
  const fks = await tx.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY (string_to_array($1, ',')::regclass[]) ORDER BY conrelid::regclass::text, conname`,
    [tables.join(',')],
  );
  const indexes = await tx.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY (string_to_array($1, ',')::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables.join(',')],
  );
  return {
    drop: [
      ...fks.rows.map((f) => `ALTER TABLE ${f.tbl} DROP CONSTRAINT ${f.name}`),
      ...indexes.rows.map((x) => `DROP INDEX ${x.name}`),
    ],
    create: [
      ...indexes.rows.map((x) => x.def),
      ...fks.rows.map((f) => `ALTER TABLE ${f.tbl} ADD CONSTRAINT ${f.name} ${f.def}`),
    ],
  };
}

async function loadTables(engine: Queryable, dialect: Dialect, plan: GenerationPlan, options: LoadOptions): Promise<LoadSummary> {
  const rows: Record<string, number> = {};
  let totalRows = 0;
  for (const table of selected(options)) {
    const columns = loadedColumns(dialect, table.spec);
    const keep = columns.map((c) => table.columns.indexOf(c.name));
    const source = project(table.rows(plan), keep, table.columns.length);
    const target = physicalName(table.spec, dialect);
    const n = options.method === 'insert'
      ? await insertInBatches(engine, dialect, table, columns, source, options.insertRowsPerStatement ?? 500, options.signal)
      : await engine.bulkLoad(target, columns, source, options.signal === undefined ? {} : { signal: options.signal });
    await syncIdentity(engine, dialect, table.spec, n);
    rows[table.spec.name] = n;
    totalRows += n;
    options.onTable?.({ table: qualifiedName(table.spec, dialect), rows: n });
  }
  return { plan, rows, totalRows };
}
