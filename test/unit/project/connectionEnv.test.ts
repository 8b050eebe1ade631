import { strict as assert } from 'node:assert';
import { ConnectionEnvError, connectionConfig, parseInterval, parseProject, withConnectionEnv } from '../../../src/core/project';
import { exitCodeFor } from '../../../src/cli/errors';
import { EXIT_CODES } from '../../../src/cli/command';

const FILE = '/ws/dw-workbench.json';
const postgres = parseProject(JSON.stringify({ name: 'dw', engine: 'postgres', connection: { host: '127.0.0.1', port: 5433, user: 'analyst' } }), FILE);

describe('connection overrides from the environment (DWB_HOST, DWB_PORT, DWB_USER, DWB_TRUST_SERVER_CERTIFICATE)', () => {
  it('replace the project\'s host, port, user and certificate trust, the rest kept', () => {
    const p = withConnectionEnv(postgres, { DWB_HOST: 'postgres', DWB_PORT: '5432', DWB_USER: 'postgres', DWB_TRUST_SERVER_CERTIFICATE: 'true' });
    const c = connectionConfig(p, 'dw', 'pw');
    assert.equal(c.engine, 'postgres');
    assert.deepEqual([c.host, c.port, c.user, c.trustServerCertificate, c.database, c.password], ['postgres', 5432, 'postgres', true, 'dw_ecommerce', 'pw']);
  });

  it('leave the project as it is when none is set (or one is empty)', () => {
    assert.equal(withConnectionEnv(postgres, { HOME: '/root', DWB_HOST: '' }), postgres);
  });

  it('name the variable of a port that is not a TCP port, and the CLI takes it as a usage error', () => {
    for (const bad of ['0', '70000', '54x', '-1']) {
      assert.throws(() => withConnectionEnv(postgres, { DWB_PORT: bad }), (e: unknown) => {
        assert.ok(e instanceof ConnectionEnvError);
        assert.equal(e.variable, 'DWB_PORT');
        assert.match(e.message, new RegExp(`DWB_PORT="${bad}" is not a TCP port`));
        assert.equal(exitCodeFor(e), EXIT_CODES.usage);
        return true;
      });
    }
    assert.throws(() => withConnectionEnv(postgres, { DWB_TRUST_SERVER_CERTIFICATE: 'yes' }), /DWB_TRUST_SERVER_CERTIFICATE="yes" must be true or false/);
  });

  it('do not apply to the embedded engine', () => {
    const pglite = parseProject(JSON.stringify({ name: 'demo', engine: 'pglite', connection: {} }), FILE);
    assert.equal(withConnectionEnv(pglite, { DWB_HOST: 'x', DWB_PORT: '1' }), pglite);
  });
});

describe('intervals (dwb watch --every, stack.watch.every)', () => {
  it('reads seconds, minutes, hours, days and a bare number of seconds', () => {
    assert.deepEqual(['90s', '5m', '1h', '2d', '250ms', '30', '1.5m'].map(parseInterval), [90_000, 300_000, 3_600_000, 172_800_000, 250, 30_000, 90_000]);
  });

  it('refuses what it cannot read, and zero', () => {
    assert.deepEqual(['', '5 minutes', 'm', '0s', '-5m', '5w'].map(parseInterval), [undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
