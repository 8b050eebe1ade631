import { strict as assert } from 'node:assert';
import { ETL_UNRESOLVED } from '../../../src/core/warehouse/controlTables';
import { ensureTableSql } from '../../../src/core/warehouse/ddl';
import { createEngine } from '../../../src/core/engine/factory';
import { createThrowawayDatabase, postgresConnection, type ThrowawayDatabase } from '../../support/throwawayDatabase';
import type { Engine, Queryable, QueryResult, Session, SqlParam } from '../../../src/core/engine/types';
import { postgresEtl } from '../../../src/core/etl/dialect/postgres';
import { qualifySchemas, sqlserverEtl } from '../../../src/core/etl/dialect/sqlserver';
import type { ColumnMeta, EtlDialect } from '../../../src/core/etl/dialect/types';
import { parseEntityDefinition } from '../../../src/core/etl/definition/load';
import { INITIAL_WATERMARK } from '../../../src/core/etl/run/control';
import { extractSpecOf, stageName, type EntityLoadContext } from '../../../src/core/etl/run/entity';
import { choosePlan, resolvePlan, type PlanSide } from '../../../src/core/etl/run/plan';
import { pageWriter, type PageOutcome } from '../../../src/core/etl/run/pushdown';
import { pushdownSelectSql } from '../../../src/core/etl/run/pushdownSql';
import { compileEntity, type CompiledEntity } from '../../../src/core/etl/transform/compile';

/** The entity the tests load: every kind of column the pushdown handles (rule, required, derived, lookup, soft delete). */
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
    target: { table: scd === 'scd1' ? 'dim.dim_x' : 'dim.dim_x_hist', naturalKey: 'x_original_id', activeColumn: 'eh_ativo' },
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

const SCHEMA = `
  CREATE SCHEMA core; CREATE SCHEMA dim; CREATE SCHEMA audit; CREATE SCHEMA ctl;
  CREATE TABLE core.customers (customer_id int PRIMARY KEY, phone varchar(40), city varchar(60), region_id int,
    updated_at timestamp NOT NULL, deleted_at timestamp);
  CREATE TABLE core.orders (order_id int PRIMARY KEY, customer_id int NOT NULL);
  CREATE TABLE dim.dim_regiao (regiao_id int PRIMARY KEY, regiao_original_id int UNIQUE);
  CREATE TABLE dim.dim_x (x_id serial PRIMARY KEY, x_original_id int UNIQUE NOT NULL, telefone varchar(40), cidade varchar(60),
    pedidos int, regiao_id int, eh_ativo boolean);
  CREATE TABLE dim.dim_x_hist (x_id serial PRIMARY KEY, x_original_id int NOT NULL, telefone varchar(40), cidade varchar(60),
    pedidos int, regiao_id int, eh_ativo boolean, valid_from timestamp, valid_to timestamp, is_current boolean);
  CREATE TABLE audit.etl_reject (run_id bigint, entity_name varchar(100), source_key varchar(100), column_name varchar(128),
    rule_name varchar(100), reason varchar(1000));
  INSERT INTO dim.dim_regiao VALUES (100, 10);
  INSERT INTO core.customers VALUES
    (1, '(11) 98765-4321', '  são   paulo ', 10, '2024-01-01 10:00:00', NULL),
    (2, '11 ramal 2', 'rio', 10, '2024-01-01 10:01:00', NULL),
    (3, NULL, NULL, NULL, '2024-01-01 10:02:00', NULL),
    (4, '123', 'lisboa', 99, '2024-01-01 10:03:00', '2024-01-01 10:03:00');
  INSERT INTO core.orders VALUES (1, 1), (2, 1), (3, 4);`;

const RUN_ID = 7;

/** What a page of the four customers writes, as the target's rows (ordered by natural key). */
const LOADED = [
  { x_original_id: 1, telefone: '11987654321', cidade: 'São Paulo', pedidos: 2, regiao_id: 100, eh_ativo: true },
  // Soft-deleted at the source: kept, inactive; its region is not in dim_regiao: the unknown member.
  { x_original_id: 4, telefone: '123', cidade: 'Lisboa', pedidos: 1, regiao_id: -1, eh_ativo: false },
];
const REJECTED = [
  { run_id: String(RUN_ID), entity_name: 'dim_x', source_key: '2', column_name: 'telefone', rule_name: 'normalizar_telefone', reason: "source value '11 ramal 2' breaks rule normalizar_telefone" },
  { run_id: String(RUN_ID), entity_name: 'dim_x', source_key: '3', column_name: 'cidade', rule_name: 'normalizar_texto_titulo', reason: 'required column cidade is empty' },
];

