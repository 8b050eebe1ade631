import type { Engine } from '../../../../src/core/engine/types';
import { dimClienteDiff, dimClienteDifferences } from './customers';
import { DISCOUNTS_DIFF, SALES_DIFF, SALES_ORDER_DIFF } from './facts';
import { count } from './run';

/** Members both ways and soft deletes (a deleted source row is not active) of a dimension with an active flag. */
function membersDiff(target: string, nk: string, source: string, key: string, active: string): string {
  return `SELECT
    (SELECT count(*) FROM (SELECT ${key} FROM ${source} EXCEPT SELECT ${nk} FROM ${target}) a) +
    (SELECT count(*) FROM (SELECT ${nk} FROM ${target} WHERE ${nk} > 0 EXCEPT SELECT ${key} FROM ${source}) b) +
    (SELECT count(*) FROM ${target} t JOIN ${source} s ON s.${key} = t.${nk} WHERE s.deleted_at IS NOT NULL AND t.${active}) AS n`;
}

/** fact_metas rows whose rank, quartile or month is not their live target's, computed independently (window functions). */
export const TARGET_RANK_DIFF = `WITH live AS (
    SELECT seller_target_id, target_month,
      CAST(rank() OVER (PARTITION BY target_month ORDER BY realized_amount DESC) AS int) AS r,
      CAST(count(*) OVER (PARTITION BY target_month) AS int) AS n
    FROM core.seller_targets_monthly WHERE deleted_at IS NULL)
  SELECT count(*) AS n FROM fact.fact_metas f JOIN live l ON l.seller_target_id = f.meta_original_id JOIN dim.dim_data d ON d.data_id = f.data_id
  WHERE f.ranking_periodo IS DISTINCT FROM l.r OR f.quartil_performance IS DISTINCT FROM (l.r - 1) * 4 / l.n + 1
     OR d.data IS DISTINCT FROM CAST(date_trunc('month', l.target_month) AS date)`;

/**
 * Every shipped entity's target against independent PostgreSQL over the OLTP (OLTP and
 * warehouse in one database): each query counts the rows that differ, zero when the load is right.
 */
export const ENTITY_CHECKS: readonly (readonly [string, string])[] = [
  ['fact_vendas: one sale per live item of a live order', SALES_DIFF],
  ['fact_vendas: customer, seller and number of its order', SALES_ORDER_DIFF],
  ['fact_vendas: amounts to the cent', `SELECT count(*) AS n FROM fact.fact_vendas v JOIN core.order_items i ON i.order_item_id = v.item_pedido_original_id
    WHERE v.valor_total_liquido IS DISTINCT FROM i.net_amount OR v.quantidade_vendida IS DISTINCT FROM i.quantity`],
  ['fact_descontos: one row per live discount of a live sale', DISCOUNTS_DIFF],
  ['dim_regiao members and soft deletes', membersDiff('dim.dim_regiao', 'regiao_original_id', 'core.regions', 'region_id', 'eh_ativo')],
  ['dim_desconto members and soft deletes', membersDiff('dim.dim_desconto', 'desconto_original_id', 'core.discount_campaigns', 'discount_id', 'eh_ativo')],
  ['dim_equipe members and soft deletes', membersDiff('dim.dim_equipe', 'equipe_original_id', 'core.teams', 'team_id', 'eh_ativa')],
  ['dim_vendedor members and soft deletes', membersDiff('dim.dim_vendedor', 'vendedor_original_id', 'core.sellers', 'seller_id', 'eh_ativo')],
  ['dim_equipe member count and monthly goal', `SELECT count(*) AS n FROM core.teams t JOIN dim.dim_equipe e ON e.equipe_original_id = t.team_id
    WHERE e.qtd_membros_atual IS DISTINCT FROM (SELECT count(*) FROM core.sellers s WHERE s.team_id = t.team_id AND s.deleted_at IS NULL)
       OR COALESCE(e.meta_mensal_equipe, 0) <> COALESCE((SELECT sum(s.monthly_goal_amount) FROM core.sellers s
         WHERE s.team_id = t.team_id AND s.deleted_at IS NULL), 0)`],
  ['dim_vendedor team, manager and leader flag', `SELECT count(*) AS n FROM core.sellers s JOIN dim.dim_vendedor v ON v.vendedor_original_id = s.seller_id
    LEFT JOIN core.teams t ON t.team_id = s.team_id LEFT JOIN core.sellers g ON g.seller_id = s.manager_seller_id
    WHERE v.eh_lider IS DISTINCT FROM EXISTS (SELECT 1 FROM core.sellers r WHERE r.manager_seller_id = s.seller_id)
       OR v.nome_equipe IS DISTINCT FROM t.team_name OR v.nome_gerente IS DISTINCT FROM g.seller_name`],
  ['dim_produto members and supplier names', `SELECT
    (SELECT count(*) FROM (SELECT product_id FROM core.products EXCEPT SELECT produto_original_id FROM dim.dim_produto) a) +
    (SELECT count(*) FROM (SELECT produto_original_id FROM dim.dim_produto WHERE produto_original_id > 0 EXCEPT SELECT product_id FROM core.products) b) +
    (SELECT count(*) FROM dim.dim_produto d JOIN core.products p ON p.product_id = d.produto_original_id
      JOIN core.suppliers s ON s.supplier_id = p.supplier_id WHERE d.nome_fornecedor IS DISTINCT FROM trim(s.supplier_name)) AS n`],
  ['fact_metas: one row per target, amounts', `SELECT
    (SELECT count(*) FROM (SELECT seller_target_id, target_amount, realized_amount FROM core.seller_targets_monthly
      EXCEPT SELECT meta_original_id, valor_meta, valor_realizado FROM fact.fact_metas) a) +
    (SELECT count(*) FROM (SELECT meta_original_id FROM fact.fact_metas EXCEPT SELECT seller_target_id FROM core.seller_targets_monthly) b) AS n`],
  ['fact_metas: month, rank and quartile within the month', TARGET_RANK_DIFF],
];

/** The checks that fail, with their counts, and dim_cliente against the contract's SQL (`EXPECTED_DIM_CLIENTE`) with its first differing rows. */
export async function oracleDifferences(db: Engine): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, sql] of ENTITY_CHECKS) {
    const n = await count(db, sql);
    if (n !== 0) out[name] = n;
  }
  const customers = await dimClienteDiff(db);
  if (customers > 0) out['dim_cliente (contract SQL)'] = { differing: customers, rows: (await dimClienteDifferences(db)).slice(0, 4) };
  return out;
}
