import { strict as assert } from 'node:assert';
import type { Engine } from '../../../src/core/engine/types';
import type { EtlPhase, EtlPhaseInfo } from '../../../src/core/etl/run/events';
import type { EtlRunResult } from '../../../src/core/etl/run/run';
import { dimClienteDiff } from './support/customers';
import { TestClock, count } from './support/run';
import { FACT_CASES, bootstrapFactsWarehouse, runEveryEntity, type FactsWarehouse } from './support/facts';
import { TARGET_RANK_DIFF } from './support/oracle';

/** dim_equipe members whose member count is not their team's live sellers (computed independently). */
const TEAM_COUNT_DIFF = `SELECT count(*) AS n FROM core.teams t JOIN dim.dim_equipe e ON e.equipe_original_id = t.team_id
  WHERE e.qtd_membros_atual IS DISTINCT FROM (SELECT count(*) FROM core.sellers s WHERE s.team_id = t.team_id AND s.deleted_at IS NULL)`;
/** dim_vendedor members whose leader flag is not "manages a seller" (computed independently). */
const LEADER_DIFF = `SELECT count(*) AS n FROM core.sellers s JOIN dim.dim_vendedor v ON v.vendedor_original_id = s.seller_id
  WHERE v.eh_lider IS DISTINCT FROM EXISTS (SELECT 1 FROM core.sellers r WHERE r.manager_seller_id = s.seller_id)`;

/**
 * A trigger row that points at another member now (an order moved to another customer, a seller
 * to another team or manager) refreshes the member it pointed at when the warehouse last loaded
 * it, through the trigger's memory (`"remember": true`, ctl.etl_trigger_memory).
 */
