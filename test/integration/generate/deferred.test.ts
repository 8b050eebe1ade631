import { strict as assert } from 'node:assert';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import { loadGenerated } from '../../../src/core/generate/load';
import { bootstrapWithPsql, psqlQuery } from '../warehouse/scratch';
import { createDatabase, dropDatabase, localPostgres, throwawayName } from '../../support/throwawayDatabase';

/** Every foreign key and index of the OLTP, as the catalog states them. */
function oltpCatalog(db: string): string {
  return psqlQuery(db, `
    SELECT string_agg(d, E'\\n' ORDER BY d) FROM (
      SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d
        FROM pg_constraint WHERE connamespace = 'core'::regnamespace AND contype IN ('f', 'p', 'u', 'c')
      UNION ALL
      SELECT pg_get_indexdef(indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'core'::regnamespace
    ) x`);
}

describe('generated load on PostgreSQL with the constraints deferred to the end', () => {
  const db = throwawayName('dwb_gen_deferred');
  let engine: Engine;
  let catalog: string;
  before(async () => {
    await createDatabase(db);
    bootstrapWithPsql(db, { skipSecurity: true });
    engine = await createEngine({ engine: 'postgres', host: localPostgres.host, port: localPostgres.port, user: localPostgres.user, database: db });
    catalog = oltpCatalog(db);
  });
  after(async () => {
    await engine.close();
    await dropDatabase(db);
  });

  it('a cancelled load rolls back: no rows, and every foreign key and index is back as it was', async () => {
    const stop = new AbortController();
    await assert.rejects(loadGenerated(engine, {
      scale: 0.02,
      seed: 7,
      signal: stop.signal,
      onTable: ({ table }) => {
        if (table === 'core.orders') stop.abort();
      },
    }));
    assert.equal(psqlQuery(db, 'SELECT count(*) FROM core.customers'), '0');
    assert.equal(psqlQuery(db, 'SELECT count(*) FROM core.orders'), '0');
    assert.equal(oltpCatalog(db), catalog);
  });

  it('a completed load leaves the same foreign keys and indexes, and they hold for every row', async () => {
    const summary = await loadGenerated(engine, { scale: 0.02, seed: 7 });
    assert.equal(psqlQuery(db, 'SELECT count(*) FROM core.order_items'), String(summary.rows['order_items']));
    assert.equal(oltpCatalog(db), catalog);
    assert.match(catalog, /fk_order_items_order_id FOREIGN KEY \(order_id\) REFERENCES core\.orders\(order_id\)/);
    assert.equal(psqlQuery(db, "SELECT count(*) FROM pg_constraint WHERE connamespace = 'core'::regnamespace AND contype = 'f' AND NOT convalidated"), '0');
    assert.throws(() => psqlQuery(db, 'INSERT INTO core.order_items (order_id, product_id, quantity) VALUES (-5, -5, 1)'));
  });
});
