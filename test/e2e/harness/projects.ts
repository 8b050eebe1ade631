import type { ProjectFile } from '../../../src/core/project/types';

/** A project on the embedded engine: nothing to install, the data lives in the folder. */
export function pgliteProject(name: string): ProjectFile {
  return { name, engine: 'pglite', connection: { dataDir: '.dw/pglite' }, databases: { oltp: 'dw', dw: 'dw' } };
}

/** A project on the machine's PostgreSQL (trust auth, so no password is needed). */
export function postgresProject(name: string, database: string): ProjectFile {
  return {
    name,
    engine: 'postgres',
    connection: { host: '127.0.0.1', port: 5432, user: 'postgres' },
    databases: { oltp: database, dw: database },
  };
}