for (const c of FACT_CASES) {
  describe(`ETL moved rows refresh both members (${c.engine}, ${c.plan} plan)`, function () {
    this.timeout(900_000);
    let wh: FactsWarehouse;
    let dw: Engine;
    let oltp: Engine;
    const clock = new TestClock();
    const etl = (beforePhase?: (p: EtlPhase, info: EtlPhaseInfo) => Promise<void>): Promise<EtlRunResult> =>
      runEveryEntity(wh, c.plan, clock, beforePhase === undefined ? {} : { beforePhase });
    const ok = async (): Promise<void> => {
      const r = await etl();
      assert.deepEqual(r.entities.filter((e) => e.status !== 'success').map((e) => `${e.entity}: ${e.error ?? e.status}`), []);
    };
    const scalar = async (sql: string): Promise<string> => String(Object.values((await oltp.query(sql)).rows[0] ?? {})[0]);
    /** An order with live items of a customer with at least two live orders, and another live customer. */
    const pick = async (): Promise<{ orderId: string; a: string; b: string }> => {
      const orderId = await scalar(`SELECT min(o.order_id) FROM core.orders o
          WHERE o.deleted_at IS NULL AND o.order_number NOT LIKE 'MV-%'
            AND EXISTS (SELECT 1 FROM core.order_items i WHERE i.order_id = o.order_id AND i.deleted_at IS NULL)
            AND (SELECT count(*) FROM core.orders x WHERE x.customer_id = o.customer_id AND x.deleted_at IS NULL) >= 2`);
      const a = await scalar(`SELECT customer_id FROM core.orders WHERE order_id = ${orderId}`);
      const b = await scalar(`SELECT max(customer_id) FROM core.customers WHERE deleted_at IS NULL AND customer_id <> ${a}`);
      return { orderId, a, b };
    };
    const move = async (orderId: string, to: string, extra = ''): Promise<void> => {
      await oltp.query(`UPDATE core.orders SET customer_id = ${to}, order_number = 'MV-' || order_id${extra}, updated_at = ${clock.stamp()}
        WHERE order_id = ${orderId}`);
    };
    const customers = (a: string, b: string): string => `cliente_original_id IN (${a}, ${b})`;

    before(async () => {
      wh = await bootstrapFactsWarehouse(c.engine, 'dwb-mv');
      ({ dw, oltp } = wh);
      await ok();
    });
    after(() => wh.close());

    it('an order moved from A to B: both customers\' aggregates equal the OLTP\'s', async () => {
      const { orderId, a, b } = await pick();
      await move(orderId, b);
      assert.ok(await dimClienteDiff(dw, customers(a, b)) > 0, 'the move changes both customers');
      await ok();
      assert.equal(await dimClienteDiff(dw, customers(a, b)), 0);
      assert.equal(await dimClienteDiff(dw), 0);
    });

    it('an order moved then soft-deleted before the next run, and an order moved back: both customers follow', async () => {
      const { orderId, a, b } = await pick();
      await move(orderId, b);
      clock.advance();
      await oltp.query(`UPDATE core.orders SET deleted_at = ${clock.stamp()}, updated_at = ${clock.stamp()} WHERE order_id = ${orderId}`);
      await ok();
      assert.equal(await dimClienteDiff(dw, customers(a, b)), 0);
      // Restored at B, then moved back to A over two runs.
      await oltp.query(`UPDATE core.orders SET deleted_at = NULL, updated_at = ${clock.stamp()} WHERE order_id = ${orderId}`);
      await ok();
      assert.equal(await dimClienteDiff(dw, customers(a, b)), 0);
      await move(orderId, a);
      await ok();
      assert.equal(await dimClienteDiff(dw, customers(a, b)), 0);
      assert.equal(await dimClienteDiff(dw), 0);
    });

    it('an order moved from A to B, then one of its items moved to another order: B, which counted the item, follows', async () => {
      const orderId = await scalar(`SELECT min(o.order_id) FROM core.orders o WHERE o.deleted_at IS NULL AND o.order_number NOT LIKE 'MV-%'
          AND (SELECT count(*) FROM core.order_items i WHERE i.order_id = o.order_id AND i.deleted_at IS NULL) >= 2`);
      const a = await scalar(`SELECT customer_id FROM core.orders WHERE order_id = ${orderId}`);
      const b = await scalar(`SELECT max(customer_id) FROM core.customers WHERE deleted_at IS NULL AND customer_id <> ${a}`);
      const item = await scalar(`SELECT max(order_item_id) FROM core.order_items WHERE order_id = ${orderId} AND deleted_at IS NULL`);
      const other = await scalar(`SELECT min(o.order_id) FROM core.orders o WHERE o.deleted_at IS NULL
          AND o.customer_id NOT IN (${a}, ${b}) AND o.order_number NOT LIKE 'MV-%'`);
      const c = await scalar(`SELECT customer_id FROM core.orders WHERE order_id = ${other}`);
      await move(orderId, b);
      await ok();
      assert.equal(await dimClienteDiff(dw, customers(a, b)), 0);
      // Only the item changes: it names C now, and named A when its own row was last read; B counted it.
      await oltp.query(`UPDATE core.order_items SET order_id = ${other}, updated_at = ${clock.stamp()} WHERE order_item_id = ${item}`);
      await ok();
      assert.equal(await dimClienteDiff(dw, `cliente_original_id IN (${a}, ${b}, ${c})`), 0);
      assert.equal(await dimClienteDiff(dw), 0);
    });

    it('a run that dies before or after the orders trigger page commits: the memory never runs ahead of the data', async () => {
      for (const phase of ['merge', 'commit', 'committed'] as const) {
        const { orderId, a, b } = await pick();
        await move(orderId, b);
        let died = false;
        const r = await etl(async (p, info) => {
          if (died || p !== phase || info.entity !== 'dim_cliente' || info.trigger !== 'orders') return;
          died = true;
          if (c.engine === 'postgres') await oltp.query('SELECT pg_terminate_backend($1)', [info.targetProcessId ?? 0]);
          throw new Error(`session ended before ${phase}`);
        });
        assert.ok(died, `the fault was injected before ${phase}`);
        assert.notEqual(r.status, 'success');
        await ok();
        assert.equal(await dimClienteDiff(dw, customers(a, b)), 0, `killed before ${phase}`);
      }
      assert.equal(await dimClienteDiff(dw), 0);
    });

    it('an order counted by its customer before its own trigger page, then moved: the customer it was counted under follows', async () => {
      const { a, b } = await pick();
      const at = (seconds: number): string => `CAST('${new Date(clock.stampTime().getTime() + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')}' AS timestamp)`;
      // Stamped after this run's cutoff (an order committed while the run reads): the orders
      // trigger does not read it yet, but A's extract (A itself changed) counts it.
      const orderId = String((await oltp.query<{ order_id: string }>(`INSERT INTO core.orders
          (order_number, customer_id, seller_id, region_id, order_date, created_at, updated_at)
          SELECT 'MV-LATE', ${a}, seller_id, region_id, order_date, ${at(3600)}, ${at(3600)} FROM core.orders WHERE customer_id = ${a} LIMIT 1
          RETURNING order_id`)).rows[0]?.order_id);
      await oltp.query(`UPDATE core.customers SET updated_at = ${clock.stamp()} WHERE customer_id = ${a}`);
      await ok();
      assert.equal(await dimClienteDiff(dw, `cliente_original_id = ${a}`), 0, 'A counts the new order');
      await oltp.query(`UPDATE core.orders SET customer_id = ${b}, updated_at = ${at(3700)} WHERE order_id = ${orderId}`);
      for (let i = 0; i < 1300; i++) clock.advance();
      await ok();
      assert.equal(await dimClienteDiff(dw, customers(a, b)), 0);
      assert.equal(await dimClienteDiff(dw), 0);
    });

    it('a warehouse loaded before the memory existed: the first run remembers every order, so a later move refreshes both customers', async () => {
      await dw.query(`DELETE FROM ctl.etl_trigger_memory WHERE entity_name = 'dim_cliente'`);
      await ok();
      assert.ok(await count(dw, `SELECT count(*) AS n FROM ctl.etl_trigger_memory WHERE entity_name = 'dim_cliente' AND trigger_name = 'orders'`)
        >= await count(oltp, 'SELECT count(*) AS n FROM core.orders WHERE customer_id IS NOT NULL'));
      const { orderId, a, b } = await pick();
      await move(orderId, b);
      await ok();
      assert.equal(await dimClienteDiff(dw, customers(a, b)), 0);
    });

    it('a seller moved to another team and another manager: both teams\' member counts and both managers\' leader flags follow', async () => {
      const seller = await scalar(`SELECT min(s.seller_id) FROM core.sellers s WHERE s.deleted_at IS NULL AND s.manager_seller_id IS NOT NULL
          AND (SELECT count(*) FROM core.sellers r WHERE r.manager_seller_id = s.manager_seller_id) = 1`);
      const other = await scalar(`SELECT min(t.team_id) FROM core.teams t WHERE t.team_id <> (SELECT team_id FROM core.sellers WHERE seller_id = ${seller})`);
      const manager = await scalar(`SELECT min(g.seller_id) FROM core.sellers g WHERE g.seller_id <> ${seller}
          AND g.seller_id <> (SELECT manager_seller_id FROM core.sellers WHERE seller_id = ${seller})`);
      assert.ok(seller !== 'null' && other !== 'null' && manager !== 'null', 'a seller to move');
      await oltp.query(`UPDATE core.sellers SET team_id = ${other}, manager_seller_id = ${manager}, updated_at = ${clock.stamp()} WHERE seller_id = ${seller}`);
      assert.ok(await count(dw, TEAM_COUNT_DIFF) + await count(dw, LEADER_DIFF) > 0, 'the move changes the previous team and manager');
      await ok();
      assert.equal(await count(dw, TEAM_COUNT_DIFF), 0);
      assert.equal(await count(dw, LEADER_DIFF), 0);
    });

    it('a target moved to another month: the ranks and quartiles of both months\' targets follow', async () => {
      // The best target of a month moves to a month no seller has a target in yet: every peer it
      // left behind climbs one rank.
      const target = await scalar(`SELECT max(t.seller_target_id) FROM core.seller_targets_monthly t
        WHERE t.deleted_at IS NULL AND t.target_month = (SELECT min(target_month) FROM core.seller_targets_monthly)
          AND NOT EXISTS (SELECT 1 FROM core.seller_targets_monthly x WHERE x.target_month = t.target_month AND x.deleted_at IS NULL AND x.realized_amount > t.realized_amount)`);
      assert.ok(target !== 'null', 'a target to move');
      await oltp.query(`UPDATE core.seller_targets_monthly SET target_month = CAST('2027-01-01' AS date), updated_at = ${clock.stamp()} WHERE seller_target_id = ${target}`);
      assert.ok(await count(dw, TARGET_RANK_DIFF) > 0, 'the move changes the ranks of the month it left');
      await ok();
      assert.equal(await count(dw, TARGET_RANK_DIFF), 0);
      assert.equal(await count(dw, `SELECT count(*) AS n FROM fact.fact_metas f JOIN dim.dim_data d ON d.data_id = f.data_id
        WHERE f.meta_original_id = ${target} AND d.data = CAST('2027-01-01' AS date)`), 1);
    });

    it('a target moved into a month, then the month\'s best target moved out: the one that came in climbs a rank', async () => {
      // The best target moves first to a month of its own; the newcomer joins it later, so the best
      // target's own row, last read alone in that month, never named the newcomer.
      const best = await scalar(`SELECT max(t.seller_target_id) FROM core.seller_targets_monthly t WHERE t.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM core.seller_targets_monthly x WHERE x.realized_amount > t.realized_amount)`);
      const newcomer = await scalar(`SELECT min(t.seller_target_id) FROM core.seller_targets_monthly t WHERE t.deleted_at IS NULL
          AND t.seller_id <> (SELECT seller_id FROM core.seller_targets_monthly WHERE seller_target_id = ${best})`);
      assert.ok(best !== 'null' && newcomer !== 'null', 'targets to move');
      const moveTo = (target: string, month: string): Promise<unknown> => oltp.query(`UPDATE core.seller_targets_monthly
        SET target_month = CAST('${month}' AS date), updated_at = ${clock.stamp()} WHERE seller_target_id = ${target}`);
      await moveTo(best, '2027-03-01');
      await ok();
      await moveTo(newcomer, '2027-03-01');
      await ok();
      assert.equal(await count(dw, TARGET_RANK_DIFF), 0);
      assert.equal(await count(dw, `SELECT ranking_periodo AS n FROM fact.fact_metas WHERE meta_original_id = ${newcomer}`), 2);
      await moveTo(best, '2027-04-01');
      await ok();
      assert.equal(await count(dw, TARGET_RANK_DIFF), 0);
      assert.equal(await count(dw, `SELECT ranking_periodo AS n FROM fact.fact_metas WHERE meta_original_id = ${newcomer}`), 1);
    });
  });
}
