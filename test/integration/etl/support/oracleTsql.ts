import { setTimeout as pause } from 'node:timers/promises';
import type { Queryable } from '../../../../src/core/engine/types';
import { changes, type Change, type ChangeForms } from './oracleTraffic';

/**
 * The oracle's changes in T-SQL (the OLTP database's own `core.*` tables), as SQL Server and
 * Babelfish both run them: no data-modifying CTEs or RETURNING (SCOPE_IDENTITY instead), OFFSET …
 * FETCH instead of LIMIT, and the e-mail's case compared case-sensitively (the default collation
 * is not). Changes whose PostgreSQL form is plain T-SQL are shared.
 */
const CS = 'COLLATE Latin1_General_CS_AS';
const nth = (table: string, key: string, offset: number): string =>
  `(SELECT ${key} FROM core.${table} ORDER BY ${key} OFFSET ${offset} ROWS FETCH NEXT 1 ROWS ONLY)`;

export const tsqlChanges: ChangeForms = {
  ...changes,
  customersTouched: (keys, at) => [`customers ${keys.join(',')} touched`,
    `UPDATE core.customers SET email = CASE WHEN email ${CS} = LOWER(email) THEN UPPER(email) ELSE LOWER(email) END,
      updated_at = ${at} WHERE customer_id IN (${keys.join(', ')})`],
  orderInserted: (customer, likeItem, at, tag) => [`order ${tag} inserted for ${customer}`,
    `DECLARE @o bigint;
      INSERT INTO core.orders (order_number, customer_id, seller_id, region_id, order_date, created_at, updated_at)
        SELECT TOP (1) N'${tag}', ${customer}, seller_id, region_id, order_date, ${at}, ${at} FROM core.orders ORDER BY order_id;
      SET @o = SCOPE_IDENTITY();
      INSERT INTO core.order_items (order_id, product_id, quantity, unit_price, gross_amount, discount_amount, net_amount, cost_amount, created_at, updated_at)
      SELECT @o, i.product_id, 1, i.unit_price, i.unit_price, 0, i.unit_price, i.cost_amount, ${at}, ${at}
      FROM core.order_items i WHERE i.order_item_id = ${likeItem}`],
  customerWithOrder: (at, tag) => [`customer ${tag} inserted with an order`,
    `DECLARE @c bigint, @o bigint;
      INSERT INTO core.customers (customer_code, full_name, email, created_at, updated_at)
        VALUES (N'${tag}', N'Cliente ${tag}', N'${tag}@Mail.com', ${at}, ${at});
      SET @c = SCOPE_IDENTITY();
      INSERT INTO core.orders (order_number, customer_id, seller_id, region_id, order_date, created_at, updated_at)
        SELECT N'P${tag}', @c, (SELECT MIN(seller_id) FROM core.sellers), (SELECT MIN(region_id) FROM core.regions), CAST(${at} AS date), ${at}, ${at};
      SET @o = SCOPE_IDENTITY();
      INSERT INTO core.order_items (order_id, product_id, quantity, unit_price, gross_amount, discount_amount, net_amount, cost_amount, created_at, updated_at)
        SELECT @o, (SELECT MIN(product_id) FROM core.products), 2, 10, 20, 0, 20, 8, ${at}, ${at}`],
  // Odd suppliers change only the letter case of their name: the default collation ignores case,
  // so a merge that compares under it would keep the old spelling.
  supplierRenamed: (offset, name, at) => (offset % 2 === 1
    ? [`supplier #${offset} name's case flipped`, `UPDATE core.suppliers SET supplier_name = CASE WHEN supplier_name ${CS} = UPPER(supplier_name)
        THEN LOWER(supplier_name) ELSE UPPER(supplier_name) END, updated_at = ${at} WHERE supplier_id = ${nth('suppliers', 'supplier_id', offset)}`]
    : [`supplier #${offset} renamed ${name}`,
        `UPDATE core.suppliers SET supplier_name = N'Fornecedor ${name}', updated_at = ${at} WHERE supplier_id = ${nth('suppliers', 'supplier_id', offset)}`]),
  targetRealized: (offset, amount, at) => [`target #${offset} realized ${amount} more`,
    `UPDATE core.seller_targets_monthly SET realized_amount = realized_amount + ${amount}, updated_at = ${at}
      WHERE seller_target_id = ${nth('seller_targets_monthly', 'seller_target_id', offset)}`],
  targetMoved: (offset, month, at): Change => {
    const m = `CAST('2026-${String(month).padStart(2, '0')}-01' AS date)`;
    return [`target #${offset} moved to 2026-${month}`, `UPDATE t SET target_month = ${m}, updated_at = ${at} FROM core.seller_targets_monthly t
      WHERE t.seller_target_id = ${nth('seller_targets_monthly', 'seller_target_id', offset)}
        AND NOT EXISTS (SELECT 1 FROM core.seller_targets_monthly x WHERE x.seller_id = t.seller_id AND x.target_month = ${m})`];
  },
};

/** The writer's stamp: the statement's time (T-SQL has no transaction-start clock), rounded by datetime2(0) as the column stores it. */
export const TSQL_NOW = 'SYSUTCDATETIME()';

/** The server's time as text, read first in a held transaction: at or after the transaction began, at or before its changes' stamps. */
export const TSQL_STARTED_AT = 'SELECT CONVERT(varchar(26), SYSUTCDATETIME(), 121) AS t';

/** A literal of the server's current whole second (UTC): one stamp for every change of a round (ties). */
export async function tsqlStampNow(db: Queryable): Promise<string> {
  const r = await db.query<{ t: unknown }>('SELECT CONVERT(varchar(19), SYSUTCDATETIME(), 120) AS t');
  return `CAST('${String(r.rows[0]?.t)}' AS datetime2(0))`;
}

/** Waits until the server's clock has passed `at` plus `seconds` (T-SQL form of `serverClockPast`). */
export async function tsqlClockPast(db: Queryable, at: string, seconds: number): Promise<void> {
  for (;;) {
    const r = await db.query<{ past: unknown }>(
      'SELECT CASE WHEN SYSUTCDATETIME() >= DATEADD(millisecond, @p2, CAST(@p1 AS datetime2(6))) THEN 1 ELSE 0 END AS past',
      [at, Math.round(seconds * 1000)],
    );
    if (Number(r.rows[0]?.past) === 1) return;
    await pause(50);
  }
}

/** Waits until the server's clock is a second past every watermark of the warehouse (T-SQL form of `serverClockPastWatermarks`). */
export async function tsqlClockPastWatermarks(dw: Queryable): Promise<void> {
  const r = await dw.query<{ t: unknown }>(`SELECT CONVERT(varchar(19), MAX(w), 120) AS t FROM (
      SELECT MAX(watermark_updated_at) AS w FROM ctl.etl_control UNION ALL SELECT MAX(watermark_updated_at) FROM ctl.etl_trigger_watermark) x`);
  const at = r.rows[0]?.t;
  if (typeof at === 'string') await tsqlClockPast(dw, at, 1);
}
