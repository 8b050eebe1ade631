import { strict as assert } from 'node:assert';
import { DEFAULT_SLA } from '../../../src/core/dashboard/freshness';
import { DiscountsQueries } from '../../../src/core/discounts/load';
import { TargetsQueries } from '../../../src/core/targets/load';
import type { DiscountsFilters } from '../../../src/protocol/discounts';
import type { TargetsFilters } from '../../../src/protocol/targets';
import { createEtlWarehouse, type EtlWarehouse } from './etlWarehouse';
import { discountsShown, expectedDiscounts, expectedTargets, targetsShown } from './targetsDiscountsExpected';

/**
 * The targets and discounts dashboards on the data a user has: a PostgreSQL warehouse after the
 * project's bootstrap plan and the ETL of every entity (fact_metas and fact_descontos included),
 * every number equal to an independent query over the consumption views.
 */
describe('targets and discounts dashboards on PostgreSQL (bootstrap + generator + ETL)', function () {
  this.timeout(600_000);
  let w: EtlWarehouse;
  let targets: TargetsQueries;
  let discounts: DiscountsQueries;
  let tf: TargetsFilters;
  let df: DiscountsFilters;

  before(async () => {
    w = await createEtlWarehouse();
    targets = new TargetsQueries(w.engine, 'postgres', { sla: DEFAULT_SLA });
    discounts = new DiscountsQueries(w.engine, 'postgres', { sla: DEFAULT_SLA });
    const today = new Date().toISOString().slice(0, 10);
    tf = await targets.defaultFilters(today);
    df = await discounts.defaultFilters(today);
  });
  after(async () => w?.close());

  it('targets: opens on the last 12 months with targets, every panel equal to the independent query over bi.vw_metas', async () => {
    const data = await targets.load(tf);
    const want = await expectedTargets(w.engine, 'postgres', tf);
    assert.ok(want.kpis.target > 0 && want.trend.length > 1, 'the generated targets reach the period');
    assert.deepEqual(targetsShown(data), want);
    assert.equal(data.freshness.sla.state, 'on-time', 'the ETL just loaded fact_metas');
  });

  it('targets: a team filter and the previous period (month for month) equal the independent query', async () => {
    const team = (await w.engine.query('SELECT nome_equipe FROM bi.vw_metas GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')).rows[0]?.['nome_equipe'] as string;
    const f = { ...tf, team };
    const data = await targets.load(f);
    assert.deepEqual(targetsShown(data), await expectedTargets(w.engine, 'postgres', f));
    assert.deepEqual(data.topTeams.map((t) => t.label), [team]);
    const prev = await expectedTargets(w.engine, 'postgres', { ...f, ...data.previousPeriod });
    assert.deepEqual(data.previousKpis, prev.kpis);
  });

  it('discounts: opens on the last 12 months by month, every panel equal to the independent query over bi.vw_descontos', async () => {
    const data = await discounts.load(df);
    const want = await expectedDiscounts(w.engine, 'postgres', df);
    assert.ok(want.kpis.applications > 0 && want.topByRoi.length > 0, 'the generated discounts reach the period');
    assert.deepEqual(discountsShown(data), want);
    assert.equal(data.detail.length, Math.min(500, want.kpis.applications));
  });

  it('discounts: type and region filters, a higher minimum of applications, and the previous period equal the independent query', async () => {
    const [pick] = (await w.engine.query(`SELECT k.tipo_desconto AS t, r.regiao_pais AS r FROM fact.fact_descontos x JOIN dim.dim_desconto k ON k.desconto_id = x.desconto_id
      JOIN fact.fact_vendas s ON s.venda_id = x.venda_id JOIN dim.dim_regiao r ON r.regiao_id = s.regiao_id GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`)).rows;
    const f: DiscountsFilters = { ...df, type: String(pick?.['t']), region: String(pick?.['r']), minApplications: 5 };
    const data = await discounts.load(f);
    const want = await expectedDiscounts(w.engine, 'postgres', f);
    assert.ok(want.kpis.applications > 0);
    assert.deepEqual(discountsShown(data), want);
    assert.ok(data.topByRoi.every((c) => c.applications >= 5));
    assert.deepEqual(data.previousKpis.applications, (await expectedDiscounts(w.engine, 'postgres', { ...f, ...data.previousPeriod })).kpis.applications);
  });
});
