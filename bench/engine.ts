// Engine benchmark on the local PostgreSQL, or with `--engine sqlserver` on the SQL Server that
// DW_TEST_MSSQL names (Babelfish in CI); a fresh database per run: the same dim_cliente-shaped
// rows loaded by bulk load (COPY FROM STDIN / TDS bulk load), by multi-row INSERT, by single-row
// INSERT, then streamed back.
// Usage: npm run bench:engine [-- --engine postgres|sqlserver --rows 200000 --single 5000]
// Prints a table, then one last line of JSON with the rates (the same fields for both engines).
import { randomBytes } from 'node:crypto';
import { createThrowawayDatabase, postgresConnection } from '../test/support/throwawayDatabase';
import { sqlServerConfig } from '../test/integration/engine/engineTargets';
import { createEngine } from '../src/core/engine/index';
import type { BulkColumn, Engine, SqlParam } from '../src/core/engine/index';

function argNumber(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

const engineKind = process.argv.includes('--engine') ? process.argv[process.argv.indexOf('--engine') + 1] : 'postgres';
if (engineKind !== 'postgres' && engineKind !== 'sqlserver') throw new Error(`--engine ${String(engineKind)}: use postgres or sqlserver`);
const sqlServer = engineKind === 'sqlserver';
const rows = argNumber('rows', 200_000);
const singleRows = Math.min(rows, argNumber('single', 5_000));
// SQL Server takes at most 2100 parameters per statement: 100 rows of 18 columns.
const rowsPerInsert = sqlServer ? 100 : 1000;

const columns: readonly BulkColumn[] = [
  { name: 'cliente_original_id', type: { kind: 'bigint' } },
  { name: 'nome_cliente', type: { kind: 'text', length: 200 } },
  { name: 'email', type: { kind: 'text', length: 200 } },
  { name: 'telefone', type: { kind: 'text', length: 20 } },
  { name: 'cpf_cnpj', type: { kind: 'text', length: 14 } },
  { name: 'data_nascimento', type: { kind: 'date' } },
  { name: 'genero', type: { kind: 'text', length: 1 } },
  { name: 'tipo_cliente', type: { kind: 'text', length: 30 } },
  { name: 'segmento', type: { kind: 'text', length: 30 } },
  { name: 'score_credito', type: { kind: 'int' } },
  { name: 'cidade', type: { kind: 'text', length: 100 } },
  { name: 'estado', type: { kind: 'text', length: 2 } },
  { name: 'pais', type: { kind: 'text', length: 50 } },
  { name: 'cep', type: { kind: 'text', length: 8 } },
  { name: 'data_ultima_atualizacao', type: { kind: 'timestamp', precision: 6 } },
  { name: 'valor_total_gasto_historico', type: { kind: 'decimal', precision: 15, scale: 2 } },
  { name: 'eh_ativo', type: { kind: 'bool' } },
  { name: 'eh_cliente_vip', type: { kind: 'bool' } },
];

const ddl: Record<string, string> = sqlServer
  ? { bigint: 'bigint', int: 'int', date: 'date', bool: 'bit', timestamp: 'datetime2(6)', decimal: 'decimal(15,2)', text: 'nvarchar(200)' }
  : { bigint: 'bigint', int: 'integer', date: 'date', bool: 'boolean', timestamp: 'timestamp(6)', decimal: 'numeric(15,2)', text: 'varchar(200)' };
const placeholder = (n: number): string => (sqlServer ? `@p${n}` : `$${n}`);

const cities = ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Porto Alegre', 'Recife', 'Brasília'];
const states = ['SP', 'RJ', 'MG', 'RS', 'PE', 'DF'];
const types = ['Novo', 'Recorrente', 'VIP', 'Inativo'];

function clienteRow(i: number): unknown[] {
  return [
    i, `Cliente ${i} da Conceição`, `cliente${i}@exemplo.com.br`, `119${String(i).padStart(8, '0')}`,
    String(i).padStart(11, '0'), new Date(Date.UTC(1960 + (i % 45), i % 12, 1 + (i % 28))), ['M', 'F', 'O'][i % 3],
    types[i % 4], i % 5 === 0 ? 'Pessoa Juridica' : 'Pessoa Fisica', i % 1001, cities[i % 6], states[i % 6], 'Brasil',
    String(10000000 + i).slice(0, 8), new Date(Date.UTC(2024, 0, 1) + i * 1000), `${i % 100000}.${String(i % 100).padStart(2, '0')}`,
    i % 2 === 0, i % 10 === 0,
  ];
}

function* clienteRows(from: number, count: number): Generator<unknown[]> {
  for (let i = from; i < from + count; i++) yield clienteRow(i);
}

function typed(row: unknown[]): SqlParam[] {
  return row.map((value, c) => ({ value: value as SqlParam & null, type: columns[c]!.type }));
}

const columnList = columns.map((c) => c.name).join(', ');
function insertStatement(rowCount: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    tuples.push(`(${columns.map((_, c) => placeholder(r * columns.length + c + 1)).join(', ')})`);
  }
  return `INSERT INTO dim_cliente_bench (${columnList}) VALUES ${tuples.join(', ')}`;
}

