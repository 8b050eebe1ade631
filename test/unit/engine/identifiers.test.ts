import { strict as assert } from 'node:assert';
import { quoteIdentifier, quoteQualified } from '../../../src/core/engine/identifiers';
import { postgresMonitorDialect, sqlServerMonitorDialect } from '../../../src/core/monitor/dialect';

describe('identifier quoting, one per dialect', () => {
  it('doubles the closing delimiter so a name cannot end the identifier', () => {
    assert.equal(quoteIdentifier('postgres', 'a"b'), '"a""b"');
    assert.equal(quoteIdentifier('sqlserver', 'a]b'), '[a]]b]');
    assert.equal(quoteIdentifier('sqlserver', 'a[b'), '[a[b]');
  });
  it('quotes each part of a dotted name', () => {
    assert.equal(quoteQualified('postgres', 'dim.dim_cliente'), '"dim"."dim_cliente"');
    assert.equal(quoteQualified('sqlserver', 'dim.DIM_CLIENTE'), '[dim].[DIM_CLIENTE]');
  });
  it('the monitor quotes through the same functions (PostgreSQL folds to lower case as unquoted names do)', () => {
    assert.equal(postgresMonitorDialect.quote('DIM_"X'), '"dim_""x"');
    assert.equal(sqlServerMonitorDialect.quote('x]; DROP TABLE t; --'), '[x]]; DROP TABLE t; --]');
    assert.equal(sqlServerMonitorDialect.sourcePrefix('OLTP]x'), '[OLTP]]x].');
  });
});
