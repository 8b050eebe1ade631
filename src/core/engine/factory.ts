import type { ConnectionConfig } from './config';
import type { Engine } from './types';

export interface CreateEngineOptions {
  /** Program name shown in the server's session views, unless the connection sets one. */
  readonly applicationName?: string;
  /**
   * PGlite: the thread that runs the database. 'worker' (default) gives it a worker thread, so
   * this thread's event loop runs while a statement does; 'caller' runs it here (the benchmark's
   * baseline).
   */
  readonly pgliteThread?: 'worker' | 'caller';
}

/**
 * The Engine for a connection. Each driver is loaded on first use only, so activating the
 * extension does not pay for mssql, pg and PGlite's WebAssembly up front. `require` rather
 * than `import()`: the code is CommonJS (tsx in tests, esbuild's cjs bundle), where require is
 * synchronous, lazy and resolves the .ts sources and the bundle alike.
 *
 * Server engines connect on first use: a wrong host, login or database rejects the first
 * statement (kind unreachable / login-failed / database-missing), never createEngine itself.
 * PGlite opens its data directory here (initdb on first use takes seconds), in a worker thread.
 */
export async function createEngine(config: ConnectionConfig, options: CreateEngineOptions = {}): Promise<Engine> {
  switch (config.engine) {
    case 'postgres': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy driver load, see above
      const { PostgresEngine } = require('./postgres') as typeof import('./postgres');
      return new PostgresEngine(config, options);
    }
    case 'pglite': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy driver load, see above
      const { openPgliteEngine } = require('./pglite') as typeof import('./pglite');
      return openPgliteEngine(config, options.pgliteThread);
    }
    case 'sqlserver': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy driver load, see above
      const { openSqlServerEngine } = require('./sqlserver') as typeof import('./sqlserver');
      return Promise.resolve(openSqlServerEngine(config, options));
    }
  }
}
