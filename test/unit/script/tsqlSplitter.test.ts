import { strict as assert } from 'node:assert';
import { splitTsql } from '../../../src/core/script/tsqlSplitter';
import { memoryFiles } from './memoryFiles';

async function batches(script: string, variables: Record<string, string> = {}): Promise<string[]> {
  const plan = await splitTsql(script, { file: '/ws/main.sql', readFile: memoryFiles({}), variables });
  return plan.batches.map((b) => (b.repeat === 1 ? b.text : `${b.text} x${b.repeat}`));
}

/** [behaviour, script, batches expected (" xN" marks a repeat count)] */
const GO_CASES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['a script without GO is one batch', 'SELECT 1\nSELECT 2', ['SELECT 1\nSELECT 2']],
  ['GO alone ends a batch', 'SELECT 1\nGO\nSELECT 2', ['SELECT 1', 'SELECT 2']],
  ['lower-case go ends a batch', 'SELECT 1\ngo\nSELECT 2', ['SELECT 1', 'SELECT 2']],
  ['mixed-case Go ends a batch', 'SELECT 1\nGo\nSELECT 2', ['SELECT 1', 'SELECT 2']],
  ['mixed-case gO ends a batch', 'SELECT 1\ngO\nSELECT 2', ['SELECT 1', 'SELECT 2']],
  ['GO with leading spaces', 'SELECT 1\n    GO\nSELECT 2', ['SELECT 1', 'SELECT 2']],
  ['GO with leading tabs', 'SELECT 1\n\t\tGO\nSELECT 2', ['SELECT 1', 'SELECT 2']],
  ['GO with trailing spaces', 'SELECT 1\nGO   \nSELECT 2', ['SELECT 1', 'SELECT 2']],
  ['GO with CRLF line ends', 'SELECT 1\r\nGO\r\nSELECT 2\r\n', ['SELECT 1', 'SELECT 2']],
  ['GO with a count repeats the batch', 'INSERT t DEFAULT VALUES\nGO 5', ['INSERT t DEFAULT VALUES x5']],
  ['GO count with spaces around', 'SELECT 1\n  GO   3  \n', ['SELECT 1 x3']],
  ['GO with a trailing comment', 'SELECT 1\nGO -- end of step 1\nSELECT 2', ['SELECT 1', 'SELECT 2']],
  ['GO glued to a trailing comment', 'SELECT 1\nGO--done\nSELECT 2', ['SELECT 1', 'SELECT 2']],
  ['GO count with a trailing comment', 'SELECT 1\nGO 2 -- twice\n', ['SELECT 1 x2']],
  ['GO at end of file without newline', 'SELECT 1\nGO', ['SELECT 1']],
  ['GO as the first line yields no empty batch', 'GO\nSELECT 1', ['SELECT 1']],
  ['consecutive GOs yield no empty batches', 'SELECT 1\nGO\nGO\n\nGO\nSELECT 2', ['SELECT 1', 'SELECT 2']],
  ['a file of only GO has no batches', 'GO\nGO\n', []],
  ['an empty file has no batches', '', []],
  ['a blank file has no batches', '\n\n   \n', []],
  ['a comment-only batch is not sent', '-- nothing here\nGO\nSELECT 1', ['SELECT 1']],
  ['a block-comment-only batch is not sent', '/* header */\nGO\nSELECT 1', ['SELECT 1']],
  ['comments before code stay with the batch', '-- load dim_cliente\nSELECT 1\nGO', ['-- load dim_cliente\nSELECT 1']],
  ['GOTO is not GO', 'GOTO fim\nfim:\nSELECT 1', ['GOTO fim\nfim:\nSELECT 1']],
  ['gone is not GO', 'SELECT 1 AS x\ngone:\nSELECT 2', ['SELECT 1 AS x\ngone:\nSELECT 2']],
  ['go_live is not GO', 'SELECT 1\ngo_live\nSELECT 2', ['SELECT 1\ngo_live\nSELECT 2']],
  ['GO followed by a dot is not GO', 'SELECT 1\nGO.\n', ['SELECT 1\nGO.']],
  ['GO followed by a semicolon is not GO', 'SELECT 1\nGO;\n', ['SELECT 1\nGO;']],
  ['GO followed by SQL is not GO', 'SELECT 1\nGO SELECT 2\n', ['SELECT 1\nGO SELECT 2']],
  ['GO with a count and text is not GO', 'SELECT 1\nGO 2 x\n', ['SELECT 1\nGO 2 x']],
  ['GO after code on the same line is not GO', 'SELECT 1 GO\nSELECT 2', ['SELECT 1 GO\nSELECT 2']],
  ['GO as a column alias mid-line is not GO', 'SELECT 1 AS\nGOx', ['SELECT 1 AS\nGOx']],
  ['GO inside a string is not GO', "SELECT 'a\nGO\nb'\nGO", ["SELECT 'a\nGO\nb'"]],
  ['GO inside an N string is not GO', "SELECT N'a\nGO\n'\nGO", ["SELECT N'a\nGO\n'"]],
  ['GO inside a string after an escaped quote', "SELECT 'it''s\nGO\n'\nGO", ["SELECT 'it''s\nGO\n'"]],
  ['a doubled quote at a line end stays in the string', "SELECT 'a''\nGO\n'\nGO", ["SELECT 'a''\nGO\n'"]],
  ['an empty string does not open a string', "SELECT ''\nGO\nSELECT 2", ["SELECT ''", 'SELECT 2']],
  ['four quotes are one quote character', "SELECT ''''\nGO\nSELECT 2", ["SELECT ''''", 'SELECT 2']],
  ['GO inside brackets is not GO', 'SELECT 1 AS [a\nGO\n]\nGO', ['SELECT 1 AS [a\nGO\n]']],
  ['escaped ]] inside brackets', 'SELECT 1 AS [a]]\nGO\n]\nGO', ['SELECT 1 AS [a]]\nGO\n]']],
  ['a quote inside brackets does not open a string', "SELECT 1 AS [it's]\nGO\nSELECT 2", ["SELECT 1 AS [it's]", 'SELECT 2']],
  ['GO inside a quoted identifier is not GO', 'SELECT 1 AS "a\nGO\n"\nGO', ['SELECT 1 AS "a\nGO\n"']],
  ['escaped "" inside a quoted identifier', 'SELECT 1 AS "a""\nGO\n"\nGO', ['SELECT 1 AS "a""\nGO\n"']],
  ['a quote inside a quoted identifier does not open a string', 'SELECT 1 AS "it\'s"\nGO\nSELECT 2', ['SELECT 1 AS "it\'s"', 'SELECT 2']],
  ['GO inside a block comment is not GO', 'SELECT 1\n/*\nGO\n*/\nGO', ['SELECT 1\n/*\nGO\n*/']],
  ['GO inside a nested block comment is not GO', 'SELECT 1\n/* /* */\nGO\n*/\nGO', ['SELECT 1\n/* /* */\nGO\n*/']],
  ['deeply nested comments close in order', 'SELECT 1 /* a /* b /* c */ */\nGO\n*/\nGO\nSELECT 2', ['SELECT 1 /* a /* b /* c */ */\nGO\n*/', 'SELECT 2']],
  ['a quote inside a block comment does not open a string', "/* don't */\nSELECT 1\nGO\nSELECT 2", ["/* don't */\nSELECT 1", 'SELECT 2']],
  ['a quote inside a line comment does not open a string', "SELECT 1 -- don't\nGO\nSELECT 2", ["SELECT 1 -- don't", 'SELECT 2']],
  ['a block comment opener inside a line comment is ignored', 'SELECT 1 -- /* not a comment\nGO\nSELECT 2', ['SELECT 1 -- /* not a comment', 'SELECT 2']],
  ['a comment opener inside a string is ignored', "SELECT '/*'\nGO\nSELECT 2", ["SELECT '/*'", 'SELECT 2']],
  ['a line comment inside a string is ignored', "SELECT '--'\nGO\nSELECT 2", ["SELECT '--'", 'SELECT 2']],
  ['-- GO on its own is a comment, not GO', 'SELECT 1\n-- GO\nSELECT 2', ['SELECT 1\n-- GO\nSELECT 2']],
  ['a block comment closing before GO on the next line', 'SELECT 1 /* x\n*/\nGO\nSELECT 2', ['SELECT 1 /* x\n*/', 'SELECT 2']],
  ['GO after a comment on the same line is not GO', '/* c */ GO\nSELECT 1', ['/* c */ GO\nSELECT 1']],
  ['a division sign is not a comment', 'SELECT 4/2\nGO\nSELECT 2', ['SELECT 4/2', 'SELECT 2']],
  ['a minus sign is not a comment', 'SELECT 4-2\nGO\nSELECT 2', ['SELECT 4-2', 'SELECT 2']],
  ['multiplication after a slash is not a comment end', 'SELECT 2*3/1\nGO', ['SELECT 2*3/1']],
  ['leading blank lines are trimmed', '\n\n\nSELECT 1\nGO', ['SELECT 1']],
  ['trailing blank lines are trimmed', 'SELECT 1\n\n\n\nGO', ['SELECT 1']],
  ['inner blank lines are kept', 'SELECT 1\n\nSELECT 2\nGO', ['SELECT 1\n\nSELECT 2']],
  ['a UTF-8 string with accents stays intact', "SELECT N'São Paulo'\nGO", ["SELECT N'São Paulo'"]],
  ['GO with a large count', 'SELECT 1\nGO 100', ['SELECT 1 x100']],
  ['semicolons do not split T-SQL batches', 'SELECT 1; SELECT 2;\nGO', ['SELECT 1; SELECT 2;']],
  ['a GO line with a form feed before it', 'SELECT 1\n\fGO\nSELECT 2', ['SELECT 1', 'SELECT 2']],
];

