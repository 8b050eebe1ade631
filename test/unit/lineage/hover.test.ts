import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadLineage, mappingHover, shippedLineageSources, type LineageGraph } from '../../../src/core/lineage';

const root = path.resolve(__dirname, '../../..');

describe('lineage hover in entity definitions', function () {
  this.timeout(120_000);
  let graph: LineageGraph;
  before(async () => {
    graph = await loadLineage(shippedLineageSources(root, 'postgres'));
  });
  const hoverAt = (file: string, needle: string, delta = 2): ReturnType<typeof mappingHover> => {
    const text = readFileSync(path.join(root, 'etl', 'entities', file), 'utf8');
    const at = text.indexOf(needle);
    assert.ok(at >= 0, `${needle} in ${file}`);
    return mappingHover(text, at + needle.indexOf(':') + delta + 1, graph);
  };

  it('on a source value: the source column, the rule, the warehouse column and what reads it', () => {
    const h = hoverAt('dim_cliente.json', '"source": "email"');
    assert.ok(h);
    assert.match(h.markdown, /Comes from: `core\.customers\.email`/);
    assert.match(h.markdown, /Through: `normalizar_email \(dim_cliente\)`/);
    assert.match(h.markdown, /Goes to: `dim\.dim_cliente\.email`/, 'the table as PostgreSQL names it');
  });

  it('on a target value: the same mapping, and the views and panels downstream', () => {
    const h = hoverAt('dim_produto.json', '"target": "categoria"');
    assert.ok(h);
    assert.match(h.markdown, /\*\*Target\*\* `categoria`/);
    assert.match(h.markdown, /Comes from: `core\.products\.category_name`/);
    assert.match(h.markdown, /Views \(2\): `bi\.vw_descontos\.categoria`, `bi\.vw_vendas\.categoria`/);
    assert.match(h.markdown, /Dashboard panels \(\d+\): .*`sales dashboard: kpis`/);
  });

  it('on a derived source: what the derived column reads', () => {
    const h = hoverAt('dim_cliente.json', '"source": "total_compras"');
    assert.ok(h);
    assert.match(h.markdown, /derived column `total_compras`, reading .*`core\.orders\./);
  });

  it('on a lookup: the dimension key it is matched by', () => {
    const text = readFileSync(path.join(root, 'etl', 'entities', 'fact_vendas.json'), 'utf8');
    const at = text.indexOf('"rule": "buscar_dim_produto_por_original"');
    const target = text.lastIndexOf('"target": "', at);
    const h = mappingHover(text, target + '"target": "'.length + 1, graph);
    assert.ok(h);
    assert.match(h.markdown, /Looked up by: `dim\.dim_produto\.produto_original_id`/);
  });

  it('nothing on keys, other properties or outside columns', () => {
    const text = readFileSync(path.join(root, 'etl', 'entities', 'dim_cliente.json'), 'utf8');
    assert.equal(mappingHover(text, text.indexOf('"source": "email"') + 2, graph), undefined, 'on the key');
    assert.equal(mappingHover(text, text.indexOf('"rule": "normalizar_email"') + 12, graph), undefined, 'on a rule');
    assert.equal(mappingHover(text, text.indexOf('"core.customers"') + 3, graph), undefined, 'on source.table');
    assert.equal(mappingHover('{ not json', 3, graph), undefined);
  });

  it('says a target missing from the contract is not in it', () => {
    const text = readFileSync(path.join(root, 'etl', 'entities', 'dim_cliente.json'), 'utf8').replace('"target": "email"', '"target": "email_gone"');
    const h = mappingHover(text, text.indexOf('"email_gone"') + 2, graph);
    assert.ok(h);
    assert.match(h.markdown, /not in the warehouse contract|not in the lineage graph/);
  });
});
