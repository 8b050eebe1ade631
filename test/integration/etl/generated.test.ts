import { strict as assert } from 'node:assert';
import type { Engine } from '../../../src/core/engine/types';
import { loadGenerated } from '../../../src/core/generate/load';
import { dimClienteDifferences } from './support/customers';
import { TestClock, count, run, setControl } from './support/run';
import { createPgliteWarehouse, createPostgresWarehouse, type TestWarehouse } from './support/warehouse';

const cases: readonly [string, () => Promise<TestWarehouse>][] = [
  ['PostgreSQL', () => createPostgresWarehouse('gen')],
  ['PGlite', () => createPgliteWarehouse()],
];

for (const [label, create] of cases) {
  describe(`ETL over generated data (${label})`, () => {
    let wh: TestWarehouse;
    let db: Engine;
    before(async () => {
      wh = await create();
      db = wh.engine;
      await loadGenerated(db, { scale: 0.02, seed: 11 });
      await setControl(db, 'dim_cliente', { batchSize: 37, cutoffMinutes: 0 });
    });
    after(async () => {
      await wh.close();
    });

    it('loads dim_cliente equal to the contract computed in plain SQL, aggregates included', async () => {
      const { result } = await run(db);
      assert.equal(result.status, 'success', JSON.stringify(result.entities));
      assert.equal(await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente'), await count(db, 'SELECT count(*) AS n FROM core.customers'));
      assert.ok((await count(db, 'SELECT count(*) AS n FROM dim.dim_cliente WHERE total_compras_historico > 0')) > 0);
      assert.deepEqual(await dimClienteDifferences(db), []);
    });

    it('picks up updates, inserts and soft deletes of an incremental step', async () => {
      await db.batch(`
        CREATE TEMP TABLE step AS SELECT date_trunc('second', (now() AT TIME ZONE 'utc') - interval '1 hour') AS at;
        UPDATE core.customers SET email = upper(email), city = ' ' || upper(city), updated_at = (SELECT at FROM step)
          WHERE customer_id % 7 = 0;
        UPDATE core.customers SET deleted_at = (SELECT at FROM step), updated_at = (SELECT at FROM step)
          WHERE customer_id % 11 = 0;
        INSERT INTO core.customers (customer_code, full_name, email, country, updated_at)
          SELECT 'NEW' || g, 'Novo Cliente ' || g, 'NOVO' || g || '@X.COM', 'brazil', (SELECT at FROM step)
          FROM generate_series(1, 40) g;`);
      const changed = await count(db, `SELECT count(*) AS n FROM core.customers WHERE updated_at > (now() AT TIME ZONE 'utc') - interval '2 hours'`);
      const { result } = await run(db);
      assert.equal(result.entities[0]?.counts.extracted, changed);
      assert.equal(result.entities[0]?.counts.softDeleted, await count(db, 'SELECT count(*) AS n FROM core.customers WHERE deleted_at IS NOT NULL'));
      assert.deepEqual(await dimClienteDifferences(db), []);
    });

    for (const plan of ['pushdown', 'transfer'] as const) {
      it(`${plan}: a broken row that several trigger pages of a run re-extract is rejected once`, async () => {
        const clock = new TestClock();
        // The customer with the most items: each page of two changed items extracts them again.
        const customer = await count(db, `SELECT o.customer_id AS n FROM core.orders o JOIN core.order_items i ON i.order_id = o.order_id
          WHERE o.deleted_at IS NULL AND o.customer_id IN (SELECT customer_id FROM core.customers WHERE deleted_at IS NULL)
          GROUP BY o.customer_id ORDER BY count(*) DESC, o.customer_id LIMIT 1`);
        await db.batch(`UPDATE core.order_items SET updated_at = ${clock.stamp()} WHERE order_id IN (SELECT order_id FROM core.orders WHERE customer_id = ${customer});
          UPDATE core.customers SET phone = 'ramal abc', updated_at = ${clock.stamp()} WHERE customer_id = ${customer}`);
        await setControl(db, 'dim_cliente', { batchSize: 2 });
        try {
          const { result, events } = await run(db, { plan, now: clock.now });
          const pages = events.filter((e) => e.type === 'batch' && e.trigger?.name === 'order_items').length;
          assert.ok(pages >= 3, `the customer's items span ${pages} trigger pages`);
          assert.equal(result.entities[0]?.status, 'partial', JSON.stringify(result.entities));
          assert.equal(result.entities[0]?.counts.rejected, 1);
          assert.equal(await count(db, 'SELECT count(*) AS n FROM audit.etl_reject WHERE run_id = $1', [result.runId]), 1);
          assert.match(result.entities[0]?.error ?? '', /^1 source row\(s\) rejected/);
          clock.advance();
          await db.query(`UPDATE core.customers SET phone = '(11) 98888-0000', updated_at = ${clock.stamp()} WHERE customer_id = $1`, [customer]);
          assert.equal((await run(db, { plan, now: clock.now })).result.status, 'success');
        } finally {
          await setControl(db, 'dim_cliente', { batchSize: 37 });
        }
        assert.deepEqual(await dimClienteDifferences(db), []);
      });
    }
  });
}

describe('ETL of the other shipped dimensions over generated data (PGlite)', () => {
  let wh: TestWarehouse;
  before(async () => {
    wh = await createPgliteWarehouse();
    await loadGenerated(wh.engine, { scale: 0.02, seed: 5 });
  });
  after(async () => {
    await wh.close();
  });

  for (const [entity, source, target, key] of [
    ['dim_regiao', 'core.regions', 'dim.dim_regiao', 'regiao_original_id'],
    ['dim_desconto', 'core.discount_campaigns', 'dim.dim_desconto', 'desconto_original_id'],
  ] as const) {
    it(`loads ${entity}: one member per source row, soft deletes inactive`, async () => {
      await setControl(wh.engine, entity, { cutoffMinutes: 0 });
      const { result } = await run(wh.engine, { entities: [entity] });
      assert.equal(result.status, 'success', JSON.stringify(result.entities));
      assert.equal(await count(wh.engine, `SELECT count(*) AS n FROM ${target}`), await count(wh.engine, `SELECT count(*) AS n FROM ${source}`));
      assert.equal(
        await count(wh.engine, `SELECT count(*) AS n FROM ${target} t JOIN ${source} s ON s.${entity === 'dim_regiao' ? 'region_id' : 'discount_id'} = t.${key}
          WHERE t.eh_ativo <> (s.is_active AND s.deleted_at IS NULL)`),
        0,
      );
    });
  }
});
