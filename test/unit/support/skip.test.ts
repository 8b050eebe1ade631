import { strict as assert } from 'node:assert';
import Mocha from 'mocha';
import { skipBecause } from '../../support/skip';

/** Runs a throw-away mocha suite in-process and returns each test's state and skip reason. */
function runSuite(define: (suite: Mocha.Suite) => void): Promise<{ title: string; state: string | undefined; reason: string | undefined }[]> {
  const root = new Mocha.Suite('root', new Mocha.Context());
  define(root);
  const runner = new Mocha.Runner(root, { delay: false });
  return new Promise((resolve) => {
    runner.run(() => {
      const all: Mocha.Test[] = [];
      const walk = (s: Mocha.Suite) => {
        all.push(...s.tests);
        s.suites.forEach(walk);
      };
      walk(root);
      resolve(all.map((t) => ({ title: t.title, state: t.state ?? (t.isPending() ? 'pending' : undefined), reason: (t as { skipReason?: string }).skipReason })));
    });
  });
}

describe('skipBecause', () => {
  it('gives every test of a suite the reason when called from a before hook', async () => {
    const results = await runSuite((root) => {
      const suite = Mocha.Suite.create(root, 'needs docker');
      suite.beforeAll(function () {
        skipBecause(this, 'no daemon');
      });
      suite.addTest(new Mocha.Test('a', () => undefined));
      suite.addTest(new Mocha.Test('b', () => undefined));
      Mocha.Suite.create(suite, 'nested').addTest(new Mocha.Test('c', () => undefined));
    });
    assert.deepEqual(results.map((r) => [r.title, r.reason]), [['a', 'no daemon'], ['b', 'no daemon'], ['c', 'no daemon']]);
    assert.ok(results.every((r) => r.state !== 'passed'));
  });

  it('skips only the calling test when called from a test', async () => {
    const results = await runSuite((root) => {
      root.addTest(new Mocha.Test('skipped', function (this: Mocha.Context) {
        skipBecause(this, 'absent');
      }));
      root.addTest(new Mocha.Test('runs', () => undefined));
    });
    assert.equal(results.find((r) => r.title === 'skipped')?.reason, 'absent');
    assert.equal(results.find((r) => r.title === 'runs')?.state, 'passed');
  });
});
