import assert from 'node:assert/strict';
import { createEngine, EngineError } from '../../../src/core/engine/index';

// No SQL Server runs here, but the real driver can still fail to reach one: this exercises the
// mssql adapter's connect-on-first-use path and its error mapping without any double.
describe('SQL Server adapter without a server', () => {
  it('rejects the first statement with kind unreachable, naming host and port, without the password', async () => {
    const password = 'Pw-que-nao-aparece-1!';
    const engine = await createEngine({
      engine: 'sqlserver', host: '127.0.0.1', port: 1, database: 'DW_ECOMMERCE', user: 'etl_monitor', password,
      trustServerCertificate: true, connectTimeoutMs: 3000,
    });
    try {
      await assert.rejects(engine.query('SELECT 1'), (error: unknown) => {
        assert.ok(error instanceof EngineError);
        assert.equal(error.kind, 'unreachable', error.message);
        assert.equal(error.message, "Cannot reach SQL Server at 127.0.0.1:1. Is the stack up? Run 'DW: Start Stack'.");
        assert.ok(!String(error.stack).includes(password));
        return true;
      });
    } finally {
      await engine.close();
    }
  });
});
