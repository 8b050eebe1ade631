import { strict as assert } from 'node:assert';
import { postgresEtl } from '../../../src/core/etl/dialect/postgres';
import { ETL_UNRESOLVED } from '../../../src/core/warehouse/controlTables';
import { ensureTableSql } from '../../../src/core/warehouse/ddl';
import { bootstrapWithPsql, definitionOf, psqlQuery } from './scratch';
import { createDatabase, dropDatabase, throwawayName } from '../../support/throwawayDatabase';

/** The ETL creates these tables on warehouses built before them: the same tables the scripts create. */
describe('ETL control tables created from the contract (PostgreSQL)', () => {
  const db = throwawayName('dwb_wh_ddl');
  before(async () => {
    await createDatabase(db);
    bootstrapWithPsql(db, { skipSecurity: true });
  });
  after(() => dropDatabase(db));

  for (const [table, ensure] of [
    ['audit.etl_reject', postgresEtl.ensureRejectTableSql],
    ['ctl.etl_trigger_watermark', postgresEtl.ensureTriggerTableSql],
    // What runEtl creates when missing (run.ts).
    ['ctl.etl_unresolved', ensureTableSql(ETL_UNRESOLVED, 'postgres')],
  ] as const) {
    it(`${table}: columns, types, defaults and constraints equal the warehouse script's`, () => {
      const fromScript = definitionOf(db, table);
      assert.ok(fromScript.split('\n').length > 5, fromScript);
      psqlQuery(db, ensure);
      assert.equal(definitionOf(db, table), fromScript, 'an existing table is left as it is');
      psqlQuery(db, `DROP TABLE ${table}`);
      psqlQuery(db, ensure);
      assert.equal(definitionOf(db, table), fromScript);
    });
  }
});
