import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { seedScripts, warehouseScripts } from '../../../src/core/warehouse/scripts';

const sqlRoot = path.resolve(__dirname, '../../../sql');

function filesUnder(dialect: string): string[] {
  return readdirSync(path.join(sqlRoot, dialect), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.sql'))
    .map((f) => `${dialect}/${f.split(path.sep).join('/')}`)
    .sort();
}

describe('warehouse script list', () => {
  for (const dialect of ['sqlserver', 'postgres'] as const) {
    it(`${dialect}: lists every shipped script exactly once, each folder in numeric order`, () => {
      const listed = [...warehouseScripts(dialect), ...seedScripts(dialect)].map((s) => s.path);
      assert.deepEqual([...listed].sort(), filesUnder(dialect));
      for (const group of ['oltp', 'dw', 'security', 'seed']) {
        const inGroup = listed.filter((p) => p.startsWith(`${dialect}/${group}/`));
        assert.deepEqual(inGroup, [...inGroup].sort(), group);
      }
    });
  }

  it('runs OLTP before DW before security, and skips only the PostgreSQL roles on PGlite', () => {
    const order = warehouseScripts('postgres').map((s) => s.group);
    assert.deepEqual([...new Set(order)], ['oltp', 'dw', 'security']);
    assert.deepEqual(warehouseScripts('postgres').filter((s) => s.skipOn.includes('pglite')).map((s) => s.path), ['postgres/security/01_roles.sql']);
    assert.deepEqual(warehouseScripts('sqlserver').filter((s) => s.variables.includes('ETL_MONITOR_PASSWORD')).map((s) => s.path), ['sqlserver/security/01_logins_and_roles.sql']);
  });
});
