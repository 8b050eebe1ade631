import { strict as assert } from 'node:assert';
import path from 'node:path';
import { EntityDefinitionError } from '../../../src/core/etl/definition/errors';
import { loadEntityDefinitions, parseEntityDefinition } from '../../../src/core/etl/definition/load';
import { postgresEtl } from '../../../src/core/etl/dialect/postgres';
import { sqlserverEtl } from '../../../src/core/etl/dialect/sqlserver';
import { PUSHDOWN_ACCEPTED } from '../../../src/core/etl/run/pushdownSql';
import { softDeleteSql } from '../../../src/core/etl/run/softDelete';

const sales = loadEntityDefinitions(path.resolve(__dirname, '../../../etl/entities')).find((d) => d.entity === 'fact_vendas');

describe('ETL: soft-deleted facts are deleted, dependents first', () => {
  it('fact_vendas deletes the sales of soft-deleted items and orders, and their fact_descontos rows', () => {
    assert.deepEqual(sales?.source.deletedAt, 'effective_deleted_at');
    const effective = sales?.source.derived?.find((x) => x.name === 'effective_deleted_at')?.sql;
    assert.equal(effective, 'COALESCE(s.deleted_at, (SELECT o.deleted_at FROM core.orders o WHERE o.order_id = s.order_id))');
    assert.deepEqual(sales?.target.deleteSoftDeleted, { key: 'venda_id', dependents: [{ table: 'fact.fact_descontos', column: 'venda_id' }] });
  });

  it('writes the PostgreSQL statements over the stage: the discounts, then the sales', () => {
    if (sales === undefined) throw new Error('fact_vendas not shipped');
    const [discounts, facts, ...rest] = softDeleteSql(sales, postgresEtl, 'etl_stage_fact_vendas');
    assert.equal(rest.length, 0);
    assert.match(discounts ?? '', /^DELETE FROM "fact"\."fact_descontos" WHERE "venda_id" IN \(SELECT t\."venda_id" FROM "fact"\."fact_vendas" t/);
    assert.match(discounts ?? '', /FROM "etl_stage_fact_vendas" s WHERE s\."__deleted" = 1\)\)$/);
    assert.match(facts ?? '', /^DELETE FROM "fact"\."fact_vendas" WHERE "item_pedido_original_id" IN \(SELECT s\."item_pedido_original_id" FROM "etl_stage_fact_vendas" s/);
  });

  it('writes the T-SQL form over the # stage, accepted rows only in the pushdown', () => {
    if (sales === undefined) throw new Error('fact_vendas not shipped');
    const sql = softDeleteSql(sales, sqlserverEtl, 'etl_stage_fact_vendas_push', PUSHDOWN_ACCEPTED);
    assert.equal(sql.length, 2);
    assert.match(sql[0] ?? '', /^DELETE FROM \[fact\]\.\[fact_descontos\] WHERE \[venda_id\] IN \(SELECT t\.\[venda_id\] FROM \[fact\]\.\[fact_vendas\] t/);
    for (const s of sql) assert.ok(s.includes(`FROM [#etl_stage_fact_vendas_push] s WHERE s.[__deleted] = 1 AND ${PUSHDOWN_ACCEPTED}`), s);
  });

  it('refuses deleteSoftDeleted without source.deletedAt or beside an active column', () => {
    const def = {
      entity: 'fact_x',
      source: { table: 'core.order_items', key: 'order_item_id', updatedAt: 'updated_at' },
      target: { table: 'fact.fact_x', naturalKey: 'x_original_id', activeColumn: 'ativo', deleteSoftDeleted: { key: 'x_id' } },
      scd: { type: 1 },
      columns: [{ source: 'order_item_id', target: 'x_original_id', rule: 'direto', required: true }],
    };
    try {
      parseEntityDefinition(JSON.stringify(def), 'etl/entities/fact_x.json');
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof EntityDefinitionError, String(e));
      assert.match(e.message, /deleteSoftDeleted needs source\.deletedAt/);
      assert.match(e.message, /deleteSoftDeleted and activeColumn exclude each other/);
      assert.match(e.message, /fact_x/);
    }
  });
});
