import assert from 'node:assert/strict';
import type { ErrorContext } from '../../../src/core/engine/errorContext';
import type { EngineErrorKind } from '../../../src/core/engine/errors';
import { mapSqlServerError } from '../../../src/core/engine/sqlserverErrors';

// The driver's error objects as mssql 12 / tedious 19 build them (Babelfish's as it sends them)
// (ConnectionError/RequestError wrapping the tedious error as originalError).
const password = 'Sup3r-Secreta!';
const connect: ErrorContext = { engine: 'sqlserver', phase: 'connect', address: '127.0.0.1:1433', database: 'DW_ECOMMERCE', user: 'etl_monitor', password };
const statement: ErrorContext = { ...connect, phase: 'statement' };

function requestError(number: number, message: string, extra: Record<string, unknown> = {}): object {
  const info = { number, state: 1, class: 16, lineNumber: 1, procName: '', serverName: 'dw', ...extra };
  return { name: 'RequestError', code: 'EREQUEST', message, ...info, originalError: { name: 'RequestError', code: 'EREQUEST', message, ...info } };
}

function connectionError(code: string, message: string, cause?: object): object {
  return { name: 'ConnectionError', code, message, originalError: { name: 'ConnectionError', code, message, ...(cause === undefined ? {} : { cause }) } };
}

