import { strict as assert } from 'node:assert';
import { sourceOf } from '../../../src/core/script/batchBuilder';
import { ScriptError, UndefinedVariablesError } from '../../../src/core/script/errors';
import { splitTsql } from '../../../src/core/script/tsqlSplitter';
import { memoryFiles, scriptErrorOf } from './memoryFiles';

async function plan(script: string, files: Record<string, string> = {}, variables: Record<string, string> = {}) {
  return splitTsql(script, { file: '/ws/main.sql', readFile: memoryFiles(files), variables });
}

async function texts(script: string, variables: Record<string, string> = {}): Promise<string[]> {
  return (await plan(script, {}, variables)).batches.map((b) => b.text);
}

function failure(script: string, files: Record<string, string> = {}): Promise<ScriptError> {
  return scriptErrorOf(plan(script, files));
}

describe('T-SQL splitter: sqlcmd variables', () => {
  it(':setvar with a bare value substitutes $(NAME)', async () => {
    assert.deepEqual(await texts(':setvar Db DW_ECOMMERCE\nUSE [$(Db)]'), ['USE [DW_ECOMMERCE]']);
  });
  it(':setvar with a quoted value keeps spaces', async () => {
    assert.deepEqual(await texts(':setvar Msg "Carga inicial ok"\nPRINT \'$(Msg)\''), ["PRINT 'Carga inicial ok'"]);
  });
  it(':setvar with doubled quotes inside a quoted value', async () => {
    assert.deepEqual(await texts(':setvar Msg "say ""hi"""\nPRINT \'$(Msg)\''), ['PRINT \'say "hi"\'']);
  });
  it('variable names are case-insensitive, as in sqlcmd', async () => {
    assert.deepEqual(await texts(':setvar dbname X\nSELECT \'$(DBNAME)\''), ["SELECT 'X'"]);
  });
  it('a later :setvar changes later lines only', async () => {
    assert.deepEqual(await texts(':setvar V 1\nSELECT $(V)\nGO\n:setvar V 2\nSELECT $(V)'), ['SELECT 1', 'SELECT 2']);
  });
  it(':setvar in the script overrides a caller variable', async () => {
    assert.deepEqual(await texts(':setvar Env prod\nSELECT \'$(Env)\'', { Env: 'dev' }), ["SELECT 'prod'"]);
  });
  it('caller variables (project file, environment, --var) substitute', async () => {
    assert.deepEqual(await texts("SELECT '$(Env)'", { Env: 'dev' }), ["SELECT 'dev'"]);
  });
  it('substitutes inside strings, brackets and quoted identifiers', async () => {
    assert.deepEqual(await texts('SELECT \'$(V)\', [$(V)], "$(V)"', { V: 'x' }), ['SELECT \'x\', [x], "x"']);
  });
  it('does not substitute inside comments', async () => {
    assert.deepEqual(await texts('SELECT 1 -- $(Missing)\n/* $(Missing) */'), ['SELECT 1 -- $(Missing)\n/* $(Missing) */']);
  });
  it('several variables on one line', async () => {
    assert.deepEqual(await texts('SELECT $(A) + $(B) + $(A)', { A: '1', B: '2' }), ['SELECT 1 + 2 + 1']);
  });
  it('a variable glued to text on both sides', async () => {
    assert.deepEqual(await texts('SELECT x$(A)y', { A: '_' }), ['SELECT x_y']);
  });
  it('$ without a parenthesis stays as written', async () => {
    assert.deepEqual(await texts("SELECT '$5', $action"), ["SELECT '$5', $action"]);
  });
  it('an unclosed $( stays as written', async () => {
    assert.deepEqual(await texts("SELECT '$(oops'"), ["SELECT '$(oops'"]);
  });
  it('a variable that holds GO does not end the batch', async () => {
    assert.deepEqual(await texts('SELECT 1\n$(V)\nSELECT 2', { V: 'GO' }), ['SELECT 1\nGO\nSELECT 2']);
  });
  it(':setvar without a value removes the variable', async () => {
    const e = await failure(':setvar V 1\n:setvar V\nSELECT $(V)');
    assert.ok(e instanceof UndefinedVariablesError);
  });
  it('reports every undefined variable with its line, all at once', async () => {
    const e = await failure('SELECT $(A)\nGO\nSELECT $(B)\nSELECT $(A)');
    assert.ok(e instanceof UndefinedVariablesError);
    assert.deepEqual(
      e.uses.map((u) => `${u.name}@${u.line}`),
      ['A@1', 'B@3', 'A@4'],
    );
    assert.match(e.message, /undefined variables A, B/);
  });
  it('an undefined variable in an include names the include file', async () => {
    const e = await failure(':r inc.sql', { 'inc.sql': 'SELECT 1\nSELECT $(Nope)' });
    assert.ok(e instanceof UndefinedVariablesError);
    assert.equal(e.uses[0]?.file, '/ws/inc.sql');
    assert.equal(e.uses[0]?.line, 2);
  });
  it('a :setvar with an invalid name is an error at its line', async () => {
    const e = await failure('SELECT 1\n:setvar 9x 1');
    assert.equal(e.kind, 'invalid-command');
    assert.equal(e.position.line, 2);
  });
  it('a :setvar with an unclosed quote is an error', async () => {
    const e = await failure(':setvar V "abc');
    assert.equal(e.kind, 'invalid-command');
  });
  it('a value with line breaks keeps the lines after it mapped', async () => {
    const p = await plan('SELECT $(V)\nSELECT 2', {}, { V: '1,\n2,\n3' });
    const b = p.batches[0];
    assert.equal(b?.text, 'SELECT 1,\n2,\n3\nSELECT 2');
    assert.equal(sourceOf(b?.sourceMap ?? [], 3).line, 1);
    assert.equal(sourceOf(b?.sourceMap ?? [], 4).line, 2);
  });
});

