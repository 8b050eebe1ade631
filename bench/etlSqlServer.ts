// `npm run bench:etl -- --engine sqlserver`: the ETL benchmark on the SQL Server (or Babelfish)
// of DW_TEST_MSSQL, in a fresh database `dwb_bench_etl` holding the OLTP and warehouse schemas
// (the shipped scripts, their USE pointed at it): (a) the transfer plan, (b) one upsert per row
// (UPDATE, then INSERT when no row changed; autocommit; median of alternated trials), (c) bulk
// load of the same transformed rows into a plain table, (d) INSERT...SELECT with the same rules,
// (e) the pushdown plan; then an incremental run with 1% of rows changed. Same JSON as PostgreSQL's.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createEngine } from '../src/core/engine/factory';
import { defaultScriptVariables } from '../src/core/warehouse/scripts';
import type { Engine, Row } from '../src/core/engine/types';
import { etlDialect } from '../src/core/etl/dialect';
import type { ColumnMeta } from '../src/core/etl/dialect/types';
import type { EntityDefinition } from '../src/core/etl/definition/types';
import { runEtl } from '../src/core/etl/run/run';
import { compileEntity, type CompiledEntity } from '../src/core/etl/transform/compile';
import { transformBatch } from '../src/core/etl/transform/transform';
import { splitTsql } from '../src/core/script/tsqlSplitter';
import { StatementTrace, tracedEngine } from './statementTrace';

const DB = 'dwb_bench_etl';
const SCRIPTS = ['oltp/01_schema.sql', 'oltp/02_tables.sql', 'oltp/03_indexes.sql', 'dw/01_schemas.sql', 'dw/02_dimensions.sql', 'dw/06_etl_control.sql'];
const d = etlDialect('sqlserver');

export interface SqlServerBenchOptions {
  readonly rows: number;
  readonly batch: number;
  readonly sample: number;
  readonly trials: number;
  readonly root: string;
  readonly definition: EntityDefinition;
  readonly seconds: (work: () => Promise<unknown>) => Promise<number>;
  /** `--trace`: each ETL run's statements timed by kind, printed to stderr; 'split': the merge's two statements apart. */
  readonly trace?: boolean | 'split';
  /** `--transfer-only`: (a) and (b) alone (the in-server steps take minutes per 10,000 rows there). */
  readonly transferOnly?: boolean;
}

function connection(): { host: string; port: number; user: string; password: string } {
  const raw = process.env['DW_TEST_MSSQL'];
  if (raw === undefined || raw === '') throw new Error('--engine sqlserver reads its server from DW_TEST_MSSQL="host=..;port=..;user=..;password=.." (a throw-away instance)');
  const parts = new Map(raw.split(';').filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()] as const));
  return { host: parts.get('host') ?? '127.0.0.1', port: Number(parts.get('port') ?? 1433), user: parts.get('user') ?? 'sa', password: parts.get('password') ?? '' };
}

async function applyScripts(db: Engine, root: string): Promise<void> {
  const session = await db.session();
  try {
    for (const s of SCRIPTS) {
      const file = path.join(root, 'sql/sqlserver', s);
      const plan = await splitTsql(await readFile(file, 'utf8'), { file, readFile: (p) => readFile(p), variables: { ETL_ACTIVE_ENTITIES: defaultScriptVariables['ETL_ACTIVE_ENTITIES'] ?? '' } });
      for (const b of plan.batches) await session.batch(b.text.replace(/^\s*USE\s+\w+\s*;/gim, `USE ${DB};`));
    }
  } finally {
    await session.release();
  }
}

