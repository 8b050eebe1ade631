import type { Queryable, Row } from '../../../src/core/engine/types';
import type { DiscountsData, DiscountsFilters } from '../../../src/protocol/discounts';
import type { TargetsData, TargetsFilters } from '../../../src/protocol/targets';

/**
 * The independent computations the targets and discounts dashboards are checked against: the
 * consumption views bi.vw_metas and bi.vw_descontos (which the dashboards do not read), filtered
 * with the same values and aggregated here, in each dialect's own words.
 */
const cents = (v: unknown): number => Math.round(Number(v ?? 0) * 100) / 100;
const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100);
const roi4 = (v: unknown): number => Math.round(Number(v ?? 0) * 10000) / 10000;

type Sql = 'postgres' | 'sqlserver';

export async function expectedTargets(db: Queryable, dialect: Sql, f: TargetsFilters) {
  const pg = dialect === 'postgres';
  const ph = (n: number): string => (pg ? `$${n}` : `@p${n}`);
  const cast = (n: number): string => (pg ? `$${n}::text` : `@p${n}`);
  const regional = '(SELECT e.regional FROM dim.dim_vendedor v2 LEFT JOIN dim.dim_equipe e ON e.equipe_id = v2.equipe_id WHERE v2.vendedor_original_id = m.vendedor_original_id)';
  const where = `mes_referencia BETWEEN ${ph(1)} AND ${ph(2)} AND (${cast(3)} IS NULL OR ${regional} = ${ph(3)})
    AND (${cast(4)} IS NULL OR nome_equipe = ${ph(4)}) AND (${cast(5)} IS NULL OR nome_vendedor = ${ph(5)})`;
  const flag = (c: string): string => (pg ? `CASE WHEN ${c} THEN 1 ELSE 0 END` : `CAST(${c} AS int)`);
  const q = async (sql: string): Promise<Row[]> => (await db.query(sql, [f.from, f.to, f.region, f.team, f.seller])).rows;
  const [k] = await q(`SELECT SUM(valor_meta) AS t, SUM(valor_realizado) AS a, SUM(gap_meta) AS g, COUNT(*) AS n,
      SUM(${flag('meta_batida')}) AS met, SUM(${flag('meta_superada')}) AS ex, COUNT(DISTINCT vendedor_original_id) AS s FROM bi.vw_metas m WHERE ${where}`);
  const n = Number(k?.['n'] ?? 0);
  const top = async (label: string): Promise<[string, number, number][]> => (await q(`SELECT ${label} AS l, SUM(valor_meta) AS t, SUM(valor_realizado) AS a FROM bi.vw_metas m WHERE ${where}
      GROUP BY ${label}`)).map((r): [string, number, number] => [r['l'] === null ? '' : String(r['l'] as string), cents(r['t']), cents(r['a'])])
    .sort((x, y) => {
      const rx = Number(x[1]) === 0 ? 0 : Number(x[2]) / Number(x[1]);
      const ry = Number(y[1]) === 0 ? 0 : Number(y[2]) / Number(y[1]);
      return ry - rx || (String(x[0]) < String(y[0]) ? -1 : 1);
    }).slice(0, 12);
  return {
    kpis: {
      target: cents(k?.['t']), actual: cents(k?.['a']), gap: cents(k?.['g']), attainmentPct: pct(cents(k?.['a']), cents(k?.['t'])),
      metPct: pct(Number(k?.['met'] ?? 0), n), exceededPct: pct(Number(k?.['ex'] ?? 0), n), sellers: Number(k?.['s'] ?? 0), sellerMonths: n,
    },
    trend: (await q(`SELECT ${pg ? "to_char(mes_referencia, 'YYYY-MM-DD')" : 'CONVERT(char(10), mes_referencia, 23)'} AS p, SUM(valor_meta) AS t, SUM(valor_realizado) AS a
        FROM bi.vw_metas m WHERE ${where} GROUP BY mes_referencia ORDER BY mes_referencia`)).map((r) => [String(r['p']), cents(r['t']), cents(r['a'])]),
    quartiles: (await q(`SELECT quartil_performance AS qp, COUNT(*) AS n FROM bi.vw_metas m WHERE ${where} GROUP BY quartil_performance ORDER BY quartil_performance`))
      .map((r) => [r['qp'] === null ? null : Number(r['qp']), Number(r['n'])]),
    topTeams: await top('nome_equipe'),
    topSellers: await top('nome_vendedor'),
  };
}

