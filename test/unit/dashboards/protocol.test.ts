import { strict as assert } from 'node:assert';
import { DEFAULT_AUDIT_FILTERS, validateAuditFilters, validateMonitorParams } from '../../../src/protocol/monitor';
import { isIsoDate, isRpcRequest } from '../../../src/protocol/rpc';
import { previousPeriod, validateSalesFilters, validateSalesParams } from '../../../src/protocol/sales';

const filters = { from: '2024-01-01', to: '2024-01-31', category: null, state: null, region: null, team: null, seller: null, grain: 'day' };

describe('dashboard protocol validation', () => {
  it('accepts a well-formed sales load and normalises empty filters to null', () => {
    const r = validateSalesParams('sales/load', { filters: { ...filters, category: '' } });
    assert.ok(r.ok);
    assert.equal((r.value.params as { filters: { category: unknown } }).filters.category, null);
  });

  it('rejects envelopes that are not requests', () => {
    for (const m of [null, 'x', 42, [], {}, { kind: 'request', id: '1', method: 'sales/load', params: {} }, { kind: 'request', id: 1.5, method: 'sales/load' },
      { kind: 'reply', id: 1, method: 'sales/load' }, { kind: 'request', id: 1, method: 'x'.repeat(65) }]) {
      assert.equal(isRpcRequest(m), false, JSON.stringify(m));
    }
  });

  it('rejects hostile or malformed sales filters', () => {
    const bad: unknown[] = [
      { ...filters, from: '2024-02-31' },
      { ...filters, from: '2024-02-01', to: '2024-01-01' },
      { ...filters, from: '1900-01-01', to: '2024-01-01' },
      { ...filters, from: "2024-01-01' OR 1=1 --" },
      { ...filters, grain: 'year' },
      { ...filters, category: 42 },
      { ...filters, category: 'x'.repeat(201) },
      { ...filters, state: 'SP\u0000' },
      { ...filters, extra: 'DROP TABLE fact.fact_vendas' },
      JSON.parse('{"__proto__": {"polluted": true}, "from": "2024-01-01", "to": "2024-01-02", "grain": "day"}'),
      null, [], 'filters',
    ];
    for (const f of bad) assert.equal(validateSalesFilters(f).ok, false, JSON.stringify(f));
    assert.equal(validateSalesParams('sales/load', { filters, more: 1 }).ok, false);
    assert.equal(validateSalesParams('sales/showSql', { query: 'detail; DROP TABLE x' }).ok, false);
    assert.equal(validateSalesParams('sales/drop', { filters }).ok, false);
  });

  it('rejects hostile or malformed monitor requests', () => {
    const bad: [string, unknown][] = [
      ['monitor/action', { action: 'drop', entity: 'dim_cliente' }],
      ['monitor/action', { action: 'run', entity: "dim_cliente'; DELETE FROM ctl.etl_control; --" }],
      ['monitor/action', { action: 'run', entity: 'dim_cliente', extra: true }],
      ['monitor/runDetail', { runId: -1 }],
      ['monitor/runDetail', { runId: 1.5 }],
      ['monitor/runDetail', { runId: '1 OR 1=1' }],
      ['monitor/load', { audit: { login: null, program: null, database: null, status: null, hours: 0 } }],
      ['monitor/load', { audit: { login: 1, program: null, database: null, status: null, hours: 24 } }],
      ['monitor/captureSnapshot', { now: true }],
      ['monitor/revealEntity', { entity: '../../etc/passwd' }],
      ['monitor/runChecks', { only: 'scope' }],
      ['monitor/openCheck', { check: '../../etc/passwd' }],
      ['monitor/openCheck', { check: "custom.x'; DROP TABLE ctl.check_result; --" }],
      ['monitor/openCheck', { check: 'fk_orphans.fact_vendas.cliente_id', file: '/etc/passwd' }],
      ['monitor/openCheck', { file: '/etc/passwd', line: 1 }],
      ['monitor/unknown', {}],
    ];
    for (const [method, params] of bad) assert.equal(validateMonitorParams(method, params).ok, false, `${method} ${JSON.stringify(params)}`);
    assert.ok(validateMonitorParams('monitor/action', { action: 'reset-watermark', entity: 'dim_cliente' }).ok);
    assert.ok(validateMonitorParams('monitor/runChecks', {}).ok);
    assert.ok(validateMonitorParams('monitor/openCheck', { check: 'fk_orphans.fact_vendas.cliente_id' }).ok);
    assert.ok(validateMonitorParams('monitor/openCheck', { check: 'custom.orders-without-items' }).ok);
  });

  it('takes the connection audit filters by login, program and host, each text of at most 256 characters, empty meaning all', () => {
    const load = (audit: Record<string, unknown>) => validateMonitorParams('monitor/load', { audit: { ...DEFAULT_AUDIT_FILTERS, ...audit } });
    const ok = load({ login: 'etl_monitor', program: 'DW Workbench ETL', host: 'etl-host-01', database: '' });
    assert.deepEqual(ok.ok ? ok.value.params : undefined, { audit: { ...DEFAULT_AUDIT_FILTERS, login: 'etl_monitor', program: 'DW Workbench ETL', host: 'etl-host-01' } });
    for (const bad of [{ host: 42 }, { host: 'x'.repeat(257) }, { host: 'a\u0000b' }, { hostname: 'x' }]) {
      const r = load(bad);
      assert.equal(r.ok, false, JSON.stringify(bad));
    }
    assert.deepEqual(load({ host: 42 }), { ok: false, reason: 'host must be text of at most 256 characters' });
    // A filter saved by a panel from before the host filter existed is still valid (no host: all hosts).
    const saved = validateAuditFilters({ login: null, program: null, database: null, status: null, hours: 24 });
    assert.deepEqual(saved.ok ? saved.value : undefined, DEFAULT_AUDIT_FILTERS);
  });

  it('computes the previous period of the same length, ending the day before', () => {
    assert.deepEqual(previousPeriod('2024-03-01', '2024-03-31'), { from: '2024-01-30', to: '2024-02-29' });
    assert.deepEqual(previousPeriod('2024-01-01', '2024-01-01'), { from: '2023-12-31', to: '2023-12-31' });
  });

  it('checks calendar dates for real', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('2024-1-01'), false);
  });
});