const cases: readonly { title: string; error: object; ctx: ErrorContext; kind: EngineErrorKind; facts?: { loginErrorNumber: number } }[] = [
  { title: 'ESOCKET (nothing listening)', error: connectionError('ESOCKET', 'Failed to connect to 127.0.0.1:1433 - Could not connect (sequence)'), ctx: connect, kind: 'unreachable' },
  { title: 'ETIMEOUT while connecting', error: connectionError('ETIMEOUT', 'Failed to connect to 127.0.0.1:1433 in 15000ms'), ctx: connect, kind: 'unreachable' },
  { title: 'EINSTLOOKUP (named instance)', error: connectionError('EINSTLOOKUP', 'Failed to get response from SQL Server Browser'), ctx: connect, kind: 'unreachable' },
  { title: 'ELOGIN 18456', error: connectionError('ELOGIN', "Login failed for user 'etl_monitor'."), ctx: connect, kind: 'login-failed', facts: { loginErrorNumber: 18456 } },
  { title: 'ELOGIN without a number', error: connectionError('ELOGIN', "Login failed for user 'etl_monitor'."), ctx: connect, kind: 'login-failed' },
  { title: 'ELOGIN 4060 (database missing)', error: connectionError('ELOGIN', 'Cannot open database "DW_ECOMMERCE" requested by the login. The login failed.'), ctx: connect, kind: 'database-missing', facts: { loginErrorNumber: 4060 } },
  { title: 'self-signed certificate below ESOCKET', error: connectionError('ESOCKET', 'Failed to connect to localhost:1433 - self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }), ctx: connect, kind: 'certificate-untrusted' },
  { title: 'certificate chain error', error: connectionError('ESOCKET', 'Failed to connect - self-signed certificate in certificate chain', { code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain' }), ctx: connect, kind: 'certificate-untrusted' },
  { title: 'ECANCEL after our abort', error: { name: 'RequestError', code: 'ECANCEL', message: 'Canceled.' }, ctx: { ...statement, cancelled: true }, kind: 'cancelled' },
  { title: 'ECANCEL after our timeout', error: { name: 'RequestError', code: 'ECANCEL', message: 'Canceled.' }, ctx: { ...statement, timeoutMs: 500 }, kind: 'timeout' },
  { title: 'ETIMEOUT on a request', error: { name: 'RequestError', code: 'ETIMEOUT', message: 'Timeout: Request failed to complete in 15000ms' }, ctx: statement, kind: 'timeout' },
  { title: 'ETIMEOUT of a cancel the server did not acknowledge (Babelfish) after our abort', error: { name: 'RequestError', code: 'ETIMEOUT', message: 'Failed to cancel request in 5000ms' }, ctx: { ...statement, cancelled: true }, kind: 'cancelled' },
  { title: 'Babelfish 33557097 syntax error', error: requestError(33557097, "syntax error near 'FROM' at line 3 and character position 5", { lineNumber: 3 }), ctx: statement, kind: 'syntax' },
  { title: 'Babelfish 33557097 missing relation', error: requestError(33557097, 'relation "round_trip" does not exist'), ctx: statement, kind: 'other' },
  { title: 'Babelfish ELOGIN for a missing database', error: connectionError('ELOGIN', 'database "DW_ECOMMERCE" does not exist'), ctx: connect, kind: 'database-missing' },
  { title: '102 incorrect syntax', error: requestError(102, "Incorrect syntax near 'FROM'.", { lineNumber: 3 }), ctx: statement, kind: 'syntax' },
  { title: '156 keyword syntax', error: requestError(156, "Incorrect syntax near the keyword 'FROM'.", { lineNumber: 3 }), ctx: statement, kind: 'syntax' },
  { title: '2627 primary key', error: requestError(2627, "Violation of PRIMARY KEY constraint 'PK_DIM_CLIENTE'.", { class: 14 }), ctx: statement, kind: 'constraint' },
  { title: '2601 unique index', error: requestError(2601, "Cannot insert duplicate key row in object 'dim.DIM_CLIENTE' with unique index 'UX_cliente_original_id'.", { class: 14 }), ctx: statement, kind: 'constraint' },
  { title: '547 foreign key / check', error: requestError(547, 'The INSERT statement conflicted with the FOREIGN KEY constraint "FK_FACT_VENDAS_CLIENTE".'), ctx: statement, kind: 'constraint' },
  { title: '515 NOT NULL', error: requestError(515, "Cannot insert the value NULL into column 'nome_cliente'."), ctx: statement, kind: 'constraint' },
  { title: '1205 deadlock victim', error: requestError(1205, 'Transaction (Process ID 61) was deadlocked on lock resources with another process and has been chosen as the deadlock victim.', { class: 13 }), ctx: statement, kind: 'deadlock' },
  { title: '229 permission denied', error: requestError(229, "The SELECT permission was denied on the object 'etl_control', database 'DW_ECOMMERCE', schema 'ctl'.", { class: 14 }), ctx: statement, kind: 'permission' },
  { title: '262 permission in database', error: requestError(262, "CREATE TABLE permission denied in database 'DW_ECOMMERCE'.", { class: 14 }), ctx: statement, kind: 'permission' },
  { title: '18456 as a request error', error: requestError(18456, "Login failed for user 'etl_monitor'.", { class: 14 }), ctx: statement, kind: 'login-failed' },
  { title: '4060 as a request error', error: requestError(4060, 'Cannot open database "DW_ECOMMERCE" requested by the login.', { class: 11 }), ctx: statement, kind: 'database-missing' },
  { title: '1222 lock request timeout', error: requestError(1222, 'Lock request time out period exceeded.'), ctx: statement, kind: 'lock-timeout' },
  { title: 'an unknown number', error: requestError(8134, 'Divide by zero error encountered.'), ctx: statement, kind: 'other' },
];

describe('SQL Server error mapping (driver error shapes)', () => {
  for (const c of cases) {
    it(`maps ${c.title} to ${c.kind}`, () => {
      const mapped = mapSqlServerError(c.error, c.ctx, c.facts);
      assert.equal(mapped.kind, c.kind);
      assert.equal(mapped.engine, 'sqlserver');
    });
  }

  it('keeps number, severity, state, line and procedure from the server', () => {
    const mapped = mapSqlServerError(
      requestError(2627, "Violation of PRIMARY KEY constraint 'PK_DIM_CLIENTE'.", { class: 14, state: 1, lineNumber: 42, procName: 'ctl.usp_carga_dim_cliente' }),
      statement,
    );
    assert.deepEqual(
      [mapped.number, mapped.severity, mapped.state, mapped.line, mapped.procedure],
      [2627, 14, 1, 42, 'ctl.usp_carga_dim_cliente'],
    );
  });

  it('gives the syntax error line as the server reports it', () => {
    const mapped = mapSqlServerError(requestError(102, "Incorrect syntax near 'FROM'.", { lineNumber: 3 }), statement);
    assert.equal(mapped.line, 3);
    assert.match(mapped.message, /line 3/);
  });

  it('tells the user what to do when the server is unreachable', () => {
    const mapped = mapSqlServerError(connectionError('ESOCKET', 'Could not connect'), connect);
    assert.equal(mapped.message, "Cannot reach SQL Server at 127.0.0.1:1433. Is the stack up? Run 'DW: Start Stack'.");
  });

  it('offers trustServerCertificate for an untrusted certificate', () => {
    const mapped = mapSqlServerError(connectionError('ESOCKET', 'self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), connect);
    assert.match(mapped.message, /"trustServerCertificate": true/);
    assert.match(mapped.message, /localhost/);
  });

  it('never puts the password in a message, even when the driver echoes it', () => {
    const echoing = connectionError('ELOGIN', `Login failed for user 'etl_monitor' with password '${password}'.`);
    for (const c of [...cases.map((x) => ({ error: x.error, ctx: x.ctx })), { error: echoing, ctx: connect }]) {
      const mapped = mapSqlServerError(c.error, c.ctx);
      assert.ok(!mapped.message.includes(password), mapped.message);
      assert.ok(!String(mapped.stack).includes(password));
      const cause = mapped.cause as { message?: string } | undefined;
      assert.ok(cause === undefined || !String(cause.message).includes(password), 'the cause is dropped when it echoes the password');
    }
  });
});
