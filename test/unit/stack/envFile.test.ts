import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvFileError, formatEnvFile, readEnvFile, writeEnvFile } from '../../../src/core/stack/envFile';
import { fileSecretStore } from '../../../src/core/stack/secretStore';

describe('stack .env file', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'dwb-env-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('is written with mode 0600 even when a wider file was there before', async () => {
    const file = path.join(dir, '.env');
    await writeFile(file, 'A=1\n', { mode: 0o644 });
    await writeEnvFile(file, { A: '2' });
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(await readEnvFile(file), { A: '2' });
  });

  it('sets one secret keeping the rest of the file as written: comments, order, references, a multi-line value', async () => {
    const file = path.join(dir, '.env');
    const text = [
      '# the stack\'s secrets',
      'HOST=db.local  # where',
      "export MSSQL_SA_PASSWORD='old #1'   # keep this note",
      'URL=postgres://${HOST}/dw',
      'NOTE="two',
      'lines"',
      'MSSQL_SA_PASSWORD=dead',
      '',
    ].join('\n');
    await writeFile(file, text, { mode: 0o644 });
    const store = fileSecretStore(file);
    await store.set('MSSQL_SA_PASSWORD', "n3w'#$x");
    await store.set('ETL_BACKUP_PASSWORD', 'B-2');
    const after = await readFile(file, 'utf8');
    // Only the last statement of the key (the one compose takes) changed; a new key is appended.
    assert.equal(after, text.replace('MSSQL_SA_PASSWORD=dead', () => 'MSSQL_SA_PASSWORD="n3w\'#$$x"') + "ETL_BACKUP_PASSWORD='B-2'\n");
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(await readEnvFile(file, {}), {
      HOST: 'db.local', MSSQL_SA_PASSWORD: "n3w'#$x", URL: 'postgres://db.local/dw', NOTE: 'two\nlines', ETL_BACKUP_PASSWORD: 'B-2',
    });
    await store.set('HOST', 'other');
    assert.match(await readFile(file, 'utf8'), /^HOST='other'  # where$/m);
    assert.equal(await store.get('URL'), 'postgres://other/dw');
  });

  it('creates the file when a secret is set and none is there', async () => {
    const file = path.join(dir, 'sub', '.env');
    await fileSecretStore(file).set('A', 'x y');
    assert.equal(await readFile(file, 'utf8'), "A='x y'\n");
  });

  it('leaves no temporary file behind', async () => {
    const file = path.join(dir, '.env');
    await writeEnvFile(file, { POSTGRES_PASSWORD: 'Abc-123-def' });
    assert.deepEqual(await readdir(dir), ['.env']);
  });

  it('round-trips values with symbols', async () => {
    const file = path.join(dir, '.env');
    const vars = { MSSQL_SA_PASSWORD: 'a#B=c!9_x.y@z%', ETL_BACKUP_PASSWORD: 'Q-1+2=3' };
    await writeEnvFile(file, vars);
    assert.deepEqual(await readEnvFile(file), vars);
  });

  it('round-trips values compose would cut or interpolate unquoted: " #", quotes, backslashes and $', async () => {
    const file = path.join(dir, '.env');
    const vars = { A: 'pass #word', B: "it's \\ $HOME", C: ' padded ', D: '${X}', E: '' };
    await writeEnvFile(file, vars);
    assert.deepEqual(await readEnvFile(file, {}), vars);
  });

  it('reads a hand-written file as compose does: export, inline comments, interpolation from the file and the environment', async () => {
    const file = path.join(dir, '.env');
    await writeFile(file, "export HOST=db # the server\nURL=\"sql://${HOST}:${PORT:-1433}/${DB}\"\nRAW='${HOST}'\n");
    assert.deepEqual(await readEnvFile(file, { DB: 'dw' }), { HOST: 'db', URL: 'sql://db:1433/dw', RAW: '${HOST}' });
  });

  it('refuses a file compose cannot read, naming the file and line but no value', async () => {
    const file = path.join(dir, '.env');
    await writeFile(file, "A=1\nMSSQL_SA_PASSWORD='Secret-9 never closed\n");
    await assert.rejects(readEnvFile(file), (e: unknown) => e instanceof EnvFileError && e.message.startsWith(`${file}:2:`) && !e.message.includes('Secret-9'));
  });

  it('rejects names and values a .env file cannot hold', () => {
    assert.throws(() => formatEnvFile({ 'BAD-NAME': 'x' }), RangeError);
    assert.throws(() => formatEnvFile({ OK: 'two\nlines' }), RangeError);
  });

  it('reads an absent file as empty', async () => {
    assert.deepEqual(await readEnvFile(path.join(dir, 'none')), {});
  });
});
