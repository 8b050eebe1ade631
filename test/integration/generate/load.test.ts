import { strict as assert } from 'node:assert';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import { loadGenerated, OltpNotEmptyError } from '../../../src/core/generate/load';
import { bootstrapWithPsql, psqlQuery } from '../warehouse/scratch';
import { createDatabase, dropDatabase, localPostgres, throwawayName } from '../../support/throwawayDatabase';

describe('loading generated data into PostgreSQL', () => {
  const db = throwawayName('dwb_gen_load');
  let engine: Engine;
  before(async () => {
    await createDatabase(db);
    bootstrapWithPsql(db, { skipSecurity: true });
    engine = await createEngine({ engine: 'postgres', host: localPostgres.host, port: localPostgres.port, user: localPostgres.user, database: db });
  });
  after(async () => {
    await engine.close();
    await dropDatabase(db);
  });

  it('bulk loads every OLTP table and the database accepts every row under its constraints', async () => {
    const summary = await loadGenerated(engine, { scale: 0.01, seed: 3 });
    assert.equal(summary.rows['customers'], 100);
    assert.equal(psqlQuery(db, 'SELECT count(*) FROM core.order_items'), String(summary.rows['order_items']));
    assert.equal(psqlQuery(db, 'SELECT count(*) FROM core.order_items WHERE net_amount <> gross_amount - discount_amount'), '0');
  });

  it('moves identities past the loaded ids, so a plain INSERT gets a new id', () => {
    const id = psqlQuery(db, "INSERT INTO core.regions (region_name, state, state_name, city) VALUES ('Sul', 'PR', 'Paraná', 'Maringá') RETURNING region_id");
    assert.equal(id.split('\n')[0], '40');
  });

  it('refuses to load into an OLTP that already has rows', async () => {
    await assert.rejects(loadGenerated(engine, { scale: 0.01, seed: 3 }), OltpNotEmptyError);
  });
});
