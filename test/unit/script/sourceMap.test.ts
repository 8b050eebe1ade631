import { strict as assert } from 'node:assert';
import path from 'node:path';
import fc from 'fast-check';
import { sourceOf } from '../../../src/core/script/batchBuilder';
import { EngineError } from '../../../src/core/engine/errors';
import { locateError } from '../../../src/core/script/errorLocation';
import { ScriptError } from '../../../src/core/script/errors';
import { loadScriptPlan, naturalCompare } from '../../../src/core/script/scriptFiles';
import { decodeScript } from '../../../src/core/script/sourceText';
import { splitTsql } from '../../../src/core/script/tsqlSplitter';
import { formatDryRun, planToJson } from '../../../src/core/script/dryRun';
import type { Batch } from '../../../src/core/script/types';
import { memoryFiles } from './memoryFiles';

const fixtures = path.resolve(__dirname, '../../fixtures/scripts');

/** file:line of every line of a batch, through its source map. */
function lineOrigins(batch: Batch): string[] {
  return batch.text.split('\n').map((_, i) => {
    const at = sourceOf(batch.sourceMap, i + 1);
    return `${path.relative(fixtures, at.file)}:${at.line}`;
  });
}

describe('source maps through nested includes', () => {
  it('maps every batch line of the T-SQL fixture to its file and line', async () => {
    const plan = await loadScriptPlan(path.join(fixtures, 'tsql/main.sql'), { dialect: 'sqlserver' });
    assert.deepEqual(plan.batches.map(lineOrigins), [
      ['tsql/main.sql:2'],
      ['tsql/inc/schemas.sql:1', 'tsql/inc/schemas.sql:2'],
      ['tsql/inc/nested/dim_cliente.sql:2', 'tsql/inc/nested/dim_cliente.sql:3', 'tsql/inc/nested/dim_cliente.sql:4', 'tsql/inc/nested/dim_cliente.sql:5', 'tsql/inc/nested/dim_cliente.sql:6'],
      ['tsql/inc/schemas.sql:4', 'tsql/main.sql:5'],
    ]);
    assert.deepEqual(plan.batches.map((b) => b.database), [undefined, 'DW_ECOMMERCE', 'DW_ECOMMERCE', 'DW_ECOMMERCE']);
  });

  it('maps every statement line of the PostgreSQL fixture through two include levels', async () => {
    const plan = await loadScriptPlan(path.join(fixtures, 'pg-broken/main.sql'), { dialect: 'postgres' });
    assert.deepEqual(plan.batches.map(lineOrigins), [
      ['pg-broken/main.sql:1'],
      ['pg-broken/inc/level1.sql:1'],
      ['pg-broken/inc/level2.sql:1', 'pg-broken/inc/level2.sql:2', 'pg-broken/inc/level2.sql:3', 'pg-broken/inc/level2.sql:4'],
      ['pg-broken/main.sql:3'],
    ]);
    assert.equal(plan.batches[2]?.startLine, 2, 'the start line is the first line of SQL, after the comment');
  });

  it('splits the SQL Server run fixture into the batches its integration test expects', async () => {
    const plan = await loadScriptPlan(path.join(fixtures, 'tsql-run/main.sql'), { dialect: 'sqlserver', variables: { Note: 'carga' } });
    assert.deepEqual(plan.batches.map((b) => [b.repeat, b.onError, path.relative(fixtures, b.startFile), b.startLine]), [
      [1, 'ignore', 'tsql-run/main.sql', 2],
      [3, 'ignore', 'tsql-run/main.sql', 5],
      [1, 'ignore', 'tsql-run/main.sql', 7],
      [1, 'ignore', 'tsql-run/inc/fails.sql', 2],
      [1, 'ignore', 'tsql-run/main.sql', 10],
    ]);
    assert.match(plan.batches[1]?.text ?? '', /VALUES \(N'carga'\)/);
  });

  it('a SQL Server error line inside a batch maps to the included file', async () => {
    const plan = await loadScriptPlan(path.join(fixtures, 'tsql/main.sql'), { dialect: 'sqlserver' });
    const batch = plan.batches[2] as Batch;
    const error = new EngineError('Invalid column name', { kind: 'other', engine: 'sqlserver', number: 207, line: 3 });
    const at = locateError(batch, error);
    assert.equal(path.relative(fixtures, at.file), 'tsql/inc/nested/dim_cliente.sql');
    assert.equal(at.line, 4);
  });

  it('a PostgreSQL position maps to line and column, counting characters as the server does', async () => {
    const plan = await splitTsql("SELECT 'é😀',\n  oops", { file: '/ws/a.sql', readFile: memoryFiles({}) });
    const batch = plan.batches[0] as Batch;
    const error = new EngineError('column "oops" does not exist', { kind: 'other', engine: 'postgres', position: 16 });
    assert.deepEqual(locateError(batch, error), { file: '/ws/a.sql', line: 2, column: 3 });
  });

  it('an error without line or position is placed at the batch start', async () => {
    const plan = await splitTsql('\n\n-- c\nSELECT 1', { file: '/ws/a.sql', readFile: memoryFiles({}) });
    assert.deepEqual(locateError(plan.batches[0] as Batch, undefined), { file: '/ws/a.sql', line: 4 });
  });

  it('a selection run maps to the lines of the file it came from', async () => {
    const plan = await splitTsql('SELECT 1\nGO\nSELECT 2', { file: '/ws/a.sql', readFile: memoryFiles({}), firstLine: 40 });
    assert.deepEqual(plan.batches.map((b) => b.startLine), [40, 42]);
  });
});

