import { strict as assert } from 'node:assert';
import { ScriptError, UndefinedVariablesError } from '../../../src/core/script/errors';
import { splitPostgres } from '../../../src/core/script/pgSplitter';
import { memoryFiles, scriptErrorOf } from './memoryFiles';

async function plan(script: string, files: Record<string, string> = {}, variables: Record<string, string> = {}) {
  return splitPostgres(script, { file: '/ws/main.sql', readFile: memoryFiles(files), variables });
}

async function statements(script: string, variables: Record<string, string> = {}): Promise<string[]> {
  return (await plan(script, {}, variables)).batches.map((b) => b.text);
}

function failure(script: string, files: Record<string, string> = {}): Promise<ScriptError> {
  return scriptErrorOf(plan(script, files));
}

const CASES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['one statement', 'SELECT 1;', ['SELECT 1;']],
  ['two statements on two lines', 'SELECT 1;\nSELECT 2;', ['SELECT 1;', 'SELECT 2;']],
  ['two statements on one line', 'SELECT 1; SELECT 2;', ['SELECT 1;', 'SELECT 2;']],
  ['a last statement without ;', 'SELECT 1;\nSELECT 2', ['SELECT 1;', 'SELECT 2']],
  ['empty statements are dropped', ';;\nSELECT 1;;', ['SELECT 1;']],
  ['an empty script', '', []],
  ['a comment-only script', '-- nothing\n/* nothing */', []],
  ['a multi-line statement', 'SELECT\n  1\n;', ['SELECT\n  1\n;']],
  ['; inside a string', "SELECT 'a;b';", ["SELECT 'a;b';"]],
  ["'' inside a string", "SELECT 'it''s; ok';", ["SELECT 'it''s; ok';"]],
  ['a backslash in a standard string is plain', "SELECT 'C:\\';\nSELECT 2;", ["SELECT 'C:\\';", 'SELECT 2;']],
  ["\\' inside an E string", "SELECT E'it\\'s; ok';", ["SELECT E'it\\'s; ok';"]],
  ['lower-case e string', "SELECT e'a\\';b';", ["SELECT e'a\\';b';"]],
  ['an identifier ending in e before a string is not an E string', "SELECT name'x' FROM t; SELECT 2;", ["SELECT name'x' FROM t;", 'SELECT 2;']],
  ['; inside a quoted identifier', 'SELECT 1 AS "a;b";', ['SELECT 1 AS "a;b";']],
  ['"" inside a quoted identifier', 'SELECT 1 AS "a"";b";', ['SELECT 1 AS "a"";b";']],
  ['; inside a line comment', 'SELECT 1 -- ; not here\n;', ['SELECT 1 -- ; not here\n;']],
  ['; inside a block comment', 'SELECT 1 /* ; */;', ['SELECT 1 /* ; */;']],
  ['; inside a nested block comment', 'SELECT 1 /* a /* ; */ ; */;', ['SELECT 1 /* a /* ; */ ; */;']],
  ['; inside $$', 'DO $$ BEGIN PERFORM 1; END $$;', ['DO $$ BEGIN PERFORM 1; END $$;']],
  ['; inside $tag$', 'DO $body$ BEGIN PERFORM 1; END $body$;', ['DO $body$ BEGIN PERFORM 1; END $body$;']],
  ['$$ inside $tag$', 'SELECT $t$ $$ ; $$ $t$;', ['SELECT $t$ $$ ; $$ $t$;']],
  ['a different tag does not close', 'SELECT $a$ $b$ ; $a$;', ['SELECT $a$ $b$ ; $a$;']],
  ['a quote inside a dollar body', "SELECT $$ it's ; $$;", ["SELECT $$ it's ; $$;"]],
  ['$1 is a parameter, not a dollar quote', 'PREPARE p AS SELECT $1; EXECUTE p(1);', ['PREPARE p AS SELECT $1;', 'EXECUTE p(1);']],
  ['a $ inside an identifier is not a dollar quote', 'SELECT a$b$ FROM t; SELECT 2;', ['SELECT a$b$ FROM t;', 'SELECT 2;']],
  ['a function body across lines', 'CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT f();', ['CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;', 'SELECT f();']],
  ['; inside parentheses does not end a statement', 'CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);\nSELECT 3;', ['CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);', 'SELECT 3;']],
  [':: casts stay as written', 'SELECT 1::int, now()::date;', ['SELECT 1::int, now()::date;']],
  ['an undefined :name stays as written (array slices)', 'SELECT arr[1:n] FROM t;', ['SELECT arr[1:n] FROM t;']],
  ['a colon inside a string is not a variable', "SELECT ':x';", ["SELECT ':x';"]],
  ['a colon inside a dollar body is not a variable', 'SELECT $$:x$$;', ['SELECT $$:x$$;']],
  ['CRLF line ends', 'SELECT 1;\r\nSELECT 2;\r\n', ['SELECT 1;', 'SELECT 2;']],
  ['comments before a statement stay with it', '-- dim_cliente\nCREATE TABLE t (id int);', ['-- dim_cliente\nCREATE TABLE t (id int);']],
  ['a GO line is SQL in PostgreSQL', 'SELECT 1\nGO\n;', ['SELECT 1\nGO\n;']],
  ['unicode text', "SELECT 'São Paulo; SP';", ["SELECT 'São Paulo; SP';"]],
  ['a SQL-standard function body: ; inside BEGIN ATOMIC … END does not split', 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3;', ['CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;', 'SELECT 3;']],
  [
    'CREATE OR REPLACE PROCEDURE … BEGIN ATOMIC with CASE … END inside',
    "CREATE OR REPLACE PROCEDURE p(x int)\nLANGUAGE sql\nBEGIN ATOMIC\n  INSERT INTO t VALUES (CASE WHEN x > 0 THEN x ELSE 0 END);\n  UPDATE t SET v = CASE x WHEN 1 THEN 'a;' END;\nEND;\nSELECT 1;",
    ["CREATE OR REPLACE PROCEDURE p(x int)\nLANGUAGE sql\nBEGIN ATOMIC\n  INSERT INTO t VALUES (CASE WHEN x > 0 THEN x ELSE 0 END);\n  UPDATE t SET v = CASE x WHEN 1 THEN 'a;' END;\nEND;", 'SELECT 1;'],
  ],
  ['lower-case create procedure … begin atomic … end', 'create procedure p() language sql begin atomic delete from t; end;\nselect 1;', ['create procedure p() language sql begin atomic delete from t; end;', 'select 1;']],
  ['CREATE OR REPLACE FUNCTION … BEGIN ATOMIC with a top-level CASE statement', 'CREATE OR REPLACE FUNCTION f(x int) RETURNS text LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN x = 1 THEN \'one\' WHEN x = 2 THEN \'two\' ELSE \'many\' END;\nEND;\nSELECT f(1);', ["CREATE OR REPLACE FUNCTION f(x int) RETURNS text LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN x = 1 THEN 'one' WHEN x = 2 THEN 'two' ELSE 'many' END;\nEND;", 'SELECT f(1);']],
  ['a quoted "end" inside BEGIN ATOMIC does not close it', 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1 AS "end"; END; SELECT 2;', ['CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1 AS "end"; END;', 'SELECT 2;']],
  ['a transaction BEGIN is not a function body', 'BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;', ['BEGIN;', 'INSERT INTO t VALUES (1);', 'COMMIT;']],
  ['CASE … END outside a routine does not hold statements together', 'CREATE VIEW v AS SELECT CASE WHEN true THEN 1 END AS c; SELECT 2;', ['CREATE VIEW v AS SELECT CASE WHEN true THEN 1 END AS c;', 'SELECT 2;']],
  ['a parameter named begin (inside parentheses) opens nothing', 'CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN $1 + 1; SELECT 2;', ['CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN $1 + 1;', 'SELECT 2;']],
  ['a plpgsql dollar body keeps its BEGIN to itself', 'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$; SELECT 2;', ['CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;', 'SELECT 2;']],
  ['a routine after a BEGIN ATOMIC one starts afresh', 'CREATE FUNCTION a() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\nCREATE TABLE begin_log (id int); SELECT 3;', ['CREATE FUNCTION a() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;', 'CREATE TABLE begin_log (id int);', 'SELECT 3;']],
  ['a long VALUES list', `INSERT INTO t VALUES\n${Array.from({ length: 100 }, (_, i) => `(${i}, 'v;${i}')`).join(',\n')};`, [`INSERT INTO t VALUES\n${Array.from({ length: 100 }, (_, i) => `(${i}, 'v;${i}')`).join(',\n')};`]],
];

describe('PostgreSQL splitter: statements', () => {
  for (const [name, script, expected] of CASES) {
    it(name, async () => {
      assert.deepEqual(await statements(script), expected);
    });
  }
});

describe('PostgreSQL splitter: psql variables and meta-commands', () => {
  it(':name substitutes the value as written', async () => {
    assert.deepEqual(await statements('\\set n 5\nSELECT :n;'), ['SELECT 5;']);
  });
  it(":'name' substitutes a quoted literal", async () => {
    assert.deepEqual(await statements("\\set who 'O''Brien'\nSELECT :'who';"), ["SELECT 'O''Brien';"]);
  });
  it(':"name" substitutes a quoted identifier', async () => {
    assert.deepEqual(await statements('\\set s dim\nCREATE SCHEMA :"s";'), ['CREATE SCHEMA "dim";']);
  });
  it('caller variables substitute', async () => {
    assert.deepEqual(await statements("SELECT :'d';", { d: '2026-01-01' }), ["SELECT '2026-01-01';"]);
  });
  it('an undefined :\'name\' is an error naming it and its line', async () => {
    const e = await failure("SELECT 1;\nSELECT :'missing';");
    assert.ok(e instanceof UndefinedVariablesError);
    assert.deepEqual(e.uses.map((u) => [u.name, u.line]), [['missing', 2]]);
  });
  it('\\unset removes a variable', async () => {
    const e = await failure("\\set v 1\n\\unset v\nSELECT :'v';");
    assert.ok(e instanceof UndefinedVariablesError);
  });
  it('\\set ON_ERROR_STOP off makes later statements continue on error', async () => {
    const p = await plan('SELECT 1;\n\\set ON_ERROR_STOP off\nSELECT 2;\n\\set ON_ERROR_STOP on\nSELECT 3;');
    assert.deepEqual(p.batches.map((b) => b.onError), ['exit', 'ignore', 'exit']);
  });
  it('\\c names the database of the statements after it', async () => {
    const p = await plan('SELECT 1;\n\\c dw_ecommerce\nSELECT 2;\n\\connect ecommerce_oltp\nSELECT 3;');
    assert.deepEqual(p.batches.map((b) => b.database), [undefined, 'dw_ecommerce', 'ecommerce_oltp']);
  });
  it('\\c with a host is refused: the connection comes from the project file', async () => {
    assert.equal((await failure('\\c db user host')).kind, 'invalid-command');
  });
  it('\\q stops the script', async () => {
    assert.deepEqual(await statements('SELECT 1;\n\\q\nSELECT 2;'), ['SELECT 1;']);
  });
  it('a meta-command after a statement on the same line', async () => {
    const p = await plan('SELECT 1; \\ir a.sql\nSELECT 3;', { 'a.sql': 'SELECT 2;' });
    assert.deepEqual(p.batches.map((b) => b.text), ['SELECT 1;', 'SELECT 2;', 'SELECT 3;']);
  });
  it('\\echo becomes a message batch in its place, with quotes and variables resolved', async () => {
    const p = await plan("\\set who 'World'\nSELECT 1;\n\\echo 'Hello,' :who  'it''s' :'who' :nope\nSELECT\n\\echo -n inside\n2;");
    assert.deepEqual(
      p.batches.map((b) => [b.echo, b.startLine]),
      [[undefined, 2], ["Hello, World it's 'World' :nope", 3], ['inside', 5], [undefined, 4]],
    );
    assert.equal(p.batches[1]?.text, "\\echo 'Hello,' :who  'it''s' :'who' :nope");
  });
  it('\\copy says why it is not supported and what to do instead', async () => {
    const e = await failure('SELECT 1;\n\\copy t from data.csv csv');
    assert.equal(e.kind, 'unsupported-command');
    assert.match(e.message, /COPY … FROM\/TO a file on the server, or run this file with psql/);
  });
  for (const command of ['\\copy t from x', '\\gset', '\\timing on', '\\pset format csv']) {
    it(`${command.split(' ')[0]} is reported as not supported`, async () => {
      const e = await failure(`SELECT 1;\n${command}`);
      assert.equal(e.kind, 'unsupported-command');
      assert.equal(e.position.line, 2);
    });
  }
  it('\\ir resolves relative to the including file', async () => {
    const p = await plan('\\ir sub/a.sql', { 'sub/a.sql': '\\ir b.sql', 'sub/b.sql': 'SELECT 1;' });
    assert.equal(p.batches[0]?.startFile, '/ws/sub/b.sql');
  });
  it('\\i resolves relative to the working folder', async () => {
    const p = await splitPostgres('\\i sub/a.sql', { file: '/ws/deep/main.sql', cwd: '/ws', readFile: memoryFiles({ 'sub/a.sql': 'SELECT 1;' }) });
    assert.equal(p.batches[0]?.startFile, '/ws/sub/a.sql');
  });
  it('a statement may continue across an include', async () => {
    const p = await plan('SELECT\n\\ir cols.sql\nFROM t;', { 'cols.sql': 'a, b' });
    assert.deepEqual(p.batches.map((b) => b.text), ['SELECT\na, b\nFROM t;']);
  });
  it('a missing include shows the chain', async () => {
    const e = await failure('\\ir a.sql', { 'a.sql': 'SELECT 1;\n\\ir nope.sql' });
    assert.equal(e.kind, 'include-missing');
    assert.equal(e.position.line, 2);
    assert.deepEqual(e.position.includeChain, [{ file: '/ws/main.sql', line: 1 }]);
  });
  it('an include cycle is an error', async () => {
    assert.equal((await failure('\\ir a.sql', { 'a.sql': '\\ir main.sql' })).kind, 'include-cycle');
  });
  it('a backslash line inside a dollar body is not a meta-command', async () => {
    assert.deepEqual(await statements('SELECT $$\n\\q\n$$;'), ['SELECT $$\n\\q\n$$;']);
  });
});

describe('PostgreSQL splitter: bad input', () => {
  const cases: ReadonlyArray<readonly [string, string, number, number]> = [
    ['an unterminated string', "SELECT 1;\nSELECT 'abc;\n", 2, 8],
    ['an unterminated E string', "SELECT E'abc\\';", 1, 8],
    ['an unterminated dollar body', 'SELECT 1;\nDO $$ BEGIN\nEND;', 2, 4],
    ['an unterminated tagged dollar body', 'DO $fn$ BEGIN END $$;', 1, 4],
    ['an unterminated quoted identifier', 'SELECT 1 AS "x;', 1, 13],
    ['an unterminated block comment', 'SELECT 1; /* open', 1, 11],
  ];
  for (const [what, script, line, column] of cases) {
    it(`${what} is reported where it starts`, async () => {
      const e = await failure(script);
      assert.equal(e.kind, 'unterminated');
      assert.deepEqual([e.position.line, e.position.column], [line, column]);
    });
  }
});
