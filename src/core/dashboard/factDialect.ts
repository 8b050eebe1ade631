import { postgresSalesDialect, sqlServerSalesDialect, type SalesSqlDialect } from '../sales/dialect';
import type { Dialect } from '../engine/types';

/**
 * The sales dialect plus what the targets and discounts queries need: a boolean column as a
 * condition (`bit` on SQL Server) and the names of their facts and dimension.
 */
export interface FactSqlDialect extends SalesSqlDialect {
  isTrue(column: string): string;
  readonly facts: { readonly targets: string; readonly discounts: string; readonly discount: string };
}

export const FACT_DIALECTS: Readonly<Record<Dialect, FactSqlDialect>> = {
  postgres: {
    ...postgresSalesDialect,
    isTrue: (c) => c,
    facts: { targets: 'fact.fact_metas', discounts: 'fact.fact_descontos', discount: 'dim.dim_desconto' },
  },
  sqlserver: {
    ...sqlServerSalesDialect,
    isTrue: (c) => `${c} = 1`,
    facts: { targets: 'fact.FACT_METAS', discounts: 'fact.FACT_DESCONTOS', discount: 'dim.DIM_DESCONTO' },
  },
};

/**
 * A fact's freshness: the first and last date key it holds (the unknown date, 0, left out) and
 * its ETL entity's last success and status from ctl.etl_control.
 */
export function factFreshnessSql(d: FactSqlDialect, fact: string, dateColumn: string, entity: string): string {
  return `SELECT (SELECT MIN(${dateColumn}) FROM ${fact} WHERE ${dateColumn} > 0) AS first_date_id,
       (SELECT MAX(${dateColumn}) FROM ${fact} WHERE ${dateColumn} > 0) AS last_date_id,
       c.last_success_at,
       c.last_status
  FROM (SELECT 1 AS one) AS x
  LEFT JOIN ${d.tables.control} c ON c.entity_name = '${entity}'`;
}

/** A parameter's value as a SQL literal of the dialect (text quoted, N'' on SQL Server). */
export type LiteralValue = string | number | null;
const literal = (dialect: Dialect, v: LiteralValue): string =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `${dialect === 'sqlserver' ? 'N' : ''}'${v.replaceAll("'", "''")}'`;

/**
 * The text `build` writes with each placeholder replaced by its value ("Show SQL": the query the
 * panel ran, runnable as is in an editor). A text NULL keeps a cast on PostgreSQL, whose
 * `IS NULL` test of an untyped literal has no type.
 */
export function literalSql(dialect: Dialect, build: (d: FactSqlDialect) => string, values: readonly LiteralValue[]): string {
  const base = FACT_DIALECTS[dialect];
  const at = (n: number): string => literal(dialect, values[n - 1] ?? null);
  return build({ ...base, p: at, pText: (n) => (dialect === 'postgres' ? `CAST(${at(n)} AS varchar)` : at(n)) });
}
