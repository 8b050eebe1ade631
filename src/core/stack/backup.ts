import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeStack } from './composeStack';
import { pgIdentifier, tsqlIdentifier } from '../engine/identifiers';
import { lastLines } from './docker';
import { StackError } from './errors';
import { babelfishRefusal } from './sqlServerOnly';

/** One backup file in the host backup folder: `<database>_<UTC timestamp><extension>`. */
export interface BackupFile {
  readonly file: string;
  readonly database: string;
  /** UTC timestamp as written in the name (YYYYMMDDTHHMMSSZ); files of one run share it. */
  readonly stamp: string;
  readonly takenAt: Date;
  readonly sizeBytes: number;
}

const NAME = /^([A-Za-z0-9_]+)_(\d{8}T\d{6}Z)(\.dump|\.bak)$/;
const DATABASE = /^[A-Za-z0-9_]+$/;

export function parseBackupName(file: string): { database: string; stamp: string; takenAt: Date } | undefined {
  const m = NAME.exec(file);
  if (!m) return undefined;
  const s = m[2] as string;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
  return { database: m[1] as string, stamp: s, takenAt: new Date(iso) };
}

export function backupStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Backups of this stack's engine, newest first. */
export async function listBackups(stack: ComposeStack): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(stack.options.backupDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: BackupFile[] = [];
  for (const file of names) {
    const parsed = parseBackupName(file);
    if (!parsed || !file.endsWith(stack.definition.backupExtension)) continue;
    const st = await stat(path.join(stack.options.backupDir, file));
    out.push({ file, ...parsed, sizeBytes: st.size });
  }
  return out.sort((a, b) => b.stamp.localeCompare(a.stamp) || a.database.localeCompare(b.database));
}

/** The files of the newest backup run (one per database). */
export function latestBackupSet(backups: readonly BackupFile[]): BackupFile[] {
  const newest = backups[0]?.stamp;
  return backups.filter((b) => b.stamp === newest);
}

/** Takes a backup of every database now; returns the files written. */
export async function backupNow(stack: ComposeStack, at: Date = new Date()): Promise<BackupFile[]> {
  return stack.phase('backup', async () => {
    const stamp = backupStamp(at);
    const databases = await backupDatabases(stack);
    for (const db of databases) {
      if (stack.definition.engine === 'postgres') await pgDump(stack, db, stamp);
      else await mssqlBackup(stack, db, stamp);
    }
    return (await listBackups(stack)).filter((b) => b.stamp === stamp);
  });
}

/** Restores the given files, each into a fresh copy of its database (replacing what is there). */
export async function restoreBackups(stack: ComposeStack, files: readonly BackupFile[]): Promise<void> {
  if (files.length === 0) {
    throw new StackError(
      `No backup to restore in ${stack.options.backupDir}. Take one with 'DW: Backup Now' (dwb stack backup) first.`,
      { kind: 'backup-missing' },
    );
  }
  await stack.phase('restore', async () => {
    for (const f of files) {
      if (stack.definition.engine === 'postgres') await pgRestore(stack, f);
      else await mssqlRestore(stack, f);
    }
  });
}

async function backupDatabases(stack: ComposeStack): Promise<string[]> {
  if (stack.definition.engine === 'sqlserver') {
    const list = stack.options.settings['DWB_SQLSERVER_DATABASES'] ?? 'ECOMMERCE_OLTP DW_ECOMMERCE';
    return list.split(/\s+/).filter((d) => DATABASE.test(d));
  }
  const r = await execOrThrow(stack, 'backup-failed', stack.definition.backupService, [
    'psql', '-Atq', '-d', 'postgres', '-c',
    "select datname from pg_database where not datistemplate and datname <> 'postgres' order by 1",
  ]);
  return r.split('\n').map((s) => s.trim()).filter((d) => DATABASE.test(d));
}

