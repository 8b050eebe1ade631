import type { ConnectionConfig } from '../../core/engine/config';
import { EngineError } from '../../core/engine/errors';
import type { Engine, Session } from '../../core/engine/types';
import { databaseName, type ProjectEngines } from '../../core/project';

/**
 * Connections for one script run: the project's shared engines for its own databases (PGlite's
 * data directory opens once per process), and a private engine, closed by `close`, for any
 * other database a psql `\c` names.
 */
export class ScriptSessions {
  private readonly extra = new Map<string, Promise<Engine>>();

  constructor(private readonly engines: ProjectEngines, private readonly open: (config: ConnectionConfig) => Promise<Engine>) {}

  readonly connect = async (database: string | undefined): Promise<Session> => (await this.engineFor(database)).session();

  private engineFor(database: string | undefined): Promise<Engine> {
    const project = this.engines.project;
    if (database === undefined || database === databaseName(project, 'dw')) return this.engines.get('dw');
    if (database === databaseName(project, 'oltp')) return this.engines.get('oltp');
    const base = this.engines.config('dw');
    if (base.engine === 'pglite') {
      return Promise.reject(new EngineError(`PGlite holds one database ('${base.database}'): \\c ${database} cannot switch. Remove the \\c line.`, { kind: 'database-missing', engine: 'pglite' }));
    }
    let engine = this.extra.get(database);
    if (engine === undefined) {
      engine = this.open({ ...base, database });
      this.extra.set(database, engine);
    }
    return engine;
  }

  async close(): Promise<void> {
    const all = [...this.extra.values()];
    this.extra.clear();
    await Promise.allSettled(all.map(async (e) => (await e).close()));
  }
}
