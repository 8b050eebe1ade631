import { strict as assert } from 'node:assert';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import type { EtlEvent, EtlPhase } from '../../../src/core/etl/run/events';
import { INTERRUPTED_MESSAGE } from '../../../src/core/etl/run/audit';
import { runEtl, type EtlRunOptions, type EtlRunResult } from '../../../src/core/etl/run/run';
import { skipBecause } from '../../support/skip';
import { DEFINITIONS, TestClock } from './support/run';
import { NO_MSSQL, freshSqlServerWarehouse, mssqlConfig, openMssql, runWarehouseScript, type SqlServerWarehouse } from './support/sqlserver';

const OLTP = '[ECOMMERCE_OLTP]';
const ALL = DEFINITIONS.map((d) => d.entity);

/**
 * Independent T-SQL over the OLTP (read from the warehouse through three-part names): for each
 * entity the target rows that no source row explains and the source rows the target lacks,
 * plus the values that must follow the source exactly. Zero everywhere when the load is right.
 */
const CHECKS: readonly [string, string][] = [
  ['dim_cliente members', `SELECT
      (SELECT COUNT(*) FROM (SELECT customer_id FROM ${OLTP}.core.customers EXCEPT SELECT cliente_original_id FROM dim.dim_cliente) a) +
      (SELECT COUNT(*) FROM (SELECT cliente_original_id FROM dim.dim_cliente WHERE cliente_original_id > 0 EXCEPT SELECT customer_id FROM ${OLTP}.core.customers) b) AS n`],
  ['dim_cliente active flag and e-mail', `SELECT COUNT(*) AS n FROM dim.dim_cliente d JOIN ${OLTP}.core.customers c ON c.customer_id = d.cliente_original_id
      WHERE d.eh_ativo <> CASE WHEN c.is_active = 1 AND c.deleted_at IS NULL THEN 1 ELSE 0 END
         OR ISNULL(d.email, N'') <> ISNULL(LOWER(LTRIM(RTRIM(c.email))), N'')`],
  ['dim_cliente purchase history', `SELECT COUNT(*) AS n FROM dim.dim_cliente d JOIN ${OLTP}.core.customers c ON c.customer_id = d.cliente_original_id
      OUTER APPLY (SELECT COUNT(DISTINCT o.order_id) AS pedidos, SUM(i.net_amount) AS liquido FROM ${OLTP}.core.orders o
        LEFT JOIN ${OLTP}.core.order_items i ON i.order_id = o.order_id AND i.deleted_at IS NULL
        WHERE o.customer_id = c.customer_id AND o.deleted_at IS NULL) a
      WHERE d.total_compras_historico <> a.pedidos OR d.valor_total_gasto_historico <> ISNULL(a.liquido, 0)`],
  ...([
    ['dim_desconto', 'dim.dim_desconto', 'desconto_original_id', 'core.discount_campaigns', 'discount_id', 'eh_ativo'],
    ['dim_equipe', 'dim.dim_equipe', 'equipe_original_id', 'core.teams', 'team_id', 'eh_ativa'],
    ['dim_regiao', 'dim.dim_regiao', 'regiao_original_id', 'core.regions', 'region_id', 'eh_ativo'],
    ['dim_vendedor', 'dim.dim_vendedor', 'vendedor_original_id', 'core.sellers', 'seller_id', 'eh_ativo'],
  ] as const).map(([entity, target, nk, source, key, active]): [string, string] => [`${entity} members and soft deletes`, `SELECT
      (SELECT COUNT(*) FROM (SELECT ${key} FROM ${OLTP}.${source} EXCEPT SELECT ${nk} FROM ${target}) a) +
      (SELECT COUNT(*) FROM (SELECT ${nk} FROM ${target} WHERE ${nk} > 0 EXCEPT SELECT ${key} FROM ${OLTP}.${source}) b) +
      (SELECT COUNT(*) FROM ${target} t JOIN ${OLTP}.${source} s ON s.${key} = t.${nk} WHERE s.deleted_at IS NOT NULL AND t.${active} = 1) AS n`]),
  ['dim_produto members and supplier names', `SELECT
      (SELECT COUNT(*) FROM (SELECT product_id FROM ${OLTP}.core.products EXCEPT SELECT produto_original_id FROM dim.dim_produto) a) +
      (SELECT COUNT(*) FROM (SELECT produto_original_id FROM dim.dim_produto WHERE produto_original_id > 0 EXCEPT SELECT product_id FROM ${OLTP}.core.products) b) +
      (SELECT COUNT(*) FROM dim.dim_produto d JOIN ${OLTP}.core.products p ON p.product_id = d.produto_original_id
        JOIN ${OLTP}.core.suppliers s ON s.supplier_id = p.supplier_id WHERE d.nome_fornecedor <> LTRIM(RTRIM(s.supplier_name))) AS n`],
  ['fact_vendas: one row per live item, amounts to the cent, keys of its order', `SELECT
      (SELECT COUNT(*) FROM (SELECT i.order_item_id, i.net_amount, i.gross_amount, i.quantity, o.order_number FROM ${OLTP}.core.order_items i
          JOIN ${OLTP}.core.orders o ON o.order_id = i.order_id WHERE i.deleted_at IS NULL
        EXCEPT SELECT item_pedido_original_id, valor_total_liquido, valor_total_bruto, quantidade_vendida, numero_pedido FROM fact.fact_vendas) a) +
      (SELECT COUNT(*) FROM (SELECT item_pedido_original_id FROM fact.fact_vendas
        EXCEPT SELECT order_item_id FROM ${OLTP}.core.order_items WHERE deleted_at IS NULL) b) +
      (SELECT COUNT(*) FROM fact.fact_vendas v JOIN ${OLTP}.core.order_items i ON i.order_item_id = v.item_pedido_original_id
        JOIN ${OLTP}.core.orders o ON o.order_id = i.order_id LEFT JOIN dim.dim_cliente c ON c.cliente_original_id = o.customer_id
        WHERE v.cliente_id <> ISNULL(c.cliente_id, -1)) AS n`],
  ['fact_vendas net total', `SELECT (SELECT SUM(net_amount) FROM ${OLTP}.core.order_items WHERE deleted_at IS NULL) - (SELECT SUM(valor_total_liquido) FROM fact.fact_vendas) AS n`],
  ['fact_descontos: one row per live discount of a live item, on its sale', `SELECT
      (SELECT COUNT(*) FROM (SELECT d.order_item_discount_id, d.order_item_id FROM ${OLTP}.core.order_item_discounts d
          JOIN ${OLTP}.core.order_items i ON i.order_item_id = d.order_item_id WHERE d.deleted_at IS NULL AND i.deleted_at IS NULL
        EXCEPT SELECT x.desconto_aplicado_original_id, v.item_pedido_original_id FROM fact.fact_descontos x JOIN fact.fact_vendas v ON v.venda_id = x.venda_id) a) +
      (SELECT COUNT(*) FROM (SELECT x.desconto_aplicado_original_id FROM fact.fact_descontos x
        EXCEPT SELECT d.order_item_discount_id FROM ${OLTP}.core.order_item_discounts d JOIN ${OLTP}.core.order_items i ON i.order_item_id = d.order_item_id
          WHERE d.deleted_at IS NULL AND i.deleted_at IS NULL) b) AS n`],
  ['fact_metas: one row per target, amounts and percentage', `SELECT
      (SELECT COUNT(*) FROM (SELECT seller_target_id, target_amount, realized_amount,
          CAST(CASE WHEN target_amount = 0 THEN 0 ELSE ROUND(realized_amount * 100 / target_amount, 2) END AS decimal(9,2)) AS pct
          FROM ${OLTP}.core.seller_targets_monthly
        EXCEPT SELECT meta_original_id, valor_meta, valor_realizado, percentual_atingido FROM fact.fact_metas) a) +
      (SELECT COUNT(*) FROM (SELECT meta_original_id FROM fact.fact_metas EXCEPT SELECT seller_target_id FROM ${OLTP}.core.seller_targets_monthly) b) AS n`],
];