async function columnsOf(engine: Engine, table: string): Promise<ColumnMeta[]> {
  const [schema, name] = table.split('.');
  const rows = (await engine.query<Record<string, unknown>>(postgresEtl.columnsSql, [schema ?? '', name ?? ''])).rows;
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({ name: String(r['name']), dataType: String(r['data_type']), precision: num(r['precision']), scale: num(r['scale']), length: num(r['length']) }));
}

/** The entity compiled against the real tables' columns, as a run compiles it. */
async function compiledOn(engine: Engine, scd: 'scd1' | 'scd2'): Promise<CompiledEntity> {
  const def = parseEntityDefinition(JSON.stringify(definition(scd)), 'dim_x.json');
  return compileEntity(def, await columnsOf(engine, def.source.table), await columnsOf(engine, def.target.table), postgresEtl);
}

function loadContext(engine: Engine, session: Session, entity: CompiledEntity, d: EtlDialect = postgresEtl, sourceDatabase?: string): EntityLoadContext {
  return {
    source: engine, readThroughTransaction: false, session, dialect: d, sourceDialect: d, runId: RUN_ID, entity,
    from: INITIAL_WATERMARK, cutoff: '2100-01-01T00:00:00', batchSize: 100, sourceDatabase,
    signal: undefined, emit: () => undefined, beforePhase: undefined,
  };
}

/** The first page's parameters, as pushdownEntity passes them: cutoff, watermark, page size. */
const firstPage = (ctx: EntityLoadContext): SqlParam[] =>
  [ctx.cutoff, ctx.from.updatedAt, { value: ctx.from.id, type: { kind: 'bigint' } }, ctx.batchSize];

/** Writes the first page with the production page writer, in one transaction of one session. */
async function writeFirstPage(engine: Engine, entity: CompiledEntity): Promise<{ outcome: PageOutcome | undefined; staged: boolean }> {
  const session = await engine.session();
  try {
    const ctx = loadContext(engine, session, entity);
    const write = await pageWriter(ctx);
    const outcome = await session.transaction((tx) => write(tx, firstPage(ctx), () => Promise.resolve(), {}));
    const stage = await session.query<{ n: number }>(
      "SELECT CAST(count(*) AS int) AS n FROM pg_class WHERE relname = $1 AND relpersistence = 't'", [`${stageName(entity)}_push`]);
    return { outcome, staged: stage.rows[0]?.n === 1 };
  } finally {
    await session.release();
  }
}

const targetRows = async (engine: Engine, table: string, extra = ''): Promise<Record<string, unknown>[]> =>
  (await engine.query<Record<string, unknown>>(
    `SELECT x_original_id, telefone, cidade, pedidos, regiao_id, eh_ativo${extra} FROM ${table} ORDER BY x_original_id`)).rows;

const rejects = async (engine: Engine): Promise<Record<string, unknown>[]> =>
  (await engine.query<Record<string, unknown>>(
    'SELECT CAST(run_id AS text) AS run_id, entity_name, source_key, column_name, rule_name, reason FROM audit.etl_reject ORDER BY source_key')).rows;

