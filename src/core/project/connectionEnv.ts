import type { Project, ProjectConnection } from './types';

/**
 * The environment variables that override the project's connection in the CLI. The stack's watch
 * service reaches its server by the compose service name with them (the project file names the
 * port published on the host); anyone running `dwb` where the server has another address can too.
 */
export const CONNECTION_ENV = {
  host: 'DWB_HOST',
  port: 'DWB_PORT',
  user: 'DWB_USER',
  trustServerCertificate: 'DWB_TRUST_SERVER_CERTIFICATE',
} as const;

/** A connection override the CLI cannot use; the message names the variable and the value. */
export class ConnectionEnvError extends Error {
  constructor(readonly variable: string, message: string) {
    super(message);
    this.name = 'ConnectionEnvError';
  }
}

/** The project with DWB_HOST, DWB_PORT, DWB_USER and DWB_TRUST_SERVER_CERTIFICATE applied (a server engine only). */
export function withConnectionEnv(project: Project, env: NodeJS.ProcessEnv): Project {
  if (project.config.engine === 'pglite') return project;
  const override: { -readonly [K in keyof ProjectConnection]?: ProjectConnection[K] } = {};
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const host = value(CONNECTION_ENV.host);
  if (host !== undefined) override.host = host;
  const port = value(CONNECTION_ENV.port);
  if (port !== undefined) {
    const n = Number(port);
    if (!/^\d+$/.test(port) || n < 1 || n > 65535) {
      throw new ConnectionEnvError(CONNECTION_ENV.port, `${CONNECTION_ENV.port}=${JSON.stringify(port)} is not a TCP port (1-65535).`);
    }
    override.port = n;
  }
  const user = value(CONNECTION_ENV.user);
  if (user !== undefined) override.user = user;
  const trust = value(CONNECTION_ENV.trustServerCertificate);
  if (trust !== undefined) {
    if (trust !== 'true' && trust !== 'false') {
      throw new ConnectionEnvError(
        CONNECTION_ENV.trustServerCertificate,
        `${CONNECTION_ENV.trustServerCertificate}=${JSON.stringify(trust)} must be true or false.`,
      );
    }
    override.trustServerCertificate = trust === 'true';
  }
  if (Object.keys(override).length === 0) return project;
  return { ...project, config: { ...project.config, connection: { ...project.config.connection, ...override } } };
}
