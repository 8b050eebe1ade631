import { strict as assert } from 'node:assert';
import { findTable, warehouseContract } from '../../../src/core/warehouse/contract';
import { registeredEntities } from '../../../src/core/warehouse/controlTables';
import { mappingRows } from '../../../src/core/warehouse/mapping';
import { parseQualified, qualifiedName } from '../../../src/core/warehouse/names';

const hasColumn = (qualified: string, column: string): boolean => {
  const { schema, name } = parseQualified(qualified);
  return findTable(schema, name)?.columns.some((c) => c.name === column) === true;
};

describe('warehouse contract', () => {
  it('holds every source and target column the mapping CSV names', () => {
    const missing = mappingRows.flatMap((r) => [
      hasColumn(r.sourceTable, r.sourceColumn) ? [] : [`${r.sourceTable}.${r.sourceColumn}`],
      r.targetTable === 'N/A' || hasColumn(r.targetTable, r.targetColumn) ? [] : [`${r.targetTable}.${r.targetColumn}`],
    ].flat());
    assert.deepEqual(missing, []);
  });

  it('makes every required mapping target NOT NULL', () => {
    const nullable = mappingRows
      .filter((r) => r.required && r.targetTable !== 'N/A')
      .filter((r) => {
        const { schema, name } = parseQualified(r.targetTable);
        return findTable(schema, name)?.columns.find((c) => c.name === r.targetColumn)?.nullable === true;
      })
      .map((r) => `${r.targetTable}.${r.targetColumn}`);
    assert.deepEqual(nullable, []);
  });

  it('gives every OLTP table a BIGINT identity key and created_at/updated_at/deleted_at', () => {
    for (const t of warehouseContract.filter((x) => x.layer === 'oltp')) {
      const key = t.columns.find((c) => c.name === t.primaryKey);
      assert.equal(key?.type.kind, 'bigint', t.name);
      assert.equal(key?.identity, true, t.name);
      for (const c of ['created_at', 'updated_at', 'deleted_at']) assert.ok(t.columns.some((x) => x.name === c), `${t.name}.${c}`);
    }
  });

  it('registers nine entities whose tables are in the contract, only dim_cliente active', () => {
    assert.equal(registeredEntities.length, 9);
    for (const e of registeredEntities) {
      const s = parseQualified(e.sourceTable);
      const t = parseQualified(e.targetTable);
      assert.ok(findTable(s.schema, s.name) && findTable(t.schema, t.name), e.entityName);
      assert.ok(hasColumn(e.sourceTable, e.sourcePkColumn), e.entityName);
    }
    assert.deepEqual(registeredEntities.filter((e) => e.activeByDefault).map((e) => e.entityName), ['dim_cliente']);
  });

  it('names tables in each dialect: upper case kept on SQL Server, folded on PostgreSQL', () => {
    const t = findTable('dim', 'DIM_CLIENTE');
    assert.ok(t);
    assert.equal(qualifiedName(t, 'sqlserver'), 'dim.DIM_CLIENTE');
    assert.equal(qualifiedName(t, 'postgres'), 'dim.dim_cliente');
  });
});
