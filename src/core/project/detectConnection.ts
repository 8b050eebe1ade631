import path from 'node:path';
import type { Dialect } from '../engine/types';
import type { ComposeServer } from './detectCompose';
import { ENGINE_LABEL, type Findings, type Workspace } from './detectFindings';
import type { ProjectConnection } from './types';

const USER_KEYS: Readonly<Record<Dialect, readonly string[]>> = {
  sqlserver: ['MSSQL_USER', 'SQLSERVER_USER', 'SQL_USER', 'DB_USER', 'DWB_USER'],
  postgres: ['POSTGRES_USER', 'PGUSER', 'DB_USER', 'DWB_USER'],
};

const ADMIN_PASSWORD_VARIABLES: Readonly<Record<Dialect, readonly string[]>> = {
  sqlserver: ['MSSQL_SA_PASSWORD', 'SA_PASSWORD'],
  postgres: ['POSTGRES_PASSWORD'],
};

/** `file:line` of the compose file's published server port, when there is one. */
function portSource(ws: Workspace): string | undefined {
  return ws.server?.hostPort === undefined || ws.compose === undefined ? undefined : `${ws.compose.file}:${ws.server.hostPort.line}`;
}

/** The address the compose file binds the port to (any-address means this machine). */
function hostOf(ws: Workspace, notes: Findings): string {
  const bound = ws.server?.hostIp;
  const specific = bound !== undefined && !/^(0\.0\.0\.0|\[::\]|::)$/.test(bound);
  const host = specific ? bound.replace(/^\[|\]$/g, '') : '127.0.0.1';
  notes.guess(
    'connection.host',
    host,
    bound !== undefined ? 'the address the compose file binds the server port to' : 'the compose server runs on this machine',
    portSource(ws),
  );
  return host;
}

function portOf(ws: Workspace, notes: Findings): number {
  const published = ws.server?.hostPort;
  const source = portSource(ws);
  if (published !== undefined && source !== undefined) {
    notes.guess('connection.port', published.value, `the host port the compose file publishes for ${(ws.server as ComposeServer).service}`, source);
    return published.value;
  }
  const port = ws.engine === 'sqlserver' ? 1433 : 5432;
  notes.guess('connection.port', port, `the default ${ENGINE_LABEL[ws.engine]} port`);
  notes.notDetected(`The server's port: no compose file publishes one, so ${port} is assumed; change connection.port if the server listens elsewhere.`);
  return port;
}

/** The user: the compose environment (POSTGRES_USER), else a .env entry, else the administrator. */
function userOf(ws: Workspace, notes: Findings): string {
  const composeUser = ws.engine === 'postgres' ? ws.server?.environment.get('POSTGRES_USER') : undefined;
  if (composeUser?.value !== undefined && composeUser.value !== '' && ws.compose !== undefined) {
    notes.guess('connection.user', composeUser.value, 'POSTGRES_USER of the compose service', `${ws.compose.file}:${composeUser.line}`);
    return composeUser.value;
  }
  const envUser = USER_KEYS[ws.engine].map((k) => ws.env?.entries.get(k)).find((e) => e?.value !== undefined && e.value !== '');
  if (envUser?.value !== undefined) {
    notes.guess('connection.user', envUser.value, `${envUser.key} in .env`, `${ws.env === undefined ? '.env' : path.basename(ws.env.file)}:${envUser.line}`);
    return envUser.value;
  }
  const admin = ws.engine === 'sqlserver'
    ? { user: 'sa', reason: "SQL Server's administrator: the bootstrap creates databases and logins" }
    : { user: 'postgres', reason: "PostgreSQL's default administrator" };
  notes.guess('connection.user', admin.user, admin.reason);
  return admin.user;
}

/**
 * The variable the password comes from: the one the compose file gives the server its
 * administrator password from. The password itself is never read.
 */
function passwordEnvOf(ws: Workspace, notes: Findings): string | undefined {
  const entry = ADMIN_PASSWORD_VARIABLES[ws.engine].map((v) => ws.server?.environment.get(v)).find((e) => e !== undefined);
  const variable = entry?.refs.find((r) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(r));
  if (variable !== undefined && ws.compose !== undefined) {
    const inEnv = ws.env?.entries.get(variable) !== undefined ? ' (it is in .env; its value was not read)' : '';
    notes.guess('connection.passwordEnv', variable, `the variable the compose file gives the server its administrator password from${inEnv}`, `${ws.compose.file}:${entry?.line ?? 1}`);
  }
  notes.notDetected(
    `Passwords are never read or copied: in VS Code use 'DW: Set Password'; the CLI reads ${variable ?? 'DWB_PASSWORD'} from the environment`
      + (ws.env?.entries.has(variable ?? 'DWB_PASSWORD') === true ? ' or the project .env.' : '.'),
  );
  return variable;
}

/** The connection section: host, port and user from the compose file and .env; the password by variable name only. */
export function connectionOf(ws: Workspace, notes: Findings): ProjectConnection {
  const host = hostOf(ws, notes);
  const port = portOf(ws, notes);
  const user = userOf(ws, notes);
  const passwordEnv = passwordEnvOf(ws, notes);
  if (ws.engine === 'sqlserver') notes.guess('connection.trustServerCertificate', true, 'a local development server presents a self-signed certificate');
  return {
    host,
    port,
    user,
    ...(passwordEnv === undefined ? {} : { passwordEnv }),
    ...(ws.engine === 'sqlserver' ? { encrypt: true, trustServerCertificate: true } : {}),
  };
}