describe('ETL pushdown on PostgreSQL: the page SQL run on the server', function () {
  this.timeout(120_000);
  let db: ThrowawayDatabase | undefined;
  let engine: Engine;
  before(async () => {
    db = await createThrowawayDatabase('dwb_pushdown');
    engine = await createEngine({ ...postgresConnection(db.name), poolMax: 2 });
    await engine.batch(SCHEMA);
    // Rows left on the unknown member are noted here in the page's transaction (late-arriving members).
    await engine.query(ensureTableSql(ETL_UNRESOLVED, 'postgres'));
  });
  after(async () => {
    await engine?.close();
    await db?.drop();
  });
  beforeEach(async () => {
    await engine.batch('TRUNCATE dim.dim_x, dim.dim_x_hist, audit.etl_reject, ctl.etl_unresolved');
  });

  it('merges an SCD1 page in one statement, no stage: rules applied, lookups resolved, soft deletes inactive, rejects audited, stats back', async () => {
    const { outcome, staged } = await writeFirstPage(engine, await compiledOn(engine, 'scd1'));
    assert.deepEqual(outcome, { extracted: 4, upserted: 2, softDeleted: 1, rejected: 2, next: { updatedAt: '2024-01-01T10:03:00.000000', id: '4' } });
    assert.equal(staged, false, 'the SCD1 page went through a stage table');
    assert.deepEqual(await targetRows(engine, 'dim.dim_x'), LOADED);
    assert.deepEqual(await rejects(engine), REJECTED);
  });

  it('updates members already loaded in place (an upsert on the natural key)', async () => {
    const entity = await compiledOn(engine, 'scd1');
    await writeFirstPage(engine, entity);
    await engine.query("UPDATE core.customers SET city = 'campinas' WHERE customer_id = 1");
    try {
      await writeFirstPage(engine, entity);
      assert.deepEqual(await targetRows(engine, 'dim.dim_x'), [{ ...LOADED[0], cidade: 'Campinas' }, LOADED[1]]);
    } finally {
      await engine.query("UPDATE core.customers SET city = '  são   paulo ' WHERE customer_id = 1");
    }
  });

  it('stages an SCD2 page and writes a current version per member, with the same rejects', async () => {
    const { outcome, staged } = await writeFirstPage(engine, await compiledOn(engine, 'scd2'));
    assert.equal(staged, true, 'the SCD2 page was not staged');
    assert.deepEqual(outcome, { extracted: 4, upserted: 2, softDeleted: 1, rejected: 2, next: { updatedAt: '2024-01-01T10:03:00.000000', id: '4' } });
    assert.deepEqual(await targetRows(engine, 'dim.dim_x_hist', ', valid_to, is_current'), LOADED.map((r) => ({ ...r, valid_to: null, is_current: true })));
    assert.deepEqual(await rejects(engine), REJECTED);
  });

  it('evaluates each rule once per row: the server\'s plan computes every rule\'s expression once', async () => {
    const entity = await compiledOn(engine, 'scd1');
    const session = await engine.session();
    try {
      const ctx = loadContext(engine, session, entity);
      const select = pushdownSelectSql(entity, postgresEtl, postgresEtl.extractPageSql({ ...extractSpecOf(entity, postgresEtl), asSubquery: true }));
      const plan = (await session.query<{ 'QUERY PLAN': string }>(`EXPLAIN (VERBOSE, COSTS OFF) ${select}`, firstPage(ctx))).rows.map((r) => r['QUERY PLAN']).join('\n');
      // normalizar_telefone strips the separators (translate) for its value (twice) and its reject check (once).
      assert.equal(plan.split('translate(').length - 1, 3, plan);
      assert.equal(plan.split('initcap(').length - 1, 1, plan);
    } finally {
      await session.release();
    }
  });

  it('a PostgreSQL extract never reads another database', async () => {
    const entity = await compiledOn(engine, 'scd1');
    assert.throws(() => postgresEtl.extractPageSql(extractSpecOf(entity, postgresEtl, 'oltp')), /cannot read core\.customers from database oltp/);
  });
});

/** A T-SQL session that records what it is sent and answers the page's stats query with one row. */
function recordingSession(sent: string[]): Session {
  const answer = (sql: string): QueryResult<never> => ({
    rows: (sql.includes('AS extracted') ? [{ extracted: 1, soft_deleted: 0, rejected: 0, wm_ts: '2024-01-01T00:00:00', wm_id: '1' }] : []) as never[],
    columns: [],
    rowsAffected: 0,
  });
  const query = (sql: string): Promise<QueryResult<never>> => {
    sent.push(sql);
    return Promise.resolve(answer(sql));
  };
  return { query, transaction: (work: (tx: Queryable) => Promise<unknown>) => work({ query } as unknown as Queryable) } as unknown as Session;
}

