import { strict as assert } from 'node:assert';
import type { Engine } from '../../../src/core/engine/types';
import { postgresEtl } from '../../../src/core/etl/dialect/postgres';
import { sqlserverEtl } from '../../../src/core/etl/dialect/sqlserver';
import { CutoffRefusedError, runCutoff } from '../../../src/core/etl/run/cutoff';

/**
 * A source that answers the cutoff queries: the server clock, its open transactions, and the
 * T-SQL fallback over pg_stat_activity (`fallback`; by default it fails as on a real SQL Server).
 */
function source(
  open: Record<string, unknown> | Error,
  serverNow = '2024-03-02T10:00:30.400000',
  fallback: Record<string, unknown> | Error = new Error("Invalid object name 'pg_catalog.pg_stat_activity'."),
): Engine {
  const answer = (r: Record<string, unknown> | Error) => (r instanceof Error ? Promise.reject(r) : Promise.resolve({ rows: [r], rowsAffected: 0 }));
  return {
    query: (sql: string) => {
      if (sql === postgresEtl.openTransactionsSql || sql === sqlserverEtl.openTransactionsSql) return answer(open);
      if (sql === sqlserverEtl.openTransactionsFallbackSql) return answer(fallback);
      return Promise.resolve({ rows: [{ cutoff: serverNow }], rowsAffected: 0 });
    },
  } as unknown as Engine;
}

const clock = (): Date => new Date('2024-03-02T10:00:30.700Z');

describe('ETL run cutoff', () => {
  it('is the clock\'s whole second minus one when no source transaction is open', async () => {
    const c = await runCutoff(source({ oldest: null, pid: null, hidden: 0 }), postgresEtl, 0, ['dim_cliente'], clock);
    assert.deepEqual(c, { at: '2024-03-02T10:00:29.000000', boundedBy: 'clock' });
    // cutoff_minutes moves the clock back; the server's clock is read when none is injected.
    assert.equal((await runCutoff(source({ oldest: null, hidden: 0 }), postgresEtl, 2, ['x'], clock)).at, '2024-03-02T09:58:29.000000');
    assert.equal((await runCutoff(source({ oldest: null, hidden: 0 }, '2024-03-02T09:58:30.9'), postgresEtl, 2, ['x'])).at, '2024-03-02T09:58:29.000000');
  });

  it('stops one second before the start of the oldest transaction still open', async () => {
    const c = await runCutoff(source({ oldest: '2024-03-02T10:00:12.600000', pid: '4242', hidden: 0 }), postgresEtl, 0, ['dim_cliente'], clock);
    assert.deepEqual(c, { at: '2024-03-02T10:00:11.000000', boundedBy: 'open-transaction', openSince: '2024-03-02T10:00:12.600000', openProcess: '4242' });
    // A transaction younger than the clock's bound changes nothing.
    assert.equal((await runCutoff(source({ oldest: '2024-03-02T10:00:12', hidden: 0 }), postgresEtl, 5, ['x'], clock)).boundedBy, 'clock');
  });

  it('refuses cutoff 0 when other sessions\' transactions are hidden, naming the permission; warns with minutes > 0', async () => {
    await assert.rejects(runCutoff(source({ oldest: null, hidden: 2 }), postgresEtl, 0, ['dim_cliente', 'fact_vendas'], clock), (e: unknown) => {
      assert.ok(e instanceof CutoffRefusedError);
      assert.match(e.message, /cutoff_minutes is 0 \(ctl\.etl_control, dim_cliente, fact_vendas\)/);
      assert.match(e.message, /2 other session\(s\)/);
      assert.match(e.message, /pg_read_all_stats/);
      return true;
    });
    const warned = await runCutoff(source({ oldest: null, hidden: 2 }), postgresEtl, 2, ['x'], clock);
    assert.match(warned.warning ?? '', /open longer than 2 minute\(s\) can be missed/);
  });

  it('on SQL Server a refused DMV (no VIEW SERVER STATE) counts as unseen', async () => {
    const denied = new Error('The user does not have permission to perform this action.');
    await assert.rejects(runCutoff(source(denied), sqlserverEtl, 0, ['dim_cliente'], clock), /VIEW SERVER STATE.*|cannot be read/);
    assert.match((await runCutoff(source(denied), sqlserverEtl, 2, ['x'], clock)).warning ?? '', /VIEW SERVER STATE/);
    assert.match(sqlserverEtl.openTransactionsSql, /sys\.dm_tran_active_transactions/);
  });

  it('on Babelfish (no sys.dm_tran_* views) reads the open transactions from pg_stat_activity', async () => {
    const missing = new Error('relation "sys.dm_tran_active_transactions" does not exist');
    const c = await runCutoff(source(missing, undefined, { oldest: '2024-03-02 10:00:12.600000', pid: '27029', hidden: 0 }), sqlserverEtl, 0, ['dim_cliente'], clock);
    assert.deepEqual(c, { at: '2024-03-02T10:00:11.000000', boundedBy: 'open-transaction', openSince: '2024-03-02 10:00:12.600000', openProcess: '27029' });
    assert.match(sqlserverEtl.openTransactionsFallbackSql ?? '', /pg_catalog\.pg_stat_activity/);
  });
});
