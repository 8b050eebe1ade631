import { strict as assert } from 'node:assert';
import { MonitorQueries, targetsKeepingSoftDeleted } from '../../../src/core/monitor/load';
import { DEFAULT_AUDIT_FILTERS } from '../../../src/protocol/monitor';
import { insertCustomers } from '../etl/support/customers';
import { DEFINITIONS, run, setControl } from '../etl/support/run';
import { createPgliteWarehouse, type TestWarehouse } from '../etl/support/warehouse';

describe('monitor health and pre-flight on a fresh embedded warehouse (PGlite)', () => {
  let wh: TestWarehouse;
  before(async () => {
    wh = await createPgliteWarehouse();
    await setControl(wh.engine, 'dim_cliente', { cutoffMinutes: 0 });
    await wh.engine.query(`UPDATE ctl.etl_control SET is_active = (entity_name = 'dim_cliente')`);
    await insertCustomers(wh.engine, [
      { id: 1, updatedAt: '2024-03-01 10:00:00' },
      { id: 2, updatedAt: '2024-03-02 10:00:00' },
      { id: 3, updatedAt: '2024-03-03 10:00:00', deletedAt: '2024-03-03 10:00:00' },
    ]);
    await run(wh.engine);
  });
  after(async () => wh?.close());

  it('reconciles a target that keeps soft-deleted rows with every source row: no difference, state ok', async () => {
    assert.deepEqual(targetsKeepingSoftDeleted(DEFINITIONS).includes('dim.dim_cliente'), true);
    const data = await new MonitorQueries(wh.engine, 'postgres', { keepsSoftDeleted: targetsKeepingSoftDeleted(DEFINITIONS) }).load(DEFAULT_AUDIT_FILTERS);
    const h = data.health.find((x) => x.entity === 'dim_cliente');
    assert.deepEqual([h?.sourceCount, h?.targetCount, h?.state], [3, 3, 'ok']);
    // This warehouse has no ctl.check_result (built before it): no results, and no error for it.
    assert.equal(data.checks.recorded, false);
    assert.deepEqual(data.errors.filter((e) => e.startsWith('Warehouse checks')), []);
  });

  it('says mismatch, not ok, when the counts it compares differ', async () => {
    const data = await new MonitorQueries(wh.engine, 'postgres').load(DEFAULT_AUDIT_FILTERS);
    const h = data.health.find((x) => x.entity === 'dim_cliente');
    assert.deepEqual([h?.sourceCount, h?.targetCount, h?.state], [2, 3, 'mismatch']);
  });

  it('leaves the connection-audit check out where there are no server sessions, and says SQL Server Audit does not apply', async () => {
    const embedded = await new MonitorQueries(wh.engine, 'postgres', { connectionAudit: false }).load(DEFAULT_AUDIT_FILTERS);
    assert.deepEqual(embedded.preflight.map((c) => c.id), ['control-table', 'active-entity', 'audit-tables', 'target-tables', 'first-run']);
    assert.ok(embedded.preflight.every((c) => c.ok), JSON.stringify(embedded.preflight));
    assert.equal(embedded.connections.auditFileApplies, false);
    const server = await new MonitorQueries(wh.engine, 'postgres').load(DEFAULT_AUDIT_FILTERS);
    assert.ok(server.preflight.some((c) => c.id === 'connection-audit'));
  });
});
