import type { TargetsQueryId } from '../../protocol/targets';
import { factFreshnessSql, type FactSqlDialect } from '../dashboard/factDialect';

/**
 * The targets dashboard's SQL over fact_metas (one row per seller and month), one text per panel.
 * Parameters: 1 first date_id, 2 last date_id (YYYYMMDD; a month's row is on its first day, so the
 * range uses ix_fact_metas_data_id), 3 region, 4 team, 5 seller, 6 row limit where the panel has
 * one. A filter that is not set is NULL and its predicate is true, so the text never changes.
 */
export function targetsSql(d: FactSqlDialect): Readonly<Record<TargetsQueryId, string>> {
  const t = d.tables;
  const team = 'COALESCE(e.nome_equipe, v.nome_equipe)';
  const from = `FROM ${d.facts.targets} m
  JOIN ${t.date} dd ON dd.data_id = m.data_id
  JOIN ${t.seller} v ON v.vendedor_id = m.vendedor_id
  LEFT JOIN ${t.team} e ON e.equipe_id = v.equipe_id
 WHERE m.data_id BETWEEN ${d.p(1)} AND ${d.p(2)}
   AND (${d.pText(3)} IS NULL OR e.regional = ${d.p(3)})
   AND (${d.pText(4)} IS NULL OR ${team} = ${d.p(4)})
   AND (${d.pText(5)} IS NULL OR v.nome_vendedor = ${d.p(5)})`;
  const count = (flag: string): string => `SUM(CASE WHEN ${d.isTrue(flag)} THEN 1 ELSE 0 END)`;
  const amounts = `SUM(m.valor_meta) AS target,
       SUM(m.valor_realizado) AS actual,
       ${count('m.meta_batida')} AS met`;
  // Best attainment first; a group without a target ranks as 0 % (NULLs sort differently per engine).
  const byAttainment = 'COALESCE(SUM(m.valor_realizado) / NULLIF(SUM(m.valor_meta), 0), 0) DESC';
  return {
    kpis: `SELECT COALESCE(SUM(m.valor_meta), 0) AS target,
       COALESCE(SUM(m.valor_realizado), 0) AS actual,
       COALESCE(SUM(m.gap_meta), 0) AS gap,
       COUNT(*) AS seller_months,
       COALESCE(${count('m.meta_batida')}, 0) AS met,
       COALESCE(${count('m.meta_superada')}, 0) AS exceeded,
       COUNT(DISTINCT m.vendedor_id) AS sellers
  ${from}`,
    trend: `SELECT ${d.isoDate('dd.data')} AS period,
       SUM(m.valor_meta) AS target,
       SUM(m.valor_realizado) AS actual
  ${from}
 GROUP BY dd.data
 ORDER BY dd.data`,
    quartiles: `SELECT m.quartil_performance AS quartile,
       COUNT(*) AS seller_months,
       SUM(m.valor_realizado) AS actual
  ${from}
 GROUP BY m.quartil_performance
 ORDER BY m.quartil_performance`,
    topTeams: `SELECT ${d.top(d.p(6))} ${team} AS label,
       MIN(e.regional) AS grp,
       ${amounts}
  ${from}
 GROUP BY ${team}
 ORDER BY ${byAttainment}, label
 ${d.limit(d.p(6))}`,
    topSellers: `SELECT ${d.top(d.p(6))} v.nome_vendedor AS label,
       MIN(${team}) AS grp,
       ${amounts}
  ${from}
 GROUP BY v.nome_vendedor
 ORDER BY ${byAttainment}, label
 ${d.limit(d.p(6))}`,
    detail: `SELECT ${d.top(d.p(6))} ${d.isoDate('dd.data')} AS month,
       v.nome_vendedor AS seller,
       ${team} AS team,
       m.valor_meta AS target,
       m.valor_realizado AS actual,
       m.gap_meta AS gap,
       m.percentual_atingido AS attainment,
       CASE WHEN ${d.isTrue('m.meta_batida')} THEN 1 ELSE 0 END AS met,
       CASE WHEN ${d.isTrue('m.meta_superada')} THEN 1 ELSE 0 END AS exceeded,
       m.ranking_periodo AS rank_in_month,
       m.quartil_performance AS quartile
  ${from}
 ORDER BY m.data_id DESC, m.valor_realizado DESC, m.meta_id
 ${d.limit(d.p(6))}`,
    options: `SELECT 'region' AS kind, regional AS value FROM ${t.team} WHERE equipe_id > 0 AND regional IS NOT NULL GROUP BY regional
UNION ALL SELECT 'team', nome_equipe FROM ${t.team} WHERE equipe_id > 0 GROUP BY nome_equipe
UNION ALL SELECT 'seller', nome_vendedor FROM ${t.seller} WHERE vendedor_id > 0 GROUP BY nome_vendedor`,
    freshness: factFreshnessSql(d, d.facts.targets, 'data_id', 'fact_metas'),
  };
}

/** Row limits of the panels that have one (parameter 6). */
export const TARGETS_LIMITS: Partial<Record<TargetsQueryId, number>> = { topTeams: 12, topSellers: 12, detail: 501 };
