import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Engine } from '../../../src/core/engine/types';
import { EntityDefinitionError } from '../../../src/core/etl/definition/errors';
import { loadEntityDefinitions } from '../../../src/core/etl/definition/load';
import type { EtlPhase } from '../../../src/core/etl/run/events';
import { dimClienteDiff, insertCustomers } from './support/customers';
import { DEFINITIONS, count, run, setControl } from './support/run';
import { runKilledAt } from './support/crash';
import { createPostgresWarehouse, reopen, resetWarehouse, type TestWarehouse } from './support/warehouse';

const CUSTOMERS = 20;
const ORDERS = 30;
const BATCH = 4;

/** Customers with an order at or below the orders trigger's watermark whose dim row is not right: must always be zero. */
const BEHIND_TRIGGER = `cliente_original_id IN (SELECT o.customer_id FROM core.orders o
  JOIN ctl.etl_trigger_watermark w ON w.entity_name = 'dim_cliente' AND w.trigger_name = 'orders'
  WHERE (o.updated_at, o.order_id) <= (w.watermark_updated_at, w.watermark_id))`;

/** What the trigger pages extract in all: the distinct customers of each page of BATCH orders. */
const EXPECTED_EXTRACTED = `SELECT sum(n) AS n FROM (SELECT count(DISTINCT customer_id) AS n FROM (
    SELECT customer_id, (row_number() OVER (ORDER BY updated_at, order_id) - 1) / ${BATCH} AS page FROM core.orders) x
  GROUP BY page) y`;

/**
 * Customers loaded, then orders added behind the orders trigger's watermark without touching a
 * customer: only the trigger can bring the aggregates up to date. Ties on updated_at cross pages.
 */
async function seed(db: Engine): Promise<number> {
  await resetWarehouse(db);
  await db.batch(`DELETE FROM ctl.etl_trigger_watermark;
    INSERT INTO core.regions (region_id, region_name, state, state_name, city) VALUES (1, 'Sudeste', 'SP', 'Sao Paulo', 'Sao Paulo')`);
  await insertCustomers(db, Array.from({ length: CUSTOMERS }, (_, i) => ({ id: i + 1, updatedAt: '2024-03-01 10:00:00' })));
  await setControl(db, 'dim_cliente', { batchSize: BATCH, cutoffMinutes: 0 });
  const { result } = await run(db, { plan: 'transfer' });
  assert.equal(result.status, 'success');
  await db.query(`UPDATE ctl.etl_trigger_watermark SET watermark_updated_at = '2024-03-01', watermark_id = 0`);
  for (let i = 0; i < ORDERS; i++) {
    await db.query(
      `INSERT INTO core.orders (order_number, customer_id, region_id, order_date, created_at, updated_at)
        VALUES ($1, $2, 1, TIMESTAMP '2024-03-02 09:00:00', TIMESTAMP '2024-03-02 09:00:00', CAST($3 AS timestamp))`,
      [`O${i}`, (i % CUSTOMERS) + 1, `2024-03-02 10:${String(Math.floor(i / 3)).padStart(2, '0')}:00`],
    );
  }
  assert.ok((await dimClienteDiff(db)) > 0);
  return result.runId;
}

