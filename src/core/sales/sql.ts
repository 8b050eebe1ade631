import type { SalesQueryId } from '../../protocol/sales';
import type { SalesSqlDialect } from './dialect';

/**
 * The sales dashboard's SQL, one text per panel. Every filter is a parameter; a filter that is
 * not set is NULL and its predicate is true, so the text never changes with the filters (no
 * splicing, and "Show SQL" shows exactly what runs).
 * Parameters: 1 first date_id, 2 last date_id (YYYYMMDD, so the range uses ix_fact_vendas_data_id),
 * 3 category, 4 state, 5 region, 6 team, 7 seller, 8 row limit (where the panel has one).
 */
export function salesSql(d: SalesSqlDialect): Readonly<Record<SalesQueryId, string>> {
  const t = d.tables;
  const team = 'COALESCE(e.nome_equipe, v.nome_equipe)';
  const from = `FROM ${t.sales} f
  JOIN ${t.date} dd ON dd.data_id = f.data_id
  JOIN ${t.product} p ON p.produto_id = f.produto_id
  JOIN ${t.region} r ON r.regiao_id = f.regiao_id
  JOIN ${t.seller} v ON v.vendedor_id = f.vendedor_id
  LEFT JOIN ${t.team} e ON e.equipe_id = v.equipe_id
 WHERE f.data_id BETWEEN ${d.p(1)} AND ${d.p(2)}
   AND (${d.pText(3)} IS NULL OR p.categoria = ${d.p(3)})
   AND (${d.pText(4)} IS NULL OR r.estado = ${d.p(4)})
   AND (${d.pText(5)} IS NULL OR r.regiao_pais = ${d.p(5)})
   AND (${d.pText(6)} IS NULL OR ${team} = ${d.p(6)})
   AND (${d.pText(7)} IS NULL OR v.nome_vendedor = ${d.p(7)})`;
  const amounts = `SUM(f.valor_total_liquido) AS net_revenue,
       SUM(f.valor_total_liquido - f.custo_total) AS gross_margin`;
  const ranked = (label: string, groupBy: string): string => `SELECT ${d.top(d.p(8))} ${label} AS label,
       ${amounts}
  ${from}
 GROUP BY ${groupBy}
 ORDER BY net_revenue DESC, label
 ${d.limit(d.p(8))}`;
  const trend = (period: string): string => `SELECT ${d.isoDate(period)} AS period,
       ${amounts}
  ${from}
 GROUP BY ${period}
 ORDER BY ${period}`;

  return {
    kpis: `SELECT COALESCE(SUM(f.valor_total_liquido), 0) AS net_revenue,
       COALESCE(SUM(f.valor_total_liquido - f.custo_total), 0) AS gross_margin,
       COALESCE(SUM(f.valor_devolvido), 0) AS returned,
       COALESCE(SUM(f.valor_total_bruto), 0) AS gross_value,
       COALESCE(SUM(f.valor_total_descontos), 0) AS discounts,
       COUNT(DISTINCT f.numero_pedido) AS orders,
       COUNT(*) AS items
  ${from}`,
    trendMonth: trend(d.monthStart('dd.data')),
    trendDay: trend('dd.data'),
    topProducts: ranked('p.nome_produto', 'p.nome_produto'),
    topStates: ranked('r.estado', 'r.estado'),
    categoryMix: ranked('p.categoria', 'p.categoria'),
    byTeam: ranked(team, team),
    byWeekday: `SELECT dd.dia_da_semana AS weekday,
       SUM(f.valor_total_liquido) AS net_revenue
  ${from}
 GROUP BY dd.dia_da_semana
 ORDER BY dd.dia_da_semana`,
    sellerRanking: `SELECT ${d.top(d.p(8))} v.nome_vendedor AS seller,
       MIN(${team}) AS team,
       MIN(v.vendedor_id) AS min_seller_id,
       SUM(f.valor_total_liquido) AS net_revenue,
       COUNT(DISTINCT f.numero_pedido) AS orders
  ${from}
 GROUP BY v.nome_vendedor
 ORDER BY net_revenue DESC, seller
 ${d.limit(d.p(8))}`,
    detail: `SELECT ${d.top(d.p(8))} ${d.isoDate('dd.data')} AS sale_date,
       f.numero_pedido AS order_number,
       p.nome_produto AS product,
       p.categoria AS category,
       r.estado AS state,
       v.nome_vendedor AS seller,
       f.quantidade_vendida AS quantity,
       f.valor_total_bruto AS gross_value,
       f.valor_total_descontos AS discount,
       f.valor_total_liquido AS net_revenue,
       f.custo_total AS cost,
       f.valor_devolvido AS returned
  ${from}
 ORDER BY f.data_id DESC, f.venda_id DESC
 ${d.limit(d.p(8))}`,
    options: `SELECT 'category' AS kind, categoria AS value FROM ${t.product} WHERE produto_id > 0 GROUP BY categoria
UNION ALL SELECT 'state', estado FROM ${t.region} WHERE regiao_id > 0 GROUP BY estado
UNION ALL SELECT 'region', regiao_pais FROM ${t.region} WHERE regiao_id > 0 GROUP BY regiao_pais
UNION ALL SELECT 'team', nome_equipe FROM ${t.team} WHERE equipe_id > 0 GROUP BY nome_equipe
UNION ALL SELECT 'seller', nome_vendedor FROM ${t.seller} WHERE vendedor_id > 0 GROUP BY nome_vendedor`,
    freshness: `SELECT (SELECT MIN(data_id) FROM ${t.sales}) AS first_date_id,
       (SELECT MAX(data_id) FROM ${t.sales}) AS last_date_id,
       c.last_success_at,
       c.last_status
  FROM (SELECT 1 AS one) AS x
  LEFT JOIN ${t.control} c ON c.entity_name = 'fact_vendas'`,
  };
}

/** The parameters a query id takes beyond the seven filter parameters. */
export const SALES_LIMITS: Partial<Record<SalesQueryId, number>> = {
  topProducts: 10,
  topStates: 10,
  categoryMix: 50,
  byTeam: 50,
  sellerRanking: 20,
  detail: 501,
};
