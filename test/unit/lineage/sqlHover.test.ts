import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dialect } from '../../../src/core/engine/types';
import { loadLineage, loadSqlParser, shippedLineageSources, sqlHover, type LineageGraph, type SqlParser } from '../../../src/core/lineage';

const root = path.resolve(__dirname, '../../..');

/**
 * Hovers in SQL scripts, on the shipped warehouse's own scripts (both dialects) and on a query
 * as a user writes one: the column under the cursor resolved through the statement, with where
 * it comes from and where it goes.
 */
describe('lineage hover in SQL scripts', function () {
  this.timeout(120_000);
  const graphs = new Map<Dialect, LineageGraph>();
  let parser: SqlParser;
  before(async () => {
    parser = await loadSqlParser();
    for (const d of ['postgres', 'sqlserver'] as const) graphs.set(d, await loadLineage(shippedLineageSources(root, d)));
  });

  /** The hover on the first `word` after `after` in `text`, at its second character. */
  const hoverIn = (dialect: Dialect, file: string, text: string, after: string, word: string): Promise<string | undefined> => {
    const from = text.indexOf(after);
    assert.ok(from >= 0, `${after} in ${file}`);
    const offset = text.indexOf(word, from) + 1;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return sqlHover({ text, file, dialect, line, column }, graphs.get(dialect) as LineageGraph, parser);
  };
  const shipped = (dialect: Dialect, rel: string, after: string, word: string): Promise<string | undefined> => {
    const file = path.join(root, 'sql', dialect, rel);
    return hoverIn(dialect, file, readFileSync(file, 'utf8'), after, word);
  };
  const query = (text: string, after: string, word: string, dialect: Dialect = 'postgres'): Promise<string | undefined> =>
    hoverIn(dialect, path.join(root, 'scratch.sql'), text, after, word);

  it('a column of a bi view (PostgreSQL 09_views.sql): the view column, the dimension column it reads, and the source column in the end', async () => {
    const h = await shipped('postgres', 'dw/09_views.sql', 'CREATE OR REPLACE VIEW bi.vw_vendas', '.categoria');
    assert.ok(h);
    assert.match(h, /^\*\*`bi\.vw_vendas\.categoria`\*\* — view column/);
    assert.match(h, /Comes from: `dim\.dim_produto\.categoria` through view bi\.vw_vendas/);
    assert.match(h, /Source columns \(OLTP\) \(1\): `core\.products\.category_name`/);
    assert.match(h, /Rows chosen by \d+ column\(s\)/);
  });

  it('the same on SQL Server (09_views.sql, CREATE OR ALTER VIEW)', async () => {
    const h = await shipped('sqlserver', 'dw/09_views.sql', 'VIEW bi.vw_vendas', '.categoria');
    assert.ok(h);
    assert.match(h, /^\*\*`bi\.vw_vendas\.categoria`\*\*/i);
    assert.match(h, /Comes from: `dim\.DIM_PRODUTO\.categoria`/, 'the table as SQL Server names it');
  });

  it('a column of CREATE TABLE inside a DO block (PostgreSQL 02_dimensions.sql): dim_cliente.email, its rule and source', async () => {
    const h = await shipped('postgres', 'dw/02_dimensions.sql', 'CREATE TABLE dim.dim_cliente', 'email varchar');
    assert.ok(h);
    assert.match(h, /^\*\*`dim\.dim_cliente\.email`\*\* — warehouse column/);
    assert.match(h, /Comes from: `core\.customers\.email` through rule normalizar_email \(dim_cliente\)/);
  });

  it('a column of CREATE TABLE inside IF ... BEGIN (SQL Server 02_dimensions.sql)', async () => {
    const h = await shipped('sqlserver', 'dw/02_dimensions.sql', 'CREATE TABLE dim.DIM_CLIENTE', 'email NVARCHAR');
    assert.ok(h);
    assert.match(h, /Comes from: `core\.customers\.email` through rule normalizar_email \(dim_cliente\)/);
  });

  it('a source column (OLTP 02_tables.sql): where it goes in the warehouse', async () => {
    const h = await shipped('postgres', 'oltp/02_tables.sql', 'CREATE TABLE core.customers', 'email varchar');
    assert.ok(h);
    assert.match(h, /^\*\*`core\.customers\.email`\*\* — source \(OLTP\) column/);
    assert.match(h, /Then warehouse columns \(\d+\): .*`dim\.dim_cliente\.email`/);
  });

  it('a query of the workspace: an alias-qualified column, a column of a subquery, an UPDATE target', async () => {
    const q = 'select c.email, c.nome_cliente\nfrom dim.dim_cliente c\nwhere c.eh_ativo = true;\n';
    assert.match(await query(q, 'select', 'email') ?? '', /^\*\*`dim\.dim_cliente\.email`\*\*/);
    assert.match(await query(q, 'where', 'eh_ativo') ?? '', /^\*\*`dim\.dim_cliente\.eh_ativo`\*\*/);
    const sub = 'select x.e from (select email as e from dim.dim_cliente) x;\n';
    assert.match(await query(sub, 'select x', '.e') ?? '', /`dim\.dim_cliente\.email`/);
    const upd = 'update dim.dim_cliente set email = lower(email) where cliente_id = 1;\n';
    assert.match(await query(upd, 'set', 'email') ?? '', /^\*\*`dim\.dim_cliente\.email`\*\*/);
    assert.match(await query(upd, 'where', 'cliente_id') ?? '', /^\*\*`dim\.dim_cliente\.cliente_id`\*\*/);
  });

  it('nothing on an alias, a keyword, a table the lineage does not know, or a statement that does not parse', async () => {
    const q = 'select c.email from dim.dim_cliente c;\n';
    assert.equal(await query(q, 'select', 'c.'), undefined, 'the alias');
    assert.equal(await query(q, '', 'select'), undefined, 'a keyword');
    assert.equal(await query('select t.email from tmp_clientes t;\n', 'select', 'email'), undefined);
    assert.equal(await query('select c.email from dim.dim_cliente c where (;\n', 'select', 'email'), undefined);
  });
});
