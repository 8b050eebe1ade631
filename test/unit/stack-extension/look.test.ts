import { strict as assert } from 'node:assert';
import type { StackStatus } from '../../../src/core/stack/events';
import { hasStack, shouldPoll, statusBarLook } from '../../../src/extension/stack/look';

describe('stack status bar look', () => {
  it('gives each status its icon, and a background only to unhealthy', () => {
    const looks = Object.fromEntries((['down', 'starting', 'healthy', 'unhealthy'] as StackStatus[]).map((s) => [s, statusBarLook(s)]));
    assert.deepEqual(looks, {
      down: { icon: '$(debug-disconnect)', background: undefined },
      starting: { icon: '$(sync~spin)', background: undefined },
      healthy: { icon: '$(pass-filled)', background: undefined },
      unhealthy: { icon: '$(error)', background: 'statusBarItem.errorBackground' },
    });
  });

  it('polls only while focused, configured and idle', () => {
    assert.equal(shouldPoll({ focused: true, configured: true, busy: false }), true);
    assert.equal(shouldPoll({ focused: false, configured: true, busy: false }), false);
    assert.equal(shouldPoll({ focused: true, configured: false, busy: false }), false);
    assert.equal(shouldPoll({ focused: true, configured: true, busy: true }), false);
  });

  it('sees a stack only with a stack section and a server engine', () => {
    assert.equal(hasStack({ engine: 'postgres', stack: {} }), true);
    assert.equal(hasStack({ engine: 'sqlserver', stack: { env: { DWB_SQLSERVER_PORT: 14330 } } }), true);
    assert.equal(hasStack({ engine: 'postgres' }), false);
    assert.equal(hasStack({ engine: 'pglite', stack: {} }), false);
  });
});
