import { spawnSync } from 'node:child_process';
import type { ServerConnectionConfig } from '../../../src/core/engine/config';

/** Throw-away databases on the local PostgreSQL server (127.0.0.1:5432, trust auth). */
export const PG_HOST = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const;

export function scratchDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`;
}

function pgTool(command: string, args: readonly string[]): { status: number; stderr: string } {
  const r = spawnSync(command, ['-h', PG_HOST.host, '-p', String(PG_HOST.port), '-U', PG_HOST.user, ...args], { encoding: 'utf8' });
  return { status: r.status ?? 1, stderr: r.stderr };
}

export function createScratchDatabase(name: string): void {
  const r = pgTool('createdb', [name]);
  if (r.status !== 0) throw new Error(`createdb ${name}: ${r.stderr}`);
}

export function dropScratchDatabase(name: string): void {
  pgTool('dropdb', ['--if-exists', '--force', name]);
}

export function postgresConnection(database: string): ServerConnectionConfig {
  return { engine: 'postgres', ...PG_HOST, database };
}
