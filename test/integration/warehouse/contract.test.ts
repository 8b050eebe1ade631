import { strict as assert } from 'node:assert';
import { warehouseContract } from '../../../src/core/warehouse/contract';
import { physicalName } from '../../../src/core/warehouse/names';
import { declaredType } from '../../../src/core/warehouse/typeNames';
import { bootstrapWithPsql, psqlQuery } from './scratch';
import { createDatabase, dropDatabase, throwawayName } from '../../support/throwawayDatabase';

describe('PostgreSQL catalog against the warehouse contract', () => {
  const db = throwawayName('dwb_wh_contract');
  let catalog: Map<string, string[]>;
  before(async () => {
    await createDatabase(db);
    bootstrapWithPsql(db, { skipSecurity: true });
    const text = psqlQuery(db, `
      SELECT n.nspname || '.' || c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
             CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END, CASE WHEN a.attidentity <> '' THEN 'identity' ELSE '' END
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND n.nspname IN ('core', 'dim', 'fact', 'ctl', 'audit') AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY 1, a.attnum`);
    catalog = new Map();
    for (const line of text.split('\n')) {
      const [table, ...rest] = line.split('|');
      if (table === undefined) continue;
      catalog.set(table, [...(catalog.get(table) ?? []), rest.join('|')]);
    }
  });
  after(() => dropDatabase(db));

  it('creates exactly the contract tables', () => {
    const expected = warehouseContract.map((t) => { const p = physicalName(t, 'postgres'); return `${p.schema}.${p.name}`; }).sort();
    assert.deepEqual([...catalog.keys()].sort(), expected);
  });

  for (const table of warehouseContract) {
    const p = physicalName(table, 'postgres');
    it(`${p.schema}.${p.name}: columns, types, nullability and identity in contract order`, () => {
      const expected = table.columns.map((c) =>
        [c.name, declaredType(c.type, 'postgres'), c.nullable ? 'null' : 'not null', c.identity === true ? 'identity' : ''].join('|'));
      assert.deepEqual(catalog.get(`${p.schema}.${p.name}`), expected);
    });
  }
});
