import { strict as assert } from 'node:assert';
import type { Engine } from '../../../src/core/engine/types';
import { runEtl } from '../../../src/core/etl/run/run';
import { DEFINITIONS, count } from './support/run';
import { DISCOUNTS_DIFF, SALES_DIFF, FACT_CASES, bootstrapFactsWarehouse, type FactsWarehouse } from './support/facts';

for (const c of FACT_CASES) {
  describe(`ETL: soft-deleted order items leave fact_vendas and fact_descontos (${c.engine}, ${c.plan} plan)`, function () {
    this.timeout(900_000);
    let wh: FactsWarehouse;
    let dw: Engine;
    let oltp: Engine;
    const order = DEFINITIONS.map((d) => d.entity);
    const etl = (): ReturnType<typeof runEtl> =>
      runEtl({ source: c.plan === 'transfer' ? oltp : dw, target: dw, definitions: DEFINITIONS, plan: c.plan, entities: order, startedBy: 'test' });

    before(async () => {
      wh = await bootstrapFactsWarehouse(c.engine, 'dwb-softdel');
      ({ dw, oltp } = wh);
    });
    after(() => wh.close());

    it('deletes the facts of items soft-deleted after the first load, their discounts first, and counts them', async () => {
      const first = await etl();
      assert.deepEqual(first.entities.filter((e) => e.status !== 'success'), []);
      assert.equal(await count(dw, SALES_DIFF), 0);
      assert.equal(await count(dw, DISCOUNTS_DIFF), 0);

      // Every 9th live item and every live item with a discount among the first ones: the discount
      // rows themselves stay live in the OLTP, so only the item's deletion may remove their facts.
      await oltp.batch(`
        CREATE TEMP TABLE softdel AS SELECT order_item_id FROM core.order_items
          WHERE deleted_at IS NULL AND (order_item_id % 9 = 0 OR order_item_id IN (
            SELECT order_item_id FROM core.order_item_discounts WHERE deleted_at IS NULL ORDER BY order_item_id LIMIT 25));
        UPDATE core.order_items SET deleted_at = date_trunc('second', now() AT TIME ZONE 'utc') - interval '1 second',
            updated_at = date_trunc('second', now() AT TIME ZONE 'utc') - interval '1 second'
          WHERE order_item_id IN (SELECT order_item_id FROM softdel);`);
      const deleted = await count(oltp, 'SELECT count(*) AS n FROM softdel');
      const withDiscounts = await count(oltp, `SELECT count(*) AS n FROM core.order_item_discounts
        WHERE deleted_at IS NULL AND order_item_id IN (SELECT order_item_id FROM softdel)`);
      assert.ok(deleted > 30 && withDiscounts > 0, `${deleted} items, ${withDiscounts} discounts`);
      const factsBefore = await count(dw, 'SELECT count(*) AS n FROM fact.fact_vendas');

      const second = await etl();
      assert.deepEqual(second.entities.filter((e) => e.status !== 'success'), []);
      const sales = second.entities.find((e) => e.entity === 'fact_vendas');
      assert.deepEqual(
        [sales?.counts.extracted, sales?.counts.upserted, sales?.counts.softDeleted, sales?.counts.rejected],
        [deleted, 0, deleted, 0],
      );
      assert.equal(await count(dw, 'SELECT count(*) AS n FROM fact.fact_vendas'), factsBefore - deleted);
      assert.equal(await count(dw, SALES_DIFF), 0);
      assert.equal(await count(dw, DISCOUNTS_DIFF), 0);
      // The run's entity row as the monitor reads it.
      const audit = (await dw.query<Record<string, unknown>>(
        `SELECT extracted_count, upserted_count, soft_deleted_count FROM audit.etl_run_entity
          WHERE run_id = $1 AND entity_name = 'fact_vendas'`, [second.runId])).rows[0] ?? {};
      assert.deepEqual([Number(audit['extracted_count']), Number(audit['upserted_count']), Number(audit['soft_deleted_count'])], [deleted, 0, deleted]);
      // The watermark reached the deletions: a third run finds nothing.
      const third = await etl();
      assert.equal(third.entities.find((e) => e.entity === 'fact_vendas')?.counts.extracted, 0);
      assert.equal(await count(dw, SALES_DIFF), 0);
    });
  });
}
