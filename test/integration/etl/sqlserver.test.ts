import { strict as assert } from 'node:assert';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine, QueryResult } from '../../../src/core/engine/types';
import type { EtlEvent } from '../../../src/core/etl/run/events';
import { runEtl } from '../../../src/core/etl/run/run';
import { DEFINITIONS } from './support/run';
import { RULES } from '../../../src/core/etl/rules/catalogue';
import { valueText } from '../../../src/core/etl/rules/text';
import type { RuleSql } from '../../../src/core/etl/rules/types';
import { skipBecause } from '../../support/skip';
import { bootstrapTwoDatabases, mssqlConfig } from './support/sqlserver';

const config = mssqlConfig;

const TEXT = [null, '', ' Ana.Silva@Example.COM ', '  SÃO   paulo ', 'rio de janeiro', 'sp', 'XX', 'BR', 'brazil', 'Portugal',
  '(11) 98765-4321', '123.456.789-09', '01310-100', '11 ramal 2', 'vip', 'Z', 'ativo', '700', ' 1200 ', 'alto'];
const INTEGERS = [null, 0, 1, 2, -5, 512, 1200];

describe('ETL rules: the TypeScript and T-SQL forms agree (SQL Server, DW_TEST_MSSQL)', () => {
  let db: Engine;
  before(async function () {
    const c = config();
    if (c === undefined) skipBecause(this, 'SQL Server cannot run on this machine; set DW_TEST_MSSQL="host=..;port=..;user=sa;password=.." to run it');
    db = await createEngine({ engine: 'sqlserver', ...c, database: 'master', trustServerCertificate: true });
  });
  after(async () => {
    if (db !== undefined) await db.close();
  });

  for (const rule of RULES.values()) {
    if (rule.kind !== 'scalar') continue;
    it(rule.name, async () => {
      const inputs: [readonly unknown[], string][] = [];
      if (rule.accepts.includes('text')) inputs.push([TEXT, 'nvarchar(200)']);
      if (rule.accepts.includes('integer') || rule.accepts.includes('boolean')) inputs.push([INTEGERS, 'int']);
      for (const [values, sqlType] of inputs) {
        for (const input of values) {
          const ts = rule.apply(input);
          const sql: RuleSql = rule.sql.sqlserver(`CAST(@p1 AS ${sqlType})`);
          const rejects = sql.rejects ?? '1 = 0';
          const r: QueryResult<{ v: unknown; rejected: number }> = await db.query(
            `SELECT CASE WHEN ${rejects} THEN NULL ELSE CAST(${sql.value} AS nvarchar(400)) END AS v, CASE WHEN ${rejects} THEN 1 ELSE 0 END AS rejected`,
            [input === null ? null : valueText(input)],
          );
          const what: string = `${rule.name}(${JSON.stringify(input)} as ${sqlType})`;
          assert.equal(r.rows[0]?.rejected === 1, !ts.ok, what);
          const expected: string | null = ts.ok ? (typeof ts.value === 'boolean' ? (ts.value ? '1' : '0') : ts.value === null ? null : valueText(ts.value)) : null;
          if (ts.ok) assert.equal(r.rows[0]?.v ?? null, expected, what);
        }
      }
    });
  }
});

