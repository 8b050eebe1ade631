import { strict as assert } from 'node:assert';
import { POSTGRES_STACK, SQLSERVER_STACK, resolveStackSettings, stackPort } from '../../../src/core/stack/definitions';
import { composeProjectName } from '../../../src/core/stack/open';
import { backupStamp, latestBackupSet, parseBackupName, type BackupFile } from '../../../src/core/stack/backup';
import { composeProcess } from '../../../src/core/stack/composeCli';
import { statusOf } from '../../../src/core/stack/health';

describe('stack settings', () => {
  it('defaults to the official image and a port that is not 5432 for PostgreSQL', () => {
    const s = resolveStackSettings(POSTGRES_STACK);
    assert.equal(s['DWB_POSTGRES_IMAGE'], 'postgres:16');
    assert.equal(stackPort(POSTGRES_STACK, s), 5433);
  });

  it('takes the project file over defaults and the environment over the project file', () => {
    const s = resolveStackSettings(
      SQLSERVER_STACK,
      { DWB_SQLSERVER_PORT: 14330, BACKUP_INTERVAL_HOURS: 6 },
      { DWB_SQLSERVER_PORT: '14331', HOME: '/root' },
    );
    assert.equal(stackPort(SQLSERVER_STACK, s), 14331);
    assert.equal(s['BACKUP_INTERVAL_HOURS'], '6');
    assert.equal(s['HOME'], undefined);
  });

  it('never hands the connection password to compose as a setting', () => {
    assert.equal(resolveStackSettings(POSTGRES_STACK, {}, { DWB_PASSWORD: 'x' })['DWB_PASSWORD'], undefined);
  });

  it('rejects a port setting that is not a TCP port', () => {
    assert.throws(() => stackPort(POSTGRES_STACK, { DWB_POSTGRES_PORT: '70000' }), /DWB_POSTGRES_PORT/);
  });

  it('makes a compose project name from any project name', () => {
    assert.equal(composeProjectName('DW Ecommerce.Prod'), 'dw-ecommerce-prod');
    assert.equal(composeProjectName('__'), 'dwb');
  });
});

describe('stack backups naming', () => {
  it('round-trips a timestamp through a backup file name', () => {
    const at = new Date('2026-03-04T05:06:07.890Z');
    const parsed = parseBackupName(`dw_ecommerce_${backupStamp(at)}.dump`);
    assert.equal(parsed?.database, 'dw_ecommerce');
    assert.equal(parsed?.takenAt.toISOString(), '2026-03-04T05:06:07.000Z');
  });

  it('ignores files that are not backups', () => {
    assert.equal(parseBackupName('db_20260101T000000Z.dump.part'), undefined);
    assert.equal(parseBackupName('db_20260101T000000Z.dump.0a1b2c3d.part'), undefined);
    assert.equal(parseBackupName('db_20260101T000000Z.dump.4711.part'), undefined);
    assert.equal(parseBackupName('notes.txt'), undefined);
  });

  it('the latest set holds every database of the newest run only', () => {
    const f = (database: string, stamp: string): BackupFile =>
      ({ file: `${database}_${stamp}.dump`, database, stamp, takenAt: new Date(0), sizeBytes: 1 });
    const set = latestBackupSet([f('a', '20260102T000000Z'), f('b', '20260102T000000Z'), f('a', '20260101T000000Z')]);
    assert.deepEqual(set.map((b) => b.database), ['a', 'b']);
  });
});

describe('compose invocation', () => {
  it('v2 goes through the docker CLI plugin with project and file; variables go in its environment, no env file', () => {
    const spec = composeProcess(
      { version: 'v2', command: 'docker', prefix: ['compose'], release: '2.26.1' },
      { projectName: 'p', composeFile: '/x/compose.yml' },
      ['up', '-d'],
      { DWB_POSTGRES_PORT: '5433' },
    );
    assert.equal(spec.command, 'docker');
    assert.deepEqual(spec.args, ['compose', '--project-name', 'p', '--file', '/x/compose.yml', 'up', '-d']);
    assert.deepEqual(spec.env, { DWB_POSTGRES_PORT: '5433' });
  });

  it('maps container states to what the status bar shows', () => {
    const st = (running: boolean, status: string, health?: string) => ({ running, status, exitCode: 0, health });
    assert.equal(statusOf(undefined), 'down');
    assert.equal(statusOf(st(false, 'exited')), 'down');
    assert.equal(statusOf(st(true, 'running', 'starting')), 'starting');
    assert.equal(statusOf(st(true, 'running', 'healthy')), 'healthy');
    assert.equal(statusOf(st(true, 'running', 'unhealthy')), 'unhealthy');
    assert.equal(statusOf(st(true, 'running')), 'healthy');
    assert.equal(statusOf(st(false, 'restarting')), 'starting');
  });
});
