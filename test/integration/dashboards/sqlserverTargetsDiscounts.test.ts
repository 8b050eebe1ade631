import { strict as assert } from 'node:assert';
import { DEFAULT_SLA } from '../../../src/core/dashboard/freshness';
import { DiscountsQueries } from '../../../src/core/discounts/load';
import { TargetsQueries } from '../../../src/core/targets/load';
import type { DiscountsFilters } from '../../../src/protocol/discounts';
import type { TargetsFilters } from '../../../src/protocol/targets';
import { skipBecause } from '../../support/skip';
import { sqlServerTarget } from '../engine/engineTargets';
import { createSqlServerWarehouse, type SqlServerWarehouse } from './sqlserverFixture';
import { discountsShown, expectedDiscounts, expectedTargets, targetsShown } from './targetsDiscountsExpected';

/**
 * Targets and discounts rows on top of the sales fixture: a year of monthly targets for every
 * seller (ranked and split in quartiles per month as the ETL does), six campaigns, and a discount
 * application for each discounted sale, with margins that fall in every margin class.
 */
const FIXTURE = [
  `UPDATE dim.DIM_EQUIPE SET regional = CHOOSE(equipe_original_id, N'Sudeste', N'Sul', N'Sudeste') WHERE equipe_id > 0`,
  `INSERT INTO fact.FACT_METAS (meta_original_id, vendedor_id, data_id, valor_meta, valor_realizado, percentual_atingido, gap_meta,
          ranking_periodo, quartil_performance, meta_batida, meta_superada, eh_periodo_fechado, tipo_periodo, data_inclusao, data_ultima_atualizacao)
   SELECT ROW_NUMBER() OVER (ORDER BY s.vendedor_id, s.m), s.vendedor_id, 20240001 + s.m * 100, s.meta, s.real,
          CAST(ROUND(s.real * 100 / s.meta, 2) AS decimal(9,2)), s.meta - s.real,
          RANK() OVER (PARTITION BY s.m ORDER BY s.real DESC), NTILE(4) OVER (PARTITION BY s.m ORDER BY s.real DESC),
          CASE WHEN s.real >= s.meta THEN 1 ELSE 0 END, CASE WHEN s.real > s.meta THEN 1 ELSE 0 END, 1, N'Mensal', SYSUTCDATETIME(), SYSUTCDATETIME()
     FROM (SELECT v.vendedor_id, mm.m, CAST(10000 + v.vendedor_original_id * 1000 AS decimal(15,2)) AS meta,
                  CAST(7000 + ((v.vendedor_original_id * 7919 + mm.m * 104729) % 9000) + (mm.m % 3) * 0.25 AS decimal(15,2)) AS real
             FROM dim.DIM_VENDEDOR v CROSS JOIN (VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12)) AS mm (m)
            WHERE v.vendedor_id > 0) AS s`,
  `INSERT INTO dim.DIM_DESCONTO (desconto_original_id, codigo_desconto, nome_campanha, tipo_desconto, metodo_desconto, valor_desconto, aplica_em,
          data_inicio_validade, data_fim_validade, situacao, eh_ativo, data_criacao, data_ultima_atualizacao)
   SELECT i, CONCAT('CUPOM', i), CONCAT(N'Campanha ', i), CHOOSE(1 + i % 3, N'Cupom', N'Promocional', N'Fidelidade'), CHOOSE(1 + i % 2, N'Percentual', N'Valor Fixo'),
          10, N'Pedido', '2023-01-01', '2026-12-31', N'Ativo', 1, '2023-01-01', '2023-01-01'
     FROM (VALUES (1), (2), (3), (4), (5), (6)) AS c (i)`,
  `INSERT INTO fact.FACT_DESCONTOS (desconto_aplicado_original_id, desconto_id, venda_id, data_aplicacao_id, cliente_id, produto_id, nivel_aplicacao,
          valor_desconto_aplicado, valor_sem_desconto, valor_com_desconto, margem_antes_desconto, margem_apos_desconto, impacto_margem,
          percentual_desconto_efetivo, desconto_aprovado, numero_pedido, data_inclusao, data_atualizacao)
   SELECT f.item_pedido_original_id, k.desconto_id, f.venda_id, f.data_id, f.cliente_id, f.produto_id, CHOOSE(1 + f.venda_id % 2, N'Item', N'Pedido'),
          f.valor_total_descontos, f.valor_total_bruto, f.valor_total_liquido,
          f.valor_total_bruto - f.custo_total * (CASE f.venda_id % 4 WHEN 0 THEN 1.5 WHEN 1 THEN 1.3 ELSE 1 END),
          f.valor_total_liquido - f.custo_total * (CASE f.venda_id % 4 WHEN 0 THEN 1.5 WHEN 1 THEN 1.3 ELSE 1 END),
          f.valor_total_descontos, CAST(ROUND(f.valor_total_descontos * 100 / f.valor_total_bruto, 2) AS decimal(7,2)),
          CASE WHEN f.venda_id % 7 = 0 THEN 0 ELSE 1 END, f.numero_pedido, SYSUTCDATETIME(), SYSUTCDATETIME()
     FROM fact.FACT_VENDAS f JOIN dim.DIM_DESCONTO k ON k.desconto_original_id = 1 + f.venda_id % 6
    WHERE f.valor_total_descontos > 0`,
  `UPDATE ctl.etl_control SET last_status = 'success', last_success_at = SYSUTCDATETIME() WHERE entity_name IN ('fact_metas', 'fact_descontos')`,
];

