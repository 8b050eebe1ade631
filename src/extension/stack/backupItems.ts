// vscode-free: how backups are listed in "DW: Restore Backup…".
import type { BackupFile } from '../../core/stack/backup';

/** The files of one backup run (one per database), which restore together. */
export interface BackupRun {
  readonly stamp: string;
  readonly takenAt: Date;
  readonly files: readonly BackupFile[];
  readonly sizeBytes: number;
}

/** Runs in the order of the list (listBackups gives newest first). */
export function backupRuns(backups: readonly BackupFile[]): BackupRun[] {
  const runs = new Map<string, BackupFile[]>();
  for (const b of backups) {
    const files = runs.get(b.stamp) ?? [];
    files.push(b);
    runs.set(b.stamp, files);
  }
  return [...runs.values()].map((files) => {
    const first = files[0] as BackupFile;
    return { stamp: first.stamp, takenAt: first.takenAt, files, sizeBytes: files.reduce((n, f) => n + f.sizeBytes, 0) };
  });
}

/** "2026-11-29 02:38:59 UTC": the file names carry UTC, so the label does too. */
export function formatTakenAt(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit] as string}`;
}

/** The databases of a run, as the item's description: "DW_ECOMMERCE, ECOMMERCE_OLTP". */
export function runDatabases(run: BackupRun): string {
  return run.files.map((f) => f.database).join(', ');
}
