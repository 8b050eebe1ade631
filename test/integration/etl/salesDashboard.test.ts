import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { runBootstrap } from '../../../src/core/bootstrap';
import type { Engine } from '../../../src/core/engine/types';
import type { EtlEvent } from '../../../src/core/etl/run/events';
import { runEtl } from '../../../src/core/etl/run/run';
import { ProjectEngines, type Project } from '../../../src/core/project';
import { SalesQueries } from '../../../src/core/sales/load';
import { asSuperuser } from '../engine/throwawayDatabase';
import { BOOTSTRAP_SECRETS as secrets, entitiesDirOf, scaffoldEtlProject } from './support/project';
import { DEFINITIONS, count } from './support/run';

const SCALE = 0.02;

/** The sales KPIs straight from the OLTP tables, independent of the ETL and the views. */
const SOURCE_KPIS = `SELECT CAST(SUM(i.net_amount) AS text) AS net, CAST(SUM(i.net_amount - i.cost_amount) AS text) AS margin,
    CAST(SUM(i.gross_amount) AS text) AS gross, CAST(count(*) AS int) AS items, CAST(count(DISTINCT o.order_number) AS int) AS orders
  FROM core.order_items i JOIN core.orders o ON o.order_id = i.order_id
  WHERE i.deleted_at IS NULL`;

function scaffold(engine: 'postgres' | 'pglite', dbName: string | undefined): Project {
  return scaffoldEtlProject(engine, dbName, SCALE, 'dwb-sales');
}

/** Cents, so sums compare exactly. */
const cents = (v: unknown): number => Math.round(Number(v) * 100);

const cases = [
  { engine: 'pglite', title: 'PGlite, pushdown plan', plan: 'auto' },
  { engine: 'postgres', title: 'PostgreSQL, transfer plan', plan: 'transfer' },
] as const;