/**
 * The targets and discounts dashboards' T-SQL on a real TDS server (SQL Server, or Babelfish in
 * CI): every panel equals an independent T-SQL query over bi.vw_metas / bi.vw_descontos.
 */
describe('targets and discounts dashboards in T-SQL on SQL Server (DW_TEST_MSSQL)', function () {
  this.timeout(600_000);
  let w: SqlServerWarehouse | undefined;
  const db = (): SqlServerWarehouse => {
    if (w === undefined) throw new Error('no warehouse');
    return w;
  };
  before(async function () {
    if (sqlServerTarget.skipReason !== undefined) skipBecause(this, sqlServerTarget.skipReason);
    w = await createSqlServerWarehouse();
    for (const batch of FIXTURE) await db().engine.batch(batch);
  });
  after(async () => w?.close());

  const year: TargetsFilters = { from: '2024-01-01', to: '2024-12-31', region: null, team: null, seller: null };
  for (const f of [year, { ...year, from: '2024-04-01', to: '2024-09-30', region: 'Sudeste', team: 'Equipe Gama' }] satisfies TargetsFilters[]) {
    it(`targets: every panel equals the independent query over bi.vw_metas (${f.from}..${f.to}${f.team === null ? '' : `, ${f.region}, ${f.team}`})`, async () => {
      const data = await new TargetsQueries(db().engine, 'sqlserver', { sla: DEFAULT_SLA }).load(f);
      const want = await expectedTargets(db().engine, 'sqlserver', f);
      assert.ok(want.kpis.target > 0 && want.kpis.metPct > 0 && want.kpis.metPct < 100, JSON.stringify(want.kpis));
      assert.deepEqual(targetsShown(data), want);
      assert.equal(data.freshness.sla.state, 'on-time');
      assert.equal(data.detail.length, want.kpis.sellerMonths);
    });
  }

  const discounts: DiscountsFilters = { from: '2024-01-01', to: '2024-12-31', type: null, method: null, code: null, level: null, region: null, grain: 'month', minApplications: 3 };
  for (const f of [discounts, { ...discounts, from: '2024-02-01', to: '2024-07-31', type: 'Cupom', region: 'Sul', level: 'Item', minApplications: 2 }] satisfies DiscountsFilters[]) {
    it(`discounts: every panel equals the independent query over bi.vw_descontos (${f.from}..${f.to}${f.type === null ? '' : `, ${f.type}, ${f.region}, ${f.level}`})`, async () => {
      const data = await new DiscountsQueries(db().engine, 'sqlserver', { sla: DEFAULT_SLA }).load(f);
      const want = await expectedDiscounts(db().engine, 'sqlserver', f);
      assert.ok(want.kpis.applications > 0 && want.topByRoi.length > 0, JSON.stringify(want.kpis));
      assert.deepEqual(discountsShown(data), want);
      if (f.type === null) assert.ok(data.marginStatus.every((m) => m.applications > 0), `every margin class: ${JSON.stringify(data.marginStatus)}`);
    });
  }
});
