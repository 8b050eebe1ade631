import type { ConnectionConfig } from '../engine/config';
import { EngineError } from '../engine/errors';
import { createEngine } from '../engine/factory';
import type { Dialect, Engine } from '../engine/types';
import type { RunSummary } from './events';
import { runScript, type RunScriptOptions } from './runner';
import { loadScriptPlan } from './scriptFiles';
import type { ScriptFileReader } from './types';

export interface RunScriptFileOptions extends Omit<RunScriptOptions, 'connect'> {
  readonly connection: ConnectionConfig;
  readonly variables?: Readonly<Record<string, string>>;
  readonly readFile?: ScriptFileReader;
  /** Program name in the server's session views. */
  readonly applicationName?: string;
}

export function dialectOf(connection: ConnectionConfig): Dialect {
  return connection.engine === 'sqlserver' ? 'sqlserver' : 'postgres';
}

/**
 * `dwb run <file|folder>`: splits everything first (a parse error runs nothing and rejects
 * with the ScriptError), then runs it on `connection`, opening one engine per database a `\c`
 * names and closing them all at the end.
 */
export async function runScriptFile(target: string, options: RunScriptFileOptions): Promise<RunSummary> {
  const plan = await loadScriptPlan(target, {
    dialect: dialectOf(options.connection),
    ...(options.variables === undefined ? {} : { variables: options.variables }),
    ...(options.readFile === undefined ? {} : { readFile: options.readFile }),
  });
  const engines = new Map<string, Engine>();
  const engineFor = async (database: string | undefined): Promise<Engine> => {
    const name = database ?? options.connection.database;
    const known = engines.get(name);
    if (known !== undefined) return known;
    if (options.connection.engine === 'pglite' && name !== options.connection.database) {
      throw new EngineError(`PGlite holds one database ('${options.connection.database}'): \\c ${name} cannot switch. Remove the \\c line.`, {
        kind: 'database-missing',
        engine: 'pglite',
      });
    }
    const engine = await createEngine(
      { ...options.connection, database: name }, options.applicationName === undefined ? {} : { applicationName: options.applicationName });
    engines.set(name, engine);
    return engine;
  };
  try {
    return await runScript(plan, { ...options, connect: async (database) => (await engineFor(database)).session() });
  } finally {
    await Promise.all([...engines.values()].map((e) => e.close()));
  }
}
