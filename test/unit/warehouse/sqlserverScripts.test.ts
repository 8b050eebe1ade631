import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { splitTsql } from '../../../src/core/script/tsqlSplitter';
import { warehouseContract } from '../../../src/core/warehouse/contract';
import { warehouseScripts } from '../../../src/core/warehouse/scripts';
import { declaredType } from '../../../src/core/warehouse/typeNames';

const sqlRoot = path.resolve(__dirname, '../../../sql');
const variables = {
  DIM_DATA_START: '2020-01-01', DIM_DATA_END: '2030-12-31', ETL_MONITOR_PASSWORD: 'p', ETL_BACKUP_PASSWORD: 'p', AUDIT_PATH: '/a/', ETL_ACTIVE_ENTITIES: 'all',
};

/** Every CREATE TABLE of the SQL Server scripts, as `schema.NAME` -> column definition lines. */
async function createdTables(): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>();
  for (const script of warehouseScripts('sqlserver')) {
    const file = path.join(sqlRoot, script.path);
    const text = await readFile(file, 'utf8');
    const plan = await splitTsql(text, { file, readFile: (p) => readFile(p), variables });
    for (const batch of plan.batches) {
      for (const m of batch.text.matchAll(/CREATE TABLE (\w+)\.(\w+) \(\n([\s\S]*?)\n\s*\);/g)) {
        const lines = (m[3] ?? '').split(',\n').map((l) => l.trim()).filter((l) => !l.startsWith('CONSTRAINT'));
        tables.set(`${m[1]}.${m[2]}`, lines);
      }
    }
  }
  return tables;
}

describe('SQL Server scripts against the warehouse contract (static)', () => {
  it('split under sqlcmd rules with every variable they use supplied', async () => {
    for (const script of warehouseScripts('sqlserver')) {
      const file = path.join(sqlRoot, script.path);
      const vars = Object.fromEntries(script.variables.map((v) => [v, variables[v as keyof typeof variables]]));
      const plan = await splitTsql(await readFile(file, 'utf8'), { file, readFile: (p) => readFile(p), variables: vars });
      assert.ok(plan.batches.length > 0, script.path);
    }
  });

  it('create every contract table, with every column and its type, in contract order', async () => {
    const tables = await createdTables();
    for (const table of warehouseContract) {
      const lines = tables.get(`${table.schema}.${table.name}`);
      assert.ok(lines, `no CREATE TABLE ${table.schema}.${table.name}`);
      const found = lines.map((l) => l.split(' ').slice(0, 2).join(' '));
      const expected = table.columns.map((c) => `${c.name} ${declaredType(c.type, 'sqlserver')}`);
      assert.deepEqual(found, expected, `${table.schema}.${table.name}`);
    }
    assert.equal(tables.size, warehouseContract.length);
  });

  it('keep passwords out of the scripts: only sqlcmd variables follow PASSWORD =', async () => {
    const text = await readFile(path.join(sqlRoot, 'sqlserver/security/01_logins_and_roles.sql'), 'utf8');
    const passwords = [...text.matchAll(/PASSWORD = N'([^']*)'/g)].map((m) => m[1]);
    assert.deepEqual(passwords, ['$(ETL_MONITOR_PASSWORD)', '$(ETL_BACKUP_PASSWORD)']);
  });
});
