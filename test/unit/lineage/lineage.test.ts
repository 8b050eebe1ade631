import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLineage, shippedLineageSources, type LineageGraph, type LineageSources } from '../../../src/core/lineage';
import { warehouseContract } from '../../../src/core/warehouse/contract';

const root = path.resolve(__dirname, '../../..');

/**
 * The mapping contract as the users wrote it, read here with nothing of ours: every row whose
 * target is not N/A is a source column -> warehouse column through a named rule.
 */
const mapping = readFileSync(path.join(root, 'test/unit/etl/fixtures/oltp_to_dw_mapping.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .filter((f) => f[2] !== 'N/A')
  .map(([sourceTable = '', sourceColumn = '', targetTable = '', targetColumn = '', rule = '', , notes = '']) => ({
    from: `${sourceTable}.${sourceColumn}`.toLowerCase(),
    to: `${targetTable}.${targetColumn}`.toLowerCase(),
    rule,
    notes,
  }));

/**
 * Checked by hand against the CSV and the definitions. The one row the definitions do not
 * follow: impacto_margem is computed as base_amount - final_amount (the same number, as
 * final = base - discount), not read from discount_amount.
 */
const NOT_FROM_CSV_SOURCE = ['core.order_item_discounts.discount_amount>fact.fact_descontos.impacto_margem'];

/**
 * Values the definitions read beyond the CSV's one source column per row, each explained by the
 * CSV itself: natural keys of facts (its N/A rows name order_item_id and seller_target_id as
 * the business keys), the columns its notes say a rule uses (usa_realized_amount,
 * usa_fact_vendas_custo_total, usa_base_amount, usa_realized_quantity, window_por_data_id),
 * the order count behind the average ticket, and a soft delete that makes a product inactive.
 */
const EXTRA_VALUES = [
  'core.orders.order_id>dim.dim_cliente.ticket_medio_historico',
  'core.products.deleted_at>dim.dim_produto.situacao',
  'core.order_item_discounts.order_item_discount_id>fact.fact_descontos.desconto_aplicado_original_id',
  'core.order_items.order_item_id>fact.fact_vendas.item_pedido_original_id',
  'core.order_item_discounts.base_amount>fact.fact_descontos.impacto_margem',
  'core.order_item_discounts.base_amount>fact.fact_descontos.percentual_desconto_efetivo',
  'core.order_item_discounts.final_amount>fact.fact_descontos.impacto_margem',
  'core.order_items.cost_amount>fact.fact_descontos.margem_antes_desconto',
  'core.order_items.cost_amount>fact.fact_descontos.margem_apos_desconto',
  'core.seller_targets_monthly.seller_target_id>fact.fact_metas.meta_original_id',
  'core.seller_targets_monthly.seller_target_id>fact.fact_metas.ranking_periodo',
  'core.seller_targets_monthly.seller_target_id>fact.fact_metas.quartil_performance',
  'core.seller_targets_monthly.realized_amount>fact.fact_metas.percentual_atingido',
  'core.seller_targets_monthly.realized_amount>fact.fact_metas.gap_meta',
  'core.seller_targets_monthly.realized_amount>fact.fact_metas.meta_batida',
  'core.seller_targets_monthly.realized_amount>fact.fact_metas.meta_superada',
  'core.seller_targets_monthly.realized_quantity>fact.fact_metas.ticket_medio_realizado',
].sort();

const ids = (g: LineageGraph, from: string, direction: 'upstream' | 'downstream'): string[] => {
  const target = g.resolve(from);
  assert.ok(target.ok, `${from} resolves`);
  return g.walk(target.ids, direction).nodes.map((n) => n.id);
};

for (const dialect of ['postgres', 'sqlserver'] as const) {
  describe(`lineage of the shipped warehouse (${dialect})`, () => {
    /** dim_cliente as the engine names it. */
    const dimCliente = dialect === 'postgres' ? 'dim.dim_cliente' : 'dim.DIM_CLIENTE';
    let graph: LineageGraph;
    before(async () => {
      graph = await loadLineage(shippedLineageSources(root, dialect));
    });

    it('traces every mapped row of oltp_to_dw_mapping.csv: the source column feeds the warehouse column through the named rule', () => {
      const missing: string[] = [];
      for (const row of mapping) {
        const into = graph.edges.filter((e) => e.to === row.to);
        assert.ok(into.length > 0, `${row.to} has lineage`);
        assert.ok(into.some((e) => e.via.rule === row.rule), `${row.to} is loaded by ${row.rule}, not ${[...new Set(into.map((e) => e.via.rule))].join(', ')}`);
        if (!into.some((e) => e.from === row.from && e.via.rule === row.rule)) missing.push(`${row.from}>${row.to}`);
        else assert.ok(ids(graph, row.to, 'upstream').includes(row.from));
      }
      assert.deepEqual(missing, NOT_FROM_CSV_SOURCE);
    });

    it('reads no OLTP value into the warehouse that the CSV (or its notes) does not account for', () => {
      const csv = new Set(mapping.map((r) => `${r.from}>${r.to}`));
      const extra = graph.edges
        .filter((e) => e.via.kind === 'rule' && e.role === 'value' && e.from.startsWith('core.') && !csv.has(`${e.from}>${e.to}`))
        .map((e) => `${e.from}>${e.to}`);
      assert.deepEqual([...new Set(extra)].sort(), EXTRA_VALUES);
    });

    it('gives lookups their dimension: fact_vendas.cliente_id reads core.orders.customer_id and matches dim_cliente.cliente_original_id', () => {
      const into = graph.edges.filter((e) => e.to === 'fact.fact_vendas.cliente_id');
      assert.deepEqual(
        into.map((e) => `${e.from} ${e.role} ${e.via.rule ?? ''} ${e.via.derived ?? ''}`).sort(),
        [
          'core.order_items.order_id filter buscar_dim_cliente_por_original customer_id',
          'core.orders.customer_id value buscar_dim_cliente_por_original customer_id',
          'core.orders.order_id filter buscar_dim_cliente_por_original customer_id',
          'dim.dim_cliente.cliente_id value buscar_dim_cliente_por_original ',
          'dim.dim_cliente.cliente_original_id lookup buscar_dim_cliente_por_original ',
        ],
      );
      assert.equal(into[0]?.via.detail, `${dimCliente} by cliente_original_id`);
      assert.match(into[0]?.location?.file ?? '', /fact_vendas\.json$/);
    });

    it('core.customers.email reaches dim_cliente.email and nothing else: no view, panel or check reads it', () => {
      assert.deepEqual(ids(graph, 'core.customers.email', 'downstream'), ['core.customers.email', 'dim.dim_cliente.email']);
    });

    it('core.order_items.net_amount reaches the customer aggregates, the sales fact, vw_vendas and every sales panel with revenue', () => {
      const reached = ids(graph, 'core.order_items.net_amount', 'downstream');
      for (const id of [
        'dim.dim_cliente.valor_total_gasto_historico', 'dim.dim_cliente.ticket_medio_historico', 'fact.fact_vendas.valor_total_liquido',
        'bi.vw_vendas.valor_total_liquido', 'bi.vw_vendas.margem_bruta', 'panel:sales.kpis', 'panel:sales.topProducts', 'panel:sales.detail',
      ]) assert.ok(reached.includes(id), `${id} in ${reached.join(', ')}`);
      assert.ok(!reached.includes('panel:sales.options'), 'the filter options do not read revenue');
    });

    it('core.customers.customer_id reaches the natural key check, the sales fact through its lookup, its FK check and every column of vw_vendas', () => {
      const reached = ids(graph, 'core.customers.customer_id', 'downstream');
      for (const id of ['dim.dim_cliente.cliente_original_id', 'check:duplicate_keys.dim_cliente', 'fact.fact_vendas.cliente_id', 'check:fk_orphans.fact_vendas.cliente_id', 'bi.vw_vendas.nome_produto']) {
        assert.ok(reached.includes(id), `${id} in ${reached.join(', ')}`);
      }
    });

    it('core.products.category_name reaches vw_vendas, vw_descontos, the category mix and (as a filter) the KPIs', () => {
      const reached = ids(graph, 'core.products.category_name', 'downstream');
      for (const id of ['dim.dim_produto.categoria', 'bi.vw_vendas.categoria', 'bi.vw_descontos.categoria', 'panel:sales.categoryMix', 'panel:sales.kpis', 'panel:sales.options']) {
        assert.ok(reached.includes(id), `${id} in ${reached.join(', ')}`);
      }
      const kpis = graph.edges.filter((e) => e.from === 'dim.dim_produto.categoria' && e.to === 'panel:sales.kpis');
      assert.deepEqual(kpis.map((e) => e.role), ['filter']);
    });

    it('answers where a panel number comes from: the KPIs read net_amount through fact_vendas with rule direto', () => {
      const up = graph.walk(['panel:sales.kpis'], 'upstream');
      assert.ok(up.nodes.some((n) => n.id === 'core.order_items.net_amount'));
      assert.ok(up.edges.some((e) => e.from === 'core.order_items.net_amount' && e.to === 'fact.fact_vendas.valor_total_liquido' && e.via.rule === 'direto'));
    });

    it('resolves nothing silently: the only dangling nodes are the SQL Server audit-file panel\'s system function', () => {
      const dangling = graph.dangling().map((n) => `${n.context ?? ''}: ${n.label}`);
      const expected = dialect === 'sqlserver'
        ? ['ETL monitor: auditFileEvents: action_id', 'ETL monitor: auditFileEvents: client_ip', 'ETL monitor: auditFileEvents: event_time',
            'ETL monitor: auditFileEvents: server_principal_name', 'ETL monitor: auditFileEvents: succeeded', 'ETL monitor: auditFileEvents: sys.fn_get_audit_file']
        : [];
      assert.deepEqual(dangling.sort(), expected);
    });

    it('suggests the nearest names for an unknown table or column', () => {
      const table = graph.resolve('dim_clente');
      assert.ok(!table.ok);
      assert.equal(table.suggestions[0], dimCliente);
      const column = graph.resolve('dim_cliente.emial');
      assert.ok(!column.ok);
      assert.equal(column.message, `${dimCliente} has no column emial.`);
      assert.deepEqual(column.suggestions.slice(0, 1), [`${dimCliente}.email`]);
    });

    it(`names the warehouse's tables as ${dialect === 'postgres' ? 'PostgreSQL folds them (dim.dim_produto)' : 'SQL Server keeps them (dim.DIM_PRODUTO)'}`, () => {
      const contract = graph.nodes.filter((n) => n.kind === 'column' && n.objectKind === 'table');
      assert.ok(contract.length > 300);
      for (const n of contract) {
        const spec = warehouseContract.find((t) => `${t.schema}.${t.name}`.toLowerCase() === n.object?.toLowerCase());
        assert.ok(spec, `${n.object ?? n.id} is a table of the contract`);
        const engineName = dialect === 'postgres' ? `${spec.schema}.${spec.name}`.toLowerCase() : `${spec.schema}.${spec.name}`;
        assert.equal(n.object, engineName);
        assert.equal(n.label, `${engineName}.${n.column ?? ''}`);
      }
      const target = graph.resolve('dim_produto');
      assert.ok(target.ok);
      assert.equal(target.label, dialect === 'postgres' ? 'dim.dim_produto' : 'dim.DIM_PRODUTO');
    });
  });
}

describe('lineage of bad input', () => {
  let dir: string;
  let sources: LineageSources;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dwb-lineage-'));
    cpSync(path.join(root, 'etl/entities'), path.join(dir, 'entities'), { recursive: true });
    cpSync(path.join(root, 'sql/postgres/dw/09_views.sql'), path.join(dir, '09_views.sql'));
    sources = { dialect: 'postgres', entitiesDir: path.join(dir, 'entities'), scriptPaths: [path.join(dir, '09_views.sql')], checks: [] };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lineOf = (file: string, needle: string): number => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
  /** The line of the `{` that opens the JSON object holding `needle`. */
  const entryLine = (file: string, needle: string): number => {
    const lines = readFileSync(file, 'utf8').split('\n');
    let i = lineOf(file, needle) - 1;
    while (i > 0 && lines[i]?.trim() !== '{') i -= 1;
    return i + 1;
  };

  it('a definition naming a source column that no longer exists: a dangling node with the reason at the mapping\'s line, feeding the target', async () => {
    const file = path.join(dir, 'entities/dim_regiao.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"source": "state_name"', '"source": "state_title"'));
    const graph = await loadLineage(sources);
    const dangling = graph.dangling();
    assert.equal(dangling.length, 1);
    assert.equal(dangling[0]?.reason, 'core.regions has no column state_title (warehouse contract)');
    assert.deepEqual(dangling[0]?.location, { file, line: entryLine(file, '"state_title"') });
    assert.ok(graph.edges.some((e) => e.from === dangling[0]?.id && e.to === 'dim.dim_regiao.nome_estado'));
    assert.ok(graph.walk(['dim.dim_regiao.nome_estado'], 'upstream').nodes.some((n) => n.kind === 'dangling'));
  });

  it('a definition naming a target column the warehouse does not have, and one derived SQL reading an unknown column', async () => {
    const file = path.join(dir, 'entities/dim_vendedor.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"target": "matricula"', '"target": "registro"').replace('SELECT t.team_name FROM', 'SELECT t.team_label FROM'));
    const graph = await loadLineage(sources);
    const reasons = graph.dangling().map((n) => `${n.location?.line ?? 0} ${n.reason ?? ''}`).sort();
    assert.deepEqual(reasons, [
      `${entryLine(file, '"registro"')} dim.dim_vendedor has no column registro (warehouse contract)`,
      `${entryLine(file, 't.team_label')} core.teams has no column team_label`,
    ].sort());
  });

  it('a definition that does not load (unknown rule) is a dangling node at its line; the other entities stay', async () => {
    const file = path.join(dir, 'entities/dim_equipe.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"rule": "normalizar_tipo_equipe"', '"rule": "normalizar_tipo_time"'));
    const graph = await loadLineage(sources);
    const dangling = graph.dangling();
    assert.equal(dangling.length, 1);
    assert.match(dangling[0]?.reason ?? '', /rule normalizar_tipo_time: names a rule that is not in the catalogue/);
    assert.equal(dangling[0]?.location?.line, entryLine(file, '"normalizar_tipo_time"'));
    assert.ok(graph.edges.some((e) => e.to === 'dim.dim_cliente.email'));
  });

  it('a view that fails to parse is a dangling node at the failing line; the views after it are still read', async () => {
    const script = path.join(dir, '09_views.sql');
    const text = readFileSync(script, 'utf8').replace('       d.trimestre,', '       d.trimestre,,');
    writeFileSync(script, text);
    const graph = await loadLineage(sources);
    const dangling = graph.dangling();
    assert.equal(dangling.length, 1);
    assert.match(dangling[0]?.reason ?? '', /^the view does not parse: /);
    assert.deepEqual(dangling[0]?.location, { file: script, line: lineOf(script, 'd.trimestre,,') });
    assert.ok(graph.node('bi.vw_metas.valor_meta') !== undefined);
    assert.equal(graph.node('bi.vw_vendas.valor_total_liquido'), undefined);
  });

  it('a view reading a column its table lacks: a dangling node with the reason and line, in the view\'s lineage', async () => {
    const script = path.join(dir, '09_views.sql');
    writeFileSync(script, readFileSync(script, 'utf8').replace('m.gap_meta,', 'm.gap_da_meta,'));
    const graph = await loadLineage(sources);
    const dangling = graph.dangling();
    assert.deepEqual(dangling.map((n) => [n.reason, n.location?.line, n.context]), [['fact.fact_metas has no column gap_da_meta', lineOf(script, 'm.gap_da_meta'), 'bi.vw_metas']]);
    assert.ok(graph.walk(['bi.vw_metas.valor_meta'], 'upstream').nodes.includes(dangling[0] as never));
  });
});
