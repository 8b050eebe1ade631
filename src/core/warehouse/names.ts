import type { Dialect } from '../engine/types';

/**
 * The names other modules (ETL, dashboards, bootstrap) use for warehouse objects, per dialect.
 * SQL Server keeps the users' spelling (`dim.DIM_CLIENTE`); PostgreSQL uses unquoted, folded
 * lower case (`dim.dim_cliente`) so that hand-written SQL works without quotes.
 */
export interface ObjectName {
  readonly schema: string;
  readonly name: string;
}

export function physicalName(object: ObjectName, dialect: Dialect): ObjectName {
  return dialect === 'postgres'
    ? { schema: object.schema.toLowerCase(), name: object.name.toLowerCase() }
    : object;
}

export function qualifiedName(object: ObjectName, dialect: Dialect): string {
  const p = physicalName(object, dialect);
  return `${p.schema}.${p.name}`;
}

/** Parses `schema.table` as the mapping CSV and ctl.etl_control spell it. */
export function parseQualified(text: string): ObjectName {
  const dot = text.indexOf('.');
  return dot < 0 ? { schema: 'dbo', name: text } : { schema: text.slice(0, dot), name: text.slice(dot + 1) };
}

/**
 * Default databases. SQL Server: two databases on one instance, as users have them.
 * PostgreSQL: one database holding every schema, because a PostgreSQL query cannot join across
 * databases and the ETL's pushdown plan needs source and target in one query; a project file may
 * still name two databases (the ETL then moves rows between connections).
 */
export const defaultDatabases: Readonly<Record<Dialect, { readonly oltp: string; readonly dw: string }>> = {
  sqlserver: { oltp: 'ECOMMERCE_OLTP', dw: 'DW_ECOMMERCE' },
  postgres: { oltp: 'dw_ecommerce', dw: 'dw_ecommerce' },
};

export const schemas = {
  oltp: 'core',
  dimensions: 'dim',
  facts: 'fact',
  control: 'ctl',
  audit: 'audit',
  /** Consumption views: the only schema the BI role can read. */
  consumption: 'bi',
} as const;

/** The consumption views the sales dashboard reads (schema `bi`). */
export const consumptionViews = {
  sales: { schema: 'bi', name: 'vw_vendas' },
  targets: { schema: 'bi', name: 'vw_metas' },
  discounts: { schema: 'bi', name: 'vw_descontos' },
  freshness: { schema: 'bi', name: 'vw_atualizacao_dados' },
} as const;

/** Procedures and views of the connection audit (schema `audit`). */
export const connectionAuditObjects = {
  captureSnapshot: { schema: 'audit', name: 'usp_capture_connection_snapshot' },
  cleanup: { schema: 'audit', name: 'usp_cleanup_connection_login_events' },
  recentView: { schema: 'audit', name: 'vw_connection_login_events_recent' },
} as const;

/** Technical logins/roles (DOMAIN.md), same names on both engines. */
export const securityPrincipals = {
  monitor: 'etl_monitor',
  backup: 'etl_backup',
  biReader: 'bi_reader',
} as const;
