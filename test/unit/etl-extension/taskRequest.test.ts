import { strict as assert } from 'node:assert';
import { etlTaskFields, etlTaskLabel, resolveEtlTask } from '../../../src/core/etl/present/taskRequest';

const known = ['dim_cliente', 'dim_regiao'];

describe('dw-etl task definitions', () => {
  it('runs every active entity when neither entity nor all is given', () => {
    assert.deepEqual(resolveEtlTask({}), { request: { entities: [], full: false, dryRun: false } });
    assert.deepEqual(resolveEtlTask({ all: true, full: true }), { request: { entities: [], full: true, dryRun: false } });
  });

  it('runs the named entity with its options', () => {
    assert.deepEqual(resolveEtlTask({ entity: 'dim_cliente', dryRun: true }, known), { request: { entities: ['dim_cliente'], full: false, dryRun: true } });
  });

  it('rejects entity and all together, naming both', () => {
    const r = resolveEtlTask({ entity: 'dim_cliente', all: true });
    assert.ok('problem' in r && /"entity" or "all"/.test(r.problem), JSON.stringify(r));
  });

  it('rejects an entity without a definition, listing the known ones', () => {
    const r = resolveEtlTask({ entity: 'dim_nada' }, known);
    assert.ok('problem' in r && r.problem.includes('dim_nada') && r.problem.includes('dim_cliente, dim_regiao'), JSON.stringify(r));
  });

  it('rejects options of the wrong type', () => {
    for (const fields of [{ full: 'yes' }, { dryRun: 1 }, { entity: 3 }, { entity: '  ' }]) {
      assert.ok('problem' in resolveEtlTask(fields), JSON.stringify(fields));
    }
  });

  it('labels tasks and round-trips them through their definition fields', () => {
    const requests = [
      { entities: [], full: false, dryRun: false },
      { entities: ['dim_cliente'], full: true, dryRun: false },
      { entities: ['dim_cliente'], full: true, dryRun: true },
    ];
    assert.deepEqual(requests.map(etlTaskLabel), ['all active entities', 'dim_cliente (full reload)', 'dim_cliente (full reload, dry run)']);
    for (const r of requests) assert.deepEqual(resolveEtlTask(etlTaskFields(r), known), { request: r });
  });
});
