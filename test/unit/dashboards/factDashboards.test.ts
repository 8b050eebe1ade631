import { strict as assert } from 'node:assert';
import { checkSla, freshnessSla, InvalidSlaError } from '../../../src/core/dashboard/freshness';
import { previousComparable } from '../../../src/protocol/period';
import { validateDiscountsParams } from '../../../src/protocol/discounts';
import { validateTargetsParams } from '../../../src/protocol/targets';

const sp = { hour: 8, timeZone: 'America/Sao_Paulo' };

describe('targets and discounts dashboards: freshness SLA, periods, protocol', () => {
  it('judges a load against D+1 08:00 in São Paulo (UTC-3): a load since the deadline day began is on time', () => {
    // 2025-03-10 12:00 UTC = 09:00 in São Paulo: the deadline passed at 11:00 UTC, for the 9th.
    const now = new Date('2025-03-10T12:00:00Z');
    assert.deepEqual(freshnessSla('2025-03-10T03:00:00.000Z', now, sp), { state: 'on-time', deadline: '2025-03-10T11:00:00.000Z', overdueHours: 0, timeZone: sp.timeZone, hour: 8 });
    const late = freshnessSla('2025-03-10T02:59:59.000Z', now, sp);
    assert.deepEqual([late.state, late.overdueHours], ['late', 1]);
    assert.equal(freshnessSla(null, now, sp).state, 'never');
  });

  it('before the hour, the deadline in force is yesterday’s', () => {
    const now = new Date('2025-03-10T10:00:00Z'); // 07:00 local
    const r = freshnessSla('2025-03-09T03:00:00.000Z', now, sp);
    assert.deepEqual([r.state, r.deadline], ['on-time', '2025-03-09T11:00:00.000Z']);
    assert.equal(freshnessSla('2025-03-09T02:00:00.000Z', now, sp).overdueHours, 23);
  });

  it('follows a zone with daylight saving (Lisbon, the night the clocks go forward)', () => {
    const lisbon = { hour: 8, timeZone: 'Europe/Lisbon' };
    const r = freshnessSla('2025-03-30T00:00:00.000Z', new Date('2025-03-30T09:00:00Z'), lisbon);
    assert.deepEqual([r.state, r.deadline], ['on-time', '2025-03-30T07:00:00.000Z']);
  });

  it('refuses an hour or a zone that is not one, naming the setting', () => {
    assert.throws(() => checkSla({ hour: 24, timeZone: 'UTC' }, { hour: 'H', timeZone: 'Z' }), (e: unknown) => e instanceof InvalidSlaError && e.message === 'H: 24 is not a whole hour from 0 to 23.');
    assert.throws(() => checkSla({ hour: 8, timeZone: 'Nowhere/City' }, { hour: 'H', timeZone: 'Z' }), /^InvalidSlaError: Z: "Nowhere\/City" is not an IANA time zone/);
  });

  it('compares whole months month for month, and other periods day for day', () => {
    assert.deepEqual(previousComparable('2025-01-01', '2025-12-31'), { from: '2024-01-01', to: '2024-12-31' });
    assert.deepEqual(previousComparable('2025-03-01', '2025-04-30'), { from: '2025-01-01', to: '2025-02-28' });
    assert.deepEqual(previousComparable('2025-03-10', '2025-03-19'), { from: '2025-02-28', to: '2025-03-09' });
  });

  it('accepts well-formed requests and refuses unknown keys, methods, queries and minimums', () => {
    const targets = { from: '2025-01-01', to: '2025-12-31', region: '', team: 'Equipe Alfa', seller: null };
    const ok = validateTargetsParams('targets/load', { filters: targets });
    assert.ok(ok.ok && 'filters' in ok.value.params && ok.value.params.filters.region === null);
    const discounts = { from: '2025-01-01', to: '2025-12-31', type: null, method: null, code: null, level: null, region: null, grain: 'month', minApplications: 3 };
    assert.ok(validateDiscountsParams('discounts/exportCsv', { filters: discounts }).ok);
    for (const [method, params] of [
      ['targets/load', { filters: { ...targets, category: 'x' } }],
      ['targets/load', { filters: { ...targets, to: '2024-12-31' } }],
      ['targets/showSql', { query: 'drop' }],
      ['targets/delete', { filters: targets }],
      ['discounts/load', { filters: { ...discounts, minApplications: 0 } }],
      ['discounts/load', { filters: { ...discounts, minApplications: 2.5 } }],
      ['discounts/load', { filters: { ...discounts, grain: 'year' } }],
      ['discounts/load', { filters: discounts, extra: 1 }],
    ] as const) {
      const v = method.startsWith('targets') ? validateTargetsParams(method, params) : validateDiscountsParams(method, params);
      assert.equal(v.ok, false, `${method} ${JSON.stringify(params)}`);
    }
  });
});