async function n(db: Engine, sql: string, params: readonly unknown[] = []): Promise<number> {
  return Number((await db.query<{ n: unknown }>(sql, params as never)).rows[0]?.n ?? 0);
}

/** The checks whose names start with one of `only` (every check without it) that find differences. */
async function differences(dw: Engine, only?: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, sql] of CHECKS.filter(([c]) => only === undefined || only.some((o) => c.startsWith(o)))) {
    const d = await n(dw, sql);
    if (d !== 0) out[name] = d;
  }
  return out;
}

const failures = (r: EtlRunResult): string[] => r.entities.filter((e) => e.status !== 'success').map((e) => `${e.entity}: ${e.error ?? e.status}`);

describe('ETL on SQL Server: the shipped entities from ECOMMERCE_OLTP into DW_ECOMMERCE (DW_TEST_MSSQL)', function () {
  this.timeout(1_800_000);
  let wh: SqlServerWarehouse;
  let oltp: Engine;
  let dw: Engine;
  /** The runs' cutoff clock: changes are stamped after the last run's cutoff without waiting for the wall clock. */
  let clock: TestClock;
  const etl = (o: Partial<EtlRunOptions> = {}): Promise<EtlRunResult> =>
    runEtl({ source: oltp, target: dw, definitions: DEFINITIONS, entities: ALL, startedBy: 'test', now: clock.now, ...o }).finally(() => clock.advance());

  before(async function () {
    const c = mssqlConfig();
    if (c === undefined) skipBecause(this, NO_MSSQL);
    wh = await freshSqlServerWarehouse(c, { scale: 0.01, seed: 7, batchSize: 300 });
    oltp = wh.oltp;
    dw = wh.dw;
    clock = new TestClock();
  });
  after(async () => {
    await wh?.close();
  });

  it('loads all nine entities through three-part names (pushdown), equal to independent T-SQL over the OLTP', async () => {
    const events: EtlEvent[] = [];
    const r = await etl({ onEvent: (e) => events.push(e) });
    assert.deepEqual(failures(r), []);
    const starts = events.filter((e) => e.type === 'entity-start');
    assert.equal(starts.length, 9);
    for (const s of starts) {
      assert.ok(s.type === 'entity-start' && s.plan === 'pushdown', JSON.stringify(s));
      // Babelfish gives database names lower-cased; SQL Server as created. Names are case-insensitive on both.
      assert.equal(s.sourceDatabase?.toUpperCase(), 'ECOMMERCE_OLTP');
    }
    assert.ok((r.entities.find((e) => e.entity === 'fact_vendas')?.counts.batches ?? 0) > 1, 'fact_vendas spans several batches');
    assert.deepEqual(await differences(dw), {});
  });

  it('computes in the transfer plan what the pushdown wrote: a full reload changes no row', async () => {
    const r = await etl({ plan: 'transfer', full: true });
    assert.deepEqual(failures(r), []);
    for (const e of r.entities) {
      assert.ok(e.counts.extracted > 0, `${e.entity} extracted rows`);
      assert.equal(e.counts.upserted, 0, `${e.entity}: the transfer rewrote ${e.counts.upserted} rows the pushdown loaded`);
    }
    assert.deepEqual(await differences(dw), {});
  });

  for (const plan of ['pushdown', 'transfer'] as const) {
    it(`${plan}: an incremental run takes updates, inserts and soft deletes, and only those`, async () => {
      await oltp.batch(`DECLARE @at datetime2(0) = ${clock.stampTsql()};
        UPDATE core.customers SET email = UPPER(email), updated_at = @at WHERE customer_id % 7 = ${plan === 'pushdown' ? 0 : 1};
        UPDATE core.customers SET deleted_at = @at, updated_at = @at WHERE customer_id % 11 = ${plan === 'pushdown' ? 0 : 1};
        UPDATE core.order_items SET deleted_at = @at, updated_at = @at WHERE order_item_id % 13 = ${plan === 'pushdown' ? 0 : 1};
        UPDATE core.discount_campaigns SET deleted_at = @at, updated_at = @at WHERE discount_id = ${plan === 'pushdown' ? 1 : 2};`);
      const changed = await n(oltp, `SELECT COUNT(*) AS n FROM core.customers WHERE updated_at = ${clock.stampTsql()}`);
      const r = await etl({ plan });
      assert.deepEqual(failures(r), []);
      // Besides the changed customers, the owners of the soft-deleted items (dim_cliente's triggers).
      assert.ok((r.entities.find((e) => e.entity === 'dim_cliente')?.counts.extracted ?? 0) >= changed);
      assert.ok((r.entities.find((e) => e.entity === 'fact_vendas')?.counts.softDeleted ?? 0) > 0, 'items soft-deleted');
      assert.deepEqual(await differences(dw), {});
    });
  }

  it('re-loads the members a trigger table points at: a supplier renamed reaches its products', async () => {
    const supplier = await n(oltp, 'SELECT TOP 1 supplier_id AS n FROM core.products ORDER BY product_id');
    await oltp.query(`UPDATE core.suppliers SET supplier_name = CONCAT(N'Fornecedor Renomeado ', supplier_id), updated_at = ${clock.stampTsql()}
      WHERE supplier_id = @p1`, [supplier]);
    const r = await etl({ entities: ['dim_produto'] });
    assert.deepEqual(failures(r), []);
    assert.ok(await n(dw, `SELECT COUNT(*) AS n FROM dim.dim_produto WHERE nome_fornecedor = CONCAT(N'Fornecedor Renomeado ', @p1)`, [supplier]) > 0);
    assert.deepEqual(await differences(dw), {});
  });

  for (const plan of ['pushdown', 'transfer'] as const) {
    it(`${plan}: an order moved to another customer refreshes both customers' purchase history (the orders trigger remembers); an item of it moved later too`, async () => {
      const order = await n(oltp, `SELECT TOP 1 o.order_id AS n FROM core.orders o WHERE o.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM core.order_items i WHERE i.order_id = o.order_id AND i.deleted_at IS NULL)
          AND EXISTS (SELECT 1 FROM core.customers c WHERE c.customer_id = o.customer_id AND c.deleted_at IS NULL)
        ORDER BY o.order_id ${plan === 'pushdown' ? 'ASC' : 'DESC'}`);
      const to = await n(oltp, `SELECT MAX(customer_id) AS n FROM core.customers WHERE deleted_at IS NULL
        AND customer_id <> (SELECT customer_id FROM core.orders WHERE order_id = @p1)`, [order]);
      await oltp.query(`UPDATE core.orders SET customer_id = @p1, updated_at = ${clock.stampTsql()} WHERE order_id = @p2`, [to, order]);
      const history = CHECKS.find(([name]) => name === 'dim_cliente purchase history')?.[1] ?? '';
      assert.equal(await n(dw, history), 2, 'the move changes both customers');
      const r = await etl({ plan });
      assert.deepEqual(failures(r), []);
      assert.deepEqual(await differences(dw), {});
      // One of its items moves to another customer's order: its own row last named the customer
      // the order left; the customer the order moved to counted it and must follow.
      const item = await n(oltp, 'SELECT MAX(order_item_id) AS n FROM core.order_items WHERE order_id = @p1 AND deleted_at IS NULL', [order]);
      const other = await n(oltp, `SELECT MIN(order_id) AS n FROM core.orders WHERE deleted_at IS NULL
        AND customer_id NOT IN (@p1, (SELECT customer_id FROM core.orders WHERE order_id = @p2))`, [to, order]);
      await oltp.query(`UPDATE core.order_items SET order_id = @p1, updated_at = ${clock.stampTsql()} WHERE order_item_id = @p2`, [other, item]);
      assert.deepEqual(failures(await etl({ plan })), []);
      assert.deepEqual(await differences(dw), {});
    });
  }

  for (const plan of ['pushdown', 'transfer'] as const) {
    it(`${plan}: rejects a row that breaks a rule into audit.etl_reject and loads the rest`, async () => {
      const id = plan === 'pushdown' ? 1 : 2;
      await oltp.query(`UPDATE core.customers SET phone = N'ramal abc', updated_at = ${clock.stampTsql()} WHERE customer_id = @p1`, [id]);
      const r = await etl({ plan, entities: ['dim_cliente'] });
      const e = r.entities[0];
      // A rejected row makes the entity 'partial': loaded, with rows to look at in audit.etl_reject.
      assert.equal(e?.status, 'partial', JSON.stringify(e));
      assert.ok((e?.counts.rejected ?? 0) >= 1, 'the broken row is rejected');
      assert.equal(await n(dw, `SELECT COUNT(*) AS n FROM audit.etl_reject WHERE run_id = @p1 AND entity_name = 'dim_cliente' AND source_key = @p2
        AND column_name = 'telefone' AND rule_name = 'normalizar_telefone'`, [r.runId, String(id)]), 1);
      assert.equal(await n(dw, 'SELECT COUNT(*) AS n FROM dim.dim_cliente WHERE cliente_original_id = @p1 AND telefone IS NULL', [id]), 0);
      await oltp.query(`UPDATE core.customers SET phone = N'(11) 98888-0000', updated_at = ${clock.stampTsql()} WHERE customer_id = @p1`, [id]);
      assert.deepEqual(failures(await etl({ plan, entities: ['dim_cliente'] })), []);
    });
  }

  it('refuses an entity whose sp_getapplock another session holds, and loads it once released', async () => {
    const holder = await dw.session();
    try {
      await holder.withLock('dwb.etl.entity.dim_regiao', { timeoutMs: 0 }, async () => {
        const r = await etl({ entities: ['dim_regiao'] });
        assert.equal(r.entities[0]?.status, 'failed');
        assert.match(r.entities[0]?.error ?? '', /being loaded by another run/);
      });
    } finally {
      await holder.release();
    }
    assert.deepEqual(failures(await etl({ entities: ['dim_regiao'] })), []);
  });

  it('closes a run a crashed process left running (nobody holds its lock) before it starts', async () => {
    const id = Number((await dw.query<{ id: unknown }>(`INSERT INTO audit.etl_run (entities_requested, started_by, started_at, status, entities_succeeded, entities_failed)
      OUTPUT INSERTED.run_id AS id VALUES (N'dim_regiao', N'crashed', SYSUTCDATETIME(), 'running', 0, 0)`)).rows[0]?.id);
    assert.deepEqual(failures(await etl({ entities: ['dim_regiao'] })), []);
    const row = (await dw.query<{ status: string; error_message: string }>('SELECT status, error_message FROM audit.etl_run WHERE run_id = @p1', [id])).rows[0];
    assert.deepEqual(row, { status: 'failed', error_message: INTERRUPTED_MESSAGE });
  });

  it('cancels a run mid-batch: nothing of the batch is kept, the next run completes it', async () => {
    await oltp.batch(`UPDATE core.order_items SET updated_at = ${clock.stampTsql()} WHERE order_item_id % 3 = 0`);
    const abort = new AbortController();
    const r = await etl({
      entities: ['fact_vendas'],
      signal: abort.signal,
      beforePhase: (p, info) => {
        if (p === 'merge' && info.batch === 1) abort.abort();
        return Promise.resolve();
      },
    });
    assert.notEqual(r.entities[0]?.status, 'success');
    assert.equal(await n(dw, `SELECT COUNT(*) AS n FROM audit.etl_run WHERE status = 'running'`), 0);
    assert.deepEqual(failures(await etl()), []);
    assert.deepEqual(await differences(dw), {});
  });

  it('takes T-SQL connection snapshots linked to the run at its start and end or failure; a failing procedure fails no run', async () => {
    // Independent T-SQL: the stages recorded for a run, each snapshot within the moment it names.
    const stages = async (runId: number): Promise<string[]> => (await dw.query<{ stage: string }>(`SELECT DISTINCT c.stage FROM audit.connection_login_events c
        JOIN audit.etl_run r ON r.run_id = c.run_id
       WHERE c.run_id = @p1 AND c.captured_at >= r.started_at AND (c.stage = N'start' OR c.captured_at >= r.finished_at) ORDER BY c.stage`, [runId])).rows.map((x) => x.stage);
    const ok = await etl({ entities: ['dim_regiao'] });
    assert.deepEqual(failures(ok), []);
    assert.deepEqual(ok.snapshots, [{ stage: 'start', status: 'captured' }, { stage: 'end', status: 'captured' }]);
    assert.deepEqual(await stages(ok.runId), ['end', 'start']);
    assert.ok(await n(dw, `SELECT COUNT(*) AS n FROM audit.connection_login_events
      WHERE run_id = @p1 AND stage = N'start' AND UPPER(database_name) = N'DW_ECOMMERCE'`, [ok.runId]) > 0, 'the warehouse\'s sessions are recorded');
    const failed = await etl({ entities: ['dim_regiao'], full: true, beforePhase: () => Promise.reject(new Error('deadlock victim (injected)')) });
    assert.equal(failed.status, 'failed');
    assert.deepEqual(await stages(failed.runId), ['failure', 'start']);
    await dw.batch('DROP PROCEDURE audit.usp_capture_connection_snapshot');
    await dw.batch(`CREATE PROCEDURE audit.usp_capture_connection_snapshot @run_id BIGINT = NULL, @stage NVARCHAR(20) = NULL
      AS BEGIN THROW 50001, N'VIEW SERVER STATE permission was denied (injected)', 1; END`);
    try {
      const r = await etl({ entities: ['dim_regiao'], full: true });
      assert.deepEqual(failures(r), []);
      assert.equal(await n(dw, `SELECT COUNT(*) AS n FROM audit.etl_run WHERE run_id = @p1 AND status = N'success'`, [r.runId]), 1);
      assert.deepEqual(r.snapshots.map((x) => `${x.stage} ${x.status}`), ['start failed', 'end failed']);
      assert.match(r.snapshots[0]?.reason ?? '', /VIEW SERVER STATE permission was denied \(injected\).*\. The run went on without it\./);
      assert.equal(await n(dw, 'SELECT COUNT(*) AS n FROM audit.connection_login_events WHERE run_id = @p1', [r.runId]), 0);
    } finally {
      await runWarehouseScript(dw, 'dw/08_connection_audit.sql');
    }
    assert.deepEqual((await etl({ entities: ['dim_regiao'] })).snapshots.map((x) => x.status), ['captured', 'captured'], 'the shipped procedure is back');
  });

  describe('ended sessions (pg_terminate_backend from the PostgreSQL side of Babelfish, DW_TEST_PG_PASSWORD_AUTH)', () => {
    let killer: Engine | undefined;
    before(async function () {
      const raw = process.env['DW_TEST_PG_PASSWORD_AUTH'];
      if (raw === undefined || raw === '') skipBecause(this, 'ending a TDS session needs the PostgreSQL side of the Babelfish cluster (KILL is not supported there): set DW_TEST_PG_PASSWORD_AUTH="host=..;port=..;user=..;password=..;database=.." (.ci/setup-babelfish.sh env)');
      const p = new Map(raw.split(';').filter((x) => x.includes('=')).map((x) => [x.slice(0, x.indexOf('=')).trim(), x.slice(x.indexOf('=') + 1).trim()] as const));
      killer = await createEngine({ engine: 'postgres', host: p.get('host') ?? '127.0.0.1', port: Number(p.get('port') ?? 5432), user: p.get('user') ?? 'postgres', password: p.get('password') ?? '', database: p.get('database') ?? 'postgres' });
      await dw.query('UPDATE ctl.etl_control SET batch_size = 200 WHERE entity_name = @p1', ['fact_vendas']);
    });
    after(async () => {
      await killer?.close();
    });

    const phases: EtlPhase[] = ['extract', 'stage', 'merge', 'commit', 'committed'];
    for (const plan of ['pushdown', 'transfer'] as const) for (const phase of phases) {
      it(`${plan} killed before ${phase} of batch 2: no loss, no duplicate, audit equal to the data; the next run completes`, async () => {
        const app = `dwb-etl-crash-${plan}-${phase}`;
        // The sales loaded again from the start, their discounts (which reference them) with them.
        await dw.batch(`DELETE FROM fact.fact_descontos; DELETE FROM fact.fact_vendas;
          UPDATE ctl.etl_control SET watermark_updated_at = '1900-01-01', watermark_id = 0 WHERE entity_name IN ('fact_vendas', 'fact_descontos')`);
        const c = wh.config;
        const crashing = await createEngine({ engine: 'sqlserver', ...c, database: 'DW_ECOMMERCE', trustServerCertificate: true, poolMax: 4 }, { applicationName: app });
        const source = plan === 'transfer' ? await openMssql(c, 'ECOMMERCE_OLTP') : crashing;
        let killed = 0;
        try {
          await runEtl({
            source: plan === 'transfer' ? source : oltp, target: crashing, definitions: DEFINITIONS, entities: ['fact_vendas'], plan: plan === 'transfer' ? 'transfer' : 'auto', startedBy: 'test', now: clock.now,
            beforePhase: async (p, info) => {
              if (killed === 0 && p === phase && info.batch === 2) {
                killed = await n(killer!, 'SELECT COUNT(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = $1', [app]);
              }
            },
          }).catch(() => undefined);
        } finally {
          await crashing.close().catch(() => undefined);
          if (source !== crashing) await source.close();
        }
        assert.ok(killed > 0, 'the session was ended');
        const loaded = await n(dw, 'SELECT COUNT(*) AS n FROM fact.fact_vendas');
        assert.equal(await n(dw, 'SELECT COUNT(DISTINCT item_pedido_original_id) AS n FROM fact.fact_vendas'), loaded, 'no duplicate');
        // Live items at or below the watermark are in the warehouse with their amount.
        assert.equal(await n(dw, `SELECT COUNT(*) AS n FROM ${OLTP}.core.order_items i JOIN ctl.etl_control w ON w.entity_name = 'fact_vendas'
          WHERE i.deleted_at IS NULL AND (i.updated_at < w.watermark_updated_at OR (i.updated_at = w.watermark_updated_at AND i.order_item_id <= w.watermark_id))
            AND NOT EXISTS (SELECT 1 FROM fact.fact_vendas v WHERE v.item_pedido_original_id = i.order_item_id AND v.valor_total_liquido = i.net_amount)`), 0,
        'the watermark is never ahead of the data');
        const r = await etl({ entities: ['fact_vendas', 'fact_descontos'], plan: plan === 'transfer' ? 'transfer' : 'auto' });
        assert.deepEqual(failures(r), []);
        assert.equal(await n(dw, `SELECT COUNT(*) AS n FROM audit.etl_run WHERE status = 'running'`), 0);
        assert.equal(await n(dw, `SELECT COUNT(*) AS n FROM audit.etl_run_entity WHERE status = 'running'`), 0);
        // Only the facts were loaded since the last full check.
        assert.deepEqual(await differences(dw, ['fact_vendas', 'fact_descontos']), {});
      });
    }
  });
});