describe('ETL pushdown across two SQL Server databases (three-part names), as the page writer sends it', () => {
  async function sentFor(sourceDatabase: string | undefined): Promise<string[]> {
    const entity = compiledMs();
    const sent: string[] = [];
    const session = recordingSession(sent);
    const ctx = loadContext({} as Engine, session, entity, sqlserverEtl, sourceDatabase);
    const write = await pageWriter(ctx);
    await session.transaction((tx) => write(tx, firstPage(ctx), () => Promise.resolve(), {}));
    return sent;
  }

  it('reads the source table and the derived SQL from the source database; the merge stays in the target', async () => {
    const sent = await sentFor('ECOMMERCE_OLTP');
    const insert = sent.find((s) => /^INSERT INTO \[#etl_stage_dim_x_[0-9a-f]{8}_push\]/.test(s));
    assert.ok(insert, `no stage insert in ${JSON.stringify(sent)}`);
    assert.match(insert, /FROM \[ECOMMERCE_OLTP\]\.\[core\]\.\[customers\] p/);
    assert.match(insert, /FROM \[ECOMMERCE_OLTP\]\.core\.orders o WHERE o\.customer_id = s\.customer_id/);
    // No MERGE (Babelfish has none; SQL Server's experts advise against it): UPDATE…FROM then INSERT…WHERE NOT EXISTS.
    for (const s of sent) assert.doesNotMatch(s, /\bMERGE\b/);
    const merge = sent.find((s) => s.includes('FROM [dim].[dim_x] t WITH (UPDLOCK, HOLDLOCK) JOIN'));
    assert.ok(merge, `no upsert into [dim].[dim_x] in ${JSON.stringify(sent)}`);
    assert.match(merge, /WHERE NOT EXISTS \(SELECT 1 FROM \[dim\]\.\[dim_x\] t WITH \(UPDLOCK, HOLDLOCK\)/);
    assert.match(merge, /LEFT JOIN \[dim\]\.\[dim_regiao\] lk0/);
    for (const s of sent.filter((x) => x !== insert)) assert.doesNotMatch(s, /ECOMMERCE_OLTP/);
  });

  it('without a source database, reads two-part names', async () => {
    const insert = (await sentFor(undefined)).find((s) => /^INSERT INTO \[#etl_stage_dim_x_[0-9a-f]{8}_push\]/.test(s)) ?? '';
    assert.match(insert, /FROM \[core\]\.\[customers\] p/);
    assert.match(insert, /FROM core\.orders o/);
    assert.doesNotMatch(insert, /OFFSET/);
  });

  it('qualifies only names in the source schema, bracketed or not, and nothing already qualified', () => {
    const q = (sql: string): string => qualifySchemas(sql, 'OLTP', ['core']);
    assert.equal(q('SELECT 1 FROM core.orders o JOIN [core].[order_items] i ON 1 = 1'), 'SELECT 1 FROM [OLTP].core.orders o JOIN [OLTP].[core].[order_items] i ON 1 = 1');
    assert.equal(q('SELECT x.core.orders, score.value, dim.core_x FROM t'), 'SELECT x.core.orders, score.value, dim.core_x FROM t');
    assert.equal(q('(SELECT MAX(CORE.Orders.id) FROM Core.Orders)'), '(SELECT MAX([OLTP].CORE.Orders.id) FROM [OLTP].Core.Orders)');
    assert.equal(qualifySchemas('SELECT 1 FROM core.orders', 'O]LTP', ['core']), 'SELECT 1 FROM [O]]LTP].core.orders');
  });
});

/** The T-SQL entity, compiled against the columns SQL Server's catalogue would report. */
function compiledMs(): CompiledEntity {
  const col = (name: string, dataType: string): ColumnMeta => ({ name, dataType, precision: null, scale: null, length: null });
  const def = parseEntityDefinition(JSON.stringify(definition('scd1')), 'dim_x.json');
  const source = [col('customer_id', 'int'), col('phone', 'nvarchar'), col('city', 'nvarchar'), col('region_id', 'int'), col('updated_at', 'datetime2'), col('deleted_at', 'datetime2')];
  const target = [col('x_original_id', 'int'), col('telefone', 'nvarchar'), col('cidade', 'nvarchar'), col('pedidos', 'int'), col('regiao_id', 'int'), col('eh_ativo', 'bit')];
  return compileEntity(def, source, target, sqlserverEtl);
}

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
