import { strict as assert } from 'node:assert';
import type { Engine, QueryResult } from '../../../src/core/engine/types';
import { postgresEtl } from '../../../src/core/etl/dialect/postgres';
import { qualifySchemas, sqlserverEtl } from '../../../src/core/etl/dialect/sqlserver';
import type { ColumnMeta, EtlDialect, MergeSpec } from '../../../src/core/etl/dialect/types';
import { parseEntityDefinition } from '../../../src/core/etl/definition/load';
import { extractSpecOf, historyOf, lookupsOf } from '../../../src/core/etl/run/entity';
import { choosePlan, resolvePlan, type PlanSide } from '../../../src/core/etl/run/plan';
import { PUSHDOWN_ACCEPTED, PUSHDOWN_EXTRA, pushdownDirectSql, pushdownInsertSql } from '../../../src/core/etl/run/pushdownSql';
import { compileEntity, type CompiledEntity } from '../../../src/core/etl/transform/compile';

const col = (name: string, dataType: string): ColumnMeta => ({ name, dataType, precision: null, scale: null, length: null });

function definition(scd: 'scd1' | 'scd2'): unknown {
  return {
    entity: 'dim_x',
    source: {
      table: 'core.customers',
      key: 'customer_id',
      updatedAt: 'updated_at',
      deletedAt: 'deleted_at',
      derived: [{ name: 'orders', sql: '(SELECT COUNT(*) FROM core.orders o WHERE o.customer_id = s.customer_id)' }],
    },
    target: { table: 'dim.dim_x', naturalKey: 'x_original_id', activeColumn: 'eh_ativo' },
    scd: scd === 'scd1' ? { type: 1 } : { type: 2, validFrom: 'valid_from', validTo: 'valid_to', isCurrent: 'is_current' },
    columns: [
      { source: 'customer_id', target: 'x_original_id', rule: 'direto', required: true },
      { source: 'phone', target: 'telefone', rule: 'normalizar_telefone' },
      { source: 'city', target: 'cidade', rule: 'normalizar_texto_titulo', required: true },
      { source: 'orders', target: 'pedidos', rule: 'direto' },
      { source: 'region_id', target: 'regiao_id', rule: 'buscar_dim_regiao_por_original' },
    ],
  };
}

function compiled(d: EtlDialect, scd: 'scd1' | 'scd2' = 'scd1'): CompiledEntity {
  const text = d.name === 'postgres' ? 'character varying' : 'nvarchar';
  const int = d.name === 'postgres' ? 'integer' : 'int';
  const ts = d.name === 'postgres' ? 'timestamp without time zone' : 'datetime2';
  const bool = d.name === 'postgres' ? 'boolean' : 'bit';
  const def = parseEntityDefinition(JSON.stringify(definition(scd)), 'dim_x.json');
  const source = [col('customer_id', int), col('phone', text), col('city', text), col('region_id', int), col('updated_at', ts), col('deleted_at', ts)];
  const target = [col('x_original_id', int), col('telefone', text), col('cidade', text), col('pedidos', int), col('regiao_id', int), col('eh_ativo', bool)];
  if (scd === 'scd2') target.push(col('valid_from', ts), col('valid_to', ts), col('is_current', bool));
  return compileEntity(def, source, target, d);
}

function mergeOf(entity: CompiledEntity): MergeSpec {
  const { extra, lookups } = lookupsOf(entity);
  return {
    target: entity.definition.target.table,
    stage: 'etl_stage_dim_x_push',
    naturalKey: entity.definition.target.naturalKey,
    columns: entity.targetColumns.map((c) => c.name),
    extra: [...PUSHDOWN_EXTRA, ...extra],
    filter: PUSHDOWN_ACCEPTED,
    lookups,
    ...historyOf(entity),
  };
}

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

