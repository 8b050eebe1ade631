import { strict as assert } from 'node:assert';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { POSTGRES_STACK, SQLSERVER_STACK } from '../../../src/core/stack/definitions';
import { readEnvFile } from '../../../src/core/stack/envFile';
import { meetsSqlServerPasswordPolicy } from '../../../src/core/stack/secrets';
import { ensureStackSecrets, envOverlay, fileSecretStore } from '../../../src/core/stack/secretStore';

describe('stack secret store', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'dwb-secrets-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('generates every missing SQL Server secret once, stores it with mode 0600, and keeps it on the next start', async () => {
    const file = path.join(dir, '.env');
    const first = await ensureStackSecrets(SQLSERVER_STACK, fileSecretStore(file));
    assert.deepEqual(Object.keys(first).sort(), ['ETL_BACKUP_PASSWORD', 'ETL_MONITOR_PASSWORD', 'MSSQL_SA_PASSWORD']);
    for (const v of Object.values(first)) assert.ok(meetsSqlServerPasswordPolicy(v));
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(await ensureStackSecrets(SQLSERVER_STACK, fileSecretStore(file)), first);
  });

  it('keeps the other lines of an existing .env', async () => {
    const file = path.join(dir, '.env');
    await fileSecretStore(file).set('SOMETHING_ELSE', 'kept');
    await ensureStackSecrets(POSTGRES_STACK, fileSecretStore(file));
    assert.equal((await readEnvFile(file))['SOMETHING_ELSE'], 'kept');
  });

  it('takes a secret from the environment (or its alias) over the store, and writes nothing for it', async () => {
    const file = path.join(dir, '.env');
    const store = envOverlay(fileSecretStore(file), { DWB_PASSWORD: 'From-Env-12345' }, { POSTGRES_PASSWORD: 'DWB_PASSWORD' });
    const secrets = await ensureStackSecrets(POSTGRES_STACK, store);
    assert.equal(secrets['POSTGRES_PASSWORD'], 'From-Env-12345');
    assert.equal((await readEnvFile(file))['POSTGRES_PASSWORD'], undefined);
  });
});
