import { strict as assert } from 'node:assert';
import { sourceOf, UndefinedVariablesError } from '../../../src/core/script';
import { problemsOfScriptError } from '../../../src/extension/scripts/problems';
import { selectionPlan } from '../../../src/extension/scripts/selection';
import { memoryFiles, scriptErrorOf } from '../script/memoryFiles';

const file = '/ws/scripts/10_load.sql';
const readFile = memoryFiles({ 'scripts/inc/part.sql': 'PRINT 1;\nSELECT 1/0;\n' });

describe('Run Selection: lines as in the file', () => {
  it('T-SQL: batches start at the selected lines, and a batch line maps to its file line', async () => {
    // Selected lines 41-45 of the file.
    const text = 'SELECT 1;\nGO\nSELECT\n  2;\nGO';
    const plan = await selectionPlan({ file, text, startLine: 41 }, { dialect: 'sqlserver', readFile, variables: {} });
    assert.deepEqual(plan.batches.map((b) => b.startLine), [41, 43]);
    const second = plan.batches[1];
    assert.ok(second);
    assert.deepEqual(sourceOf(second.sourceMap, 2), { file, line: 44 });
  });

  it('PostgreSQL: statements start at the selected lines', async () => {
    const text = 'select 1;\n\nselect\n 2;';
    const plan = await selectionPlan({ file, text, startLine: 7 }, { dialect: 'postgres', readFile, variables: {} });
    assert.deepEqual(plan.batches.map((b) => b.startLine), [7, 9]);
  });

  it('an undefined variable in the selection is reported at its line in the file', async () => {
    const e = await scriptErrorOf(selectionPlan({ file, text: 'SELECT 1\n\nSELECT $(missing_one)', startLine: 100 }, { dialect: 'sqlserver', readFile, variables: {} }));
    assert.ok(e instanceof UndefinedVariablesError);
    const problems = problemsOfScriptError(e);
    assert.deepEqual(problems.map((p) => [p.file, p.line]), [[file, 102]]);
    assert.match(problems[0]?.message ?? '', /missing_one/);
  });

  it('an unterminated comment is reported at the line where it starts', async () => {
    const e = await scriptErrorOf(selectionPlan({ file, text: 'SELECT 1;\n/* open\nmore', startLine: 20 }, { dialect: 'postgres', readFile, variables: {} }));
    const [p] = problemsOfScriptError(e);
    assert.equal(p?.line, 21);
    assert.equal(p?.code, 'unterminated');
    assert.doesNotMatch(p?.message ?? '', /^\/ws/, 'the position is not repeated in the message');
  });

  it('a missing include is reported at the include line, with the chain of includes', async () => {
    const files = memoryFiles({ 'scripts/inc/outer.sql': 'PRINT 1\n:r missing.sql\n' });
    const e = await scriptErrorOf(selectionPlan({ file, text: 'PRINT 0\n:r inc/outer.sql', startLine: 5 }, { dialect: 'sqlserver', readFile: files, variables: {} }));
    const [p] = problemsOfScriptError(e);
    assert.equal(p?.code, 'include-missing');
    assert.deepEqual([p?.file, p?.line], ['/ws/scripts/inc/outer.sql', 2]);
    assert.deepEqual(p?.includedFrom, [{ file, line: 6 }]);
  });
});
