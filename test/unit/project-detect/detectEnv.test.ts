import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DetectError, detectProject } from '../../../src/core/project/detect';
import { parseEnvText } from '../../../src/core/project/detectEnv';
import { layoutCopy } from './layouts';

describe('Detect Project .env reading', () => {
  it('reads export prefixes, quotes and inline comments as compose does, with each key\'s line', () => {
    const env = parseEnvText("# settings\nexport PG_PORT=55432 # host port\nDIM_DATA_START='2024-01-01'\nLABEL=\"a # b\"\nTAG=v1#2\n", '.env');
    const read = [...env.entries.values()].map((e) => [e.key, e.value, e.line]);
    assert.deepEqual(read, [
      ['PG_PORT', '55432', 2],
      ['DIM_DATA_START', '2024-01-01', 3],
      ['LABEL', 'a # b', 4],
      ['TAG', 'v1#2', 5],
    ]);
  });

  it('never holds a secret, nor a value interpolated from one or from the environment', () => {
    const env = parseEnvText('POSTGRES_PASSWORD="Pg-Secret-1 # x"\nDSN=postgres://u:${POSTGRES_PASSWORD}@h/db\nWHERE=$HOME/data\nPORT=${PG_PORT:-5432}\n', '.env');
    assert.deepEqual(env.entries.get('POSTGRES_PASSWORD'), { key: 'POSTGRES_PASSWORD', line: 1, secret: true, value: undefined });
    assert.equal(env.entries.get('DSN')?.value, undefined);
    assert.equal(env.entries.get('WHERE')?.value, undefined);
    assert.equal(env.entries.get('PORT')?.value, undefined, 'PG_PORT may come from the environment');
    assert.doesNotMatch(JSON.stringify([...env.entries.values()]), /Pg-Secret-1/);
  });

  it('a .env compose cannot read stops detection with its line, and no value in the message', async () => {
    const dir = layoutCopy('postgres');
    try {
      writeFileSync(path.join(dir, '.env'), "PG_PORT=55432\nPOSTGRES_PASSWORD='Pg-Secret-2\n");
      await assert.rejects(detectProject({ folder: dir }), (e: unknown) => {
        assert.ok(e instanceof DetectError);
        assert.equal(e.problems[0]?.line, 2);
        assert.match(e.message, /\.env:2:\d+: .*never closed/);
        assert.doesNotMatch(e.message, /Pg-Secret-2/);
        return true;
      });
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
