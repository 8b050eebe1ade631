import { strict as assert } from 'node:assert';
import type { ConnectionConfig } from '../../../src/core/engine/config';
import type { StackErrorKind } from '../../../src/core/stack/errors';
import { connectionUsesStack } from '../../../src/extension/stack/connection';
import { ACTION_COMMANDS, stackErrorActions } from '../../../src/extension/stack/errorActions';

describe('stack error actions', () => {
  it('offers the action that fixes each kind', () => {
    const kinds: StackErrorKind[] = ['port-taken', 'daemon-down', 'health-timeout', 'backup-missing', 'no-stack', 'image-missing'];
    assert.deepEqual(Object.fromEntries(kinds.map((k) => [k, stackErrorActions(k)])), {
      'port-taken': ['openProjectFile'],
      'daemon-down': [],
      'health-timeout': ['showStackLogs'],
      'backup-missing': ['backupNow'],
      'no-stack': ['openProjectFile'],
      'image-missing': ['openProjectFile'],
    });
  });

  it('runs commands the extension contributes', () => {
    assert.deepEqual(Object.values(ACTION_COMMANDS).sort(), [
      'dwWorkbench.backupNow', 'dwWorkbench.openProjectFile', 'dwWorkbench.showStackLogs', 'dwWorkbench.stackStatus',
    ]);
  });
});

describe('the project connection and the stack', () => {
  const server = (over: Partial<{ host: string; port: number; user: string }>): ConnectionConfig =>
    ({ engine: 'postgres', host: '127.0.0.1', port: 5433, database: 'dw_ecommerce', user: 'postgres', ...over });
  const stack = { port: 5433, adminUser: 'postgres' };

  it('uses the stack when it goes to this machine, on its port, as its administrator', () => {
    assert.equal(connectionUsesStack(server({}), stack), true);
    assert.equal(connectionUsesStack(server({ host: 'localhost' }), stack), true);
  });

  it('does not when the host, the port or the user differ', () => {
    assert.equal(connectionUsesStack(server({ host: 'dw-prod.corp' }), stack), false);
    assert.equal(connectionUsesStack(server({ port: 5432 }), stack), false);
    assert.equal(connectionUsesStack(server({ user: 'etl_monitor' }), stack), false);
    assert.equal(connectionUsesStack({ engine: 'pglite', database: 'dw', dataDir: '/tmp/x' }, stack), false);
  });
});