describe('ETL pushdown across two databases of one SQL Server instance (DW_TEST_MSSQL)', function () {
  this.timeout(300_000);
  let oltp: Engine;
  let dw: Engine;
  before(async function () {
    const c = config();
    if (c === undefined) skipBecause(this, 'SQL Server cannot run on this machine; set DW_TEST_MSSQL="host=..;port=..;user=sa;password=.." (a throw-away instance) to run it');
    const master = await createEngine({ engine: 'sqlserver', ...c, database: 'master', trustServerCertificate: true });
    try {
      await bootstrapTwoDatabases(master);
    } finally {
      await master.close();
    }
    oltp = await createEngine({ engine: 'sqlserver', ...c, database: 'ECOMMERCE_OLTP', trustServerCertificate: true });
    dw = await createEngine({ engine: 'sqlserver', ...c, database: 'DW_ECOMMERCE', trustServerCertificate: true });
    // Earlier suites may have loaded generated data: children first (discounts of items, items, orders).
    await oltp.batch(`DELETE FROM core.order_item_discounts; DELETE FROM core.order_items; DELETE FROM core.orders; DELETE FROM core.customers;
      INSERT INTO core.customers (customer_code, full_name, email, phone, document_number, customer_type, segment, credit_score,
          city, state, country, zip_code, is_active, updated_at, deleted_at)
        SELECT CONCAT(N'T', n), CONCAT(N'Cliente ', n), CONCAT(N' Cliente', n, N'@Mail.COM '), N'(11) 98888-0000', N'123.456.789-09',
          N'VIP', N'Pessoa Fisica', 700, N'  SAO   paulo ', N'SP', N'BR', N'01310-100', 1,
          DATEADD(second, n, CAST('2024-03-01' AS datetime2(0))), CASE WHEN n % 10 = 0 THEN CAST('2024-04-01' AS datetime2(0)) END
        FROM (SELECT TOP (250) ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) AS n FROM sys.all_objects) g;`);
    await dw.batch(`DELETE FROM fact.fact_descontos; DELETE FROM fact.fact_vendas; DELETE FROM dim.dim_cliente WHERE cliente_id > 0;
      UPDATE ctl.etl_control SET watermark_updated_at = '1900-01-01', watermark_id = 0, batch_size = 100, cutoff_minutes = 0
        WHERE entity_name = 'dim_cliente';`);
  });
  after(async () => {
    await oltp?.close();
    await dw?.close();
  });

  async function load(plan: 'auto' | 'transfer'): Promise<{ events: EtlEvent[]; rows: unknown[] }> {
    await dw.batch(`DELETE FROM fact.fact_descontos; DELETE FROM fact.fact_vendas; DELETE FROM dim.dim_cliente WHERE cliente_id > 0;
      UPDATE ctl.etl_control SET watermark_updated_at = '1900-01-01', watermark_id = 0 WHERE entity_name = 'dim_cliente';`);
    const events: EtlEvent[] = [];
    const result = await runEtl({ source: oltp, target: dw, definitions: DEFINITIONS, entities: ['dim_cliente'], plan, startedBy: 'test', onEvent: (e) => events.push(e) });
    assert.equal(result.status, 'success', JSON.stringify(result));
    const r = await dw.query(`SELECT cliente_original_id, nome_cliente, email, telefone, cpf_cnpj, cidade, estado, pais, cep, eh_ativo,
        total_compras_historico FROM dim.dim_cliente WHERE cliente_id > 0 ORDER BY cliente_original_id`);
    return { events, rows: r.rows };
  }

  it('reads the source through [ECOMMERCE_OLTP].[core].[customers] and loads what the transfer plan loads', async () => {
    const pushed = await load('auto');
    const start = pushed.events.find((e) => e.type === 'entity-start');
    assert.ok(start?.type === 'entity-start');
    assert.equal(start.plan, 'pushdown');
    // Babelfish gives database names lower-cased, SQL Server as created; both compare them case-insensitively.
    assert.equal(start.sourceDatabase?.toUpperCase(), 'ECOMMERCE_OLTP');
    assert.equal(pushed.rows.length, 250);
    assert.equal(pushed.events.filter((e) => e.type === 'batch').length, 3);
    const moved = await load('transfer');
    const moveStart = moved.events.find((e) => e.type === 'entity-start');
    assert.ok(moveStart?.type === 'entity-start' && moveStart.plan === 'transfer');
    assert.deepEqual(pushed.rows, moved.rows);
  });

  it('the transfer\'s upsert inserts the missing members, updates the changed ones and leaves the rest, counted exactly', async () => {
    const loaded = await load('transfer');
    assert.equal(loaded.rows.length, 250);
    // In the warehouse only: 7 members gone, 5 with another e-mail; a full reload stages all 250 again.
    await dw.batch(`DELETE FROM dim.dim_cliente WHERE cliente_id > 0 AND cliente_original_id IN
        (SELECT TOP (7) cliente_original_id FROM dim.dim_cliente WHERE cliente_id > 0 ORDER BY cliente_original_id DESC);
      UPDATE dim.dim_cliente SET email = N'changed@example.com' WHERE cliente_id > 0 AND cliente_original_id IN
        (SELECT TOP (5) cliente_original_id FROM dim.dim_cliente WHERE cliente_id > 0 ORDER BY cliente_original_id);`);
    const events: EtlEvent[] = [];
    const result = await runEtl({ source: oltp, target: dw, definitions: DEFINITIONS, entities: ['dim_cliente'], plan: 'transfer', full: true, startedBy: 'test', onEvent: (e) => events.push(e) });
    assert.equal(result.status, 'success', JSON.stringify(result));
    assert.equal(result.entities[0]?.counts.upserted, 12, JSON.stringify(result.entities));
    const batches = events.flatMap((e) => (e.type === 'batch' ? [e.upserted] : []));
    assert.equal(batches.length, 3);
    assert.equal(batches.reduce((a, b) => a + b, 0), 12);
    const again = await dw.query(`SELECT cliente_original_id, nome_cliente, email, telefone, cpf_cnpj, cidade, estado, pais, cep, eh_ativo,
        total_compras_historico FROM dim.dim_cliente WHERE cliente_id > 0 ORDER BY cliente_original_id`);
    assert.deepEqual(again.rows, loaded.rows);
  });
});