describe('ETL pushdown SQL', () => {
  it('evaluates each rule once per row: values and reject checks in a fenced inner query, the reject reason from them', () => {
    const entity = compiled(postgresEtl);
    const sql = pushdownInsertSql(entity, postgresEtl, 'stage', postgresEtl.extractPageSql(extractSpecOf(entity, postgresEtl)));
    // normalizar_telefone's value uses the stripped text twice and its reject check once: 3, not 3 per reference.
    assert.equal(occurrences(sql, 'translate('), 3);
    // the title-case rule appears once (its value); the required check reads the value column.
    assert.equal(occurrences(sql, 'initcap('), 1);
    assert.match(sql, / OFFSET 0\) c$/);
    assert.match(sql, /WHEN c\.__r\d+ = 1 THEN 'telefone'/);
    assert.match(sql, /WHEN c\.__v2 IS NULL THEN 'cidade'/);
    assert.match(sql, /CASE WHEN c\.__deleted = 1 THEN false ELSE true END AS "eh_ativo"/);
  });

  it('on PostgreSQL merges an SCD1 page in one statement, no stage: upsert, rejects into audit.etl_reject, stats', () => {
    const entity = compiled(postgresEtl);
    const sql = pushdownDirectSql(entity, postgresEtl, mergeOf(entity), postgresEtl.extractPageSql(extractSpecOf(entity, postgresEtl)));
    assert.ok(sql !== undefined);
    assert.match(sql, /^WITH v AS MATERIALIZED \(SELECT/);
    assert.match(sql, /m AS \(INSERT INTO "dim"\."dim_x" AS t/);
    assert.match(sql, /ON CONFLICT \("x_original_id"\) DO UPDATE/);
    assert.match(sql, /LEFT JOIN "dim"\."dim_regiao" lk0/);
    assert.match(sql, /r AS \(INSERT INTO audit\.etl_reject \(run_id, entity_name, source_key, column_name, rule_name, reason\)\s+SELECT \$5, \$6/);
    assert.match(sql, /WHERE NOT \(__reject_column IS NULL\) RETURNING 1\)/);
    assert.doesNotMatch(sql, /etl_stage/);
    assert.equal(occurrences(sql, 'translate('), 3);
  });

  it('stages the page when the merge needs the stage (SCD2) or the dialect has no data-modifying CTE (T-SQL)', () => {
    const scd2 = compiled(postgresEtl, 'scd2');
    assert.equal(pushdownDirectSql(scd2, postgresEtl, mergeOf(scd2), 'SELECT 1'), undefined);
    const ms = compiled(sqlserverEtl);
    assert.equal(pushdownDirectSql(ms, sqlserverEtl, mergeOf(ms), 'SELECT 1'), undefined);
    const staged = pushdownInsertSql(ms, sqlserverEtl, 'etl_stage_dim_x_push', sqlserverEtl.extractPageSql(extractSpecOf(ms, sqlserverEtl)));
    assert.match(staged, /^INSERT INTO \[#etl_stage_dim_x_push\]/);
    assert.doesNotMatch(staged, /OFFSET/);
  });
});

describe('ETL pushdown across two SQL Server databases (three-part names)', () => {
  it('reads the source table and the derived SQL from the source database; the merge stays in the target', () => {
    const entity = compiled(sqlserverEtl);
    const extract = sqlserverEtl.extractPageSql({ ...extractSpecOf(entity, sqlserverEtl, 'ECOMMERCE_OLTP'), asSubquery: true });
    assert.match(extract, /FROM \[ECOMMERCE_OLTP\]\.\[core\]\.\[customers\] p/);
    // T-SQL refuses ORDER BY in a derived table without TOP: only the inner TOP (@p4) page orders.
    assert.match(extract, /ORDER BY p\.\[updated_at\], p\.\[customer_id\]\) s$/);
    assert.match(extract, /FROM \[ECOMMERCE_OLTP\]\.core\.orders o WHERE o\.customer_id = s\.customer_id/);
    const sql = pushdownInsertSql(entity, sqlserverEtl, 'etl_stage_dim_x_push', extract);
    assert.match(sql, /\[ECOMMERCE_OLTP\]\.\[core\]\.\[customers\]/);
    const merge = sqlserverEtl.mergeSql(mergeOf(entity));
    assert.doesNotMatch(merge, /\bMERGE\b/);
    assert.match(merge, /FROM \[dim\]\.\[dim_x\] t WITH \(UPDLOCK, HOLDLOCK\) JOIN/);
    assert.match(merge, /WHERE NOT EXISTS \(SELECT 1 FROM \[dim\]\.\[dim_x\] t WITH \(UPDLOCK, HOLDLOCK\)/);
    assert.match(merge, /LEFT JOIN \[dim\]\.\[dim_regiao\] lk0/);
    assert.doesNotMatch(merge, /ECOMMERCE_OLTP/);
  });

  it('without a source database, reads two-part names as before', () => {
    const entity = compiled(sqlserverEtl);
    const extract = sqlserverEtl.extractPageSql(extractSpecOf(entity, sqlserverEtl));
    assert.match(extract, /FROM \[core\]\.\[customers\] p/);
    assert.match(extract, /ORDER BY s\.\[updated_at\], s\.\[customer_id\]$/);
    assert.match(extract, /FROM core\.orders o/);
  });

  it('qualifies only names in the source schema, bracketed or not, and nothing already qualified', () => {
    const q = (sql: string): string => qualifySchemas(sql, 'OLTP', ['core']);
    assert.equal(q('SELECT 1 FROM core.orders o JOIN [core].[order_items] i ON 1 = 1'), 'SELECT 1 FROM [OLTP].core.orders o JOIN [OLTP].[core].[order_items] i ON 1 = 1');
    assert.equal(q('SELECT x.core.orders, score.value, dim.core_x FROM t'), 'SELECT x.core.orders, score.value, dim.core_x FROM t');
    assert.equal(q('(SELECT MAX(CORE.Orders.id) FROM Core.Orders)'), '(SELECT MAX([OLTP].CORE.Orders.id) FROM [OLTP].Core.Orders)');
    assert.equal(qualifySchemas('SELECT 1 FROM core.orders', 'O]LTP', ['core']), 'SELECT 1 FROM [O]]LTP].core.orders');
  });

  it('a PostgreSQL extract never reads another database', () => {
    const entity = compiled(postgresEtl);
    assert.throws(() => postgresEtl.extractPageSql(extractSpecOf(entity, postgresEtl, 'oltp')), /cannot read core\.customers from database oltp/);
  });
});

describe('ETL plan choice', () => {
  const ms = (database: string, over: Partial<PlanSide> = {}): PlanSide => ({
    dialect: 'sqlserver', address: 'db.local:1433', database, instance: 'SQL01', login: 'etl', ...over,
  });
  const pg = (database: string, address = '127.0.0.1:5432'): PlanSide => ({ dialect: 'postgres', address, database });

  it('pushdown for one engine, transfer when asked', () => {
    assert.deepEqual(choosePlan('auto', { sameEngine: true }), { plan: 'pushdown' });
    assert.deepEqual(choosePlan(undefined, { sameEngine: true }), { plan: 'pushdown' });
    assert.deepEqual(choosePlan('transfer', { sameEngine: true }), { plan: 'transfer' });
  });

  it('pushdown for one database reached by two connections, on either engine', () => {
    assert.deepEqual(choosePlan('auto', { sameEngine: false, source: pg('dw'), target: pg('dw') }), { plan: 'pushdown' });
    assert.deepEqual(choosePlan('auto', { sameEngine: false, source: ms('DW'), target: ms('dw'), targetReadsSource: true }), { plan: 'pushdown' });
  });

  it('pushdown with three-part names for two databases of one SQL Server instance, same login, access granted', () => {
    assert.deepEqual(
      choosePlan('auto', { sameEngine: false, source: ms('ECOMMERCE_OLTP'), target: ms('DW_ECOMMERCE'), targetReadsSource: true }),
      { plan: 'pushdown', sourceDatabase: 'ECOMMERCE_OLTP' },
    );
  });

  it('transfer when the servers, ports, logins or engines differ, or the login cannot enter the source', () => {
    const cases: [string, PlanSide, PlanSide, boolean][] = [
      ['no access', ms('OLTP'), ms('DW'), false],
      ['other login', ms('OLTP', { login: 'reader' }), ms('DW'), true],
      ['other instance', ms('OLTP', { instance: 'SQL02' }), ms('DW'), true],
      ['other port', ms('OLTP', { address: 'db.local:14330' }), ms('DW'), true],
      ['identity unknown', ms('OLTP', { instance: undefined as never }), ms('DW'), true],
      ['two PostgreSQL databases', pg('oltp'), pg('dw'), true],
      ['two PostgreSQL servers', pg('dw', '10.0.0.1:5432'), pg('dw'), true],
      ['engines differ', pg('DW', 'db.local:1433'), ms('DW'), true],
    ];
    for (const [what, source, target, targetReadsSource] of cases) {
      assert.deepEqual(choosePlan('auto', { sameEngine: false, source, target, targetReadsSource }), { plan: 'transfer' }, what);
    }
  });
});

/** An engine that answers the plan probes only. */
function fakeServer(dialect: 'sqlserver' | 'postgres', database: string, probe: { instance: string; login: string; access: readonly string[] }): Engine {
  const answer = (rows: Record<string, unknown>[]): QueryResult<never> => ({ rows: rows as never[], columns: [], rowsAffected: 0 });
  return {
    kind: dialect,
    dialect,
    serverInfo: () => Promise.resolve({ engine: dialect, product: 'fake', version: '1', database, address: 'db.local:1433' }),
    query: (sql: string, params?: readonly unknown[]) => {
      if (sql.includes('@@SERVERNAME')) return Promise.resolve(answer([{ instance: probe.instance, login: probe.login }]));
      if (sql.includes('HAS_DBACCESS')) return Promise.resolve(answer([{ ok: probe.access.includes(String(params?.[0])) ? 1 : 0 }]));
      return Promise.reject(new Error(`unexpected query ${sql}`));
    },
  } as unknown as Engine;
}

describe('ETL plan probes (resolvePlan)', () => {
  it('asks both SQL Server connections who and where they are, and the target whether it may read the source', async () => {
    const source = fakeServer('sqlserver', 'ECOMMERCE_OLTP', { instance: 'SQL01', login: 'sa', access: [] });
    const target = fakeServer('sqlserver', 'DW_ECOMMERCE', { instance: 'SQL01', login: 'sa', access: ['ECOMMERCE_OLTP'] });
    assert.deepEqual(await resolvePlan({ source, target }), { plan: 'pushdown', sourceDatabase: 'ECOMMERCE_OLTP' });
    assert.deepEqual(await resolvePlan({ source, target, plan: 'transfer' }), { plan: 'transfer' });
  });

  it('refuses a requested pushdown that cannot read the source, naming both sides', async () => {
    const source = fakeServer('sqlserver', 'ECOMMERCE_OLTP', { instance: 'SQL01', login: 'sa', access: [] });
    const target = fakeServer('sqlserver', 'DW_ECOMMERCE', { instance: 'SQL01', login: 'sa', access: [] });
    assert.deepEqual(await resolvePlan({ source, target }), { plan: 'transfer' });
    await assert.rejects(resolvePlan({ source, target, plan: 'pushdown' }), /source db\.local:1433\/ECOMMERCE_OLTP, target db\.local:1433\/DW_ECOMMERCE/);
  });

  it('asks nothing when source and target are one engine', async () => {
    const one = fakeServer('postgres', 'dw', { instance: '', login: '', access: [] });
    const silent = { ...one, serverInfo: () => Promise.reject(new Error('not asked')) } as unknown as Engine;
    assert.deepEqual(await resolvePlan({ source: silent, target: silent }), { plan: 'pushdown' });
  });
});
