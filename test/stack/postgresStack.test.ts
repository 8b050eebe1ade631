import { strict as assert } from 'node:assert';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  backupNow,
  latestBackupSet,
  listBackups,
  restoreBackups,
  startStack,
  type StackEvent,
} from '../../src/core/stack';
import { openTestPostgresStack, requireDocker, type TestStack } from './dockerTestEnv';
import { bootstrapWarehouse, psql } from './psql';

const COUNTED_TABLES = ['core.customers', 'dim.dim_cliente', 'dim.dim_data'];

async function rowCounts(t: TestStack): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of COUNTED_TABLES) out[table] = Number(await psql(t.stack, ['-c', `select count(*) from ${table}`]));
  return out;
}

async function insertCustomers(t: TestStack, from: number, count: number): Promise<void> {
  await psql(t.stack, [
    '-c',
    `insert into core.customers (customer_code, full_name, email, state, segment)
     select 'C' || lpad(g::text, 6, '0'), 'Cliente ' || g, 'cliente' || g || '@example.com', 'SP', 'Pessoa Fisica'
     from generate_series(${from}, ${from + count - 1}) g`,
  ]);
}

describe('PostgreSQL stack on a real Docker engine', function () {
  this.timeout(600_000);
  let t: TestStack;
  let bootstrapped: string[] = [];

  before(async function () {
    await requireDocker(this);
    t = await openTestPostgresStack();
  });

  after(async () => {
    await t?.dispose();
  });

  it('starts: compose up, healthy, bootstrap, connection check, reporting progress on the way', async () => {
    const timings = await startStack(t.stack, {
      bootstrap: async (s) => { bootstrapped = await bootstrapWarehouse(s); },
      checkConnection: async (s) => { assert.equal(await psql(s, ['-c', 'select 1']), '1'); },
    });
    assert.equal(await t.stack.status(), 'healthy');
    assert.ok(bootstrapped.includes('postgres/dw/02_dimensions.sql'), `bootstrap ran: ${bootstrapped.join(', ')}`);
    const phases = t.events.filter((e): e is Extract<StackEvent, { type: 'phase' }> => e.type === 'phase' && e.state === 'done');
    assert.deepEqual(phases.map((p) => p.phase), ['checks', 'up', 'health', 'bootstrap', 'connection']);
    assert.ok(t.events.some((e) => e.type === 'health'), 'health polls were reported');
    assert.ok(timings.healthMs >= 0 && timings.bootstrapMs > 0);
  });

  it('never shows the generated password in any event, and keeps no .env after compose ran', async () => {
    const password = t.secrets.values['POSTGRES_PASSWORD'] ?? '';
    assert.ok(password.length >= 12);
    const text = JSON.stringify(t.events);
    assert.ok(!text.includes(password));
    await assert.rejects(stat(t.stack.options.envFile), { code: 'ENOENT' });
  });

  it('publishes the server on 127.0.0.1 only', async () => {
    const r = await t.stack.docker.run(['port', (await t.stack.docker.serviceContainers(t.stack.projectName, 'postgres'))[0] ?? '', '5432']);
    assert.equal(r.stdout.trim(), `127.0.0.1:${t.port}`);
  });

  it('keeps the data across down and up', async () => {
    await insertCustomers(t, 1, 25);
    await psql(t.stack, [
      '-c',
      `insert into dim.dim_cliente (cliente_original_id, nome_cliente, tipo_cliente, data_ultima_atualizacao, eh_ativo)
       select customer_id, full_name, customer_type, updated_at, is_active from core.customers`,
    ]);
    const before = await rowCounts(t);
    assert.equal(before['core.customers'], 25);
    await t.stack.down();
    assert.equal(await t.stack.status(), 'down');
    await startStack(t.stack);
    assert.deepEqual(await rowCounts(t), before);
  });

  it('backs up, and a destroyed stack restored from the backup has the same row counts', async () => {
    const counts = await rowCounts(t);
    const taken = await backupNow(t.stack);
    assert.ok(taken.some((b) => b.database === 'dw_ecommerce'), `backup files: ${taken.map((b) => b.file).join(', ')}`);
    for (const b of taken) assert.ok(b.sizeBytes > 0);

    await t.stack.destroy();
    const volumes = await t.stack.docker.run(['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${t.stack.projectName}`]);
    assert.equal(volumes.stdout.trim(), '', 'destroy deleted the volumes');

    await startStack(t.stack, { bootstrap: async (s) => { await bootstrapWarehouse(s); } });
    assert.equal(Number(await psql(t.stack, ['-c', 'select count(*) from core.customers'])), 0, 'the fresh stack is empty');

    const latest = latestBackupSet(await listBackups(t.stack));
    assert.deepEqual(latest.map((b) => b.file).sort(), taken.map((b) => b.file).sort());
    assert.equal(path.dirname(path.join(t.stack.options.backupDir, latest[0]?.file ?? '')), t.stack.options.backupDir);
    await restoreBackups(t.stack, latest);
    assert.deepEqual(await rowCounts(t), counts);
  });
});