describe('T-SQL splitter: GO and the lexer', () => {
  for (const [name, script, expected] of GO_CASES) {
    it(name, async () => {
      assert.deepEqual(await batches(script), expected);
    });
  }
});

/** Scripts shaped like the users' own: [behaviour, script, number of batches, a text each batch holds] */
const REALISTIC: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  [
    'idempotent DDL with IF OBJECT_ID',
    `IF OBJECT_ID(N'dim.DIM_CLIENTE', N'U') IS NOT NULL\n    DROP TABLE dim.DIM_CLIENTE;\nGO\nCREATE TABLE dim.DIM_CLIENTE (\n    cliente_id INT IDENTITY(1,1) NOT NULL PRIMARY KEY,\n    cliente_original_id BIGINT NOT NULL UNIQUE,\n    nome_cliente NVARCHAR(200) NOT NULL\n);\nGO\n`,
    ['DROP TABLE dim.DIM_CLIENTE;', 'cliente_original_id BIGINT'],
  ],
  [
    'CREATE OR ALTER PROCEDURE with BEGIN/END and inner semicolons',
    'CREATE OR ALTER PROCEDURE audit.usp_capture_connection_snapshot\nAS\nBEGIN\n    SET NOCOUNT ON;\n    INSERT INTO audit.connection_login_events (login_name) SELECT login_name FROM sys.dm_exec_sessions;\nEND;\nGO\nEXEC audit.usp_capture_connection_snapshot;\nGO',
    ['SET NOCOUNT ON;', 'EXEC audit.usp_capture_connection_snapshot;'],
  ],
  [
    'MERGE with a USING subquery and OUTPUT',
    'MERGE dim.DIM_CLIENTE AS tgt\nUSING (SELECT customer_id, full_name FROM stage.customers) AS src\n    ON tgt.cliente_original_id = src.customer_id\nWHEN MATCHED THEN UPDATE SET tgt.nome_cliente = src.full_name\nWHEN NOT MATCHED THEN INSERT (cliente_original_id, nome_cliente) VALUES (src.customer_id, src.full_name)\nOUTPUT $action;\nGO',
    ['OUTPUT $action;'],
  ],
  [
    'a long VALUES list',
    `INSERT INTO ctl.etl_control (entity_name, source_table, target_table) VALUES\n${Array.from({ length: 200 }, (_, i) => `    (N'entity_${i}', N'core.t${i}', N'dim.T${i}')`).join(',\n')};\nGO`,
    ["(N'entity_199', N'core.t199', N'dim.T199');"],
  ],
  [
    'dynamic SQL with EXEC and nested quotes',
    `DECLARE @sql NVARCHAR(MAX) = N'CREATE VIEW dbo.v AS SELECT ''GO'' AS x\nGO\n';\nEXEC(@sql);\nEXEC('SELECT ''a''');\nGO`,
    ["EXEC('SELECT ''a''');"],
  ],
  [
    'PRINT and RAISERROR between batches',
    `PRINT 'Criando schemas...';\nGO\nRAISERROR('Falhou: %s', 16, 1, N'dim_cliente');\nGO`,
    ["PRINT 'Criando schemas...';", "RAISERROR('Falhou: %s', 16, 1, N'dim_cliente');"],
  ],
  [
    'CREATE DATABASE guarded by DB_ID, then USE',
    `IF DB_ID(N'DW_ECOMMERCE') IS NULL\n    CREATE DATABASE DW_ECOMMERCE;\nGO\nUSE DW_ECOMMERCE;\nGO\nIF SCHEMA_ID(N'dim') IS NULL EXEC(N'CREATE SCHEMA dim');\nGO`,
    ['CREATE DATABASE DW_ECOMMERCE;', 'USE DW_ECOMMERCE;', "EXEC(N'CREATE SCHEMA dim');"],
  ],
  [
    'a trigger whose body mentions go in an identifier',
    'CREATE OR ALTER TRIGGER core.trg_orders_updated ON core.orders AFTER UPDATE AS\nBEGIN\n    UPDATE o SET updated_at = SYSUTCDATETIME(), go_live = 1\n    FROM core.orders o JOIN inserted i ON i.order_id = o.order_id;\nEND\nGO',
    ['go_live = 1'],
  ],
  [
    'TRY/CATCH with THROW',
    `BEGIN TRY\n    BEGIN TRANSACTION;\n    UPDATE ctl.etl_control SET last_status = 'running';\n    COMMIT;\nEND TRY\nBEGIN CATCH\n    IF @@TRANCOUNT > 0 ROLLBACK;\n    THROW;\nEND CATCH\nGO`,
    ['THROW;'],
  ],
  [
    'a view with a header comment block and GO inside it',
    '/*\n  View de consumo: vendas por mês\n  GO\n*/\nCREATE OR ALTER VIEW dbo.vw_vendas_mes AS\nSELECT d.ano, d.mes, SUM(f.valor_liquido) AS receita\nFROM fact.FACT_VENDAS f JOIN dim.DIM_DATA d ON d.data_id = f.data_id\nGROUP BY d.ano, d.mes;\nGO',
    ['GROUP BY d.ano, d.mes;'],
  ],
  [
    'a GRANT script for technical logins',
    `IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'etl_monitor')\n    CREATE LOGIN etl_monitor WITH PASSWORD = N'$(MonitorPassword)';\nGO\nGRANT VIEW SERVER STATE TO etl_monitor;\nGO`,
    ["PASSWORD = N'x';", 'GRANT VIEW SERVER STATE'],
  ],
  [
    'a calendar dimension loop with WHILE',
    `DECLARE @d DATE = '2020-01-01';\nWHILE @d < '2031-01-01'\nBEGIN\n    INSERT dim.DIM_DATA (data, ano, mes) VALUES (@d, YEAR(@d), MONTH(@d));\n    SET @d = DATEADD(DAY, 1, @d);\nEND\nGO`,
    ['SET @d = DATEADD(DAY, 1, @d);'],
  ],
];

describe('T-SQL splitter: realistic scripts', () => {
  for (const [name, script, texts] of REALISTIC) {
    it(`${name} splits into ${texts.length} batch(es)`, async () => {
      const got = await batches(script, { MonitorPassword: 'x' });
      assert.equal(got.length, texts.length, got.join('\n----\n'));
      texts.forEach((t, i) => assert.ok((got[i] as string).includes(t), `batch ${i + 1} lacks ${t}:\n${got[i]}`));
    });
  }
});