/** Dirty customers generated in the server, the PostgreSQL bench's values in T-SQL. */
async function seedCustomers(db: Engine, rows: number): Promise<void> {
  await db.batch(`
    WITH g AS (SELECT TOP (${rows}) CAST(ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) AS bigint) AS g
      FROM sys.all_objects a CROSS JOIN sys.all_objects b CROSS JOIN sys.all_objects c)
    INSERT INTO core.customers (customer_code, full_name, email, phone, document_number, birth_date, gender, customer_type,
      segment, credit_score, value_category, address_line, district, city, state, country, zip_code, first_signup_date,
      last_purchase_date, is_active, accepts_email_marketing, is_vip, created_at, updated_at, deleted_at)
    SELECT CONCAT('C', g), CONCAT('Cliente ', g), CONCAT(' Cliente', g, '@Mail.COM '), CONCAT('(11) 9', RIGHT(CONCAT('00000000', g % 100000000), 8)),
      CONCAT(RIGHT(CONCAT('000', g % 1000), 3), '.456.789-', RIGHT(CONCAT('00', g % 100), 2)), DATEADD(day, g % 15000, CAST('1970-01-01' AS date)),
      CHOOSE(1 + g % 3, 'M', 'F', 'O'), CHOOSE(1 + g % 4, 'Novo', 'Recorrente', 'VIP', 'Inativo'),
      CHOOSE(1 + g % 2, 'Pessoa Fisica', 'Pessoa Juridica'), g % 1001, CHOOSE(1 + g % 4, 'Bronze', 'Prata', 'Ouro', 'Platina'),
      CONCAT('Rua ', g), 'Centro', CHOOSE(1 + g % 3, '  são paulo', 'RIO DE  JANEIRO', 'belo horizonte '),
      CHOOSE(1 + g % 3, 'SP', 'RJ', 'MG'), CHOOSE(1 + g % 3, 'BR', 'Brasil', 'brazil'), CONCAT('01310-', RIGHT(CONCAT('000', g % 1000), 3)),
      CAST('2024-01-01' AS date), NULL, 1, CASE WHEN g % 2 = 0 THEN 1 ELSE 0 END, CASE WHEN g % 10 = 0 THEN 1 ELSE 0 END, CAST('2024-01-01' AS datetime2(0)),
      DATEADD(second, CAST(g / 3 AS int), CAST('2024-01-01' AS datetime2(0))), CASE WHEN g % 50 = 0 THEN CAST('2024-06-01' AS datetime2(0)) END
    FROM g`);
}

async function resetTarget(db: Engine, batch: number): Promise<void> {
  await db.batch(`DELETE FROM dim.dim_cliente WHERE cliente_id > 0;
    UPDATE ctl.etl_control SET watermark_updated_at = '1900-01-01', watermark_id = 0, batch_size = ${batch}, cutoff_minutes = 2
      WHERE entity_name = 'dim_cliente'`);
}

async function compiled(db: Engine, definition: EntityDefinition): Promise<CompiledEntity> {
  const cols = async (schema: string, table: string): Promise<ColumnMeta[]> =>
    (await db.query<Record<string, unknown>>(d.columnsSql, [schema, table])).rows.map((r) => ({
      name: String(r['name']), dataType: String(r['data_type']),
      precision: r['precision'] === null ? null : Number(r['precision']), scale: r['scale'] === null ? null : Number(r['scale']),
      length: r['length'] === null ? null : Number(r['length']),
    }));
  return compileEntity(definition, await cols('core', 'customers'), await cols('dim', 'dim_cliente'), d);
}

const derivedOf = (entity: CompiledEntity): string[] =>
  (entity.definition.source.derived ?? []).map((x) => `${typeof x.sql === 'string' ? x.sql : x.sql.sqlserver} AS ${d.ident(x.name)}`);

async function* transformed(db: Engine, entity: CompiledEntity, limit: number): AsyncGenerator<unknown[]> {
  let page: Row[] = [];
  const rows = db.stream(
    `SELECT TOP (${limit}) ${[...entity.sourceColumns.map((c) => `s.${d.ident(c)}`), ...derivedOf(entity)].join(', ')}
      FROM core.customers s ORDER BY s.updated_at, s.customer_id`,
    [],
    { fetchSize: 10_000 },
  );
  for await (const r of rows) {
    page.push(r);
    if (page.length === 10_000) {
      yield* transformBatch(entity, page).rows;
      page = [];
    }
  }
  yield* transformBatch(entity, page).rows;
}

