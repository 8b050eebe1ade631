import assert from 'node:assert/strict';
import { EngineError, isEngineError } from '../../../src/core/engine/errors';

type ErrorsModule = typeof import('../../../src/core/engine/errors');

/** A second copy of the errors module, as the activation shell and the feature bundle each carry one. */
function secondCopy(): ErrorsModule {
  const file = require.resolve('../../../src/core/engine/errors');
  const cached = require.cache[file];
  delete require.cache[file];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module on purpose
    return require(file) as ErrorsModule;
  } finally {
    if (cached !== undefined) require.cache[file] = cached;
  }
}

describe('EngineError across bundles', () => {
  it('is recognised by its brand when another copy of the class made it, where instanceof is false', () => {
    const copy = secondCopy();
    assert.notEqual(copy.EngineError, EngineError);
    const fromCopy = new copy.EngineError('server unreachable', { kind: 'unreachable', engine: 'postgres' });
    assert.equal(fromCopy instanceof EngineError, false);
    assert.equal(isEngineError(fromCopy), true);
    assert.equal(copy.isEngineError(new EngineError('login failed', { kind: 'login-failed', engine: 'sqlserver' })), true);
  });

  it('is not claimed by other errors, even ones that look alike', () => {
    const lookalike = Object.assign(new Error('x'), { name: 'EngineError', kind: 'unreachable', engine: 'postgres' });
    for (const e of [lookalike, new Error('x'), 'EngineError', undefined, null, { kind: 'timeout' }]) assert.equal(isEngineError(e), false);
  });
});
