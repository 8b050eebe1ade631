// Engine benchmark on the local PostgreSQL (a fresh database per run): the same dim_cliente-shaped
// rows loaded by COPY (bulkLoad), by multi-row INSERT, by single-row INSERT, then streamed back.
// Usage: npm run bench:engine [-- --rows 200000 --single 5000]
// Prints a table, then one last line of JSON with the rates.
import { createThrowawayDatabase, postgresConnection } from '../test/support/throwawayDatabase';
import { createEngine } from '../src/core/engine/index';
import type { BulkColumn, Engine, SqlParam } from '../src/core/engine/index';

function argNumber(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

const rows = argNumber('rows', 200_000);
const singleRows = Math.min(rows, argNumber('single', 5_000));
const rowsPerInsert = 1000;

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

const pgDdl: Record<string, string> = {
  bigint: 'bigint', int: 'integer', date: 'date', bool: 'boolean', timestamp: 'timestamp(6)',
  decimal: 'numeric(15,2)', text: 'varchar(200)',
};

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
    tuples.push(`(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
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
  await engine.batch(`CREATE TABLE dim_cliente_bench (${columns.map((c) => `${c.name} ${pgDdl[c.type.kind]}`).join(', ')})`);
  const truncate = (): Promise<unknown> => engine.batch('TRUNCATE dim_cliente_bench');

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
  await engine.batch('ANALYZE dim_cliente_bench');

  const stream = await timed(async () => {
    let count = 0;
    for await (const _row of engine.stream(`SELECT ${columnList} FROM dim_cliente_bench`, [], { fetchSize: 5000 })) count++;
    return count;
  });
  return { bulk, multirow, single, stream };
}

async function main(): Promise<void> {
  const db = await createThrowawayDatabase('dwb_bench');
  const engine = await createEngine(postgresConnection(db.name), { applicationName: 'dwb-bench' });
  let results: Awaited<ReturnType<typeof run>>;
  try {
    results = await run(engine);
  } finally {
    await engine.close();
    await db.drop();
  }
  const rate = (r: Measured): number => Math.round(r.rows / r.seconds);
  const baseline = rate(results.bulk);
  const lines: [string, Measured][] = [
    ['bulkLoad (COPY FROM STDIN)', results.bulk],
    [`multi-row INSERT (${rowsPerInsert} rows/statement)`, results.multirow],
    ['single-row INSERT (autocommit)', results.single],
    ['stream (cursor, fetch 5000)', results.stream],
  ];
  console.log(`PostgreSQL 127.0.0.1:5432, ${columns.length}-column dim_cliente rows, ${rows} rows (single-row INSERT: ${singleRows})`);
  console.log(`${'method'.padEnd(40)} ${'rows'.padStart(8)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(9)} ${'vs COPY'.padStart(8)}`);
  for (const [name, r] of lines) {
    console.log(`${name.padEnd(40)} ${String(r.rows).padStart(8)} ${r.seconds.toFixed(2).padStart(8)} ${String(rate(r)).padStart(9)} ${(rate(r) / baseline).toFixed(3).padStart(8)}`);
  }
  console.log(JSON.stringify({
    bulk_rows_s: rate(results.bulk),
    multirow_insert_rows_s: rate(results.multirow),
    single_insert_rows_s: rate(results.single),
    stream_rows_s: rate(results.stream),
  }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
