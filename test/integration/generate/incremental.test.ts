import { strict as assert } from 'node:assert';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import { applyIncremental, EmptyOltpError } from '../../../src/core/generate/incremental';
import { loadGenerated } from '../../../src/core/generate/load';
import { bootstrapThroughEngine } from '../warehouse/scratch';
import { createDatabase, dropDatabase, localPostgres, throwawayName } from '../../support/throwawayDatabase';

const now = new Date(Date.UTC(2026, 0, 10, 12, 0, 0));

async function oltpFingerprint(engine: Engine): Promise<unknown[]> {
  const tables = ['customers', 'products', 'orders', 'order_items', 'order_item_discounts'];
  const out: unknown[] = [];
  for (const t of tables) {
    const r = await engine.query(`SELECT count(*)::text AS n, md5(string_agg(x::text, '|' ORDER BY 1)) AS h FROM core.${t} x`);
    out.push(t, r.rows[0]);
  }
  return out;
}

describe('incremental step on PostgreSQL and PGlite', () => {
  const db = throwawayName('dwb_gen_inc');
  let server: Engine;
  let embedded: Engine;
  before(async () => {
    await createDatabase(db);
    server = await createEngine({ engine: 'postgres', host: localPostgres.host, port: localPostgres.port, user: localPostgres.user, database: db });
    embedded = await createEngine({ engine: 'pglite', database: 'dw_ecommerce' });
    for (const e of [server, embedded]) await bootstrapThroughEngine(e);
  });
  after(async () => {
    await server.close();
    await embedded.close();
    await dropDatabase(db);
  });

  it('refuses to run on an empty OLTP', async () => {
    await assert.rejects(applyIncremental(server, { seed: 1, fraction: 0.1, now }), EmptyOltpError);
  });

  describe('after generation and one incremental step', () => {
    // Loaded here, so each test below stands on its own (the refusal above runs first, on the empty OLTP).
    const summaries: Awaited<ReturnType<typeof applyIncremental>>[] = [];
    before(async () => {
      for (const e of [server, embedded]) {
        await loadGenerated(e, { scale: 0.01, seed: 11 });
        summaries.push(await applyIncremental(e, { seed: 11, fraction: 0.1, now }));
      }
    });

    it('updates, inserts and soft-deletes the same rows on both engines', async () => {
      assert.deepEqual(summaries[0], summaries[1]);
      assert.ok((summaries[0]?.updated ?? 0) > 0 && (summaries[0]?.inserted ?? 0) > 0 && (summaries[0]?.softDeleted ?? 0) > 0);
      assert.deepEqual(await oltpFingerprint(embedded), await oltpFingerprint(server));
    });

    it('leaves ties on updated_at, rows inside the 2-minute cutoff, and soft deletes for the ETL', async () => {
      const ties = await server.query<{ n: string }>(
        'SELECT max(c)::text AS n FROM (SELECT count(*) AS c FROM core.customers WHERE updated_at >= $1 GROUP BY updated_at) s',
        [{ value: new Date(now.getTime() - 3_600_000), type: { kind: 'timestamp' } }]);
      assert.ok(Number(ties.rows[0]?.n) > 1);
      const recent = await server.query<{ n: string }>('SELECT count(*)::text AS n FROM core.customers WHERE updated_at > $1',
        [{ value: new Date(now.getTime() - 120_000), type: { kind: 'timestamp' } }]);
      assert.ok(Number(recent.rows[0]?.n) > 0);
      const deleted = await server.query<{ n: string }>('SELECT count(*)::text AS n FROM core.customers WHERE deleted_at IS NOT NULL AND updated_at = deleted_at');
      assert.ok(Number(deleted.rows[0]?.n) > 0);
    });
  });
});
