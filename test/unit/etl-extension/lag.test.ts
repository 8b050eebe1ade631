import { strict as assert } from 'node:assert';
import { entityLag, humanDuration, isInitialWatermark, utcMillis } from '../../../src/core/etl/present/lag';

describe('ETL entity lag', () => {
  it('says durations the way people do, from seconds to days', () => {
    assert.deepEqual(
      [0, 45_000, 60_000, 12 * 60_000, 3_600_000, 3 * 3_600_000 + 5 * 60_000, 47 * 3_600_000, 48 * 3_600_000, 52 * 3_600_000].map(humanDuration),
      ['0 s', '45 s', '1 min', '12 min', '1 h', '3 h 5 min', '47 h', '2 d', '2 d 4 h'],
    );
  });

  it('counts a negative duration (clock skew) as zero', () => {
    assert.equal(humanDuration(-5000), '0 s');
  });

  it('reads watermark text with microseconds and no zone as UTC', () => {
    assert.equal(utcMillis('2024-03-01T10:00:00.123456'), Date.UTC(2024, 2, 1, 10, 0, 0, 123));
    assert.equal(utcMillis('2024-03-01 10:00:00'), Date.UTC(2024, 2, 1, 10, 0, 0));
    assert.equal(utcMillis('2024-03-01T10:00:00.000Z'), Date.UTC(2024, 2, 1, 10, 0, 0));
    assert.equal(utcMillis('not a date'), undefined);
  });

  it('is now minus the last successful load', () => {
    const now = new Date(Date.UTC(2024, 2, 1, 12, 30, 0));
    assert.equal(entityLag('2024-03-01T10:00:00.000Z', now), 2.5 * 3_600_000);
    assert.equal(humanDuration(entityLag('2024-03-01T10:00:00.000Z', now) ?? -1), '2 h 30 min');
  });

  it('is undefined for an entity that never loaded (no last success)', () => {
    assert.ok(isInitialWatermark('1900-01-01T00:00:00.000000'));
    assert.ok(!isInitialWatermark('2024-03-01T10:00:00'));
    assert.equal(entityLag(null, new Date()), undefined);
  });
});
