import { strict as assert } from 'node:assert';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_INCLUDE_DEPTH } from '../../../src/core/script/includes';
import { loadScriptPlan } from '../../../src/core/script/scriptFiles';
import { scriptErrorOf } from './memoryFiles';

// Real files and links on disk: a cycle that path strings cannot see (each turn through the link
// makes a longer path) must be refused, not recursed into until the stack or memory runs out.
describe('script includes through symbolic links', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dwb-includes-'));
    await mkdir(path.join(dir, 'sub'));
    // sub/loop -> .. : "sub/loop/sub/loop/..." names the same folder ever more deeply.
    await symlink('..', path.join(dir, 'sub', 'loop'), 'dir');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('T-SQL: a file that includes itself through a link back to its folder is an include cycle', async () => {
    await writeFile(path.join(dir, 'sub', 'a.sql'), 'SELECT 1\nGO\n:r loop/sub/a.sql\n');
    const e = await scriptErrorOf(loadScriptPlan(path.join(dir, 'sub', 'a.sql'), { dialect: 'sqlserver' }));
    assert.equal(e.kind, 'include-cycle');
    assert.equal(e.position.line, 3);
    assert.match(e.message, /include cycle: .*sub\/a\.sql -> .*loop\/sub\/a\.sql/);
  });

  it('PostgreSQL: \\ir through a link back to the including folder is an include cycle', async () => {
    await writeFile(path.join(dir, 'sub', 'b.sql'), 'SELECT 1;\n\\ir loop/sub/c.sql\n');
    await writeFile(path.join(dir, 'sub', 'c.sql'), 'SELECT 2;\n\\ir b.sql\n');
    const e = await scriptErrorOf(loadScriptPlan(path.join(dir, 'sub', 'b.sql'), { dialect: 'postgres' }));
    assert.equal(e.kind, 'include-cycle');
    assert.equal(e.position.file, path.join(dir, 'sub', 'loop', 'sub', 'c.sql'));
    assert.equal(e.position.line, 2);
  });

  it('includes nested deeper than the limit are refused at the include line, naming the limit', async () => {
    // d0 includes d1 … each a distinct file: no cycle, just too deep.
    const depth = MAX_INCLUDE_DEPTH + 2;
    for (let i = 0; i < depth; i += 1) {
      await writeFile(path.join(dir, `d${i}.sql`), i + 1 < depth ? `SELECT ${i}\nGO\n:r d${i + 1}.sql\n` : `SELECT ${i}\n`);
    }
    const e = await scriptErrorOf(loadScriptPlan(path.join(dir, 'd0.sql'), { dialect: 'sqlserver' }));
    assert.equal(e.kind, 'include-too-deep');
    assert.equal(e.position.file, path.join(dir, `d${MAX_INCLUDE_DEPTH}.sql`));
    assert.equal(e.position.line, 3);
    assert.match(e.message, new RegExp(`more than ${MAX_INCLUDE_DEPTH} deep`));
  });

  it('includes up to the limit still work', async () => {
    const depth = MAX_INCLUDE_DEPTH + 1; // the root plus MAX_INCLUDE_DEPTH nested files
    for (let i = 0; i < depth; i += 1) {
      await writeFile(path.join(dir, `e${i}.sql`), i + 1 < depth ? `SELECT ${i}\nGO\n:r e${i + 1}.sql\n` : `SELECT ${i}\n`);
    }
    const plan = await loadScriptPlan(path.join(dir, 'e0.sql'), { dialect: 'sqlserver' });
    assert.equal(plan.batches.length, depth);
  });
});