describe('T-SQL splitter: sqlcmd commands', () => {
  it(':on error ignore applies to batches sent after it', async () => {
    const p = await plan('SELECT 1\nGO\n:on error ignore\nSELECT 2\nGO\n:on error exit\nSELECT 3');
    assert.deepEqual(p.batches.map((b) => b.onError), ['exit', 'ignore', 'exit']);
  });
  it('the default error mode is exit', async () => {
    assert.equal((await plan('SELECT 1')).batches[0]?.onError, 'exit');
  });
  it(':ON ERROR in upper case is recognised', async () => {
    assert.equal((await plan(':ON ERROR IGNORE\nSELECT 1')).batches[0]?.onError, 'ignore');
  });
  it(':on error with another word is an error', async () => {
    assert.equal((await failure(':on error retry')).kind, 'invalid-command');
  });
  it(':exit stops the script and drops the pending batch', async () => {
    assert.deepEqual(await texts('SELECT 1\nGO\nSELECT 2\n:exit\nSELECT 3'), ['SELECT 1']);
  });
  it(':exit() runs the pending batch, then stops', async () => {
    assert.deepEqual(await texts('SELECT 1\nGO\nSELECT 2\n:exit()\nSELECT 3'), ['SELECT 1', 'SELECT 2']);
  });
  it(':exit inside an include stops the including script too', async () => {
    const p = await plan('SELECT 1\nGO\n:r a.sql\nSELECT 9', { 'a.sql': ':exit\nSELECT 2' });
    assert.deepEqual(p.batches.map((b) => b.text), ['SELECT 1']);
  });
  it(':exit(query) is not supported', async () => {
    assert.equal((await failure(':exit(SELECT 1)')).kind, 'unsupported-command');
  });
  for (const command of [':connect srv', ':out file.txt', ':error err.txt', ':listvar', ':reset', ':serverlist', ':perftrace x', ':xml on', ':help']) {
    it(`${command.split(' ')[0]} is reported as not supported, with its line`, async () => {
      const e = await failure(`SELECT 1\nGO\n  ${command}`);
      assert.equal(e.kind, 'unsupported-command');
      assert.equal(e.position.line, 3);
      assert.equal(e.position.column, 3);
      assert.match(e.message, /not supported/);
    });
  }
  it('!! shell commands are not supported', async () => {
    assert.equal((await failure('!! dir')).kind, 'unsupported-command');
  });
  it('a colon line inside a string is SQL, not a command', async () => {
    assert.deepEqual(await texts("SELECT '\n:connect x\n'"), ["SELECT '\n:connect x\n'"]);
  });
  it('a colon line inside a block comment is not a command', async () => {
    assert.deepEqual(await texts('SELECT 1 /*\n:r missing.sql\n*/'), ['SELECT 1 /*\n:r missing.sql\n*/']);
  });
  it('a parse error means no plan at all (nothing runs)', async () => {
    await assert.rejects(plan('SELECT 1\nGO\nSELECT 2\nGO\n:connect other'), ScriptError);
  });
  it('GO 0 is an error', async () => {
    assert.equal((await failure('SELECT 1\nGO 0')).kind, 'invalid-command');
  });
  it('USE names the database of the following batches', async () => {
    const p = await plan('SELECT 1\nGO\nUSE [DW_ECOMMERCE];\nGO\nSELECT 2\nGO\nuse ECOMMERCE_OLTP\nSELECT 3\nGO\nSELECT 4');
    assert.deepEqual(p.batches.map((b) => b.database), [undefined, undefined, 'DW_ECOMMERCE', 'DW_ECOMMERCE', 'ECOMMERCE_OLTP']);
  });
  it('USE with a variable resolves the name', async () => {
    const p = await plan(':setvar Db DW_ECOMMERCE\nUSE [$(Db)]\nGO\nSELECT 1');
    assert.equal(p.batches[1]?.database, 'DW_ECOMMERCE');
  });
});

