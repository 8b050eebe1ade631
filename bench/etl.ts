// ETL benchmark on the local PostgreSQL (a fresh database per run): the initial load of
// dim_cliente by (a) the transfer plan, (b) one upsert per row (the method the ETL replaces,
// the median of alternated trials on a sample; one commit per row, and reported beside it one
// commit per batch), (c) raw COPY of the same transformed rows into an unlogged table (the
// client-side limit), (d) an in-server INSERT ... SELECT into a copy of the target (the
// server-side limit), (e) the pushdown plan; then an incremental run with 1% of rows changed, and
// the late-member step re-resolving 10,000 sales on -1 (bench/etlLateRows.ts); then the trigger
// memory's cost: two warehouses of one generated OLTP, with and without "remember", through the
// full load and incremental runs of the nine entities (bench/etlMemory.ts).
// Usage: npm run bench:etl [-- --rows 1000000 --batch 50000 --sample 5000 --trials 3 --memory-scale 1]
// `--memory-scale 0` leaves the memory out; `--memory-only` runs only it.
// `--engine sqlserver`: the same on the server of DW_TEST_MSSQL (bench/etlSqlServer.ts); with
// `--trace`, each ETL run's statements timed by kind on stderr (bench/statementTrace.ts;
// `--trace-split` also times the merge's UPDATE and INSERT apart, as two requests);
// `--transfer-only`, (a) and (b) alone.
// Prints a table, then one last line of JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../src/core/engine/factory';
import { defaultScriptVariables } from '../src/core/warehouse/scripts';
import type { Engine, Row } from '../src/core/engine/types';
import { etlDialect } from '../src/core/etl/dialect';
import type { ColumnMeta } from '../src/core/etl/dialect/types';
import { loadEntityDefinitions } from '../src/core/etl/definition/load';
import { runEtl } from '../src/core/etl/run/run';
import { compileEntity, type CompiledEntity } from '../src/core/etl/transform/compile';
import { transformBatch } from '../src/core/etl/transform/transform';
import { createThrowawayDatabase, postgresConnection } from '../test/support/throwawayDatabase';
import { benchSqlServer } from './etlSqlServer';
import { benchLateRows } from './etlLateRows';
import { benchMemory, type MemoryBenchResult } from './etlMemory';