/** (b): one statement per row on `sample` rows into an emptied target, each committing. Rows/s. */
async function rowByRow(db: Engine, entity: CompiledEntity, sample: number): Promise<number> {
  const cols = entity.targetColumns.map((c) => c.name);
  const rest = cols.filter((c) => c !== 'cliente_original_id');
  const p = (c: string): string => `@p${cols.indexOf(c) + 1}`;
  const sql = `UPDATE dim.dim_cliente SET ${rest.map((c) => `${c} = ${p(c)}`).join(', ')} WHERE cliente_original_id = ${p('cliente_original_id')};
    IF @@ROWCOUNT = 0 INSERT INTO dim.dim_cliente (${cols.join(', ')}) VALUES (${cols.map(p).join(', ')})`;
  await db.batch('DELETE FROM dim.dim_cliente WHERE cliente_id > 0');
  const s = await db.session();
  try {
    const t0 = performance.now();
    for await (const row of transformed(db, entity, sample)) await s.query(sql, row as never);
    return sample / ((performance.now() - t0) / 1000);
  } finally {
    await s.release();
  }
}

const median = (xs: readonly number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;

export async function benchSqlServer(o: SqlServerBenchOptions): Promise<void> {
  const c = connection();
  const master = await createEngine({ engine: 'sqlserver', ...c, database: 'master', trustServerCertificate: true });
  try {
    await master.batch(`IF DB_ID(N'${DB}') IS NOT NULL DROP DATABASE ${DB}`);
    await master.batch(`CREATE DATABASE ${DB}`);
  } finally {
    await master.close();
  }
  const setup = await createEngine({ engine: 'sqlserver', ...c, database: DB, trustServerCertificate: true });
  try {
    await applyScripts(setup, o.root);
  } finally {
    await setup.close();
  }
  const db = await createEngine({ engine: 'sqlserver', ...c, database: DB, trustServerCertificate: true, poolMax: 4 });
  try {
    await seedCustomers(db, o.rows);
    const entity = await compiled(db, o.definition);
    const cols = entity.targetColumns;
    const trace = new StatementTrace(o.trace === 'split');
    const etlDb = o.trace === undefined || o.trace === false ? db : tracedEngine(db, trace);
    const traced = async (title: string, work: () => Promise<unknown>): Promise<void> => {
      await trace.during(work);
      if (etlDb !== db) process.stderr.write(`${trace.table(title)}\n`);
    };
    const etl = (plan: 'transfer' | 'pushdown') =>
      traced(plan, () => runEtl({ source: etlDb, target: etlDb, definitions: [o.definition], entities: ['dim_cliente'], plan, startedBy: 'bench' }));

    await resetTarget(db, o.batch);
    const transfer = await o.seconds(() => etl('transfer'));
    const perRow: number[] = [];
    await o.seconds(async () => {
      for (let i = 0; i < o.trials; i++) perRow.push(await rowByRow(db, entity, o.sample));
    });
    if (o.transferOnly === true) {
      const result = { engine: 'sqlserver', rows: o.rows, transfer_rows_s: Math.round(o.rows / transfer), row_by_row_rows_s: Math.round(median(perRow)) };
      process.stdout.write(`(a) transfer plan ${String(result.transfer_rows_s).padStart(10)}  ${(result.transfer_rows_s / result.row_by_row_rows_s).toFixed(1)}x b (goal >= 10 on Babelfish)
(b) one upsert per row ${String(result.row_by_row_rows_s).padStart(5)}  median of ${o.trials} x ${o.sample} rows, autocommit: ${perRow.map(Math.round).join(', ')}
${JSON.stringify(result)}\n`);
      return;
    }
    await db.batch(`SELECT TOP 0 ${cols.map((x) => x.name).join(', ')} INTO dbo.bench_copy FROM dim.dim_cliente`);
    const copy = await o.seconds(() =>
      db.bulkLoad({ schema: 'dbo', name: 'bench_copy' }, cols.map((x) => ({ name: x.name, type: d.sqlType(x), nullable: true })), transformed(db, entity, o.rows)),
    );
    await db.batch(`SELECT TOP 0 ${cols.map((x) => x.name).join(', ')} INTO dbo.bench_insert FROM dim.dim_cliente`);
    const ruled = entity.columns.map((x) => x.rule.sql.sqlserver(`s.${d.ident(x.source)}`).value);
    const inServer = await o.seconds(() =>
      db.batch(`INSERT INTO dbo.bench_insert (${entity.columns.map((x) => x.target).join(', ')})
        SELECT ${ruled.join(', ')} FROM (SELECT s.*, ${derivedOf(entity).join(', ')} FROM core.customers s) s`),
    );
    await resetTarget(db, o.batch);
    const pushdown = await o.seconds(() => etl('pushdown'));
    const loaded = Number((await db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM dim.dim_cliente WHERE cliente_id > 0')).rows[0]?.n);
    if (loaded !== o.rows) throw new Error(`dim.dim_cliente has ${loaded} rows after the pushdown load, expected ${o.rows}`);
    await db.batch(`UPDATE core.customers SET email = UPPER(email), updated_at = DATEADD(hour, -1, CAST(SYSUTCDATETIME() AS datetime2(0)))
      WHERE customer_id % 100 = 0`);
    const incremental = await o.seconds(() =>
      traced('incremental', () => runEtl({ source: etlDb, target: etlDb, definitions: [o.definition], entities: ['dim_cliente'], startedBy: 'bench' })),
    );
    const rate = (n: number, s: number): number => Math.round(n / s);
    const result = {
      engine: 'sqlserver',
      rows: o.rows,
      transfer_rows_s: rate(o.rows, transfer),
      row_by_row_rows_s: Math.round(median(perRow)),
      raw_copy_rows_s: rate(o.rows, copy),
      in_server_rows_s: rate(o.rows, inServer),
      pushdown_rows_s: rate(o.rows, pushdown),
      full_s: Number(pushdown.toFixed(3)),
      incremental_s: Number(incremental.toFixed(3)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    const table: [string, string, string][] = [
      ['(a) transfer plan', `${result.transfer_rows_s}`, `${(result.transfer_rows_s / result.row_by_row_rows_s).toFixed(1)}x b (goal >= 10 on Babelfish), ${(result.transfer_rows_s / result.raw_copy_rows_s).toFixed(2)}x c`],
      ['(b) one upsert per row', `${result.row_by_row_rows_s}`, `median of ${o.trials} x ${o.sample} rows, autocommit: ${perRow.map(Math.round).join(', ')}`],
      ['(c) bulk load, plain table', `${result.raw_copy_rows_s}`, 'client-side limit'],
      ['(d) INSERT...SELECT', `${result.in_server_rows_s}`, 'server-side limit (same rules and aggregates, one statement)'],
      ['(e) pushdown plan', `${result.pushdown_rows_s}`, `${(result.pushdown_rows_s / result.in_server_rows_s).toFixed(2)}x d`],
      ['full load (e), s', `${result.full_s}`, ''],
      ['incremental 1%, s', `${result.incremental_s}`, `${((100 * incremental) / pushdown).toFixed(1)}% of full (goal <= 5%)`],
      ['peak RSS, MB', `${result.peak_rss_mb}`, ''],
    ];
    for (const [k, v, note] of table) process.stdout.write(`${k.padEnd(26)} ${v.padStart(10)}  ${note}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
    const m = await createEngine({ engine: 'sqlserver', ...c, database: 'master', trustServerCertificate: true });
    await m.batch(`IF DB_ID(N'${DB}') IS NOT NULL DROP DATABASE ${DB}`).catch(() => undefined);
    await m.close();
  }
}
