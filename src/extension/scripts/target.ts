import type { ConnectionConfig } from '../../core/engine/config';

/** What the status bar names: the server and the database scripts run in. */
export function targetLabel(config: ConnectionConfig): string {
  return config.engine === 'pglite' ? `PGlite · ${config.database}` : `${config.host}:${config.port} · ${config.database}`;
}
