import type { ServerInfo } from './types';

/** The products a `sqlserver` connection can reach (ServerInfo.product). */
export const SQL_SERVER_PRODUCT = 'Microsoft SQL Server';
/**
 * Babelfish for PostgreSQL: TDS and T-SQL on PostgreSQL. It runs the warehouse, the ETL and the
 * dashboards, but has no BACKUP/RESTORE DATABASE and no Server Audit (see README).
 */
export const BABELFISH_PRODUCT = 'Babelfish for PostgreSQL';

export function isBabelfish(info: Pick<ServerInfo, 'product'>): boolean {
  return info.product === BABELFISH_PRODUCT;
}
