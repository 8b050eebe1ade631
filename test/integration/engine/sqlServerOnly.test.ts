import { strict as assert } from 'node:assert';
import { isBabelfish } from '../../../src/core/engine/serverProduct';
import type { Engine, ServerInfo } from '../../../src/core/engine/types';
import { mssqlBackupStatement, mssqlRestoreStatement } from '../../../src/core/stack/backup';
import { isStackError } from '../../../src/core/stack/errors';
import { assertSqlServerFeature, babelfishRefusal, type SqlServerOnlyFeature } from '../../../src/core/stack/sqlServerOnly';
import { skipBecause } from '../../support/skip';
import { sqlServerTarget, type OpenedEngine } from './engineTargets';

/**
 * Server detection for what only Microsoft SQL Server has: on Babelfish, Backup/Restore of the
 * SQL Server stack and Server Audit say so in one sentence, whether refused up front (detection)
 * or after the server's own refusal of the stack's real statement.
 */
describe('SQL Server-only features on a TDS server (DW_TEST_MSSQL)', function () {
  let opened: OpenedEngine | undefined;
  let info: ServerInfo;
  const engine = (): Engine => {
    if (opened === undefined) throw new Error('engine not opened');
    return opened.engine;
  };
  before(async function () {
    if (sqlServerTarget.skipReason !== undefined) skipBecause(this, sqlServerTarget.skipReason);
    opened = await sqlServerTarget.open();
    info = await opened.engine.serverInfo();
    if (!isBabelfish(info)) skipBecause(this, `Babelfish only: ${info.product} ${info.version} runs BACKUP DATABASE and Server Audit itself`);
  });
  after(async () => opened?.cleanup());

  const cases: readonly [SqlServerOnlyFeature, string, RegExp][] = [
    ['backup', mssqlBackupStatement('DW_ECOMMERCE', '20261206T070000Z'), /^Backup Now is SQL Server only: the server \(.+\) is Babelfish for PostgreSQL, which has no BACKUP DATABASE; back it up from its PostgreSQL side with pg_dump\.$/],
    ['restore', mssqlRestoreStatement('DW_ECOMMERCE', 'DW_ECOMMERCE_20261206T070000Z.bak'), /^Restore Backup is SQL Server only: the server \(.+\) is Babelfish for PostgreSQL, which has no RESTORE DATABASE; restore it on its PostgreSQL side with pg_restore\.$/],
    ['server-audit', "CREATE SERVER AUDIT dwb_probe_audit TO FILE (FILEPATH = N'/tmp/')", /^Server Audit is SQL Server only: the server \(.+\) is Babelfish for PostgreSQL, which has no CREATE SERVER AUDIT; .+\.$/],
  ];
  for (const [feature, statement, sentence] of cases) {
    it(`${feature}: detected up front, and the server's own refusal of the real statement becomes the same one sentence`, async () => {
      assert.throws(() => assertSqlServerFeature(info, feature), (e: unknown) => isStackError(e) && sentence.test(e.message));
      const refused = await engine().batch(statement).then(() => undefined, (e: unknown) => e as Error);
      assert.ok(refused !== undefined, `${statement} was accepted`);
      const translated = babelfishRefusal(refused.message, feature, info.address);
      assert.ok(translated !== undefined, `not recognised as Babelfish's refusal: ${refused.message}`);
      assert.match(translated.message, sentence);
      assert.equal(babelfishRefusal('Msg 3201: Cannot open backup device', feature, info.address), undefined, 'other failures keep their own message');
    });
  }
});
