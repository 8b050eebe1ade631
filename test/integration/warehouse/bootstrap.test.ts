import { strict as assert } from 'node:assert';
import { PGlite } from '@electric-sql/pglite';
import { warehouseScripts } from '../../../src/core/warehouse/scripts';
import { fingerprintSql } from './fingerprint';
import {
  bootstrapWithPsql, psqlQuery, scriptText, substitutePsqlVariables,
} from './scratch';
import { createDatabase, dropDatabase, throwawayName } from '../../support/throwawayDatabase';

describe('warehouse bootstrap on PostgreSQL (psql -v ON_ERROR_STOP=1 -f)', () => {
  const db = throwawayName('dwb_wh_boot');
  // Built here, so each test below stands on its own.
  before(async () => {
    await createDatabase(db);
    bootstrapWithPsql(db);
  });
  after(() => dropDatabase(db));

  it('builds the whole warehouse, then a second run changes no data and reports what existed', () => {
    const first = psqlQuery(db, fingerprintSql());
    const notices = bootstrapWithPsql(db);
    const second = psqlQuery(db, fingerprintSql());
    assert.equal(second, first);
    assert.match(notices, /Table core\.customers already exists/);
    assert.match(notices, /Unknown member -1 of dim\.dim_cliente already exists/);
    assert.match(notices, /0 dates added/);
    assert.doesNotMatch(notices, /Created table/);
  });

  it('registers the nine ETL entities with only dim_cliente active', () => {
    const rows = psqlQuery(db, 'SELECT entity_name, is_active FROM ctl.etl_control ORDER BY entity_name');
    assert.equal(rows.split('\n').length, 9);
    assert.deepEqual(rows.split('\n').filter((r) => r.endsWith('|t')), ['dim_cliente|t']);
  });

  it('registers active the entities ETL_ACTIVE_ENTITIES names, or all of them', async () => {
    for (const [value, active] of [['all', 9], [' fact_vendas, dim_produto ', 2]] as const) {
      const other = throwawayName('dwb_wh_active');
      await createDatabase(other);
      try {
        bootstrapWithPsql(other, { skipSecurity: true, variables: { ETL_ACTIVE_ENTITIES: value } });
        const rows = psqlQuery(other, 'SELECT entity_name FROM ctl.etl_control WHERE is_active ORDER BY entity_name').split('\n');
        assert.equal(rows.length, active, `${value}: ${rows.join(', ')}`);
        if (active === 2) assert.deepEqual(rows, ['dim_produto', 'fact_vendas']);
      } finally {
        await dropDatabase(other);
      }
    }
  });

  it('widens the run status checks of a warehouse bootstrapped before cancelled existed, once', () => {
    psqlQuery(db, `ALTER TABLE audit.etl_run DROP CONSTRAINT ck_etl_run_status;
      ALTER TABLE audit.etl_run ADD CONSTRAINT ck_etl_run_status CHECK (status IN ('running', 'success', 'failed', 'partial'))`);
    const notices = bootstrapWithPsql(db);
    assert.match(notices, /Constraint ck_etl_run_status now allows cancelled/);
    assert.doesNotMatch(notices, /ck_etl_run_entity_status now allows/);
    const checks = psqlQuery(db, `SELECT conname FROM pg_constraint WHERE conname IN ('ck_etl_run_status', 'ck_etl_run_entity_status', 'ck_etl_control_last_status')
      AND pg_get_constraintdef(oid) LIKE '%cancelled%' ORDER BY conname`);
    assert.deepEqual(checks.split('\n'), ['ck_etl_control_last_status', 'ck_etl_run_entity_status', 'ck_etl_run_status']);
  });

  it('fills DIM_DATA with Portuguese names and national holidays', () => {
    assert.equal(psqlQuery(db, "SELECT nome_mes || ',' || nome_dia_semana || ',' || eh_feriado FROM dim.dim_data WHERE data = '2024-03-29'"), 'Março,Sexta-feira,true');
    assert.equal(psqlQuery(db, "SELECT nome_feriado FROM dim.dim_data WHERE data = '2025-04-18'"), 'Sexta-feira Santa');
    assert.equal(psqlQuery(db, 'SELECT count(*) FROM dim.dim_data WHERE data_id = -1'), '1');
  });

  it('stops at a failing step naming file and line, then completes the half-built warehouse on a rerun', async () => {
    const half = throwawayName('dwb_wh_half');
    await createDatabase(half);
    try {
      assert.throws(
        () => bootstrapWithPsql(half, { variables: { DIM_DATA_END: '2019-12-31' } }),
        /dw\/03_dim_data\.sql failed: .*03_dim_data\.sql:\d+: ERROR: +DIM_DATA_END \(2019-12-31\) is before DIM_DATA_START/,
      );
      assert.equal(psqlQuery(half, "SELECT to_regclass('dim.dim_cliente') IS NOT NULL AND to_regclass('ctl.etl_control') IS NULL"), 't');
      bootstrapWithPsql(half);
      assert.equal(psqlQuery(half, 'SELECT count(*) FROM ctl.etl_control'), '9');
    } finally {
      await dropDatabase(half);
    }
  });

  it('captures a connection snapshot from pg_stat_activity', () => {
    psqlQuery(db, 'CALL audit.usp_capture_connection_snapshot()');
    const n = Number(psqlQuery(db, "SELECT count(*) FROM audit.vw_connection_login_events_recent WHERE login_name = 'postgres'"));
    assert.ok(n >= 1, `expected at least one event, got ${n}`);
  });
});

describe('warehouse bootstrap on PGlite (security scripts skipped)', () => {
  it('builds the warehouse and a second run leaves every table unchanged', async () => {
    const pg = new PGlite();
    try {
      const run = async (): Promise<void> => {
        for (const script of warehouseScripts('postgres')) {
          if (script.skipOn.includes('pglite')) continue;
          await pg.exec(substitutePsqlVariables(scriptText(script)));
        }
      };
      await run();
      const first = await pg.query(fingerprintSql());
      await run();
      const second = await pg.query(fingerprintSql());
      assert.deepEqual(second.rows, first.rows);
      assert.ok(first.rows.length >= 25);
    } finally {
      await pg.close();
    }
  });
});
