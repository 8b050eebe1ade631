import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { etlCommand } from '../../../src/cli/commands/etl';
import { main } from '../../../src/cli/main';
import { insertCustomers } from './support/customers';
import { count } from './support/run';
import { createPostgresWarehouse, PG, type TestWarehouse } from './support/warehouse';

const root = path.resolve(__dirname, '../../..');

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('dwb etl (PostgreSQL)', () => {
  let wh: TestWarehouse;
  let dir: string;
  before(async () => {
    wh = await createPostgresWarehouse('cli');
    await insertCustomers(wh.engine, [1, 2, 3].map((id) => ({ id, updatedAt: '2024-03-01 10:00:00' })));
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-etl-cli-'));
    writeFileSync(
      path.join(dir, 'dw-workbench.json'),
      JSON.stringify({ name: 't', engine: 'postgres', connection: { host: PG.host, port: PG.port, user: PG.user }, databases: { oltp: wh.name, dw: wh.name } }),
    );
  });
  after(async () => {
    await wh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function dwb(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const out = capture();
    const err = capture();
    const code = await main(['etl', ...args], { stdout: out.stream, stderr: err.stream, env: {}, cwd: dir });
    return { code, stdout: out.text(), stderr: err.text() };
  }

  it('runs the active entities with the shipped definitions and prints the outcome as JSON', async () => {
    const r = await dwb('--json');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { status: string; entities: { entity: string; counts: { extracted: number } }[] };
    assert.equal(json.status, 'success');
    assert.deepEqual(json.entities.map((e) => [e.entity, e.counts.extracted]), [['dim_cliente', 3]]);
    // The shipped definitions it did not run (inactive), each with the reason.
    const skipped = (JSON.parse(r.stdout) as { skipped: { entity: string; reason: string }[] }).skipped;
    assert.equal(skipped.length, 8);
    assert.ok(skipped.every((x) => x.entity !== 'dim_cliente' && x.reason === 'not active in ctl.etl_control'));
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM dim.dim_cliente'), 3);
  });

  it('prints progress and a table without --json', async () => {
    const r = await dwb('dim_cliente', '--full');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /dim_cliente: batch 1: 3 rows/);
    assert.match(r.stderr, /^run \d+: dim_cliente\ncutoff of the run: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/m);
    assert.match(r.stdout, /dim_cliente\s+SUCCESS\s+3/);
  });

  it('warns, and exits 0, when the warehouse cannot take the run\'s connection snapshots (no connection audit scripts here)', async () => {
    const r = await dwb('dim_cliente');
    assert.equal(r.code, 0, r.stderr);
    for (const stage of ['start', 'end']) {
      assert.match(r.stderr, new RegExp(`run \\d+: warning: connection snapshot \\(${stage}\\) failed: .*audit\\.usp_capture_connection_snapshot.*The run went on without it\\.`));
    }
    const json = JSON.parse((await dwb('dim_cliente', '--json')).stdout) as { status: string; snapshots: { stage: string; status: string }[] };
    assert.equal(json.status, 'success');
    assert.deepEqual(json.snapshots.map((x) => `${x.stage} ${x.status}`), ['start failed', 'end failed']);
  });

  it('exits non-zero, naming entity, column and rule, when a project definition is wrong', async () => {
    const defs = path.join(dir, 'etl', 'entities');
    mkdirSync(defs, { recursive: true });
    const def = JSON.parse(readFileSync(path.join(root, 'etl/entities/dim_cliente.json'), 'utf8')) as { columns: { target: string; rule: string }[] };
    const email = def.columns.find((c) => c.target === 'email');
    if (email) email.rule = 'normalizar_correio';
    writeFileSync(path.join(defs, 'dim_cliente.json'), JSON.stringify(def, null, 2));
    try {
      const r = await dwb('dim_cliente');
      assert.equal(r.code, 1);
      assert.match(r.stderr, /entity dim_cliente, column email, rule normalizar_correio: names a rule that is not in the catalogue/);
    } finally {
      rmSync(path.join(dir, 'etl'), { recursive: true, force: true });
    }
  });

  it('--all prints the entities it skipped and why', async () => {
    const r = await dwb('--all');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /skipped \(not active in ctl\.etl_control\): .*fact_vendas/);
  });

  it('exits 2 (wrong command line) when an entity is unknown', async () => {
    const r = await dwb('dim_nada');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /No ETL entity named dim_nada/);
  });

  it('activates and deactivates every registered entity headless (dwb etl activate --all)', async () => {
    const on = await dwb('activate', '--all');
    assert.equal(on.code, 0, on.stderr);
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM ctl.etl_control WHERE NOT is_active'), 0);
    assert.match(on.stdout, /dim_vendedor\s+yes/);
    const off = await dwb('deactivate', 'dim_vendedor', 'no_such_entity');
    assert.equal(off.code, 1);
    assert.match(off.stderr, /no_such_entity has no row in ctl\.etl_control/);
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM ctl.etl_control WHERE NOT is_active'), 1);
    assert.equal((await dwb('activate')).code, 2, 'names or --all are required');
    await wh.engine.query(`UPDATE ctl.etl_control SET is_active = (entity_name = 'dim_cliente')`);
  });

  it('has usage text', () => {
    assert.match(etlCommand.usage, /dwb etl \[entity\.\.\.\|--all\] \[--full\]/);
  });
});
