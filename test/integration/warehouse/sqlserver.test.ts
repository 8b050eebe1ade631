import { strict as assert } from 'node:assert';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import { warehouseContract } from '../../../src/core/warehouse/contract';
import { declaredType } from '../../../src/core/warehouse/typeNames';
import { loadGenerated } from '../../../src/core/generate/load';
import { skipBecause } from '../../support/skip';
import { createDatabase, dropDatabase, localPostgres, throwawayName } from '../../support/throwawayDatabase';
import { bootstrapSqlServer } from '../dashboards/sqlserverFixture';
import { bootstrapWithPsql } from './scratch';
import { runWarehouseScript } from '../etl/support/sqlserver';

/**
 * The SQL Server scripts on a real SQL Server, when DW_TEST_MSSQL names one. They create the
 * users' database names (ECOMMERCE_OLTP, DW_ECOMMERCE): point it at a throw-away instance.
 */
function config(): { host: string; port: number; user: string; password: string } | undefined {
  const raw = process.env['DW_TEST_MSSQL'];
  if (raw === undefined || raw === '') return undefined;
  const parts = new Map(raw.split(';').filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()] as const));
  return { host: parts.get('host') ?? '127.0.0.1', port: Number(parts.get('port') ?? 1433), user: parts.get('user') ?? 'sa', password: parts.get('password') ?? '' };
}

/**
 * Every contract table's rows (in key order) and the catalog's objects, indexes and principals
 * by name: a second bootstrap must change none of them. Whole rows rather than CHECKSUM_AGG,
 * which Babelfish lacks; the tables hold only what the scripts insert (date dimension, unknown
 * members, control rows).
 */
async function fingerprint(engine: Engine): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const t of warehouseContract) {
    const db = t.layer === 'oltp' ? 'ECOMMERCE_OLTP' : 'DW_ECOMMERCE';
    const r = await engine.query(`SELECT * FROM ${db}.${t.schema}.${t.name} ORDER BY 1`);
    out.push(t.name, r.rows);
  }
  for (const db of ['ECOMMERCE_OLTP', 'DW_ECOMMERCE']) {
    const objects = await engine.query(`SELECT s.name AS [schema], o.name, o.type FROM ${db}.sys.objects o JOIN ${db}.sys.schemas s ON s.schema_id = o.schema_id WHERE o.is_ms_shipped = 0 ORDER BY s.name, o.name, o.type`);
    const indexes = await engine.query(`SELECT OBJECT_NAME(i.object_id, DB_ID(N'${db}')) AS [table], COUNT(*) AS n FROM ${db}.sys.indexes i JOIN ${db}.sys.objects o ON o.object_id = i.object_id WHERE o.is_ms_shipped = 0 AND i.index_id > 0 GROUP BY i.object_id ORDER BY 1`);
    const principals = await engine.query(`SELECT name, type FROM ${db}.sys.database_principals ORDER BY name`);
    out.push(db, objects.rows, indexes.rows, principals.rows);
  }
  return out;
}

