import { strict as assert } from 'node:assert';
import path from 'node:path';
import { checkResultSql, offendingKeys, storedPath } from '../../../src/core/checks/store';

describe('warehouse check results as kept for the monitor', () => {
  it('keeps a place relative to the project folder, and one outside it absolute', () => {
    const root = path.resolve('/work/project');
    assert.equal(storedPath(root, path.join(root, 'etl', 'entities', 'fact_vendas.json')), 'etl/entities/fact_vendas.json');
    assert.equal(storedPath(root, path.resolve('/opt/ext/etl/entities/dim_cliente.json')), path.resolve('/opt/ext/etl/entities/dim_cliente.json'));
    assert.equal(storedPath(root, path.resolve('/work/project-other/x.json')), path.resolve('/work/project-other/x.json'));
  });

  it('shows a few offending keys: a key with its rows, several columns by name, a scope finding by its text', () => {
    const rows = JSON.stringify([{ cliente_id: 987654, n: 3 }, { cliente_id: 5, n: '1' }]);
    assert.deepEqual(offendingKeys('fk_orphans', rows), [{ key: '987654', rows: 3 }, { key: '5', rows: 1 }]);
    assert.deepEqual(offendingKeys('duplicate_keys', JSON.stringify([{ a: 1, b: 'x', n: 2 }])), [{ key: 'a=1, b=x', rows: 2 }]);
    assert.deepEqual(offendingKeys('custom', JSON.stringify([{ pedido: 7, motivo: 'sem itens' }])), [{ key: 'pedido=7, motivo=sem itens', rows: null }]);
    assert.deepEqual(offendingKeys('scope', JSON.stringify([{ file: 'etl/entities/x.json', line: 3, problem: 'core.x has no column y' }])), [{ key: 'core.x has no column y', rows: null }]);
    assert.equal(offendingKeys('custom', JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ i })))).length, 5);
    assert.equal(offendingKeys('custom', JSON.stringify([{ t: 'x'.repeat(500) }]))[0]?.key.length, 120);
    assert.deepEqual([offendingKeys('custom', null), offendingKeys('custom', 'not json'), offendingKeys('custom', '{}')], [[], [], []]);
  });

  it('reads the monitor\'s part in both dialects with a bounded number of failed checks', () => {
    assert.match(checkResultSql('postgres').failed, /WHERE NOT ok[\s\S]*LIMIT 100$/);
    assert.match(checkResultSql('sqlserver').failed, /^SELECT TOP \(100\) [\s\S]*WHERE ok = 0/);
    assert.doesNotMatch(checkResultSql('sqlserver').summary, /LIMIT|\$\d/);
  });
});