describe('T-SQL splitter: includes', () => {
  it(':r inserts the file into the current batch', async () => {
    const p = await plan('SELECT 1\n:r a.sql\nSELECT 3', { 'a.sql': 'SELECT 2' });
    assert.deepEqual(p.batches.map((b) => b.text), ['SELECT 1\nSELECT 2\nSELECT 3']);
  });
  it('GO inside an include ends the batch of the including file', async () => {
    const p = await plan('SELECT 1\n:r a.sql\nSELECT 3', { 'a.sql': 'SELECT 2\nGO\nSELECT 2b' });
    assert.deepEqual(p.batches.map((b) => b.text), ['SELECT 1\nSELECT 2', 'SELECT 2b\nSELECT 3']);
  });
  it(':r resolves relative to the including file, not the root script', async () => {
    const p = await plan(':r sub/a.sql', { 'sub/a.sql': ':r b.sql', 'sub/b.sql': 'SELECT 1' });
    assert.equal(p.batches[0]?.startFile, '/ws/sub/b.sql');
  });
  it(':r accepts a quoted path with spaces', async () => {
    const p = await plan(':r "my scripts/a.sql"', { 'my scripts/a.sql': 'SELECT 1' });
    assert.equal(p.batches[0]?.text, 'SELECT 1');
  });
  it(':r accepts Windows separators', async () => {
    const p = await plan(':r .\\sub\\a.sql', { 'sub/a.sql': 'SELECT 1' });
    assert.equal(p.batches[0]?.startFile, '/ws/sub/a.sql');
  });
  it(':r expands variables in the path', async () => {
    const p = await plan(':setvar Dir sub\n:r $(Dir)/a.sql', { 'sub/a.sql': 'SELECT 1' });
    assert.equal(p.batches[0]?.text, 'SELECT 1');
  });
  it('variables set in an include are visible after it', async () => {
    assert.equal((await plan(':r vars.sql\nSELECT $(V)', { 'vars.sql': ':setvar V 7' })).batches[0]?.text, 'SELECT 7');
  });
  it('the same file may be included twice in sequence', async () => {
    const p = await plan(':r a.sql\n:r a.sql', { 'a.sql': 'SELECT 1\nGO' });
    assert.equal(p.batches.length, 2);
  });
  it('a missing include is an error at the :r line with the include chain', async () => {
    const e = await failure('SELECT 1\n:r a.sql', { 'a.sql': 'SELECT 2\n\n:r missing.sql' });
    assert.equal(e.kind, 'include-missing');
    assert.equal(e.position.file, '/ws/a.sql');
    assert.equal(e.position.line, 3);
    assert.deepEqual(e.position.includeChain, [{ file: '/ws/main.sql', line: 2 }]);
    assert.match(e.message, /missing\.sql/);
    assert.match(e.message, /included from \/ws\/main\.sql:2/);
  });
  it('an include cycle is an error naming the loop', async () => {
    const e = await failure(':r a.sql', { 'a.sql': ':r b.sql', 'b.sql': ':r a.sql' });
    assert.equal(e.kind, 'include-cycle');
    assert.match(e.message, /\/ws\/a\.sql -> \/ws\/b\.sql -> \/ws\/a\.sql/);
  });
  it('a file including itself is a cycle', async () => {
    assert.equal((await failure(':r main.sql', {})).kind, 'include-cycle');
  });
  it('an unterminated string in an include is reported in that file', async () => {
    const e = await failure(':r a.sql', { 'a.sql': "SELECT 1\nSELECT 'open\n\n" });
    assert.equal(e.kind, 'unterminated');
    assert.equal(e.position.file, '/ws/a.sql');
    assert.equal(e.position.line, 2);
    assert.equal(e.position.column, 8);
  });
  it(':r without a path is an error', async () => {
    assert.equal((await failure(':r')).kind, 'invalid-command');
  });
});

describe('T-SQL splitter: bad input', () => {
  const cases: ReadonlyArray<readonly [string, string, number, number]> = [
    ['an unterminated string', "SELECT 1\nGO\nSELECT 'abc\nGO\nSELECT 2", 3, 8],
    ['an unterminated N string', "SELECT N'abc", 1, 9],
    ['an unterminated bracket identifier', 'SELECT 1 AS [abc\nGO', 1, 13],
    ['an unterminated quoted identifier', 'SELECT 1 AS "abc\nGO', 1, 13],
    ['an unterminated block comment', 'SELECT 1\n  /* header\nGO\n', 2, 3],
    ['an unterminated nested block comment', '/* a /* b */\nGO', 1, 1],
    ['a string reopened after an escaped quote', "SELECT 'a''b\n", 1, 8],
  ];
  for (const [what, script, line, column] of cases) {
    it(`${what} is reported at the line and column where it starts`, async () => {
      const e = await failure(script);
      assert.equal(e.kind, 'unterminated');
      assert.deepEqual([e.position.line, e.position.column], [line, column]);
    });
  }
});
