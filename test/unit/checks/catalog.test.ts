import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { alertSql } from '../../../src/core/alerts';
import { checkCatalog } from '../../../src/core/checks';
import { ALERT_STATE, CHECK_RESULT, consumptionViews, dimensionTables, factTables } from '../../../src/core/warehouse';
import { createTableSql } from '../../../src/core/warehouse/ddl';

const root = path.resolve(__dirname, '../../..');
const squeeze = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

describe('warehouse check catalog and the alert state table', () => {
  it('has one FK check per fact foreign key, one duplicate-key check per dimension and fact, one coverage check per table and view', () => {
    const names = checkCatalog({ dialect: 'postgres', entityFiles: [], scriptPaths: [] }).map((c) => c.name);
    const fks = factTables.flatMap((t) => (t.foreignKeys ?? []).map((f) => `fk_orphans.${t.name.toLowerCase()}.${f.column}`));
    const dups = [...dimensionTables, ...factTables].map((t) => `duplicate_keys.${t.name.toLowerCase()}`);
    const coverage = [...dimensionTables, ...factTables].map((t) => `coverage.${t.name.toLowerCase()}`).concat(Object.values(consumptionViews).map((v) => `coverage.${v.name}`));
    assert.deepEqual(names, [...fks, ...dups, ...coverage]);
  });

  it('writes T-SQL for SQL Server: the users\' table names, TOP instead of LIMIT, a per-engine custom SQL', () => {
    const checks = checkCatalog({
      dialect: 'sqlserver', entityFiles: [], scriptPaths: [],
      checks: { offendingLimit: 7, custom: [{ name: 'x', sql: { postgres: 'SELECT 1 LIMIT 0', sqlserver: 'SELECT TOP (0) 1 AS x' } }] },
    });
    const fk = checks.find((c) => c.name === 'fk_orphans.fact_vendas.cliente_id');
    assert.equal(fk?.count, 'SELECT COUNT(*) AS n FROM fact.FACT_VENDAS f LEFT JOIN dim.DIM_CLIENTE r ON r.cliente_id = f.cliente_id WHERE r.cliente_id IS NULL');
    assert.match(fk?.offending ?? '', /^SELECT TOP \(7\) f\.cliente_id AS cliente_id, COUNT\(\*\) AS n FROM fact\.FACT_VENDAS f/);
    assert.doesNotMatch(checks.map((c) => `${c.count ?? ''} ${c.offending ?? ''}`).join('\n'), /LIMIT/);
    assert.equal(checks.find((c) => c.name === 'custom.x')?.sql, 'SELECT TOP (0) 1 AS x');
    assert.match(alertSql('sqlserver').status, /OUTER APPLY \(SELECT TOP \(1\) re\.status/);
    assert.doesNotMatch(alertSql('sqlserver').status, /LATERAL|LIMIT|\$\d/);
  });

  const scripted = [
    ['alert_state', ALERT_STATE, '10_alert_state.sql', 'the alerts create'],
    ['check_result', CHECK_RESULT, '11_check_result.sql', 'recording the checks creates'],
  ] as const;
  for (const [table, spec, name, creator] of scripted) for (const dialect of ['sqlserver', 'postgres'] as const) {
    const file = `sql/${dialect}/dw/${name}`;
    it(`ctl.${table}: ${file} creates the contract's table (what ${creator} on an older warehouse)`, async () => {
      const text = await readFile(path.join(root, file), 'utf8');
      const m = new RegExp(`CREATE TABLE ctl\\.${table} \\([\\s\\S]*?\\n\\s*\\);`).exec(text);
      assert.ok(m !== null);
      const script = squeeze(m[0].replace(/\s*\);$/, ')'));
      const contract = squeeze(createTableSql(spec, dialect));
      const normal = (s: string): string => s.replace(/character varying/g, 'varchar').replace(/ without time zone/g, '');
      assert.equal(normal(script), normal(contract));
    });
  }
});
