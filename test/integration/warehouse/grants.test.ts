import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { bootstrapWithPsql, psqlQuery } from './scratch';
import { createDatabase, dropDatabase, localPostgres, throwawayName } from '../../support/throwawayDatabase';

/** Runs one statement as `role` (trust authentication on the test server) and reports the outcome. */
function asRole(database: string, role: string, sql: string): { ok: boolean; error: string } {
  const r = spawnSync('psql', ['-X', '-At', '-h', localPostgres.host, '-p', String(localPostgres.port), '-U', role, '-d', database, '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  return { ok: r.status === 0, error: r.stderr };
}

const refused = (r: { ok: boolean; error: string }): boolean => !r.ok && /permission denied/.test(r.error);

describe('technical roles on PostgreSQL: each is refused what it must not do', () => {
  const db = throwawayName('dwb_wh_grants');
  const dashboardLogin = throwawayName('dwb_dash');
  before(async () => {
    await createDatabase(db);
    bootstrapWithPsql(db);
    psqlQuery(db, `CREATE ROLE ${dashboardLogin} LOGIN IN ROLE bi_reader`);
  });
  after(async () => {
    await dropDatabase(db);
    psqlQuery('postgres', `DROP ROLE IF EXISTS ${dashboardLogin}`);
  });

  it('etl_monitor reads core/dim/ctl/audit, writes ctl, audit and dim_cliente, runs the audit procedures', () => {
    assert.ok(asRole(db, 'etl_monitor', 'SELECT count(*) FROM core.customers').ok);
    assert.ok(asRole(db, 'etl_monitor', "UPDATE ctl.etl_control SET batch_size = batch_size WHERE entity_name = 'dim_cliente'").ok);
    assert.ok(asRole(db, 'etl_monitor', 'DELETE FROM dim.dim_cliente WHERE cliente_id = -2').ok);
    assert.ok(asRole(db, 'etl_monitor', 'CALL audit.usp_capture_connection_snapshot()').ok);
    // The ETL's call: its run and stage.
    assert.ok(asRole(db, 'etl_monitor', "CALL audit.usp_capture_connection_snapshot(1, 'start')").ok);
    assert.ok(asRole(db, 'etl_monitor', 'CALL audit.usp_cleanup_connection_login_events(30)').ok);
  });

  it('etl_monitor is refused writes to the OLTP, other dimensions, facts, and DDL', () => {
    assert.ok(refused(asRole(db, 'etl_monitor', 'DELETE FROM core.customers')));
    assert.ok(refused(asRole(db, 'etl_monitor', 'DELETE FROM dim.dim_produto')));
    assert.ok(refused(asRole(db, 'etl_monitor', 'SELECT count(*) FROM fact.fact_vendas')));
    assert.ok(refused(asRole(db, 'etl_monitor', 'CREATE TABLE dim.x (a int)')));
  });

  it('etl_backup reads for backups and is refused every write, DDL and the audit procedures', () => {
    assert.ok(asRole(db, 'etl_backup', 'SELECT count(*) FROM fact.fact_vendas').ok);
    assert.ok(refused(asRole(db, 'etl_backup', 'UPDATE ctl.etl_control SET is_active = true')));
    assert.ok(refused(asRole(db, 'etl_backup', 'DELETE FROM core.orders')));
    assert.ok(refused(asRole(db, 'etl_backup', 'CREATE TABLE ctl.x (a int)')));
    assert.ok(refused(asRole(db, 'etl_backup', 'CALL audit.usp_capture_connection_snapshot()')));
  });

  it('a bi_reader login reads the consumption views and is refused the tables behind them', () => {
    assert.ok(asRole(db, dashboardLogin, 'SELECT count(*) FROM bi.vw_vendas').ok);
    assert.ok(asRole(db, dashboardLogin, 'SELECT count(*) FROM bi.vw_atualizacao_dados').ok);
    assert.ok(refused(asRole(db, dashboardLogin, 'SELECT count(*) FROM fact.fact_vendas')));
    assert.ok(refused(asRole(db, dashboardLogin, 'SELECT count(*) FROM dim.dim_cliente')));
    assert.ok(refused(asRole(db, dashboardLogin, 'SELECT count(*) FROM ctl.etl_control')));
    assert.ok(refused(asRole(db, dashboardLogin, 'CALL audit.usp_cleanup_connection_login_events(1)')));
  });
});
