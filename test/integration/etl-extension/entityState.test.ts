import { strict as assert } from 'node:assert';
import type { Engine } from '../../../src/core/engine/types';
import { EntityControlQueries } from '../../../src/core/etl/control/state';
import { planEtlRun } from '../../../src/core/etl/present/plan';
import { UnknownEntityError } from '../../../src/core/etl';
import { createEngine } from '../../../src/core/engine/factory';
import { createPgliteWarehouse, createPostgresWarehouse, resetWarehouse, type TestWarehouse } from '../etl/support/warehouse';
import { insertCustomers } from '../etl/support/customers';
import { DEFINITIONS, count, run, setControl, watermarkOf } from '../etl/support/run';

const cases: readonly [string, () => Promise<TestWarehouse>][] = [
  ['PostgreSQL', () => createPostgresWarehouse('etlext')],
  ['PGlite', () => createPgliteWarehouse()],
];

for (const [label, create] of cases) describe(`ETL entities tree and dry run on the warehouse (${label})`, () => {
  let wh: TestWarehouse;
  let db: Engine;
  let q: EntityControlQueries;
  before(async () => {
    wh = await create();
    db = wh.engine;
    q = new EntityControlQueries(db, db.dialect);
  });
  beforeEach(async () => {
    await resetWarehouse(db);
    await setControl(db, 'dim_cliente', { batchSize: 3, cutoffMinutes: 0 });
    await db.query(`UPDATE ctl.etl_control SET is_active = (entity_name = 'dim_cliente')`);
  });
  after(async () => {
    await wh.close();
  });

  it('finds ctl.etl_control once bootstrapped', async () => {
    assert.equal(await q.hasControlTable(), true);
  });

  it('lists every registered entity; a never-run one has no last run and the initial watermark', async () => {
    const states = await q.entities();
    assert.deepEqual(states.map((s) => s.entity), [...states.map((s) => s.entity)].sort());
    const cliente = states.find((s) => s.entity === 'dim_cliente');
    assert.ok(cliente, JSON.stringify(states.map((s) => s.entity)));
    assert.deepEqual(
      [cliente.lastRun, cliente.isActive, cliente.batchSize, cliente.cutoffMinutes, cliente.watermark.id, cliente.watermark.updatedAt.slice(0, 10)],
      [null, true, 3, 0, '0', '1900-01-01'],
    );
    assert.equal(states.find((s) => s.entity === 'dim_produto')?.isActive, false);
  });

  it('shows the last run with its counts and the advanced watermark, and the history newest first', async () => {
    await insertCustomers(db, [1, 2, 3, 4].map((id) => ({ id, updatedAt: `2024-03-0${id} 10:00:00` })));
    const first = await run(db);
    await insertCustomers(db, [{ id: 5, updatedAt: '2024-03-05 10:00:00' }]);
    const second = await run(db);
    const cliente = (await q.entities()).find((s) => s.entity === 'dim_cliente');
    assert.deepEqual(
      [cliente?.lastRun?.runId, cliente?.lastRun?.status, cliente?.lastRun?.extracted, cliente?.lastRun?.upserted, cliente?.lastStatus],
      [second.result.runId, 'success', 1, 1, 'success'],
    );
    // The rows the table holds (5), not the last run's count (1): the tree shows this one.
    assert.equal(cliente?.targetRows, 5);
    assert.equal(cliente?.watermark.updatedAt.slice(0, 19), '2024-03-05T10:00:00');
    assert.equal(cliente?.watermark.id, '5');
    const history = await q.history('dim_cliente', 10);
    assert.deepEqual(history.map((h) => [h.runId, h.extracted]), [[second.result.runId, 1], [first.result.runId, 4]]);
    assert.deepEqual((await q.history('dim_cliente', 1)).map((h) => h.runId), [second.result.runId]);
  });

  it('resets the watermark and switches is_active', async () => {
    await insertCustomers(db, [{ id: 1, updatedAt: '2024-03-01 10:00:00' }]);
    await run(db);
    assert.equal(await q.resetWatermark('dim_cliente'), true);
    assert.deepEqual(await watermarkOf(db, 'dim_cliente'), { ts: '1900-01-01 00:00:00', id: '0' });
    assert.equal(await q.setActive('dim_cliente', false), true);
    assert.equal((await q.entities()).find((s) => s.entity === 'dim_cliente')?.isActive, false);
    assert.equal(await q.setActive('no_such_entity', true), false);
  });

  it('dry run: plans the window and pending batches, moves nothing, and a real run then reads exactly that', async () => {
    await insertCustomers(db, [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, updatedAt: `2024-03-0${id} 10:00:00` })));
    const [plan, ...rest] = await planEtlRun({ source: db, target: db, definitions: DEFINITIONS });
    assert.deepEqual(rest, []);
    assert.deepEqual(
      [plan?.entity, plan?.plan, plan?.pendingRows, plan?.batches, plan?.batchSize, plan?.cutoffMinutes, plan?.registered, plan?.from.id],
      ['dim_cliente', 'pushdown', 7, 3, 3, 0, true, '0'],
    );
    assert.equal(await count(db, 'SELECT count(*) AS n FROM audit.etl_run'), 0);
    assert.equal(await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente'), 0);
    assert.deepEqual(await watermarkOf(db, 'dim_cliente'), { ts: '1900-01-01 00:00:00', id: '0' });
    const real = await run(db);
    assert.equal(real.result.entities[0]?.counts.extracted, plan?.pendingRows);
    assert.equal(real.result.entities[0]?.counts.batches, plan?.batches);
    const [after] = await planEtlRun({ source: db, target: db, definitions: DEFINITIONS, entities: ['dim_cliente'] });
    assert.equal(after?.pendingRows, 0);
    // The triggers were moved to the first run's cutoff; an order behind it is pending for the next.
    assert.deepEqual(after?.triggers.map((t) => [t.trigger, t.pendingRows, t.from?.id]), [['orders', 0, '9223372036854775807'], ['order_items', 0, '9223372036854775807']]);
    await db.batch(`INSERT INTO core.regions (region_id, region_name, state, state_name, city) VALUES (1, 'Sudeste', 'SP', 'Sao Paulo', 'Sao Paulo');
      UPDATE ctl.etl_trigger_watermark SET watermark_updated_at = '2024-03-01', watermark_id = 0 WHERE trigger_name = 'orders';
      INSERT INTO core.orders (order_number, customer_id, region_id, order_date, updated_at) VALUES ('O1', 1, 1, '2024-03-02', '2024-03-02 10:00:00')`);
    const [pending] = await planEtlRun({ source: db, target: db, definitions: DEFINITIONS, entities: ['dim_cliente'] });
    assert.deepEqual(pending?.triggers.map((t) => [t.trigger, t.pendingRows, t.batches]), [['orders', 1, 1], ['order_items', 0, 0]]);
    const [full] = await planEtlRun({ source: db, target: db, definitions: DEFINITIONS, entities: ['dim_cliente'], full: true });
    assert.deepEqual([full?.pendingRows, full?.from.id], [7, '0']);
    assert.deepEqual(full?.triggers.map((t) => [t.trigger, t.from]), [['orders', undefined], ['order_items', undefined]]);
  });

  it('dry run: one cutoff for every entity, from the largest cutoff_minutes, held back by a source transaction still open, as a real run', async function () {
    await setControl(db, 'dim_produto', { cutoffMinutes: 7 });
    const plans = await planEtlRun({ source: db, target: db, definitions: DEFINITIONS, entities: ['dim_cliente', 'dim_produto'] });
    assert.deepEqual(plans.map((p) => [p.entity, p.cutoffMinutes, p.runCutoffMinutes]), [['dim_cliente', 0, 7], ['dim_produto', 7, 7]]);
    assert.equal(new Set(plans.map((p) => p.cutoff)).size, 1);
    const ago = (at: string): number => Date.now() - Date.parse(`${at}Z`);
    // 7 minutes (and a second) back: dim_cliente's own 0 would have read up to now.
    assert.ok(ago(plans[0]?.cutoff ?? '') >= 7 * 60_000, plans[0]?.cutoff);
    if (db.dialect !== 'postgres' || label === 'PGlite') return;
    const writer = await db.session();
    try {
      await writer.transaction(async (tx) => {
        await tx.query('SELECT count(*) FROM core.customers');
        // A clock a few seconds ahead, so only the open transaction can hold the cutoff back.
        const [held] = await planEtlRun({ source: db, target: db, definitions: DEFINITIONS, entities: ['dim_cliente'], now: () => new Date(Date.now() + 3000) });
        assert.equal(held?.runCutoff.boundedBy, 'open-transaction');
        assert.equal(held?.runCutoff.openProcess, String(writer.serverProcessId));
        assert.equal(held?.cutoff, held?.runCutoff.at);
      });
    } finally {
      await writer.release();
    }
    await setControl(db, 'dim_produto', { cutoffMinutes: 2 });
  });

  it('dry run names an unknown entity with the known ones', async () => {
    await assert.rejects(planEtlRun({ source: db, target: db, definitions: DEFINITIONS, entities: ['dim_nada'] }), UnknownEntityError);
  });
});

describe('ETL entities tree before bootstrap (PGlite)', () => {
  it('reports no control table instead of failing', async () => {
    const engine = await createEngine({ engine: 'pglite', database: 'dw' });
    try {
      assert.equal(await new EntityControlQueries(engine, engine.dialect).hasControlTable(), false);
    } finally {
      await engine.close();
    }
  });
});
