import { strict as assert } from 'node:assert';
import type { EntityState, LastEntityRun } from '../../../src/core/etl/control/state';
import { entityItemModel } from '../../../src/core/etl/present/entityItem';

const now = new Date(Date.UTC(2024, 2, 1, 12, 0, 0));

function state(over: Partial<EntityState> = {}, run: Partial<LastEntityRun> | null = null): EntityState {
  return {
    entity: 'dim_cliente', sourceTable: 'core.customers', targetTable: 'dim.dim_cliente',
    watermark: { updatedAt: '1900-01-01T00:00:00.000000', id: '0' }, cutoffMinutes: 2, batchSize: 1000, isActive: true,
    lastStatus: null, lastSuccessAt: null, targetRows: null,
    lastRun: run === null ? null : {
      runId: 4, status: 'success', extracted: 10, upserted: 9, startedAt: '2024-03-01T11:55:00.000Z', finishedAt: '2024-03-01T11:56:00.000Z', error: null, ...run,
    },
    ...over,
  };
}

describe('ETL entity tree rows', () => {
  it('shows a never-run entity with the empty circle, no lag and no rows', () => {
    const m = entityItemModel(state(), now);
    assert.deepEqual([m.icon, m.lag, m.lastRunAgo, m.rows, m.contextValue], ['never', undefined, undefined, null, 'dwEntity.active']);
  });

  it('takes the icon from the last run: success, failed, partial, cancelled, running', () => {
    for (const status of ['success', 'failed', 'partial', 'cancelled', 'running'] as const) {
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

  it('gives the lag from the last success (as the monitor does), not from a year-old watermark', () => {
    const m = entityItemModel(state({ watermark: { updatedAt: '2023-03-28T09:00:00.000000', id: '42' }, lastSuccessAt: '2024-03-01T11:56:00.000Z' }, {}), now);
    assert.deepEqual([m.lag, m.lastRunAgo], ['4 min', '5 min']);
  });

  it('shows the rows the table holds, not the last run\'s count (a no-op run loads 0, a cancelled one a part)', () => {
    assert.equal(entityItemModel(state({ targetRows: 10_000 }, { upserted: 0, extracted: 0 }), now).rows, 10_000);
    assert.equal(entityItemModel(state({ targetRows: 1_000 }, { status: 'cancelled', upserted: 50_000, extracted: 50_000 }), now).rows, 1_000);
  });

  it('gives an inactive entity its own icon, not the never-run circle', () => {
    const m = entityItemModel(state({ isActive: false }), now);
    assert.deepEqual([m.icon, m.contextValue], ['inactive', 'dwEntity.inactive']);
  });
});