function argNumber(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

const rows = argNumber('rows', 100_000);
const batch = Math.min(100_000, argNumber('batch', 50_000));
const sample = Math.min(rows, argNumber('sample', 5_000));
const TRIALS = argNumber('trials', 3);
const memoryScaleAt = process.argv.indexOf('--memory-scale');
const MEMORY_SCALE = memoryScaleAt < 0 ? 1 : Number(process.argv[memoryScaleAt + 1]);
const MEMORY_ONLY = process.argv.includes('--memory-only');
const root = path.resolve(__dirname, '..');
const SCRIPTS = ['oltp/01_schema.sql', 'oltp/02_tables.sql', 'oltp/03_indexes.sql', 'dw/01_schemas.sql', 'dw/02_dimensions.sql', 'dw/06_etl_control.sql'];
const definition = loadEntityDefinitions(path.join(root, 'etl/entities')).find((d) => d.entity === 'dim_cliente');
if (definition === undefined) throw new Error('etl/entities/dim_cliente.json is missing');

let step = 0;
async function seconds(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  const s = (performance.now() - t0) / 1000;
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stderr.write(`step ${++step}: ${s.toFixed(2)} s, peak RSS so far ${peak} MB\n`);
  return s;
}

/** Dirty, Brazilian-looking customers, generated in the server (the source side is not measured). */
async function seedCustomers(db: Engine): Promise<void> {
  await db.batch(`
    INSERT INTO core.customers (customer_code, full_name, email, phone, document_number, birth_date, gender, customer_type,
      segment, credit_score, value_category, address_line, district, city, state, country, zip_code, first_signup_date,
      last_purchase_date, is_active, accepts_email_marketing, is_vip, created_at, updated_at, deleted_at)
    SELECT 'C' || g, 'Cliente ' || g, ' Cliente' || g || '@Mail.COM ', '(11) 9' || lpad((g % 100000000)::text, 8, '0'),
      lpad((g % 1000)::text, 3, '0') || '.456.789-' || lpad((g % 100)::text, 2, '0'), DATE '1970-01-01' + (g % 15000),
      (ARRAY['M','F','O'])[1 + g % 3], (ARRAY['Novo','Recorrente','VIP','Inativo'])[1 + g % 4],
      (ARRAY['Pessoa Fisica','Pessoa Juridica'])[1 + g % 2], g % 1001, (ARRAY['Bronze','Prata','Ouro','Platina'])[1 + g % 4],
      'Rua ' || g, 'Centro', (ARRAY['  são paulo','RIO DE  JANEIRO','belo horizonte '])[1 + g % 3],
      (ARRAY['SP','RJ','MG'])[1 + g % 3], (ARRAY['BR','Brasil','brazil'])[1 + g % 3], '01310-' || lpad((g % 1000)::text, 3, '0'),
      DATE '2024-01-01', NULL, true, g % 2 = 0, g % 10 = 0, TIMESTAMP '2024-01-01',
      TIMESTAMP '2024-01-01' + make_interval(secs => g / 3), CASE WHEN g % 50 = 0 THEN TIMESTAMP '2024-06-01' END
    FROM generate_series(1, ${rows}) g`);
  await db.batch('ANALYZE core.customers');
}

async function resetTarget(db: Engine): Promise<void> {
  await db.batch(`TRUNCATE dim.dim_cliente RESTART IDENTITY;
    UPDATE ctl.etl_control SET watermark_updated_at = '1900-01-01', watermark_id = 0, batch_size = ${batch}, cutoff_minutes = 2
      WHERE entity_name = 'dim_cliente';
    CHECKPOINT`);
}

async function compiled(db: Engine): Promise<CompiledEntity> {
  const d = etlDialect('postgres');
  const cols = async (schema: string, table: string): Promise<ColumnMeta[]> =>
    (await db.query<Record<string, unknown>>(d.columnsSql, [schema, table])).rows.map((r) => ({
      name: String(r['name']), dataType: String(r['data_type']),
      precision: r['precision'] === null ? null : Number(r['precision']), scale: r['scale'] === null ? null : Number(r['scale']),
      length: r['length'] === null ? null : Number(r['length']),
    }));
  return compileEntity(definition!, await cols('core', 'customers'), await cols('dim', 'dim_cliente'), d);
}

/** The source rows in the extract's shape, streamed (bounded memory). */
function extract(db: Engine, entity: CompiledEntity, limit: number): AsyncIterable<Row> {
  const d = etlDialect('postgres');
  const derived = (entity.definition.source.derived ?? []).map((x) => `${typeof x.sql === 'string' ? x.sql : x.sql.postgres} AS ${d.ident(x.name)}`);
  return db.stream(
    `SELECT ${[...entity.sourceColumns.map((c) => `s.${d.ident(c)}`), ...derived].join(', ')}
      FROM core.customers s ORDER BY s.updated_at, s.customer_id LIMIT ${limit}`,
    [],
    { fetchSize: 10_000 },
  );
}

async function* transformed(db: Engine, entity: CompiledEntity, limit: number): AsyncGenerator<unknown[]> {
  let page: Row[] = [];
  for await (const r of extract(db, entity, limit)) {
    page.push(r);
    if (page.length === 10_000) {
      yield* transformBatch(entity, page).rows;
      page = [];
    }
  }
  yield* transformBatch(entity, page).rows;
}

/**
 * (b): what the replaced ETL did, one MERGE/upsert statement per row, on `sample` rows into an
 * emptied target. `perRow`: each statement commits (autocommit, a WAL flush per row);
 * otherwise the rows of the sample share one transaction (a commit per batch). Rows/s.
 */
async function rowByRow(db: Engine, entity: CompiledEntity, perRow: boolean): Promise<number> {
  const cols = entity.targetColumns.map((c) => c.name);
  const rest = cols.filter((c) => c !== 'cliente_original_id');
  const sql = `INSERT INTO dim.dim_cliente (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})
    ON CONFLICT (cliente_original_id) DO UPDATE SET ${rest.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
  await db.batch('TRUNCATE dim.dim_cliente RESTART IDENTITY');
  const s = await db.session();
  try {
    const t0 = performance.now();
    if (perRow) for await (const row of transformed(db, entity, sample)) await s.query(sql, row as never);
    else await s.transaction(async (tx) => {
      for await (const row of transformed(db, entity, sample)) await tx.query(sql, row as never);
    });
    return sample / ((performance.now() - t0) / 1000);
  } finally {
    await s.release();
  }
}

const median = (xs: readonly number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
const spread = (xs: readonly number[]): string => xs.map((x) => Math.round(x)).join(', ');

/** The memory's figures as table lines: with / without, and what it adds. */
function memoryTable(m: MemoryBenchResult): [string, string, string][] {
  const vs = (a: number, b: number): string => `${a} / ${b} s (${a >= b ? '+' : ''}${Math.round((100 * (a - b)) / b)}%)`;
  return [
    [`memory rows (scale ${m.memory_scale})`, `${m.memory_rows}`, `dim_cliente ${m.memory_rows_dim_cliente}, fact_metas ${m.memory_rows_fact_metas}`],
    ['full load, memory/none', '', vs(m.memory_full_s, m.memory_full_without_s)],
    ['  fact_metas', '', vs(m.memory_fact_metas_full_s, m.memory_fact_metas_full_without_s)],
    ['transfer incremental', '', vs(m.memory_transfer_incremental_s, m.memory_transfer_incremental_without_s)],
    ['  dim_cliente', '', vs(m.memory_dim_cliente_transfer_s, m.memory_dim_cliente_transfer_without_s)],
    ['  fact_metas', '', vs(m.memory_fact_metas_transfer_s, m.memory_fact_metas_transfer_without_s)],
    ['pushdown incremental', '', vs(m.memory_pushdown_incremental_s, m.memory_pushdown_incremental_without_s)],
    ['  dim_cliente', '', vs(m.memory_dim_cliente_pushdown_s, m.memory_dim_cliente_pushdown_without_s)],
    ['  fact_metas', '', vs(m.memory_fact_metas_pushdown_s, m.memory_fact_metas_pushdown_without_s)],
  ];
}

async function memoryPart(): Promise<MemoryBenchResult | undefined> {
  return MEMORY_SCALE > 0 ? benchMemory({ root, scale: MEMORY_SCALE, trials: TRIALS }, seconds) : undefined;
}

async function memoryOnly(): Promise<void> {
  const memory = await memoryPart();
  if (memory === undefined) throw new Error('--memory-only needs --memory-scale above 0');
  for (const [k, v, note] of memoryTable(memory)) process.stdout.write(`${k.padEnd(26)} ${v.padStart(10)}  ${note}\n`);
  process.stdout.write(`${JSON.stringify({ ...memory, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

async function main(): Promise<void> {
  const scratch = await createThrowawayDatabase('dwb_bench_etl');
  const db = await createEngine({ ...postgresConnection(scratch.name), poolMax: 4 });
  try {
    // The one psql variable of the scripts (ETL_ACTIVE_ENTITIES) at its shipped default, as the bootstrap gives it.
    for (const s of SCRIPTS) await db.batch(readFileSync(path.join(root, 'sql/postgres', s), 'utf8').replaceAll(":'ETL_ACTIVE_ENTITIES'", `'${defaultScriptVariables['ETL_ACTIVE_ENTITIES'] ?? ''}'`));
    await seedCustomers(db);
    const entity = await compiled(db);
    const cols = entity.targetColumns;
    const etl = (plan: 'transfer' | 'pushdown') =>
      runEtl({ source: db, target: db, definitions: [definition!], entities: ['dim_cliente'], plan, startedBy: 'bench' });

    await resetTarget(db);
    const transfer = await seconds(() => etl('transfer'));
    await resetTarget(db);
    // Alternated trials in this process: the one-statement-per-row rate swings with the machine's load.
    const perRow: number[] = [];
    const perBatch: number[] = [];
    await seconds(async () => {
      for (let i = 0; i < TRIALS; i++) {
        perRow.push(await rowByRow(db, entity, true));
        perBatch.push(await rowByRow(db, entity, false));
      }
    });
    await resetTarget(db);
    await db.batch(`CREATE UNLOGGED TABLE bench_copy AS SELECT ${cols.map((c) => c.name).join(', ')} FROM dim.dim_cliente WITH NO DATA`);
    const d = etlDialect('postgres');
    const copy = await seconds(() =>
      db.bulkLoad({ schema: 'public', name: 'bench_copy' }, cols.map((c) => ({ name: c.name, type: d.sqlType(c), nullable: true })), transformed(db, entity, rows)),
    );
    await db.batch('CREATE TABLE bench_insert (LIKE dim.dim_cliente INCLUDING ALL)');
    // The same rules and aggregates in SQL, without batching, merge or audit: the server's floor.
    const derived = (entity.definition.source.derived ?? []).map((x) => `${typeof x.sql === 'string' ? x.sql : x.sql.postgres} AS ${d.ident(x.name)}`);
    const ruled = entity.columns.map((c) => c.rule.sql.postgres(`s.${d.ident(c.source)}`).value);
    const inServer = await seconds(() =>
      db.batch(`INSERT INTO bench_insert (${entity.columns.map((c) => c.target).join(', ')})
        SELECT ${ruled.join(', ')} FROM (
          SELECT s.*, ${derived.join(', ')} FROM core.customers s) s`),
    );
    await resetTarget(db);
    const pushdown = await seconds(() => etl('pushdown'));
    const loaded = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM dim.dim_cliente')).rows[0]?.n);
    if (loaded !== rows) throw new Error(`dim.dim_cliente has ${loaded} rows after the pushdown load, expected ${rows}`);
    await db.batch(`UPDATE core.customers SET email = upper(email), updated_at = date_trunc('second', (now() AT TIME ZONE 'utc') - interval '1 hour')
      WHERE customer_id % 100 = 0`);
    const incremental = await seconds(() =>
      runEtl({ source: db, target: db, definitions: [definition!], entities: ['dim_cliente'], startedBy: 'bench' }),
    );

    const late = await benchLateRows(db, seconds);
    const memory = await memoryPart();

    const rate = (n: number, s: number): number => Math.round(n / s);
    const result = {
      rows,
      transfer_rows_s: rate(rows, transfer),
      row_by_row_rows_s: Math.round(median(perRow)),
      raw_copy_rows_s: rate(rows, copy),
      in_server_rows_s: rate(rows, inServer),
      pushdown_rows_s: rate(rows, pushdown),
      full_s: Number(pushdown.toFixed(3)),
      incremental_s: Number(incremental.toFixed(3)),
      ...late,
      ...memory,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    const table: [string, string, string][] = [
      ['(a) transfer plan', `${result.transfer_rows_s}`, `${(result.transfer_rows_s / result.row_by_row_rows_s).toFixed(1)}x b (goal >= 20), ${(result.transfer_rows_s / result.raw_copy_rows_s).toFixed(2)}x c (goal >= 0.75)`],
      ['(b) one upsert per row', `${result.row_by_row_rows_s}`, `median of ${TRIALS} x ${sample} rows, autocommit: ${spread(perRow)}`],
      ['    commit per batch', `${Math.round(median(perBatch))}`, `same statements in one transaction: ${spread(perBatch)}; a = ${(result.transfer_rows_s / median(perBatch)).toFixed(1)}x`],
      ['(c) raw COPY, unlogged', `${result.raw_copy_rows_s}`, 'client-side limit'],
      ['(d) INSERT...SELECT', `${result.in_server_rows_s}`, 'server-side limit (same rules and aggregates, one statement)'],
      ['(e) pushdown plan', `${result.pushdown_rows_s}`, `${(result.pushdown_rows_s / result.in_server_rows_s).toFixed(2)}x d (goal >= 0.6)`],
      ['full load (e), s', `${result.full_s}`, ''],
      ['incremental 1%, s', `${result.incremental_s}`, `${((100 * incremental) / pushdown).toFixed(1)}% of full (goal <= 5%)`],
      ['late rows fixed (10k), s', `${late.late_rows_fixed_s}`, `${(late.late_rows_fixed_s / late.late_rows_update_s).toFixed(1)}x one UPDATE...FROM (${late.late_rows_update_s} s)`],
      ...(memory === undefined ? [] : memoryTable(memory)),
      ['peak RSS, MB', `${result.peak_rss_mb}`, 'goal <= 300'],
    ];
    for (const [k, v, note] of table) process.stdout.write(`${k.padEnd(26)} ${v.padStart(10)}  ${note}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
    await scratch.drop();
  }
}

const engineAt = process.argv.indexOf('--engine');
const engine = engineAt < 0 ? 'postgres' : process.argv[engineAt + 1];
if (engine !== 'postgres' && engine !== 'sqlserver') throw new Error(`--engine ${String(engine)}: expected postgres or sqlserver`);
(engine === 'sqlserver'
  ? benchSqlServer({ rows, batch, sample, trials: TRIALS, root, definition, seconds, trace: process.argv.includes('--trace-split') ? 'split' : process.argv.includes('--trace'), transferOnly: process.argv.includes('--transfer-only') })
  : MEMORY_ONLY ? memoryOnly() : main()
).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
