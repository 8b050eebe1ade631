// late_rows_fixed_s for bench:etl: the time a run's late-member step takes to re-resolve 10,000
// sales left on the unknown member (-1) whose customers have arrived since. It runs the run's own
// statements (`resolveLateMembers`, one transaction, as runEtl does after an entity's stream) on
// a table with the sale's natural key and customer key, so the bench needs no fact data; the
// baseline is one in-server UPDATE ... FROM setting the same keys by a join (the server's floor).
import type { Engine } from '../src/core/engine/types';
import { etlDialect } from '../src/core/etl/dialect';
import type { MergeSpec } from '../src/core/etl/dialect/types';
import { resolveLateMembers } from '../src/core/etl/run/lateMembers';

const LATE_ROWS = 10_000;

const SPEC: MergeSpec = {
  target: 'public.bench_late_sales', stage: 'unused', naturalKey: 'item_pedido_original_id', columns: [],
  lookups: [{ target: 'cliente_id', stageColumn: 'customer_id', table: 'dim.dim_cliente', naturalKey: 'cliente_original_id', surrogateKey: 'cliente_id', keyType: 'bigint' }],
};

/** 10,000 sales on -1, each noted with a customer dim_cliente holds (it must hold at least that many). */
async function leaveLateRows(db: Engine): Promise<void> {
  await db.batch(`DROP TABLE IF EXISTS bench_late_sales;
    CREATE TABLE bench_late_sales (item_pedido_original_id bigint PRIMARY KEY, cliente_id int NOT NULL);
    INSERT INTO bench_late_sales SELECT g, -1 FROM generate_series(1, ${LATE_ROWS}) g;
    DELETE FROM ctl.etl_unresolved WHERE entity_name = 'bench_late';
    INSERT INTO ctl.etl_unresolved (entity_name, target_column, row_key, member_key)
      SELECT 'bench_late', 'cliente_id', g, CAST(c.cliente_original_id AS varchar(40))
      FROM generate_series(1, ${LATE_ROWS}) g
      JOIN (SELECT cliente_original_id, row_number() OVER (ORDER BY cliente_original_id) AS n FROM dim.dim_cliente WHERE cliente_id > 0) c ON c.n = g;
    ANALYZE bench_late_sales; ANALYZE ctl.etl_unresolved`);
}

export interface LateRowsResult {
  readonly late_rows_fixed_s: number;
  /** The same keys set by one UPDATE ... FROM join, no notes kept: the in-server floor. */
  readonly late_rows_update_s: number;
}

export async function benchLateRows(db: Engine, seconds: (work: () => Promise<unknown>) => Promise<number>): Promise<LateRowsResult> {
  const d = etlDialect('postgres');
  await leaveLateRows(db);
  let fixed = 0;
  const resolve = await seconds(async () => {
    const s = await db.session();
    try {
      fixed = await s.transaction((tx) => resolveLateMembers(tx, d, SPEC, 'bench_late', {}));
    } finally {
      await s.release();
    }
  });
  if (fixed !== LATE_ROWS) throw new Error(`the late-member step set ${fixed} sales, expected ${LATE_ROWS}`);
  await leaveLateRows(db);
  const update = await seconds(() => db.batch(`UPDATE bench_late_sales t SET cliente_id = g.cliente_id
    FROM ctl.etl_unresolved u JOIN dim.dim_cliente g ON g.cliente_original_id = CAST(u.member_key AS bigint)
    WHERE u.entity_name = 'bench_late' AND t.item_pedido_original_id = u.row_key`));
  await db.batch(`DROP TABLE bench_late_sales; DELETE FROM ctl.etl_unresolved WHERE entity_name = 'bench_late'`);
  return { late_rows_fixed_s: Number(resolve.toFixed(3)), late_rows_update_s: Number(update.toFixed(3)) };
}
