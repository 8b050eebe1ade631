import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderBaseSeed, renderIncrementalSeed } from '../../../src/core/generate/seedScripts';
import { splitTsql } from '../../../src/core/script/tsqlSplitter';

const sqlRoot = path.resolve(__dirname, '../../../sql');

describe('fixed seed scripts', () => {
  for (const dialect of ['sqlserver', 'postgres'] as const) {
    it(`${dialect}: the shipped files are what the generator renders (after a generator change, run writeSeedFiles: see seedScripts.ts)`, () => {
      assert.equal(readFileSync(path.join(sqlRoot, dialect, 'seed/01_base.sql'), 'utf8'), renderBaseSeed(dialect));
      assert.equal(readFileSync(path.join(sqlRoot, dialect, 'seed/02_incremental.sql'), 'utf8'), renderIncrementalSeed(dialect));
    });
  }

  it('sqlserver: every VALUES list stays within the 1000-row limit and the scripts split under sqlcmd rules', async () => {
    for (const name of ['seed/01_base.sql', 'seed/02_incremental.sql']) {
      const file = path.join(sqlRoot, 'sqlserver', name);
      const plan = await splitTsql(readFileSync(file, 'utf8'), { file, readFile: (p) => readFile(p) });
      assert.ok(plan.batches.length > 1);
      for (const b of plan.batches) {
        for (const values of b.text.split(/VALUES\n/).slice(1)) assert.ok(values.split('),\n').length <= 1000);
      }
    }
  });
});