async function pgDump(stack: ComposeStack, db: string, stamp: string): Promise<void> {
  const final = `/backups/${db}_${stamp}.dump`;
  // Written under a temporary name of its own first, so listings never see half a dump and the
  // backup loop, dumping in the same second, never writes or moves this one.
  const part = `${final}.${randomBytes(4).toString('hex')}.part`;
  const svc = stack.definition.backupService;
  await execOrThrow(stack, 'backup-failed', svc, ['pg_dump', '-Fc', '-d', db, '-f', part]);
  await execOrThrow(stack, 'backup-failed', svc, ['mv', part, final]);
}

async function pgRestore(stack: ComposeStack, f: BackupFile): Promise<void> {
  const svc = stack.definition.backupService;
  const db = f.database;
  await execOrThrow(stack, 'restore-failed', svc, ['psql', '-v', 'ON_ERROR_STOP=1', '-d', 'postgres', '-c', `DROP DATABASE IF EXISTS ${pgIdentifier(db)} WITH (FORCE)`]);
  await execOrThrow(stack, 'restore-failed', svc, ['psql', '-v', 'ON_ERROR_STOP=1', '-d', 'postgres', '-c', `CREATE DATABASE ${pgIdentifier(db)}`]);
  await execOrThrow(stack, 'restore-failed', svc, ['pg_restore', '--exit-on-error', '--no-owner', '-d', db, `/backups/${f.file}`]);
}

/** An N'…' literal, embedded quotes doubled. */
const tsqlString = (text: string): string => `N'${text.replace(/'/g, "''")}'`;

const SQLCMD = ['/opt/mssql-tools18/bin/sqlcmd', '-C', '-S', 'localhost', '-U', 'sa', '-b', '-Q'];

export function mssqlBackupStatement(db: string, stamp: string): string {
  return `BACKUP DATABASE ${tsqlIdentifier(db)} TO DISK = ${tsqlString(`/var/opt/mssql/backup/${db}_${stamp}.bak`)} WITH COPY_ONLY, COMPRESSION, CHECKSUM`;
}

export function mssqlRestoreStatement(db: string, file: string): string {
  return `IF DB_ID(${tsqlString(db)}) IS NOT NULL ALTER DATABASE ${tsqlIdentifier(db)} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; `
    + `RESTORE DATABASE ${tsqlIdentifier(db)} FROM DISK = ${tsqlString(`/var/opt/mssql/backup/${file}`)} WITH REPLACE, CHECKSUM; `
    + `ALTER DATABASE ${tsqlIdentifier(db)} SET MULTI_USER;`;
}

async function mssqlBackup(stack: ComposeStack, db: string, stamp: string): Promise<void> {
  await execOrThrow(stack, 'backup-failed', stack.definition.serverService, [...SQLCMD, mssqlBackupStatement(db, stamp)]);
}

async function mssqlRestore(stack: ComposeStack, f: BackupFile): Promise<void> {
  await execOrThrow(stack, 'restore-failed', stack.definition.serverService, [...SQLCMD, mssqlRestoreStatement(f.database, f.file)]);
}

async function execOrThrow(
  stack: ComposeStack,
  kind: 'backup-failed' | 'restore-failed',
  service: string,
  args: readonly string[],
): Promise<string> {
  const r = await stack.exec(service, args);
  if (r.code !== 0 && stack.definition.engine === 'sqlserver') {
    // A SQL Server-compatible server without BACKUP/RESTORE (Babelfish) says so in one sentence.
    const refusal = babelfishRefusal(`${r.stdout}\n${r.stderr}`, kind === 'backup-failed' ? 'backup' : 'restore', `the ${service} service`);
    if (refusal !== undefined) throw refusal;
  }
  if (r.code !== 0) {
    const what = kind === 'backup-failed' ? 'The backup' : 'The restore';
    throw new StackError(
      `${what} failed: '${args[0] ?? ''}' in the ${service} container exited with code ${r.code}. `
        + "Its last lines follow; check that the stack is up ('DW: Stack Status').",
      { kind, service, logTail: lastLines(r.stderr, 10) },
    );
  }
  return r.stdout;
}
