import { strict as assert } from 'node:assert';
import type { EntityState, LastEntityRun } from '../../../src/core/etl/control/state';
import { entityItemModel } from '../../../src/core/etl/present/entityItem';

const now = new Date(Date.UTC(2024, 2, 1, 12, 0, 0));

function state(over: Partial<EntityState> = {}, run: Partial<LastEntityRun> | null = null): EntityState {
  return {
    entity: 'dim_cliente', sourceTable: 'core.customers', targetTable: 'dim.dim_cliente',
    watermark: { updatedAt: '1900-01-01T00:00:00.000000', id: '0' }, cutoffMinutes: 2, batchSize: 1000, isActive: true,
    lastStatus: null, lastSuccessAt: null,
    lastRun: run === null ? null : {
      runId: 4, status: 'success', extracted: 10, upserted: 9, startedAt: '2024-03-01T11:55:00.000Z', finishedAt: '2024-03-01T11:56:00.000Z', error: null, ...run,
    },
    ...over,
  };
}

describe('ETL entity tree rows', () => {
  it('shows a never-run entity with the empty circle, no lag and no rows', () => {
    const m = entityItemModel(state(), now);
    assert.deepEqual([m.icon, m.lag, m.lastRunAgo, m.lastRows, m.contextValue], ['never', undefined, undefined, null, 'dwEntity.active']);
  });

  it('takes the icon from the last run: success, failed, partial, running', () => {
    for (const status of ['success', 'failed', 'partial', 'running'] as const) {
      assert.equal(entityItemModel(state({}, { status }), now).icon, status);
    }
  });

  it('falls back to ctl.etl_control.last_status when audit has no run', () => {
    assert.equal(entityItemModel(state({ lastStatus: 'failed' }), now).icon, 'failed');
  });

  it('spins while this window loads the entity, and marks it running for the menus', () => {
    const m = entityItemModel(state({ isActive: false }, { status: 'success' }), now, true);
    assert.deepEqual([m.icon, m.contextValue], ['running', 'dwEntity.inactive.running']);
  });

  it('gives the lag from the watermark, the last run age and its rows', () => {
    const m = entityItemModel(state({ watermark: { updatedAt: '2024-03-01T09:00:00.000000', id: '42' } }, { upserted: 0, extracted: 7 }), now);
    assert.deepEqual([m.lag, m.lastRunAgo, m.lastRows], ['3 h', '5 min', 7]);
  });
});
