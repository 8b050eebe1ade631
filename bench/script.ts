// Benchmark of script runs. (1) A generated 100k-statement PostgreSQL script through `dwb run`
// and through `psql -f` on the same database in the same run (goal: dwb <= 1.3x psql). (2) The
// T-SQL splitter's throughput on a generated 50 MB script (goal: >= 50 MB/s).
// Prints a table, then one last line of JSON: {"dwb_s":…, "psql_s":…, "ratio":…, "splitter_mb_s":…,
// "splitter_cpu_mb_s":…, "load_1m":[start, end]}. Consecutive DML goes pipelined (see
// src/core/script/pipeline.ts); DDL and SET statements still take a round trip each.
// With `--engine sqlserver` (the server DW_TEST_MSSQL names: Babelfish in CI) part (1) is a T-SQL
// script of the same shape (GO every 100 statements) through `dwb run` over TDS; no sqlcmd is
// installed here, so psql_s and ratio are null there (same JSON fields).
// Usage: npm run bench:script [-- --engine postgres|sqlserver --statements N --mb M]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createEngine } from '../src/core/engine/index';
import { runScriptFile, splitTsql } from '../src/core/script';
import { sqlServerConfig } from '../test/integration/engine/engineTargets';

const host = process.env['PGHOST'] ?? '127.0.0.1';
const port = Number(process.env['PGPORT'] ?? 5432);
const user = process.env['PGUSER'] ?? 'postgres';
const root = path.resolve(__dirname, '..');

