import { isBabelfish } from '../engine/serverProduct';
import type { ServerInfo } from '../engine/types';
import { StackError } from './errors';

/**
 * What the SQL Server stack does that only Microsoft SQL Server can: Babelfish for PostgreSQL
 * (TDS + T-SQL) has no BACKUP/RESTORE DATABASE and no Server Audit. On it these say so in one
 * sentence instead of passing on the server's "'BACKUP DATABASE' is not currently supported".
 */
export type SqlServerOnlyFeature = 'backup' | 'restore' | 'server-audit';

const FEATURES: Readonly<Record<SqlServerOnlyFeature, { readonly action: string; readonly statement: string; readonly instead: string }>> = {
  backup: { action: 'Backup Now', statement: 'BACKUP DATABASE', instead: 'back it up from its PostgreSQL side with pg_dump' },
  restore: { action: 'Restore Backup', statement: 'RESTORE DATABASE', instead: 'restore it on its PostgreSQL side with pg_restore' },
  'server-audit': { action: 'Server Audit', statement: 'CREATE SERVER AUDIT', instead: 'the connection audit snapshot (audit.usp_capture_connection_snapshot) records its sessions' },
};

export function sqlServerOnlyMessage(feature: SqlServerOnlyFeature, address: string): string {
  const f = FEATURES[feature];
  return `${f.action} is SQL Server only: the server (${address}) is Babelfish for PostgreSQL, which has no ${f.statement}; ${f.instead}.`;
}

function errorFor(feature: SqlServerOnlyFeature, address: string): StackError {
  return new StackError(sqlServerOnlyMessage(feature, address), { kind: feature === 'restore' ? 'restore-failed' : 'backup-failed' });
}

/** Refuses `feature` up front when the connected server is Babelfish (server detection). */
export function assertSqlServerFeature(info: ServerInfo, feature: SqlServerOnlyFeature): void {
  if (isBabelfish(info)) throw errorFor(feature, info.address);
}

const BABELFISH_REFUSAL = /is not currently supported in Babelfish/i;

/**
 * The same sentence when the refusal only shows in the server's output (sqlcmd in the stack's
 * container); undefined for any other failure.
 */
export function babelfishRefusal(serverOutput: string, feature: SqlServerOnlyFeature, address: string): StackError | undefined {
  return BABELFISH_REFUSAL.test(serverOutput) ? errorFor(feature, address) : undefined;
}
