/**
 * What differs between T-SQL and PostgreSQL in the sales queries: placeholders, row limits,
 * month truncation and object names. The query text itself is written once in `sql.ts`.
 */
export interface SalesSqlDialect {
  /** Placeholder for parameter n (1-based). */
  p(n: number): string;
  /** Placeholder for a nullable text filter, typed where the server needs it for `IS NULL`. */
  pText(n: number): string;
  /** `TOP (n)` after SELECT (SQL Server); empty elsewhere. */
  top(param: string): string;
  /** `LIMIT n` at the end (PostgreSQL); empty elsewhere. */
  limit(param: string): string;
  /** Expression: first day of the month of a date column. */
  monthStart(column: string): string;
  /** Expression: a date column as ISO text (`YYYY-MM-DD`). */
  isoDate(column: string): string;
  readonly tables: {
    readonly sales: string;
    readonly date: string;
    readonly product: string;
    readonly region: string;
    readonly seller: string;
    readonly team: string;
    readonly control: string;
  };
}

export const postgresSalesDialect: SalesSqlDialect = {
  p: (n) => `$${n}`,
  pText: (n) => `$${n}::varchar`,
  top: () => '',
  limit: (param) => `LIMIT ${param}`,
  monthStart: (c) => `date_trunc('month', ${c})::date`,
  isoDate: (c) => `to_char(${c}, 'YYYY-MM-DD')`,
  tables: {
    sales: 'fact.fact_vendas',
    date: 'dim.dim_data',
    product: 'dim.dim_produto',
    region: 'dim.dim_regiao',
    seller: 'dim.dim_vendedor',
    team: 'dim.dim_equipe',
    control: 'ctl.etl_control',
  },
};

export const sqlServerSalesDialect: SalesSqlDialect = {
  p: (n) => `@p${n}`,
  pText: (n) => `@p${n}`,
  top: (param) => `TOP (${param})`,
  limit: () => '',
  monthStart: (c) => `DATEFROMPARTS(YEAR(${c}), MONTH(${c}), 1)`,
  isoDate: (c) => `CONVERT(char(10), ${c}, 23)`,
  tables: {
    sales: 'fact.FACT_VENDAS',
    date: 'dim.DIM_DATA',
    product: 'dim.DIM_PRODUTO',
    region: 'dim.DIM_REGIAO',
    seller: 'dim.DIM_VENDEDOR',
    team: 'dim.DIM_EQUIPE',
    control: 'ctl.etl_control',
  },
};