describe('T-SQL splitter: property', () => {
  // Batches made of lines that are never GO lines and never leave a string or comment open.
  const word = fc.constantFrom('SELECT', 'INSERT', 'dim.DIM_CLIENTE', 'GOTO', 'gone', 'go_live', '1', '@x', '(', ')', ',', ';', 'N\'GO\'', "'it''s'", '[a]]b]', '"q"', '/* GO */', '/* /* nested */ */', 'MERGE', 'END');
  const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
  const lineWithComment = fc.tuple(line, fc.boolean()).map(([l, c]) => (c ? `${l} -- GO note` : l));
  // A batch of only comments is not sent, so every generated batch starts with SQL.
  const batch = fc
    .tuple(fc.constantFrom('SELECT 1', 'EXEC dbo.p', 'MERGE t'), fc.array(lineWithComment, { maxLength: 6 }))
    .map(([first, ls]) => [first, ...ls].join('\n'));
  const goLine = fc.constantFrom('GO', 'go', '  GO  ', 'GO -- next', '\tgo');

  it('random batches joined with GO split back into the same batches', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 8 }), goLine, async (batches, go) => {
        const script = batches.join(`\n${go}\n`);
        const plan = await splitTsql(script, { file: '/ws/p.sql', readFile: memoryFiles({}) });
        assert.deepEqual(plan.batches.map((b) => b.text), batches);
      }),
      { numRuns: 300 },
    );
  });

  it('every batch line maps back to the same text in the script', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 5 }), async (batches) => {
        const script = batches.join('\nGO\n');
        const scriptLines = script.split('\n');
        const plan = await splitTsql(script, { file: '/ws/p.sql', readFile: memoryFiles({}) });
        for (const b of plan.batches) {
          b.text.split('\n').forEach((text, i) => assert.equal(scriptLines[sourceOf(b.sourceMap, i + 1).line - 1], text));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('script files', () => {
  it('decodes UTF-8 with a byte order mark', () => {
    assert.equal(decodeScript(new Uint8Array([0xef, 0xbb, 0xbf, 0x53, 0x45]), '/ws/a.sql', []), 'SE');
  });
  it('decodes UTF-16 LE with a byte order mark (SSMS "Unicode")', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("SELECT N'ção'", 'utf16le')]);
    assert.equal(decodeScript(bytes, '/ws/a.sql', []), "SELECT N'ção'");
  });
  it('refuses a binary file with a clear error', () => {
    assert.throws(() => decodeScript(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), '/ws/logo.png', []), (e: unknown) => e instanceof ScriptError && e.kind === 'encoding' && /binary/.test(e.message));
  });
  it('refuses text that is not UTF-8, naming the line', () => {
    const latin1 = new Uint8Array([...Buffer.from('SELECT 1\nSELECT \'S'), 0xe3, ...Buffer.from("o'")]);
    assert.throws(() => decodeScript(latin1, '/ws/a.sql', []), (e: unknown) => e instanceof ScriptError && e.kind === 'encoding' && e.position.line === 2);
  });
  it('a binary include is refused with the include chain', async () => {
    await assert.rejects(
      splitTsql(':r blob.bin', { file: '/ws/main.sql', readFile: memoryFiles({ 'blob.bin': new Uint8Array([1, 0, 2]) }) }),
      (e: unknown) => e instanceof ScriptError && e.kind === 'encoding' && e.position.includeChain.length === 1,
    );
  });
  it('orders numbered scripts naturally', () => {
    assert.deepEqual(['10_facts.sql', '02_dims.sql', '1_db.sql', '02b_x.sql'].sort(naturalCompare), ['1_db.sql', '02_dims.sql', '02b_x.sql', '10_facts.sql']);
  });
  it('a folder runs its own .sql files in natural order, not its subfolders', async () => {
    const plan = await loadScriptPlan(path.join(fixtures, 'pg'), { dialect: 'postgres', variables: { batch: '1', entity: 'x' } });
    assert.deepEqual(plan.files.map((f) => path.basename(f)), ['01_schema.sql', '02_data.sql']);
  });
  it('a parse error in any file of a folder rejects the whole plan', async () => {
    await assert.rejects(loadScriptPlan(path.join(fixtures, 'pg'), { dialect: 'postgres' }), ScriptError);
  });
});

describe('dry run', () => {
  it('lists each batch with file, line, repeat and text', async () => {
    const plan = await splitTsql('SELECT 1\nGO 3\nUSE DW_ECOMMERCE\nGO\nSELECT 2', { file: '/ws/a.sql', readFile: memoryFiles({}) });
    const text = formatDryRun(plan, '/ws');
    assert.match(text, /-- batch 1\/3 at a\.sql:1 \(repeat 3\)\n {3}SELECT 1/);
    assert.match(text, /-- batch 3\/3 at a\.sql:5 \(database DW_ECOMMERCE\)/);
    assert.deepEqual((planToJson(plan) as { batches: unknown[] }).batches[0], { file: '/ws/a.sql', line: 1, repeat: 3, database: null, onError: 'exit', text: 'SELECT 1' });
  });
});