interface Measured {
  readonly rows: number;
  readonly seconds: number;
}

async function timed(work: () => Promise<number>): Promise<Measured> {
  const started = process.hrtime.bigint();
  const count = await work();
  return { rows: count, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function run(engine: Engine): Promise<{ bulk: Measured; multirow: Measured; single: Measured; stream: Measured }> {
  await engine.batch(`CREATE TABLE dim_cliente_bench (${columns.map((c) => `${c.name} ${ddl[c.type.kind]}`).join(', ')})`);
  const truncate = (): Promise<unknown> => engine.batch('TRUNCATE TABLE dim_cliente_bench');

  const multirow = await timed(async () => {
    for (let from = 0; from < rows; from += rowsPerInsert) {
      const count = Math.min(rowsPerInsert, rows - from);
      await engine.query(insertStatement(count), [...clienteRows(from, count)].flatMap(typed));
    }
    return rows;
  });
  await truncate();

  const session = await engine.session();
  const single = await timed(async () => {
    try {
      const statement = insertStatement(1);
      for (const row of clienteRows(0, singleRows)) await session.query(statement, typed(row));
    } finally {
      await session.release();
    }
    return singleRows;
  });
  await truncate();

  const bulk = await timed(() => engine.bulkLoad({ name: 'dim_cliente_bench' }, columns, clienteRows(0, rows)));
  if (!sqlServer) await engine.batch('ANALYZE dim_cliente_bench');

  const stream = await timed(async () => {
    let count = 0;
    for await (const _row of engine.stream(`SELECT ${columnList} FROM dim_cliente_bench`, [], { fetchSize: 5000 })) count++;
    return count;
  });
  return { bulk, multirow, single, stream };
}

/** A fresh database and an engine on it; `drop` removes both. */
async function scratch(): Promise<{ engine: Engine; label: string; drop(): Promise<void> }> {
  if (!sqlServer) {
    const db = await createThrowawayDatabase('dwb_bench');
    const engine = await createEngine(postgresConnection(db.name), { applicationName: 'dwb-bench' });
    return { engine, label: 'PostgreSQL 127.0.0.1:5432', drop: async () => { await engine.close(); await db.drop(); } };
  }
  const config = sqlServerConfig();
  if (config === undefined || config.engine !== 'sqlserver') throw new Error('--engine sqlserver needs DW_TEST_MSSQL="host=..;port=..;user=..;password=.." (bash .ci/setup-babelfish.sh env)');
  const name = `dwb_bench_${randomBytes(4).toString('hex')}`;
  const master = await createEngine({ ...config, database: 'master' }, { applicationName: 'dwb-bench' });
  await master.batch(`CREATE DATABASE ${name}`);
  const engine = await createEngine({ ...config, database: name }, { applicationName: 'dwb-bench' });
  const info = await engine.serverInfo();
  return {
    engine,
    label: `${info.product} ${info.version} ${config.host}:${config.port}`,
    drop: async () => { await engine.close(); await master.batch(`DROP DATABASE ${name}`); await master.close(); },
  };
}

async function main(): Promise<void> {
  const target = await scratch();
  const label = target.label;
  let results: Awaited<ReturnType<typeof run>>;
  try {
    results = await run(target.engine);
  } finally {
    await target.drop();
  }
  const rate = (r: Measured): number => Math.round(r.rows / r.seconds);
  const baseline = rate(results.bulk);
  const lines: [string, Measured][] = [
    [sqlServer ? 'bulkLoad (TDS bulk load)' : 'bulkLoad (COPY FROM STDIN)', results.bulk],
    [`multi-row INSERT (${rowsPerInsert} rows/statement)`, results.multirow],
    ['single-row INSERT (autocommit)', results.single],
    ['stream (cursor, fetch 5000)', results.stream],
  ];
  console.log(`${label}, ${columns.length}-column dim_cliente rows, ${rows} rows (single-row INSERT: ${singleRows})`);
  console.log(`${'method'.padEnd(40)} ${'rows'.padStart(8)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(9)} ${'vs bulk'.padStart(8)}`);
  for (const [name, r] of lines) {
    console.log(`${name.padEnd(40)} ${String(r.rows).padStart(8)} ${r.seconds.toFixed(2).padStart(8)} ${String(rate(r)).padStart(9)} ${(rate(r) / baseline).toFixed(3).padStart(8)}`);
  }
  console.log(JSON.stringify({
    bulk_rows_s: rate(results.bulk),
    multirow_insert_rows_s: rate(results.multirow),
    single_insert_rows_s: rate(results.single),
    stream_rows_s: rate(results.stream),
    bulk_vs_single: Math.round(rate(results.bulk) / rate(results.single)),
  }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
