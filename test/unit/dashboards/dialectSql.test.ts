import { strict as assert } from 'node:assert';
import { postgresMonitorDialect, sqlServerMonitorDialect } from '../../../src/core/monitor/dialect';
import { monitorSql } from '../../../src/core/monitor/sql';
import { postgresSalesDialect, sqlServerSalesDialect } from '../../../src/core/sales/dialect';
import { salesQueryText } from '../../../src/core/sales/load';
import { salesSql } from '../../../src/core/sales/sql';

const texts = (o: Record<string, unknown>): [string, string][] =>
  Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string');

describe('dashboard SQL per dialect', () => {
  it('writes T-SQL with @p placeholders and TOP, PostgreSQL with $n and LIMIT, never the other', () => {
    for (const [name, sql] of [...texts(salesSql(sqlServerSalesDialect)), ...texts(monitorSql(sqlServerMonitorDialect))]) {
      assert.doesNotMatch(sql, /\$\d|\bLIMIT\b|::|date_trunc|to_char/i, name);
    }
    for (const [name, sql] of [...texts(salesSql(postgresSalesDialect)), ...texts(monitorSql(postgresMonitorDialect))]) {
      assert.doesNotMatch(sql, /@p\d|\bTOP\b|DATEFROMPARTS|CONVERT\(|SYSUTCDATETIME/i, name);
    }
  });

  it('uses the users’ object names per dialect', () => {
    assert.match(salesSql(sqlServerSalesDialect).kpis, /fact\.FACT_VENDAS f[\s\S]*dim\.DIM_PRODUTO/);
    assert.match(salesSql(postgresSalesDialect).kpis, /fact\.fact_vendas f[\s\S]*dim\.dim_produto/);
  });

  it('binds all seven sales filters in every filtered panel', () => {
    for (const [name, sql] of texts(salesSql(postgresSalesDialect))) {
      if (name === 'options' || name === 'freshness') continue;
      for (let n = 1; n <= 7; n++) assert.ok(sql.includes(`$${n}`), `${name} lacks $${n}`);
    }
  });

  it('shows the SQL with a header naming its parameters', () => {
    const text = salesQueryText('sqlserver', 'topProducts');
    assert.match(text, /^-- Sales dashboard: topProducts \(sqlserver\)\n-- Parameters: 1 first date_id.*8 row limit \(10\)/);
    assert.match(text, /SELECT TOP \(@p8\)/);
  });
});