describe('warehouse bootstrap on SQL Server (DW_TEST_MSSQL)', function () {
  // Two bootstraps (about 100 batches each, with the date dimension) on a busy 2-core machine.
  this.timeout(600_000);
  let engine: Engine;
  before(async function () {
    const c = config();
    if (c === undefined) skipBecause(this, 'SQL Server cannot run on this machine; set DW_TEST_MSSQL="host=..;port=..;user=sa;password=.." (a throw-away instance) to run it');
    engine = await createEngine({ engine: 'sqlserver', ...c, database: 'master', trustServerCertificate: true });
    // A fresh warehouse each run: the generator refuses an OLTP that already has rows.
    for (const db of ['ECOMMERCE_OLTP', 'DW_ECOMMERCE']) await engine.batch(`IF DB_ID(N'${db}') IS NOT NULL DROP DATABASE ${db};`);
  });
  after(async () => {
    if (engine !== undefined) await engine.close();
  });

  it('builds the warehouse, and a second run changes no data', async () => {
    await bootstrapSqlServer(engine);
    const first = await fingerprint(engine);
    await bootstrapSqlServer(engine);
    assert.deepEqual(await fingerprint(engine), first);
  });

  it('creates every contract column with its type', async () => {
    for (const t of warehouseContract) {
      const db = t.layer === 'oltp' ? 'ECOMMERCE_OLTP' : 'DW_ECOMMERCE';
      const r = await engine.query<{ name: string; type: string }>(
        `SELECT c.name, UPPER(TYPE_NAME(c.user_type_id)) + CASE
           WHEN TYPE_NAME(c.user_type_id) = 'nvarchar' THEN '(' + CASE WHEN c.max_length = -1 THEN 'MAX' ELSE CAST(c.max_length / 2 AS varchar(10)) END + ')'
           WHEN TYPE_NAME(c.user_type_id) = 'decimal' THEN '(' + CAST(c.precision AS varchar(3)) + ',' + CAST(c.scale AS varchar(3)) + ')'
           WHEN TYPE_NAME(c.user_type_id) = 'datetime2' THEN '(' + CAST(c.scale AS varchar(3)) + ')'
           ELSE '' END AS type
           FROM ${db}.sys.columns c WHERE c.object_id = OBJECT_ID(N'${db}.${t.schema}.${t.name}') ORDER BY c.column_id`);
      assert.deepEqual(r.rows.map((x) => `${x.name} ${x.type}`), t.columns.map((c) => `${c.name} ${declaredType(c.type, 'sqlserver')}`), t.name);
    }
  });

  it('links the connection audit of a warehouse bootstrapped before snapshots had a run: columns added in place, events kept, one procedure', async () => {
    const dw = await createEngine({ engine: 'sqlserver', ...(config() as NonNullable<ReturnType<typeof config>>), database: 'DW_ECOMMERCE', trustServerCertificate: true });
    try {
      const columns = async (): Promise<string[]> => (await dw.query<{ c: string }>(`SELECT c.name + ' ' + TYPE_NAME(c.user_type_id) AS c FROM sys.columns c
        WHERE c.object_id = OBJECT_ID(N'audit.connection_login_events') ORDER BY c.column_id`)).rows.map((r) => r.c);
      const fresh = await columns();
      // The connection audit as the scripts made it before: no run_id/stage, an argument-less procedure.
      for (const statement of [
        'DROP VIEW audit.vw_connection_login_events_recent',
        'DROP PROCEDURE audit.usp_capture_connection_snapshot',
        'ALTER TABLE audit.connection_login_events DROP CONSTRAINT ck_connection_login_events_stage',
        'ALTER TABLE audit.connection_login_events DROP COLUMN stage',
        'ALTER TABLE audit.connection_login_events DROP COLUMN run_id',
        `CREATE PROCEDURE audit.usp_capture_connection_snapshot AS BEGIN
           INSERT INTO audit.connection_login_events (session_id, login_name) VALUES (@@SPID, N'old procedure'); END`,
        "INSERT INTO audit.connection_login_events (session_id, login_name) VALUES (7, N'captured before')",
      ]) await dw.batch(statement);
      assert.deepEqual(fresh.slice(-2), ['run_id bigint', 'stage nvarchar']);
      assert.deepEqual(await columns(), fresh.slice(0, -2));
      await runWarehouseScript(dw, 'dw/07_connection_audit_table.sql');
      await runWarehouseScript(dw, 'dw/08_connection_audit.sql');
      assert.deepEqual(await columns(), fresh, 'the same columns a new warehouse gets, in its order');
      assert.equal((await dw.query("SELECT COUNT(*) AS n FROM audit.connection_login_events WHERE login_name = N'captured before' AND run_id IS NULL")).rows[0]?.['n'], 1);
      await dw.batch('EXEC audit.usp_capture_connection_snapshot');
      await dw.query('EXEC audit.usp_capture_connection_snapshot @run_id = @p1, @stage = @p2', [{ value: 42, type: { kind: 'bigint' } }, 'end']);
      assert.ok(Number((await dw.query("SELECT COUNT(*) AS n FROM audit.vw_connection_login_events_recent WHERE run_id = 42 AND stage = N'end'")).rows[0]?.['n']) >= 1);
      await assert.rejects(dw.query('EXEC audit.usp_capture_connection_snapshot @run_id = @p1, @stage = @p2', [{ value: 42, type: { kind: 'bigint' } }, 'middle']),
        /ck_connection_login_events_stage|CHECK constraint/i);
      await runWarehouseScript(dw, 'dw/07_connection_audit_table.sql');
      assert.deepEqual(await columns(), fresh, 'a rerun changes nothing');
    } finally {
      await dw.close();
    }
  });

  it('loads generated data over TDS bulk load and reads every DECIMAL column back exactly', async function () {
    // The same generation (scale, seed) through PostgreSQL's COPY is the independent reference.
    const c = config();
    if (c === undefined) this.skip();
    const oltp = await createEngine({ engine: 'sqlserver', ...c, database: 'ECOMMERCE_OLTP', trustServerCertificate: true });
    const pgName = throwawayName('dwb_decimal_ref');
    await createDatabase(pgName);
    const pg = await createEngine({ engine: 'postgres', ...localPostgres, database: pgName });
    try {
      bootstrapWithPsql(pgName, { skipSecurity: true });
      const options = { scale: 0.01, seed: 11 };
      const loaded = await loadGenerated(oltp, options);
      await loadGenerated(pg, options);
      let compared = 0;
      for (const t of warehouseContract.filter((x) => x.layer === 'oltp')) {
        const decimals = t.columns.filter((col) => col.type.kind === 'decimal').map((col) => col.name);
        if (decimals.length === 0 || (loaded.rows[t.name] ?? 0) === 0) continue;
        const list = [t.primaryKey, ...decimals].join(', ');
        const order = `ORDER BY ${t.primaryKey}`;
        const tds = await oltp.query(`SELECT ${list} FROM ${t.schema}.${t.name} ${order}`);
        const ref = await pg.query(`SELECT ${list} FROM ${t.schema}.${t.name} ${order}`);
        assert.equal(tds.rows.length, loaded.rows[t.name], t.name);
        assert.deepEqual(tds.rows.map((r) => decimals.map((d) => r[d])), ref.rows.map((r) => decimals.map((d) => r[d])), t.name);
        compared += tds.rows.length * decimals.length;
      }
      assert.ok(compared > 1000, `only ${compared} DECIMAL values compared`);
    } finally {
      await oltp.close();
      await pg.close();
      await dropDatabase(pgName);
    }
  });
});
