import { strict as assert } from 'node:assert';
import { TestClock } from '../../integration/etl/support/run';

describe('the ETL tests\' clock', () => {
  it('starts a new clock past every cutoff an earlier clock handed out, even made in the same millisecond', () => {
    const t0 = Date.UTC(2030, 0, 1, 12, 0, 0, 250);
    const first = new TestClock(t0);
    // A run's cutoff: the whole second of its clock, minus one second.
    const cutoff = Math.floor(first.now().getTime() / 1000) * 1000 - 1000;
    const second = new TestClock(t0);
    assert.ok(second.stampTime().getTime() > cutoff, `stamp ${second.stampTime().toISOString()} is at or below the earlier run's cutoff ${new Date(cutoff).toISOString()}`);
    assert.ok(second.now().getTime() > first.now().getTime());
  });
});
