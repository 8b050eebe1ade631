import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertScriptDialect, detectScriptDialect, WrongScriptDialectError } from '../../../src/core/warehouse/scriptDialect';
import { seedScripts, warehouseScripts } from '../../../src/core/warehouse/scripts';

const sqlRoot = path.resolve(__dirname, '../../../sql');
const text = (p: string): string => readFileSync(path.join(sqlRoot, p), 'utf8');

describe('script dialect check', () => {
  it('recognises every shipped script as its own dialect', () => {
    for (const dialect of ['sqlserver', 'postgres'] as const) {
      for (const s of [...warehouseScripts(dialect), ...seedScripts(dialect)]) {
        assert.equal(detectScriptDialect(text(s.path))?.dialect, dialect, s.path);
      }
    }
  });

  it('refuses a T-SQL script on PostgreSQL, naming the file and the line', () => {
    const file = 'sqlserver/dw/01_schemas.sql';
    assert.throws(() => assertScriptDialect(file, text(file), 'postgres'), (e: unknown) => {
      assert.ok(e instanceof WrongScriptDialectError);
      assert.equal(e.scriptDialect, 'sqlserver');
      assert.match(e.message, /sqlserver\/dw\/01_schemas\.sql:\d+ is T-SQL/);
      return true;
    });
  });

  it('refuses a PostgreSQL script on SQL Server and accepts neutral SQL on both', () => {
    assert.throws(() => assertScriptDialect('x.sql', "DO $$ BEGIN RAISE NOTICE 'x'; END $$;", 'sqlserver'), WrongScriptDialectError);
    assert.doesNotThrow(() => assertScriptDialect('y.sql', 'SELECT 1;\n-- GO\n', 'postgres'));
    assert.doesNotThrow(() => assertScriptDialect('y.sql', 'SELECT 1;', 'sqlserver'));
  });
});