for (const c of cases) {
  describe(`Sales dashboard after bootstrap and a full ETL (${c.title})`, function () {
    this.timeout(900_000);
    const dbName = c.engine === 'postgres' ? `dwb_sales_${process.pid}_${Date.now().toString(36)}` : undefined;
    let project: Project;
    let engines: ProjectEngines;
    let dw: Engine;

    before(async () => {
      project = scaffold(c.engine, dbName);
      engines = new ProjectEngines(project, undefined);
      const boot = await runBootstrap(project, { engines: (r) => engines.get(r), entitiesDir: entitiesDirOf(project), secrets });
      assert.ok(boot.ok, 'bootstrap');
      dw = await engines.get('dw');
      await dw.query('UPDATE ctl.etl_control SET cutoff_minutes = 0, batch_size = 700');
    });
    after(async () => {
      await engines.close();
      if (dbName !== undefined) await asSuperuser(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      rmSync(project.root, { recursive: true, force: true });
    });

    it('loads every shipped entity, dimensions first, and the KPIs equal the source to the cent', async () => {
      const events: EtlEvent[] = [];
      const oltp = await engines.get('oltp');
      const result = await runEtl({
        source: c.plan === 'transfer' ? oltp : dw,
        target: dw,
        definitions: DEFINITIONS,
        // Facts first on purpose: the runner orders them after their dimensions.
        entities: DEFINITIONS.map((d) => d.entity).reverse(),
        plan: c.plan,
        startedBy: 'test',
        onEvent: (e) => events.push(e),
      });
      const failures = result.entities.filter((e) => e.status !== 'success');
      const rejects = (await dw.query('SELECT entity_name, column_name, reason FROM audit.etl_reject ORDER BY reject_id LIMIT 5')).rows;
      assert.deepEqual(failures, [], JSON.stringify(rejects));
      const start = events.find((e) => e.type === 'run-start');
      const order = start?.type === 'run-start' ? start.entities : [];
      for (const dim of ['dim_cliente', 'dim_produto', 'dim_regiao', 'dim_vendedor']) {
        assert.ok(order.indexOf(dim) < order.indexOf('fact_vendas'), order.join(', '));
      }
      assert.ok(order.indexOf('dim_equipe') < order.indexOf('dim_vendedor'), order.join(', '));

      const source = (await dw.query<Record<string, unknown>>(SOURCE_KPIS)).rows[0] ?? {};
      assert.ok(Number(source['items']) > 0, 'the generator made order items');
      assert.equal(await count(dw, 'SELECT count(*) AS n FROM fact.fact_vendas'), Number(source['items']));
      // Every key resolved: only a sale without a seller may land on the unknown member.
      assert.equal(await count(dw, 'SELECT count(*) AS n FROM fact.fact_vendas WHERE -1 IN (data_id, cliente_id, produto_id, regiao_id)'), 0);
      assert.equal(
        await count(dw, 'SELECT count(*) AS n FROM fact.fact_vendas f WHERE f.vendedor_id = -1'),
        await count(dw, 'SELECT count(*) AS n FROM core.order_items i JOIN core.orders o ON o.order_id = i.order_id WHERE o.seller_id IS NULL AND i.deleted_at IS NULL'),
      );
      assert.equal(await count(dw, 'SELECT count(*) AS n FROM dim.dim_vendedor WHERE vendedor_id > 0 AND equipe_id = -1'),
        await count(dw, 'SELECT count(*) AS n FROM core.sellers WHERE team_id IS NULL'));

      // A manager loaded in the same batch as the sellers it manages still resolves.
      assert.equal(await count(dw, `SELECT count(*) AS n FROM core.sellers c
          JOIN dim.dim_vendedor v ON v.vendedor_original_id = c.seller_id
          LEFT JOIN dim.dim_vendedor g ON g.vendedor_original_id = c.manager_seller_id
        WHERE v.gerente_id <> COALESCE(g.vendedor_id, -1)`), 0);
      assert.ok(await count(dw, 'SELECT count(*) AS n FROM dim.dim_vendedor WHERE gerente_id > 0') > 0, 'some sellers have a manager');

      // Targets: one fact row per live monthly target, keys resolved, measures as the source says.
      assert.equal(await count(dw, 'SELECT count(*) AS n FROM fact.fact_metas'),
        await count(dw, 'SELECT count(*) AS n FROM core.seller_targets_monthly WHERE deleted_at IS NULL'));
      assert.equal(await count(dw, 'SELECT count(*) AS n FROM fact.fact_metas WHERE -1 IN (data_id, vendedor_id)'), 0);
      assert.equal(await count(dw, `SELECT count(*) AS n FROM fact.fact_metas f
          JOIN core.seller_targets_monthly t ON t.seller_target_id = f.meta_original_id
        WHERE f.gap_meta <> t.target_amount - t.realized_amount OR f.meta_batida <> (t.realized_amount >= t.target_amount)
          OR f.quartil_performance NOT BETWEEN 1 AND 4`), 0);

      // Discounts: every live applied discount, pointing at its sale, amounts to the cent.
      assert.ok(order.indexOf('fact_vendas') < order.indexOf('fact_descontos'), order.join(', '));
      const discounts = await count(dw, 'SELECT count(*) AS n FROM core.order_item_discounts WHERE deleted_at IS NULL');
      assert.ok(discounts > 0, 'the generator made discounts');
      assert.equal(await count(dw, 'SELECT count(*) AS n FROM fact.fact_descontos'), discounts);
      assert.equal(await count(dw, 'SELECT count(*) AS n FROM fact.fact_descontos WHERE -1 IN (desconto_id, data_aplicacao_id, cliente_id, produto_id)'), 0);
      assert.equal(await count(dw, `SELECT count(*) AS n FROM fact.fact_descontos d
          JOIN core.order_item_discounts s ON s.order_item_discount_id = d.desconto_aplicado_original_id
          JOIN fact.fact_vendas v ON v.venda_id = d.venda_id
        WHERE v.item_pedido_original_id <> s.order_item_id OR d.valor_desconto_aplicado <> s.discount_amount
          OR d.margem_antes_desconto - d.margem_apos_desconto <> s.discount_amount`), 0);

      const sales = new SalesQueries(dw, dw.dialect);
      const data = await sales.load({
        from: '2015-01-01', to: '2030-12-31', category: null, state: null, region: null, team: null, seller: null, grain: 'month',
      });
      assert.ok(data.kpis.netRevenue > 0);
      assert.equal(cents(data.kpis.netRevenue), cents(source['net']));
      assert.equal(cents(data.kpis.grossMargin), cents(source['margin']));
      assert.equal(data.kpis.items, Number(source['items']));
      assert.equal(data.kpis.orders, Number(source['orders']));
      assert.ok(data.topProducts.length > 0 && data.sellerRanking.length > 0);

      // A second run finds nothing new and changes nothing.
      const again = await runEtl({ source: c.plan === 'transfer' ? oltp : dw, target: dw, definitions: DEFINITIONS, plan: c.plan, entities: order });
      assert.deepEqual(again.entities.map((e) => [e.entity, e.status, e.counts.upserted]), order.map((e) => [e, 'success', 0]));
    });
  });
}
