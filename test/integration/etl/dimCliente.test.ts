import { strict as assert } from 'node:assert';
import type { Engine } from '../../../src/core/engine/types';
import { createPgliteWarehouse, createPostgresWarehouse, resetWarehouse, type TestWarehouse } from './support/warehouse';
import { dimClienteDifferences, insertCustomers } from './support/customers';
import { count, run, setControl, watermarkOf } from './support/run';

const cases: readonly [string, () => Promise<TestWarehouse>][] = [
  ['PostgreSQL', () => createPostgresWarehouse('dimcli')],
  ['PGlite', () => createPgliteWarehouse()],
];

for (const [label, create] of cases) describe(`ETL dim_cliente end to end (${label})`, () => {
  let wh: TestWarehouse;
  let db: Engine;
  before(async () => {
    wh = await create();
    db = wh.engine;
  });
  beforeEach(async () => {
    await resetWarehouse(db);
    await setControl(db, 'dim_cliente', { batchSize: 3, cutoffMinutes: 0 });
  });
  after(async () => {
    await wh.close();
  });

  for (const plan of ['transfer', 'pushdown'] as const) describe(`${plan} plan`, () => {

    it('loads every customer exactly as the mapping contract says, in batches', async () => {
      await insertCustomers(db, [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, updatedAt: `2024-03-0${id} 10:00:00` })));
      const { result, events } = await run(db, { plan });
      assert.equal(result.status, 'success');
      assert.deepEqual(await dimClienteDifferences(db), []);
      assert.equal(await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente'), 7);
      assert.deepEqual(events.filter((e) => e.type === 'batch').map((e) => (e.type === 'batch' ? e.rows : 0)), [3, 3, 1]);
      assert.deepEqual(await watermarkOf(db, 'dim_cliente'), { ts: '2024-03-07 10:00:00', id: '7' });
    });

    it('writes audit.etl_run and audit.etl_run_entity as the monitor reads them', async () => {
      await insertCustomers(db, [1, 2, 3, 4].map((id) => ({ id, updatedAt: '2024-03-01 10:00:00', deletedAt: id === 4 ? '2024-03-01 10:00:00' : null })));
      const { result } = await run(db, { plan });
      const runRow = (await db.query('SELECT * FROM audit.etl_run WHERE run_id = $1', [result.runId])).rows[0] ?? {};
      assert.equal(runRow['status'], 'success');
      assert.equal(runRow['entities_requested'], 'dim_cliente');
      assert.equal(runRow['started_by'], 'test');
      assert.equal(Number(runRow['entities_succeeded']), 1);
      assert.equal(Number(runRow['entities_failed']), 0);
      assert.ok(runRow['finished_at'] !== null);
      const e = (await db.query(
        `SELECT status, extracted_count, upserted_count, soft_deleted_count, CAST(watermark_from_id AS int) AS from_id,
            CAST(watermark_to_id AS int) AS to_id, to_char(watermark_to_updated_at, 'YYYY-MM-DD HH24:MI:SS') AS to_ts, finished_at
          FROM audit.etl_run_entity WHERE run_id = $1`, [result.runId])).rows[0] ?? {};
      assert.deepEqual(
        { ...e, finished_at: e['finished_at'] !== null },
        { status: 'success', extracted_count: e['extracted_count'], upserted_count: e['upserted_count'], soft_deleted_count: e['soft_deleted_count'], from_id: 0, to_id: 4, to_ts: '2024-03-01 10:00:00', finished_at: true },
      );
      assert.deepEqual([Number(e['extracted_count']), Number(e['upserted_count']), Number(e['soft_deleted_count'])], [4, 4, 1]);
      const ctl = (await db.query(`SELECT last_status, CAST(last_run_id AS int) AS last_run_id, last_success_at FROM ctl.etl_control WHERE entity_name = 'dim_cliente'`)).rows[0] ?? {};
      assert.equal(ctl['last_status'], 'success');
      assert.equal(ctl['last_run_id'], result.runId);
      assert.ok(ctl['last_success_at'] !== null);
    });

    it('takes rows that tie on updated_at across a batch boundary, none twice', async () => {
      await insertCustomers(db, [10, 11, 12, 13, 14, 15, 16].map((id) => ({ id, updatedAt: '2024-03-01 10:00:00' })));
      const { result, events } = await run(db, { plan });
      assert.equal(result.entities[0]?.counts.extracted, 7);
      assert.deepEqual(
        events.flatMap((e) => (e.type === 'batch' ? [e.watermark.id] : [])),
        ['12', '15', '16'],
      );
      assert.deepEqual(await dimClienteDifferences(db), []);
      await insertCustomers(db, [{ id: 9, updatedAt: '2024-03-01 10:00:00' }, { id: 17, updatedAt: '2024-03-01 10:00:00' }]);
      const second = await run(db, { plan });
      // id 9 ties with the watermark but sorts before it: the (updated_at, id) keyset never re-reads it.
      assert.equal(second.result.entities[0]?.counts.extracted, 1);
      assert.equal(await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente WHERE cliente_original_id = 17'), 1);
    });

    it('leaves rows inside the cutoff for the next run', async () => {
      await setControl(db, 'dim_cliente', { cutoffMinutes: 60 });
      await insertCustomers(db, [{ id: 1, updatedAt: '2024-03-01 10:00:00' }]);
      await db.query(`INSERT INTO core.customers (customer_id, customer_code, full_name, updated_at) VALUES (2, 'C2', 'Recente', (now() AT TIME ZONE 'utc') - interval '5 minutes')`);
      const first = await run(db, { plan });
      assert.equal(first.result.entities[0]?.counts.extracted, 1);
      assert.equal(await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente WHERE cliente_original_id = 2'), 0);
      await setControl(db, 'dim_cliente', { cutoffMinutes: 0 });
      const second = await run(db, { plan });
      assert.equal(second.result.entities[0]?.counts.extracted, 1);
      assert.deepEqual(await dimClienteDifferences(db), []);
    });

    it('updates changed customers in place (SCD type 1) and counts soft deletes', async () => {
      await insertCustomers(db, [1, 2, 3].map((id) => ({ id, updatedAt: '2024-03-01 10:00:00' })));
      await run(db, { plan });
      const sk = await count(db, 'SELECT cliente_id AS n FROM dim.dim_cliente WHERE cliente_original_id = 2');
      await db.query(`UPDATE core.customers SET email = ' NOVO@X.COM', deleted_at = TIMESTAMP '2024-03-02 09:00:00', updated_at = TIMESTAMP '2024-03-02 09:00:00' WHERE customer_id = 2`);
      const { result } = await run(db, { plan });
      assert.deepEqual(result.entities[0]?.counts, { extracted: 1, upserted: 1, softDeleted: 1, rejected: 0, batches: 1 });
      assert.deepEqual(await dimClienteDifferences(db), []);
      assert.equal(await count(db, 'SELECT cliente_id AS n FROM dim.dim_cliente WHERE cliente_original_id = 2'), sk);
      assert.equal(await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente WHERE NOT eh_ativo'), 1);
    });

    it('rejects a row that breaks a rule into audit.etl_reject and marks the run partial', async () => {
      await insertCustomers(db, [
        { id: 1, updatedAt: '2024-03-01 10:00:00' },
        { id: 2, updatedAt: '2024-03-01 10:00:00', phone: '11 9999 ramal 2' },
        { id: 3, updatedAt: '2024-03-01 10:00:00' },
      ]);
      const { result } = await run(db, { plan });
      assert.equal(result.status, 'partial');
      assert.equal(result.entities[0]?.counts.rejected, 1);
      const reject = (await db.query('SELECT source_key, column_name, rule_name, reason FROM audit.etl_reject WHERE run_id = $1', [result.runId])).rows;
      assert.equal(reject.length, 1);
      assert.equal(reject[0]?.['source_key'], '2');
      assert.equal(reject[0]?.['column_name'], 'telefone');
      assert.equal(reject[0]?.['rule_name'], 'normalizar_telefone');
      assert.match(String(reject[0]?.['reason']), /ramal/);
      const e = (await db.query('SELECT status, error_message FROM audit.etl_run_entity WHERE run_id = $1', [result.runId])).rows[0];
      assert.equal(e?.['status'], 'partial');
      assert.match(String(e?.['error_message']), /1 source row\(s\) rejected/);
      assert.equal((await db.query('SELECT status FROM audit.etl_run WHERE run_id = $1', [result.runId])).rows[0]?.['status'], 'partial');
      assert.deepEqual(await dimClienteDifferences(db, 'e.cliente_original_id <> 2'), []);
    });

    it('reloads from the start with full, changing nothing that is already right', async () => {
      await insertCustomers(db, [1, 2, 3, 4].map((id) => ({ id, updatedAt: '2024-03-01 10:00:00' })));
      await run(db, { plan });
      const { result } = await run(db, { plan, full: true });
      assert.deepEqual(result.entities[0]?.counts, { extracted: 4, upserted: 0, softDeleted: 0, rejected: 0, batches: 2 });
      assert.deepEqual(await dimClienteDifferences(db), []);
    });
  });
});
