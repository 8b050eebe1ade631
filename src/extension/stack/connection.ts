// vscode-free: whether the project's own connection reaches the stack's server as its administrator.
import type { ConnectionConfig } from '../../core/engine/config';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * True when the connection goes to this machine, on the stack's published port, as the stack's
 * administrator: then the stack's admin password is the connection's password too.
 */
export function connectionUsesStack(config: ConnectionConfig, stack: { readonly port: number; readonly adminUser: string }): boolean {
  if (config.engine === 'pglite') return false;
  return LOCAL_HOSTS.has(config.host) && config.port === stack.port && config.user === stack.adminUser;
}
