import { strict as assert } from 'node:assert';
import type { Engine } from '../../../src/core/engine/types';
import { EntityControlQueries } from '../../../src/core/etl/control/state';
import { runEtl, type EtlRunResult } from '../../../src/core/etl/run/run';
import { dimClienteDiff } from './support/customers';
import { DEFINITIONS, TestClock, count } from './support/run';
import { DISCOUNTS_DIFF, SALES_DIFF, SALES_ORDER_DIFF, FACT_CASES, bootstrapFactsWarehouse, type FactsWarehouse } from './support/facts';
/**
 * The trigger watermarks sit at a run's cutoff second: changes stamped in that same second would
 * look already seen. The runs read an injected clock that the test moves past each run's cutoff
 * (`TestClock`), so changes are stamped after it without waiting for the wall clock.
 */

for (const c of FACT_CASES) {
  describe(`ETL triggers: rows re-triggered by changes of other tables (${c.engine}, ${c.plan} plan)`, function () {
    this.timeout(900_000);
    let wh: FactsWarehouse;
    let dw: Engine;
    let oltp: Engine;
    const order = DEFINITIONS.map((d) => d.entity);
    const clock = new TestClock();
    const etl = async (): Promise<EtlRunResult> => {
      const r = await runEtl({ source: c.plan === 'transfer' ? oltp : dw, target: dw, definitions: DEFINITIONS, plan: c.plan, entities: order, startedBy: 'test', now: clock.now });
      clock.advance();
      assert.deepEqual(r.entities.filter((e) => e.status !== 'success').map((e) => `${e.entity}: ${e.error ?? e.status}`), []);
      return r;
    };
    const countsOf = (r: EtlRunResult, entity: string): number[] => {
      const e = r.entities.find((x) => x.entity === entity);
      return [e?.counts.extracted ?? -1, e?.counts.upserted ?? -1, e?.counts.softDeleted ?? -1];
    };
    const scalar = async (sql: string): Promise<string> => String(Object.values((await oltp.query(sql)).rows[0] ?? {})[0]);

    before(async () => {
      wh = await bootstrapFactsWarehouse(c.engine, 'dwb-trg');
      ({ dw, oltp } = wh);
    });
    after(() => wh.close());

    it('first load moves every trigger to its cutoff: a second run with no change re-triggers nothing', async () => {
      await etl();
      assert.equal(await dimClienteDiff(dw), 0);
      assert.equal(await count(dw, SALES_DIFF), 0);
      assert.equal(await count(dw, DISCOUNTS_DIFF), 0);
      assert.equal(await count(dw, 'SELECT count(*) AS n FROM ctl.etl_trigger_watermark WHERE watermark_id = 9223372036854775807'),
        DEFINITIONS.reduce((n, d) => n + (d.source.triggers?.length ?? 0), 0));
      const second = await etl();
      for (const e of ['dim_cliente', 'fact_vendas', 'fact_descontos']) assert.deepEqual(countsOf(second, e), [0, 0, 0], e);
    });

    it('dim_cliente: a new order, a new item and a soft-deleted order re-trigger their customers only', async () => {
      // Three customers with live orders, not touched themselves: a, b and c.
      const ids = (await oltp.query<{ customer_id: string }>(`SELECT customer_id FROM core.customers cu
          WHERE deleted_at IS NULL AND (SELECT count(*) FROM core.orders o WHERE o.customer_id = cu.customer_id AND o.deleted_at IS NULL) >= 2
          ORDER BY customer_id LIMIT 3`)).rows.map((r) => String(r.customer_id));
      assert.equal(ids.length, 3);
      const [a, b, cc] = ids as [string, string, string];
      const customersBefore = await scalar('SELECT max(updated_at) FROM core.customers');
      await oltp.batch(`
        INSERT INTO core.orders (order_number, customer_id, seller_id, region_id, order_date, created_at, updated_at)
          SELECT 'TRG-' || order_id, ${a}, seller_id, region_id, order_date, ${clock.stamp()}, ${clock.stamp()} FROM core.orders
          WHERE customer_id = ${a} AND deleted_at IS NULL ORDER BY order_id LIMIT 1;
        INSERT INTO core.order_items (order_id, product_id, quantity, unit_price, gross_amount, discount_amount, net_amount, cost_amount, created_at, updated_at)
          SELECT o.order_id, i.product_id, 2, i.unit_price, i.unit_price * 2, 0, i.unit_price * 2, i.cost_amount, ${clock.stamp()}, ${clock.stamp()}
          FROM core.orders o, core.order_items i WHERE o.order_number LIKE 'TRG-%' AND o.customer_id = ${a}
            AND i.order_item_id = (SELECT min(order_item_id) FROM core.order_items);
        INSERT INTO core.order_items (order_id, product_id, quantity, unit_price, gross_amount, discount_amount, net_amount, cost_amount, created_at, updated_at)
          SELECT o.order_id, i.product_id, 1, 77.70, 77.70, 0, 77.70, 10, ${clock.stamp()}, ${clock.stamp()}
          FROM core.orders o, core.order_items i WHERE o.order_id = (SELECT min(order_id) FROM core.orders WHERE customer_id = ${b} AND deleted_at IS NULL)
            AND i.order_item_id = (SELECT min(order_item_id) FROM core.order_items);
        UPDATE core.orders SET deleted_at = ${clock.stamp()}, updated_at = ${clock.stamp()}
          WHERE order_id = (SELECT min(order_id) FROM core.orders WHERE customer_id = ${cc} AND deleted_at IS NULL);`);
      assert.equal(await scalar('SELECT max(updated_at) FROM core.customers'), customersBefore);
      assert.equal(await dimClienteDiff(dw, `cliente_original_id IN (${a}, ${b}, ${cc})`), 6, 'the three customers differ before the run');

      const r = await etl();
      assert.equal(await dimClienteDiff(dw), 0);
      // orders: a and c; order_items: a (already right) and b. Nobody else re-merged.
      assert.deepEqual(countsOf(r, 'dim_cliente'), [4, 3, 0]);
      const audit = (await dw.query<Record<string, unknown>>(`SELECT extracted_count, upserted_count FROM audit.etl_run_entity
          WHERE run_id = $1 AND entity_name = 'dim_cliente'`, [r.runId])).rows[0] ?? {};
      assert.deepEqual([Number(audit['extracted_count']), Number(audit['upserted_count'])], [4, 3]);
      assert.equal(await count(dw, SALES_DIFF), 0);
      assert.equal(await count(dw, SALES_ORDER_DIFF), 0);

      const again = await etl();
      assert.deepEqual(countsOf(again, 'dim_cliente'), [0, 0, 0]);
    });

    it('fact_descontos: the discount of a soft-deleted item leaves and stays out when it changes; restoring the item brings both facts back', async () => {
      // An item whose discount rows are all live: each of them has a fact.
      const item = await scalar(`SELECT min(d.order_item_id) FROM core.order_item_discounts d JOIN core.order_items i ON i.order_item_id = d.order_item_id
          WHERE i.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM core.order_item_discounts z WHERE z.order_item_id = d.order_item_id AND z.deleted_at IS NOT NULL)`);
      const discounts = await count(dw, `SELECT count(*) AS n FROM fact.fact_descontos x JOIN fact.fact_vendas v ON v.venda_id = x.venda_id
          WHERE v.item_pedido_original_id = ${item}`);
      assert.ok(discounts > 0);
      const saleBefore = await scalar(`SELECT venda_id FROM fact.fact_vendas WHERE item_pedido_original_id = ${item}`);

      await oltp.query(`UPDATE core.order_items SET deleted_at = ${clock.stamp()}, updated_at = ${clock.stamp()} WHERE order_item_id = ${item}`);
      await etl();
      assert.equal(await count(dw, `SELECT count(*) AS n FROM fact.fact_vendas WHERE item_pedido_original_id = ${item}`), 0);
      assert.equal(await count(dw, DISCOUNTS_DIFF), 0);

      // The discount row changes while its item is deleted: no foreign key failure, no fact.
      await oltp.query(`UPDATE core.order_item_discounts SET rejection_reason = 'revisto', updated_at = ${clock.stamp()} WHERE order_item_id = ${item} AND deleted_at IS NULL`);
      const changed = await etl();
      assert.deepEqual(countsOf(changed, 'fact_descontos'), [discounts, 0, discounts]);
      assert.equal(await count(dw, DISCOUNTS_DIFF), 0);
      assert.equal(await count(dw, `SELECT count(*) AS n FROM fact.fact_descontos WHERE motivo_rejeicao = 'revisto'`), 0);

      // Restored: the sale comes back (a new venda_id) and its discounts with it, through the trigger.
      await oltp.query(`UPDATE core.order_items SET deleted_at = NULL, updated_at = ${clock.stamp()} WHERE order_item_id = ${item}`);
      const restored = await etl();
      assert.equal(await count(dw, SALES_DIFF), 0);
      assert.equal(await count(dw, DISCOUNTS_DIFF), 0);
      const saleAfter = await scalar(`SELECT venda_id FROM fact.fact_vendas WHERE item_pedido_original_id = ${item}`);
      assert.notEqual(saleAfter, saleBefore);
      assert.equal(await count(dw, `SELECT count(*) AS n FROM fact.fact_descontos WHERE venda_id = ${saleAfter} AND motivo_rejeicao = 'revisto'`), discounts);
      assert.deepEqual(countsOf(restored, 'fact_descontos'), [discounts, discounts, 0]);
    });

    it('fact_vendas and fact_descontos: an order moved to another customer and seller re-triggers its sales and discounts', async () => {
      const orderId = await scalar(`SELECT min(i.order_id) FROM core.order_items i JOIN core.order_item_discounts d ON d.order_item_id = i.order_item_id
          WHERE i.deleted_at IS NULL AND d.deleted_at IS NULL`);
      await oltp.query(`UPDATE core.orders SET customer_id = (SELECT max(customer_id) FROM core.customers WHERE deleted_at IS NULL),
          seller_id = (SELECT max(seller_id) FROM core.sellers), order_number = order_number || '-X', updated_at = ${clock.stamp()}
        WHERE order_id = ${orderId}`);
      const items = await count(oltp, `SELECT count(*) AS n FROM core.order_items WHERE order_id = ${orderId} AND deleted_at IS NULL`);
      assert.ok(await count(dw, SALES_ORDER_DIFF) >= items);
      const r = await etl();
      assert.equal(await count(dw, SALES_ORDER_DIFF), 0);
      assert.equal(countsOf(r, 'fact_vendas')[1], items);
      const wrong = await count(dw, `SELECT count(*) AS n FROM fact.fact_descontos x
          JOIN core.order_item_discounts d ON d.order_item_discount_id = x.desconto_aplicado_original_id
          JOIN core.order_items i ON i.order_item_id = d.order_item_id JOIN core.orders o ON o.order_id = i.order_id
          JOIN dim.dim_cliente c ON c.cliente_original_id = o.customer_id
        WHERE x.cliente_id <> c.cliente_id OR x.numero_pedido <> o.order_number`);
      assert.equal(wrong, 0);
      assert.equal(await count(dw, DISCOUNTS_DIFF), 0);
    });

    it('dimensions and fact_metas follow the tables they join: supplier, team and month peers', async () => {
      await oltp.batch(`
        UPDATE core.suppliers SET supplier_name = 'Fornecedor Renomeado', updated_at = ${clock.stamp()}
          WHERE supplier_id = (SELECT min(supplier_id) FROM core.products WHERE deleted_at IS NULL);
        UPDATE core.teams SET team_name = 'Equipe Renomeada', updated_at = ${clock.stamp()}
          WHERE team_id = (SELECT min(team_id) FROM core.sellers WHERE deleted_at IS NULL);
        UPDATE core.seller_targets_monthly SET realized_amount = 999999999, updated_at = ${clock.stamp()}
          WHERE seller_target_id = (SELECT max(seller_target_id) FROM core.seller_targets_monthly WHERE deleted_at IS NULL);`);
      await etl();
      assert.equal(await count(dw, `SELECT count(*) AS n FROM dim.dim_produto d JOIN core.products p ON p.product_id = d.produto_original_id
          JOIN core.suppliers s ON s.supplier_id = p.supplier_id WHERE d.nome_fornecedor IS DISTINCT FROM s.supplier_name`), 0);
      assert.ok(await count(dw, `SELECT count(*) AS n FROM dim.dim_produto WHERE nome_fornecedor = 'Fornecedor Renomeado'`) > 0);
      assert.equal(await count(dw, `SELECT count(*) AS n FROM dim.dim_vendedor d JOIN core.sellers v ON v.seller_id = d.vendedor_original_id
          JOIN core.teams t ON t.team_id = v.team_id WHERE d.nome_equipe IS DISTINCT FROM t.team_name`), 0);
      // Every live target's rank within its month, computed independently.
      assert.equal(await count(dw, `SELECT count(*) AS n FROM fact.fact_metas f
          JOIN core.seller_targets_monthly t ON t.seller_target_id = f.meta_original_id
        WHERE f.ranking_periodo <> 1 + (SELECT count(*) FROM core.seller_targets_monthly x
          WHERE x.target_month = t.target_month AND x.deleted_at IS NULL AND x.realized_amount > t.realized_amount)`), 0);
    });

    it('full reload and a reset watermark move the triggers to the cutoff again, re-triggering nothing after', async () => {
      const full = await runEtl({ source: c.plan === 'transfer' ? oltp : dw, target: dw, definitions: DEFINITIONS, plan: c.plan, entities: ['dim_cliente'], full: true, startedBy: 'test', now: clock.now });
      clock.advance();
      assert.equal(full.status, 'success');
      const cutoffs = await count(dw, `SELECT count(*) AS n FROM ctl.etl_trigger_watermark
          WHERE entity_name = 'dim_cliente' AND watermark_id = 9223372036854775807 AND watermark_updated_at > (SELECT max(updated_at) FROM core.orders)`);
      assert.equal(cutoffs, 2);
      // Reset Watermark as the tree and the monitor do it: only ctl.etl_control moves.
      assert.equal(await new EntityControlQueries(dw, 'postgres').resetWatermark('fact_vendas'), true);
      const triggerAt = `SELECT to_char(watermark_updated_at, 'YYYYMMDDHH24MISS') AS n FROM ctl.etl_trigger_watermark WHERE entity_name = 'fact_vendas'`;
      const before = await count(dw, triggerAt);
      const reset = await etl();
      assert.equal(countsOf(reset, 'fact_vendas')[0], await count(oltp, 'SELECT count(*) AS n FROM core.order_items'));
      assert.ok((await count(dw, triggerAt)) > before, 'the trigger moved to the reset run\'s cutoff');
      const after = await etl();
      for (const e of ['dim_cliente', 'fact_vendas', 'fact_descontos']) assert.deepEqual(countsOf(after, e), [0, 0, 0], e);
      assert.equal(await dimClienteDiff(dw), 0);
    });
  });
}