const sqlServer = process.argv.includes('--engine') && process.argv[process.argv.indexOf('--engine') + 1] === 'sqlserver';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function pgTool(command: string, args: string[]): number {
  const r = spawnSync(command, ['-h', host, '-p', String(port), '-U', user, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${r.stderr}`);
  return 0;
}

/**
 * A PostgreSQL script shaped like a data load: DDL, then single-row INSERTs and UPDATEs, each
 * its own transaction. synchronous_commit off keeps a shared disk's fsync out of the numbers,
 * which are about the per-statement cost of the two clients.
 */
function postgresScript(statements: number): string {
  const out = [
    'SET synchronous_commit = off;',
    'DROP TABLE IF EXISTS bench_vendas;',
    'CREATE TABLE bench_vendas (venda_id bigint PRIMARY KEY, numero_pedido text NOT NULL, valor_liquido numeric(15,2), observacao text);',
  ];
  for (let k = 1; out.length < statements; k++) {
    if (k % 10 === 0) out.push(`UPDATE bench_vendas SET valor_liquido = valor_liquido + 1 WHERE venda_id = ${k - 1};`);
    else out.push(`INSERT INTO bench_vendas (venda_id, numero_pedido, valor_liquido, observacao) VALUES (${k}, 'PED-${k}', ${(k % 997) + 0.5}, 'it''s; -- not a comment');`);
  }
  return `${out.join('\n')}\n`;
}

/** The same load in T-SQL: single-row INSERTs and UPDATEs in autocommit, GO every 100 statements. */
function tsqlLoadScript(statements: number): string {
  const out = [
    "IF OBJECT_ID(N'dbo.bench_vendas', N'U') IS NOT NULL DROP TABLE dbo.bench_vendas;",
    'CREATE TABLE dbo.bench_vendas (venda_id bigint PRIMARY KEY, numero_pedido nvarchar(40) NOT NULL, valor_liquido decimal(15,2), observacao nvarchar(100));',
    'GO',
  ];
  for (let k = 1; k <= statements; k++) {
    if (k % 10 === 0) out.push(`UPDATE dbo.bench_vendas SET valor_liquido = valor_liquido + 1 WHERE venda_id = ${k - 1};`);
    else out.push(`INSERT INTO dbo.bench_vendas (venda_id, numero_pedido, valor_liquido, observacao) VALUES (${k}, N'PED-${k}', ${(k % 997) + 0.5}, N'it''s; -- not a comment');`);
    if (k % 100 === 0) out.push('GO');
  }
  return `${out.join('\n')}\nGO\n`;
}

/** `dwb run` of the T-SQL load on a fresh database of the DW_TEST_MSSQL server; seconds, best of 2. */
async function sqlServerRun(statements: number, dir: string): Promise<number> {
  const config = sqlServerConfig();
  if (config === undefined || config.engine !== 'sqlserver') throw new Error('--engine sqlserver needs DW_TEST_MSSQL="host=..;port=..;user=..;password=.." (bash .ci/setup-babelfish.sh env)');
  const name = `dwb_bench_script_${randomBytes(4).toString('hex')}`;
  const master = await createEngine({ ...config, database: 'master' });
  await master.batch(`CREATE DATABASE ${name}`);
  try {
    const file = path.join(dir, 'load-tsql.sql');
    writeFileSync(file, tsqlLoadScript(statements));
    const times: number[] = [];
    for (let round = 0; round < 2; round++) {
      const t = process.hrtime.bigint();
      const summary = await runScriptFile(file, { connection: { ...config, database: name } });
      if (!summary.ok) throw new Error(`dwb run failed: ${JSON.stringify(summary.errors[0])}`);
      times.push(seconds(t));
    }
    return Math.min(...times);
  } finally {
    await master.batch(`DROP DATABASE ${name}`);
    await master.close();
  }
}

/** A T-SQL script shaped like the users': idempotent DDL, MERGE, PRINT, variables, GO. */
function tsqlScript(bytes: number): string {
  const parts: string[] = [':setvar Env bench\n'];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const b =
      `-- step ${k}: dim.DIM_CLIENTE_${k}\nIF OBJECT_ID(N'dim.DIM_CLIENTE_${k}', N'U') IS NULL\nBEGIN\n`
      + `    CREATE TABLE dim.[DIM_CLIENTE_${k}] (cliente_id INT IDENTITY(1,1) PRIMARY KEY, nome_cliente NVARCHAR(200) NOT NULL /* nome */, email NVARCHAR(320) NULL);\nEND;\n`
      + `MERGE dim.DIM_CLIENTE AS tgt USING (SELECT ${k} AS id, N'Cliente ''${k}''' AS nome) AS src ON tgt.cliente_original_id = src.id\n`
      + 'WHEN MATCHED THEN UPDATE SET nome_cliente = src.nome WHEN NOT MATCHED THEN INSERT (cliente_original_id, nome_cliente) VALUES (src.id, src.nome);\n'
      + `PRINT 'GO inside a string, $(Env)';\nGO\n`;
    parts.push(b);
    size += b.length;
  }
  return parts.join('');
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function cliHasRun(): boolean {
  const cli = path.join(root, 'dist/cli.js');
  return existsSync(cli) && spawnSync(process.execPath, [cli, 'run', '--help'], { encoding: 'utf8' }).status === 0;
}

/** `dwb run` on the built CLI, with a throw-away project file pointing at the database. */
function dwbRunCli(file: string, database: string, dir: string): void {
  const project = { name: 'bench', engine: 'postgres', connection: { host, port, user }, databases: { dw: database, oltp: database } };
  writeFileSync(path.join(dir, 'dw-workbench.json'), JSON.stringify(project));
  const r = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'run', file], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dwb run: ${r.stderr}`);
}

async function dwbRunCore(file: string, database: string): Promise<void> {
  const summary = await runScriptFile(file, { connection: { engine: 'postgres', host, port, user, database } });
  if (!summary.ok) throw new Error(`dwb run failed: ${JSON.stringify(summary.errors[0])}`);
}

async function main(): Promise<void> {
  const statements = arg('--statements', sqlServer ? 5_000 : 100_000);
  const megabytes = arg('--mb', 50);
  const loadAtStart = loadavg()[0] ?? 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'dwb-bench-script-'));
  const database = `dwb_bench_script_${process.pid}`;
  try {
    const viaCli = !sqlServer && cliHasRun();
    let dwb: number;
    let psql: number | null = null;
    if (sqlServer) {
      dwb = await sqlServerRun(statements, dir);
    } else {
      const file = path.join(dir, 'load.sql');
      writeFileSync(file, postgresScript(statements));
      pgTool('createdb', [database]);
      // Alternate, best of two each, so neither side gets a warmer cache or a quieter machine.
      const dwbTimes: number[] = [];
      const psqlTimes: number[] = [];
      for (let round = 0; round < 2; round++) {
        let t = process.hrtime.bigint();
        pgTool('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', database, '-f', file, '-o', '/dev/null']);
        psqlTimes.push(seconds(t));
        t = process.hrtime.bigint();
        if (viaCli) dwbRunCli(file, database, dir);
        else await dwbRunCore(file, database);
        dwbTimes.push(seconds(t));
      }
      dwb = Math.min(...dwbTimes);
      psql = Math.min(...psqlTimes);
    }
    const ratio = psql === null ? null : Number((dwb / psql).toFixed(2));

    const text = tsqlScript(megabytes * 1e6);
    const splitTimes: number[] = [];
    const splitCpu: number[] = [];
    let batches = 0;
    for (let round = 0; round < 3; round++) {
      const t = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const plan = await splitTsql(text, { file: path.join(dir, 'big.sql'), readFile: () => Promise.resolve(new Uint8Array()) });
      splitTimes.push(seconds(t));
      const used = process.cpuUsage(cpu);
      splitCpu.push((used.user + used.system) / 1e6);
      batches = plan.batches.length;
    }
    const mbs = text.length / 1e6 / Math.min(...splitTimes);
    // CPU time too: on a shared machine the wall clock also counts other processes' turns.
    const cpuMbs = text.length / 1e6 / Math.min(...splitCpu);

    console.log(sqlServer
      ? `T-SQL script on the DW_TEST_MSSQL server: ${statements} statements, GO every 100; dwb side: core runScriptFile over TDS (no sqlcmd here to compare with)`
      : `PostgreSQL script: ${statements} statements; dwb side: ${viaCli ? 'dist/cli.js run' : 'core runScriptFile in-process (dist/cli.js has no run command yet)'}`);
    console.log('measure                          value');
    console.log(`dwb run (s, best of 2)      ${dwb.toFixed(2).padStart(10)}`);
    if (psql !== null && ratio !== null) {
      console.log(`psql -f (s, best of 2)      ${psql.toFixed(2).padStart(10)}`);
      console.log(`dwb / psql                  ${ratio.toFixed(2).padStart(10)}   goal <= 1.30`);
    }
    console.log(`T-SQL splitter (MB/s)       ${mbs.toFixed(1).padStart(10)}   goal >= 50 (${(text.length / 1e6).toFixed(0)} MB, ${batches} batches, best of 3)`);
    console.log(`T-SQL splitter (MB/s of CPU)${cpuMbs.toFixed(1).padStart(10)}   load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`);
    // The machine is shared: the 1-minute load average at start and end says how quiet it was.
    const load = [Number(loadAtStart.toFixed(1)), Number((loadavg()[0] ?? 0).toFixed(1))];
    console.log(JSON.stringify({
      dwb_s: Number(dwb.toFixed(3)), psql_s: psql === null ? null : Number(psql.toFixed(3)), ratio,
      splitter_mb_s: Number(mbs.toFixed(1)), splitter_cpu_mb_s: Number(cpuMbs.toFixed(1)), load_1m: load,
    }));
  } finally {
    if (!sqlServer) spawnSync('dropdb', ['-h', host, '-p', String(port), '-U', user, '--if-exists', '--force', database]);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