describe('ETL triggers under connection loss (PostgreSQL, pg_terminate_backend)', function () {
  this.timeout(600_000);
  let wh: TestWarehouse;
  before(async () => {
    wh = await createPostgresWarehouse('trgfaults');
  });
  after(async () => {
    await wh.close();
  });

  const phases: EtlPhase[] = ['extract', 'stage', 'merge', 'commit', 'committed'];
  for (const plan of ['transfer', 'pushdown'] as const) for (const phase of phases) {
    for (const batch of [1, 3]) {
      it(`${plan} plan killed before ${phase} of trigger page ${batch}: no loss, no duplicate, trigger watermark never ahead of the data`, async () => {
        const initialRun = await seed(wh.engine);
        await runKilledAt(wh, plan, phase, (p, info) => info.trigger === 'orders' && p === phase && info.batch === batch);
        const db = await reopen(wh.name);
        try {
          assert.equal(await dimClienteDiff(db, BEHIND_TRIGGER), 0, 'customers behind the trigger watermark are up to date');
          const { result } = await run(db, { plan });
          assert.equal(result.status, 'success');
          assert.equal(await dimClienteDiff(db), 0);
          assert.equal(await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente'), CUSTOMERS);
          assert.equal(await count(db, 'SELECT count(DISTINCT cliente_original_id) AS n FROM dim.dim_cliente'), CUSTOMERS);
          // Each trigger page counted once: committed pages before the crash, the rest after.
          assert.equal(
            await count(db, 'SELECT COALESCE(sum(extracted_count), 0) AS n FROM audit.etl_run_entity WHERE run_id > $1', [initialRun]),
            await count(db, EXPECTED_EXTRACTED),
          );
          const wm = (await db.query<{ ts: string; id: string }>(`SELECT to_char(watermark_updated_at, 'YYYY-MM-DD HH24:MI:SS') AS ts,
              CAST(watermark_id AS text) AS id FROM ctl.etl_trigger_watermark WHERE entity_name = 'dim_cliente' AND trigger_name = 'orders'`)).rows[0];
          assert.deepEqual(wm, { ts: '2024-03-02 10:09:00', id: String(ORDERS) });
          assert.equal(await count(db, `SELECT count(*) AS n FROM audit.etl_run WHERE status = 'running'`), 0);
        } finally {
          await db.close();
        }
      });
    }
  }
});

describe('ETL triggers: a bad trigger is refused before any data moves (PostgreSQL)', () => {
  let wh: TestWarehouse;
  let dir: string;
  before(async () => {
    wh = await createPostgresWarehouse('trgbad');
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-trgbad-'));
  });
  after(async () => {
    await wh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names file, line, entity and trigger for a missing table, a missing column, SQL that does not run and a remembering trigger without an integer key', async () => {
    await resetWarehouse(wh.engine);
    await insertCustomers(wh.engine, [{ id: 1, updatedAt: '2024-03-01 10:00:00' }]);
    const shipped = DEFINITIONS.find((d) => d.entity === 'dim_cliente');
    assert.ok(shipped);
    const def = JSON.parse(readFileSync(shipped.file, 'utf8')) as { source: Record<string, unknown> };
    def.source['triggers'] = [
      { name: 'gone', table: 'core.no_such_table', key: 'order_id', updatedAt: 'updated_at', keys: 'SELECT t.customer_id' },
      { name: 'stamp', table: 'core.orders', key: 'order_id', updatedAt: 'changed_at', keys: 'SELECT t.customer_id' },
      { name: 'broken', table: 'core.orders', key: 'order_id', updatedAt: 'updated_at', keys: 'SELECT t.no_such_column' },
      { name: 'textkey', table: 'core.orders', key: 'order_number', updatedAt: 'updated_at', keys: 'SELECT t.customer_id', remember: true },
    ];
    const file = path.join(dir, 'dim_cliente.json');
    writeFileSync(file, JSON.stringify(def, null, 2));
    const definitions = loadEntityDefinitions(dir);
    const lines = readFileSync(file, 'utf8').split('\n');
    const lineOf = (name: string): number => lines.findIndex((l, i) => l.trim() === '{' && (lines[i + 1] ?? '').includes(`"name": "${name}"`)) + 1;
    await assert.rejects(run(wh.engine, { definitions }), (e: unknown) => {
      assert.ok(e instanceof EntityDefinitionError);
      const got = e.problems.map((p) => [p.file, p.line, p.entity, p.trigger, p.column ?? null]);
      assert.deepEqual(got, [
        [file, lineOf('gone'), 'dim_cliente', 'gone', null],
        [file, lineOf('stamp'), 'dim_cliente', 'stamp', 'changed_at'],
        [file, lineOf('broken'), 'dim_cliente', 'broken', null],
        [file, lineOf('textkey'), 'dim_cliente', 'textkey', 'order_number'],
      ]);
      assert.match(e.message, /trigger textkey, column order_number: "remember" needs an integer key; core\.orders\.order_number is character varying/);
      assert.match(e.message, /dim_cliente\.json:\d+: entity dim_cliente, trigger broken: its keys SQL does not run on core\.orders: .*no_such_column/);
      return true;
    });
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM dim.dim_cliente'), 0);
    // The refused run is on record, failed with the reason, and loaded no entity.
    const runs = await wh.engine.query<{ status: string; error_message: string }>('SELECT status, error_message FROM audit.etl_run');
    assert.deepEqual(runs.rows.map((r) => r.status), ['failed']);
    assert.match(runs.rows[0]?.error_message ?? '', /^The run could not start: .*trigger broken: its keys SQL does not run/s);
    assert.equal(await count(wh.engine, 'SELECT count(*) AS n FROM audit.etl_run_entity'), 0);
  });
});
