import type { ConnectionConfig } from './config';
import type { Engine } from './types';

export interface CreateEngineOptions {
  /** Program name shown in the server's session views, unless the connection sets one. */
  readonly applicationName?: string;
}

/**
 * The Engine for a connection. Each driver is loaded on first use only, so activating the
 * extension does not pay for mssql, pg and PGlite's WebAssembly up front. `require` rather
 * than `import()`: the code is CommonJS (tsx in tests, esbuild's cjs bundle), where require is
 * synchronous, lazy and resolves the .ts sources and the bundle alike.
 */
export async function createEngine(config: ConnectionConfig, options: CreateEngineOptions = {}): Promise<Engine> {
  switch (config.engine) {
    case 'postgres': {
      const { PostgresEngine } = require('./postgres') as typeof import('./postgres');
      return new PostgresEngine(config, options);
    }
    case 'pglite': {
      const { openPgliteEngine } = require('./pglite') as typeof import('./pglite');
      return openPgliteEngine(config);
    }
    case 'sqlserver': {
      const { openSqlServerEngine } = require('./sqlserver') as typeof import('./sqlserver');
      return openSqlServerEngine(config, options);
    }
  }
}
