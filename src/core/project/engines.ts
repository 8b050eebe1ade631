import { describeTarget, type ConnectionConfig } from '../engine/config';
import { createEngine } from '../engine/factory';
import type { Engine } from '../engine/types';
import { connectionConfig, type DatabaseRole } from './connection';
import type { Project } from './types';

/**
 * A role a job connects as: a project database, or `server`, a database every server has
 * (SQL Server's master, PostgreSQL's postgres) for work that precedes the project's databases.
 */
export type ConnectionRole = DatabaseRole | 'server';

/**
 * The engines of one project, opened on first use and shared by role: roles that resolve to
 * the same target (PGlite's single database, PostgreSQL's one warehouse database) share one
 * engine, which PGlite requires (a data directory opens once per process).
 */
const MAINTENANCE_DATABASE = { sqlserver: 'master', postgres: 'postgres' } as const;

export class ProjectEngines {
  private readonly engines = new Map<string, Promise<Engine>>();

  constructor(
    readonly project: Project,
    private readonly password: string | undefined,
    private readonly applicationName = 'DW Workbench',
  ) {}

  config(role: ConnectionRole): ConnectionConfig {
    const base = connectionConfig(this.project, role === 'server' ? 'dw' : role, this.password);
    if (role !== 'server' || base.engine === 'pglite') return base;
    return { ...base, database: MAINTENANCE_DATABASE[base.engine] };
  }

  get(role: ConnectionRole): Promise<Engine> {
    const config = this.config(role);
    const key = describeTarget(config);
    let engine = this.engines.get(key);
    if (engine === undefined) {
      engine = createEngine(config, { applicationName: this.applicationName });
      this.engines.set(key, engine);
      engine.catch(() => this.engines.delete(key));
    }
    return engine;
  }

  async close(): Promise<void> {
    const all = [...this.engines.values()];
    this.engines.clear();
    await Promise.allSettled(all.map(async (e) => (await e).close()));
  }
}
