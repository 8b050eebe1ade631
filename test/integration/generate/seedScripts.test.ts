import { strict as assert } from 'node:assert';
import { seedScripts } from '../../../src/core/warehouse/scripts';
import { fingerprintSql } from '../warehouse/fingerprint';
import { bootstrapWithPsql, psqlFile, psqlQuery } from '../warehouse/scratch';
import { createDatabase, dropDatabase, throwawayName } from '../../support/throwawayDatabase';

describe('fixed seed scripts on PostgreSQL (psql)', () => {
  const db = throwawayName('dwb_seed');
  before(async () => {
    await createDatabase(db);
    bootstrapWithPsql(db, { skipSecurity: true });
  });
  after(() => dropDatabase(db));

  const runSeeds = (): string => seedScripts('postgres').map((s) => {
    const r = psqlFile(db, s);
    if (r.status !== 0) throw new Error(`${s.path}: ${r.stderr}`);
    return r.stderr;
  }).join('');

  it('loads the base and incremental seed, then a rerun changes nothing and says so', () => {
    const first = runSeeds();
    assert.match(first, /Seeded 10 rows into core\.customers/);
    assert.match(first, /Applied the incremental seed/);
    const before = psqlQuery(db, fingerprintSql());
    const second = runSeeds();
    assert.match(second, /core\.customers already has rows; seed skipped/);
    assert.match(second, /Incremental seed already applied/);
    assert.equal(psqlQuery(db, fingerprintSql()), before);
    assert.equal(psqlQuery(db, 'SELECT count(*) FROM core.customers WHERE deleted_at IS NOT NULL'), '1');
  });

  it('leaves identities past the seeded ids', () => {
    const id = psqlQuery(db, "INSERT INTO core.suppliers (supplier_code, supplier_name) VALUES ('FOR-X', 'Teste') RETURNING supplier_id");
    assert.equal(id.split('\n')[0], '4');
  });
});
