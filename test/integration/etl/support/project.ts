import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectEntitiesDir } from '../../../../src/core/etl/definition/load';
import { loadProject, type Project } from '../../../../src/core/project';
import { scaffoldProject } from '../../../../src/core/scaffold/scaffold';

const repo = path.resolve(__dirname, '../../../..');

export const BOOTSTRAP_SECRETS = { ETL_MONITOR_PASSWORD: 'Monitor-test-1', ETL_BACKUP_PASSWORD: 'Backup-test-1' };

/**
 * A scaffolded project in a temp directory whose bootstrap generates at `scale`; on PostgreSQL
 * OLTP and DW in the one database `dbName` (so a query can compare them).
 */
export function scaffoldEtlProject(engine: 'postgres' | 'pglite', dbName: string | undefined, scale: number, prefix: string): Project {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-${engine}-`));
  const { projectFile } = scaffoldProject({ engine, target: dir, assetsRoot: repo });
  const config = JSON.parse(readFileSync(projectFile, 'utf8')) as Record<string, unknown>;
  config['variables'] = { DIM_DATA_START: '2015-01-01', DIM_DATA_END: '2030-12-31' };
  if (dbName !== undefined) {
    config['connection'] = { host: '127.0.0.1', port: 5432, user: 'postgres' };
    config['databases'] = { oltp: dbName, dw: dbName };
  }
  const steps = (config['bootstrap'] as { steps: { generate?: { scale: number } }[] }).steps;
  for (const s of steps) if (s.generate) s.generate.scale = scale;
  writeFileSync(projectFile, JSON.stringify(config, null, 2));
  return loadProject(projectFile);
}

/** The project's entity definitions folder (its own, else the repository's), as the bootstrap takes it. */
export function entitiesDirOf(project: Project): string {
  return projectEntitiesDir(project, repo);
}
