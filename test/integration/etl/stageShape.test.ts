import { strict as assert } from 'node:assert';
import type { EntityDefinition } from '../../../src/core/etl/definition/types';
import { dimClienteDifferences, insertCustomers } from './support/customers';
import { DEFINITIONS, run, setControl } from './support/run';
import { createPostgresWarehouse, resetWarehouse, type TestWarehouse } from './support/warehouse';

/**
 * The ETL keeps its stage tables on the session (temporary tables): a pooled connection, or a
 * kept one, still holds the stage of an earlier run. A definition edited between two runs of one
 * process (the extension host, `dwb watch`) must not meet the stage of the old shape.
 */
describe('ETL stage tables follow the definition between runs on one connection (PostgreSQL)', function () {
  this.timeout(300_000);
  let wh: TestWarehouse;
  before(async () => {
    wh = await createPostgresWarehouse('stageshape');
    await resetWarehouse(wh.engine);
    await insertCustomers(wh.engine, Array.from({ length: 12 }, (_, i) => ({ id: i + 1, updatedAt: `2024-03-01 10:${String(i).padStart(2, '0')}:00` })));
    await setControl(wh.engine, 'dim_cliente', { batchSize: 5, cutoffMinutes: 0 });
  });
  after(async () => {
    await wh.close();
  });

  for (const plan of ['transfer', 'pushdown'] as const) {
    it(`${plan}: a column mapped after a run on the same connection is loaded by the next run`, async () => {
      const full = DEFINITIONS.find((d) => d.entity === 'dim_cliente') as EntityDefinition;
      const withoutPhone: EntityDefinition = { ...full, columns: full.columns.filter((c) => c.target !== 'telefone') };
      const first = await run(wh.engine, { definitions: [withoutPhone], plan, full: true });
      assert.deepEqual(first.result.entities.map((e) => [e.entity, e.status, e.error]), [['dim_cliente', 'success', undefined]]);
      // The same pooled connection: PostgreSQL hands the released one back first.
      const second = await run(wh.engine, { definitions: [full], plan, full: true });
      assert.deepEqual(second.result.entities.map((e) => [e.entity, e.status, e.error]), [['dim_cliente', 'success', undefined]]);
      assert.deepEqual(await dimClienteDifferences(wh.engine), []);
    });
  }
});
