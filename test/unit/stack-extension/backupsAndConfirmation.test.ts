import { strict as assert } from 'node:assert';
import { parseBackupName, type BackupFile } from '../../../src/core/stack/backup';
import { backupRuns, formatBytes, formatTakenAt, runDatabases } from '../../../src/extension/stack/backupItems';
import { destroyConfirmed } from '../../../src/extension/stack/confirm';

function backup(file: string, sizeBytes: number): BackupFile {
  const parsed = parseBackupName(file);
  if (parsed === undefined) throw new Error(`not a backup name: ${file}`);
  return { file, ...parsed, sizeBytes };
}

describe('restore picker items', () => {
  // As listBackups gives them: newest run first, databases in name order.
  const list = [
    backup('DW_ECOMMERCE_20261129T023859Z.bak', 3 * 1024 * 1024),
    backup('ECOMMERCE_OLTP_20261129T023859Z.bak', 1024 * 1024),
    backup('DW_ECOMMERCE_20261128T010000Z.bak', 2048),
  ];

  it('groups the files of one backup run, newest run first', () => {
    const runs = backupRuns(list);
    assert.deepEqual(runs.map((r) => [r.stamp, runDatabases(r), r.sizeBytes]), [
      ['20261129T023859Z', 'DW_ECOMMERCE, ECOMMERCE_OLTP', 4 * 1024 * 1024],
      ['20261128T010000Z', 'DW_ECOMMERCE', 2048],
    ]);
    assert.deepEqual(backupRuns([]), []);
  });

  it('labels a run with its UTC time, as the file names carry it', () => {
    assert.equal(formatTakenAt((backupRuns(list)[0] as { takenAt: Date }).takenAt), '2026-11-29 02:38:59 UTC');
  });

  it('formats sizes in binary units', () => {
    assert.deepEqual([0, 1023, 1024, 1536, 4 * 1024 * 1024, 123 * 1024 * 1024 * 1024].map(formatBytes), [
      '0 B', '1023 B', '1.0 KiB', '1.5 KiB', '4.0 MiB', '123 GiB',
    ]);
  });
});

describe('Destroy Stack confirmation', () => {
  it('needs the stack\'s name exactly', () => {
    assert.equal(destroyConfirmed('dw-ecommerce', 'dw-ecommerce'), true);
    assert.equal(destroyConfirmed('  dw-ecommerce ', 'dw-ecommerce'), true);
    assert.equal(destroyConfirmed('DW-ECOMMERCE', 'dw-ecommerce'), false);
    assert.equal(destroyConfirmed('dw-ecommerc', 'dw-ecommerce'), false);
    assert.equal(destroyConfirmed('', 'dw-ecommerce'), false);
    assert.equal(destroyConfirmed(undefined, 'dw-ecommerce'), false);
    assert.equal(destroyConfirmed('', ''), false);
  });
});
