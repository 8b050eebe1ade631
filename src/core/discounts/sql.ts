import type { DiscountsQueryId } from '../../protocol/discounts';
import { factFreshnessSql, type FactSqlDialect } from '../dashboard/factDialect';

/**
 * The discounts dashboard's SQL over fact_descontos (one row per discount applied to an order
 * item), one text per panel. Parameters: 1 first date_id, 2 last date_id (YYYYMMDD, on
 * ix_fact_descontos_data_aplicacao_id), 3 type, 4 method, 5 code, 6 level, 7 region of the sale,
 * 8 row limit where the panel has one, 9 minimum applications (ROI ranking). A filter that is not
 * set is NULL and its predicate is true.
 */
export function discountsSql(d: FactSqlDialect): Readonly<Record<DiscountsQueryId, string>> {
  const t = d.tables;
  const filters = `x.data_aplicacao_id BETWEEN ${d.p(1)} AND ${d.p(2)}
   AND (${d.pText(3)} IS NULL OR k.tipo_desconto = ${d.p(3)})
   AND (${d.pText(4)} IS NULL OR k.metodo_desconto = ${d.p(4)})
   AND (${d.pText(5)} IS NULL OR k.codigo_desconto = ${d.p(5)})
   AND (${d.pText(6)} IS NULL OR x.nivel_aplicacao = ${d.p(6)})`;
  // The sale's region is read only for the region filter (every discount has its sale and the sale
  // its region: foreign keys): a join read every sale (a sequential scan of fact_vendas, 40-85 ms
  // for a year at scale 1) to filter on nothing when the region is not set.
  const from = `FROM ${d.facts.discounts} x
  JOIN ${t.date} dd ON dd.data_id = x.data_aplicacao_id
  JOIN ${d.facts.discount} k ON k.desconto_id = x.desconto_id
 WHERE ${filters}
   AND (${d.pText(7)} IS NULL OR EXISTS (SELECT 1 FROM ${t.sales} f JOIN ${t.region} r ON r.regiao_id = f.regiao_id
                                         WHERE f.venda_id = x.venda_id AND r.regiao_pais = ${d.p(7)}))`;
  // The detail shows each discount's region: there the join stays (at most 501 rows, newest first).
  const detailFrom = `FROM ${d.facts.discounts} x
  JOIN ${t.date} dd ON dd.data_id = x.data_aplicacao_id
  JOIN ${d.facts.discount} k ON k.desconto_id = x.desconto_id
  JOIN ${t.sales} f ON f.venda_id = x.venda_id
  JOIN ${t.region} r ON r.regiao_id = f.regiao_id
 WHERE ${filters}
   AND (${d.pText(7)} IS NULL OR r.regiao_pais = ${d.p(7)})`;
  // Each application's return on the discount: what the sale brought in beyond the discount, per unit of discount.
  const roi = 'CASE WHEN x.valor_desconto_aplicado > 0 THEN (x.valor_com_desconto - x.valor_desconto_aplicado) / x.valor_desconto_aplicado ELSE 0 END';
  const approved = `SUM(CASE WHEN ${d.isTrue('x.desconto_aprovado')} THEN 1 ELSE 0 END)`;
  const status = `CASE WHEN x.margem_apos_desconto < 0 THEN 'loss'
            WHEN x.margem_antes_desconto IS NOT NULL AND x.margem_apos_desconto < x.margem_antes_desconto * 0.3 THEN 'critical'
            WHEN x.margem_antes_desconto IS NOT NULL AND x.margem_apos_desconto < x.margem_antes_desconto * 0.6 THEN 'reduced'
            ELSE 'healthy' END`;
  const campaigns = (having: string, order: string): string => `SELECT ${d.top(d.p(8))} k.codigo_desconto AS code,
       k.nome_campanha AS campaign,
       k.tipo_desconto AS type,
       k.metodo_desconto AS method,
       COUNT(*) AS applications,
       SUM(x.valor_desconto_aplicado) AS discount,
       SUM(x.valor_com_desconto) AS revenue,
       AVG(${roi}) AS average_roi,
       SUM(x.impacto_margem) AS margin_impact,
       ${approved} AS approved
  ${from}
 GROUP BY k.codigo_desconto, k.nome_campanha, k.tipo_desconto, k.metodo_desconto${having}
 ORDER BY ${order}, k.codigo_desconto, k.nome_campanha
 ${d.limit(d.p(8))}`;
  const trend = (period: string): string => `SELECT ${d.isoDate(period)} AS period,
       SUM(x.valor_desconto_aplicado) AS discount,
       SUM(x.valor_com_desconto) AS revenue,
       AVG(${roi}) AS average_roi
  ${from}
 GROUP BY ${period}
 ORDER BY ${period}`;
  return {
    kpis: `SELECT COUNT(*) AS applications,
       COALESCE(SUM(x.valor_desconto_aplicado), 0) AS discount,
       COALESCE(SUM(x.valor_com_desconto), 0) AS revenue,
       COALESCE(AVG(${roi}), 0) AS average_roi,
       COALESCE(SUM(x.impacto_margem), 0) AS margin_impact,
       COALESCE(${approved}, 0) AS approved,
       COALESCE(AVG(x.percentual_desconto_efetivo), 0) AS average_pct
  ${from}`,
    trendMonth: trend(d.monthStart('dd.data')),
    trendDay: trend('dd.data'),
    marginStatus: `SELECT s.status, COUNT(*) AS applications, SUM(s.discount) AS discount
  FROM (SELECT ${status} AS status, x.valor_desconto_aplicado AS discount
  ${from}) AS s
 GROUP BY s.status`,
    topByAmount: campaigns('', 'SUM(x.valor_desconto_aplicado) DESC'),
    topByRoi: campaigns(`\nHAVING COUNT(*) >= ${d.p(9)}`, `AVG(${roi}) DESC`),
    detail: `SELECT ${d.top(d.p(8))} ${d.isoDate('dd.data')} AS applied_on,
       x.numero_pedido AS order_number,
       k.codigo_desconto AS code,
       k.nome_campanha AS campaign,
       k.tipo_desconto AS type,
       k.metodo_desconto AS method,
       x.nivel_aplicacao AS level,
       r.regiao_pais AS region,
       x.valor_sem_desconto AS gross_value,
       x.valor_desconto_aplicado AS discount,
       x.valor_com_desconto AS revenue,
       x.percentual_desconto_efetivo AS discount_pct,
       x.impacto_margem AS margin_impact,
       ${status} AS status,
       CASE WHEN ${d.isTrue('x.desconto_aprovado')} THEN 1 ELSE 0 END AS approved,
       ${roi} AS roi
  ${detailFrom}
 ORDER BY x.data_aplicacao_id DESC, x.desconto_aplicado_id DESC
 ${d.limit(d.p(8))}`,
    options: `SELECT 'type' AS kind, tipo_desconto AS value FROM ${d.facts.discount} WHERE desconto_id > 0 GROUP BY tipo_desconto
UNION ALL SELECT 'method', metodo_desconto FROM ${d.facts.discount} WHERE desconto_id > 0 GROUP BY metodo_desconto
UNION ALL SELECT 'code', codigo_desconto FROM ${d.facts.discount} WHERE desconto_id > 0 GROUP BY codigo_desconto
UNION ALL SELECT 'level', nivel_aplicacao FROM ${d.facts.discounts} GROUP BY nivel_aplicacao
UNION ALL SELECT 'region', regiao_pais FROM ${t.region} WHERE regiao_id > 0 GROUP BY regiao_pais`,
    freshness: factFreshnessSql(d, d.facts.discounts, 'data_aplicacao_id', 'fact_descontos'),
  };
}

/** Row limits (parameter 8) of the panels that have one. */
export const DISCOUNTS_LIMITS: Partial<Record<DiscountsQueryId, number>> = { topByAmount: 12, topByRoi: 12, detail: 501 };