export async function expectedDiscounts(db: Queryable, dialect: Sql, f: DiscountsFilters) {
  const pg = dialect === 'postgres';
  const ph = (n: number): string => (pg ? `$${n}` : `@p${n}`);
  const cast = (n: number): string => (pg ? `$${n}::text` : `@p${n}`);
  const region = '(SELECT r.regiao_pais FROM fact.fact_vendas s JOIN dim.dim_regiao r ON r.regiao_id = s.regiao_id JOIN fact.fact_descontos x ON x.venda_id = s.venda_id WHERE x.desconto_aplicado_id = v.desconto_aplicado_id)';
  const where = `data_aplicacao BETWEEN ${ph(1)} AND ${ph(2)} AND (${cast(3)} IS NULL OR tipo_desconto = ${ph(3)}) AND (${cast(4)} IS NULL OR metodo_desconto = ${ph(4)})
    AND (${cast(5)} IS NULL OR codigo_desconto = ${ph(5)}) AND (${cast(6)} IS NULL OR nivel_aplicacao = ${ph(6)}) AND (${cast(7)} IS NULL OR ${region} = ${ph(7)})`;
  const q = async (sql: string): Promise<Row[]> => (await db.query(sql, [f.from, f.to, f.type, f.method, f.code, f.level, f.region])).rows;
  const roi = '(CASE WHEN valor_desconto_aplicado > 0 THEN (valor_com_desconto - valor_desconto_aplicado) * 1.0 / valor_desconto_aplicado ELSE 0 END)';
  const flag = pg ? 'CASE WHEN desconto_aprovado THEN 1 ELSE 0 END' : 'CAST(desconto_aprovado AS int)';
  const [k] = await q(`SELECT COUNT(*) AS n, SUM(valor_desconto_aplicado) AS d, SUM(valor_com_desconto) AS r, SUM(impacto_margem) AS i,
      SUM(${flag}) AS ok, AVG(${roi}) AS roi FROM bi.vw_descontos v WHERE ${where}`);
  const n = Number(k?.['n'] ?? 0);
  const d = cents(k?.['d']);
  const rev = cents(k?.['r']);
  const status = `CASE WHEN margem_apos_desconto < 0 THEN 'loss' WHEN margem_apos_desconto < margem_antes_desconto * 0.3 THEN 'critical'
    WHEN margem_apos_desconto < margem_antes_desconto * 0.6 THEN 'reduced' ELSE 'healthy' END`;
  const byStatus = new Map((await q(`SELECT st, COUNT(*) AS n FROM (SELECT ${status} AS st FROM bi.vw_descontos v WHERE ${where}) s GROUP BY st`)).map((r) => [String(r['st']), Number(r['n'])]));
  const campaigns = (await q(`SELECT codigo_desconto AS c, nome_campanha AS nm, COUNT(*) AS n, SUM(valor_desconto_aplicado) AS d, AVG(${roi}) AS roi
      FROM bi.vw_descontos v WHERE ${where} GROUP BY codigo_desconto, nome_campanha, tipo_desconto, metodo_desconto`))
    .map((r) => ({ code: String(r['c']), n: Number(r['n']), discount: cents(r['d']), roi: roi4(r['roi']) }));
  const byCode = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return {
    kpis: {
      applications: n, discount: d, revenue: rev, weightedRoi: d === 0 ? 0 : roi4((rev - d) / d), averageRoi: roi4(k?.['roi']),
      marginImpact: cents(k?.['i']), marginImpactPct: pct(cents(k?.['i']), rev), approvalPct: pct(Number(k?.['ok'] ?? 0), n),
    },
    marginStatus: ['loss', 'critical', 'reduced', 'healthy'].map((s) => [s, byStatus.get(s) ?? 0]),
    topByAmount: [...campaigns].sort((a, b) => b.discount - a.discount || byCode(a, b)).slice(0, 12).map((c) => [c.code, c.n, c.discount]),
    topByRoi: campaigns.filter((c) => c.n >= f.minApplications).sort((a, b) => b.roi - a.roi || byCode(a, b)).slice(0, 12).map((c) => [c.code, c.n, c.roi]),
    trendMonths: (await q(`SELECT ano, mes, SUM(valor_desconto_aplicado) AS d, SUM(valor_com_desconto) AS r FROM bi.vw_descontos v WHERE ${where} GROUP BY ano, mes ORDER BY ano, mes`))
      .map((r) => [`${String(r['ano'])}-${String(r['mes']).padStart(2, '0')}-01`, cents(r['d']), cents(r['r'])]),
  };
}

/** What the dashboards computed, in the shape of the expectations above. */
export const targetsShown = (d: TargetsData) => ({
  kpis: (({ target, actual, gap, attainmentPct, metPct, exceededPct, sellers, sellerMonths }) =>
    ({ target, actual, gap, attainmentPct, metPct, exceededPct, sellers, sellerMonths }))(d.kpis),
  trend: d.trend.map((p) => [p.period, p.target, p.actual]),
  quartiles: d.quartiles.map((q) => [q.quartile, q.sellerMonths]),
  topTeams: d.topTeams.map((x) => [x.label, x.target, x.actual]),
  topSellers: d.topSellers.map((x) => [x.label, x.target, x.actual]),
});

export const discountsShown = (d: DiscountsData) => ({
  kpis: (({ applications, discount, revenue, weightedRoi, averageRoi, marginImpact, marginImpactPct, approvalPct }) =>
    ({ applications, discount, revenue, weightedRoi, averageRoi, marginImpact, marginImpactPct, approvalPct }))(d.kpis),
  marginStatus: d.marginStatus.map((m) => [m.status, m.applications]),
  topByAmount: d.topByAmount.map((c) => [c.code, c.applications, c.discount]),
  topByRoi: d.topByRoi.map((c) => [c.code, c.applications, c.averageRoi]),
  trendMonths: d.filters.grain === 'month' ? d.trend.map((p) => [p.period, p.discount, p.revenue]) : [],
});
