import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { runBootstrap } from '../../../../src/core/bootstrap';
import type { Engine } from '../../../../src/core/engine/types';
import { runEtl, type EtlRunOptions, type EtlRunResult } from '../../../../src/core/etl/run/run';
import { ProjectEngines } from '../../../../src/core/project';
import { asSuperuser } from '../../engine/throwawayDatabase';
import { BOOTSTRAP_SECRETS, entitiesDirOf, scaffoldEtlProject } from './project';
import { DEFINITIONS, type TestClock } from './run';

/** Items that are live with their order: the sales fact_vendas must hold (computed from the OLTP alone). */
export const LIVE_ITEMS = `SELECT i.order_item_id FROM core.order_items i JOIN core.orders o ON o.order_id = i.order_id
    WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL`;

/** Live items (live orders) the OLTP holds that fact_vendas lacks, and fact rows no live item explains. */
export const SALES_DIFF = `SELECT
    (SELECT count(*) FROM (${LIVE_ITEMS}
       EXCEPT SELECT item_pedido_original_id FROM fact.fact_vendas) x) +
    (SELECT count(*) FROM (SELECT item_pedido_original_id FROM fact.fact_vendas
       EXCEPT ${LIVE_ITEMS}) y) AS n`;

/** The same for fact_descontos: one row per live discount of a live item of a live order, pointing at its sale. */
export const DISCOUNTS_DIFF = `SELECT
    (SELECT count(*) FROM (SELECT d.order_item_discount_id, d.order_item_id FROM core.order_item_discounts d
       JOIN core.order_items i ON i.order_item_id = d.order_item_id JOIN core.orders o ON o.order_id = i.order_id
       WHERE d.deleted_at IS NULL AND i.deleted_at IS NULL AND o.deleted_at IS NULL
       EXCEPT SELECT x.desconto_aplicado_original_id, v.item_pedido_original_id FROM fact.fact_descontos x
       JOIN fact.fact_vendas v ON v.venda_id = x.venda_id) a) +
    (SELECT count(*) FROM (SELECT x.desconto_aplicado_original_id, v.item_pedido_original_id FROM fact.fact_descontos x
       LEFT JOIN fact.fact_vendas v ON v.venda_id = x.venda_id
       EXCEPT SELECT d.order_item_discount_id, d.order_item_id FROM core.order_item_discounts d
       JOIN core.order_items i ON i.order_item_id = d.order_item_id JOIN core.orders o ON o.order_id = i.order_id
       WHERE d.deleted_at IS NULL AND i.deleted_at IS NULL AND o.deleted_at IS NULL) b) AS n`;

/** Sales whose customer, seller or order number is not their order's (computed independently). */
export const SALES_ORDER_DIFF = `SELECT count(*) AS n FROM fact.fact_vendas v
    JOIN core.order_items i ON i.order_item_id = v.item_pedido_original_id
    JOIN core.orders o ON o.order_id = i.order_id
    LEFT JOIN dim.dim_cliente c ON c.cliente_original_id = o.customer_id
    LEFT JOIN dim.dim_vendedor s ON s.vendedor_original_id = o.seller_id
  WHERE v.cliente_id IS DISTINCT FROM COALESCE(c.cliente_id, -1)
     OR v.vendedor_id IS DISTINCT FROM COALESCE(s.vendedor_id, -1)
     OR v.numero_pedido IS DISTINCT FROM o.order_number`;

/** A bootstrapped project (generated at scale 0.01) whose ETL runs with cutoff 0 and batches of 300. */
export interface FactsWarehouse {
  readonly dw: Engine;
  readonly oltp: Engine;
  close(): Promise<void>;
}

/** On PostgreSQL OLTP and DW share one throw-away database, so a query can compare them. */
export async function bootstrapFactsWarehouse(engine: 'postgres' | 'pglite', prefix: string): Promise<FactsWarehouse> {
  const dbName = engine === 'postgres' ? `${prefix.replace(/-/g, '_')}_${process.pid}_${Date.now().toString(36)}` : undefined;
  const project = scaffoldEtlProject(engine, dbName, 0.01, prefix);
  const engines = new ProjectEngines(project, undefined);
  const close = async (): Promise<void> => {
    await engines.close();
    if (dbName !== undefined) await asSuperuser(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    rmSync(project.root, { recursive: true, force: true });
  };
  try {
    assert.ok((await runBootstrap(project, { engines: (r) => engines.get(r), entitiesDir: entitiesDirOf(project), secrets: BOOTSTRAP_SECRETS })).ok, 'bootstrap');
    const dw = await engines.get('dw');
    const oltp = await engines.get('oltp');
    await dw.query('UPDATE ctl.etl_control SET cutoff_minutes = 0, batch_size = 300');
    return { dw, oltp, close };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}

/** Both engines, each with the plan it picks (pushdown: one database) and the transfer forced. */
export const FACT_CASES = [
  { engine: 'pglite', plan: 'auto' },
  { engine: 'pglite', plan: 'transfer' },
  { engine: 'postgres', plan: 'auto' },
  { engine: 'postgres', plan: 'transfer' },
] as const;

/**
 * One ETL run of every shipped entity into the warehouse at `clock`'s time, the clock moved on
 * after it; the transfer reads the OLTP through its own connection, the other plans the target's.
 */
export async function runEveryEntity(
  wh: FactsWarehouse, plan: EtlRunOptions['plan'], clock: TestClock, extra: Partial<EtlRunOptions> = {},
): Promise<EtlRunResult> {
  const r = await runEtl({
    source: plan === 'transfer' ? wh.oltp : wh.dw, target: wh.dw, definitions: DEFINITIONS, plan, entities: DEFINITIONS.map((d) => d.entity),
    startedBy: 'test', now: clock.now, ...extra,
  });
  clock.advance();
  return r;
}
