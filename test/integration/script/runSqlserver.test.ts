import { strict as assert } from 'node:assert';
import path from 'node:path';
import type { Engine } from '../../../src/core/engine/types';
import { loadScriptPlan, runScript, type ScriptEvent } from '../../../src/core/script';
import { skipBecause } from '../../support/skip';
import { isBabelfish } from '../../../src/core/engine/serverProduct';
import { sqlServerTarget } from '../engine/engineTargets';

const fixtures = path.resolve(__dirname, '../../fixtures/scripts');

describe('script runs on SQL Server', function () {
  let engine: Engine | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  // Babelfish for PostgreSQL reports an unknown column as 33557097 (its generic number) with
  // PostgreSQL's text; SQL Server as 207. The line is the server's on both.
  let babelfish = false;

  before(async function () {
    if (sqlServerTarget.skipReason !== undefined) skipBecause(this, sqlServerTarget.skipReason);
    const opened = await sqlServerTarget.open();
    engine = opened.engine;
    cleanup = () => opened.cleanup();
    babelfish = isBabelfish(await engine.serverInfo());
  });
  after(async () => cleanup?.());

  it('runs GO n, PRINT, includes and :on error ignore, placing the server error at the included file:line', async () => {
    const plan = await loadScriptPlan(path.join(fixtures, 'tsql-run/main.sql'), { dialect: 'sqlserver', variables: { Note: 'carga' } });
    const events: ScriptEvent[] = [];
    const summary = await runScript(plan, { connect: () => (engine as Engine).session(), onEvent: (e) => events.push(e) });
    assert.equal(summary.failed, 1);
    assert.equal(summary.succeeded, 4);
    const printed = events.find((e) => e.type === 'message' && e.text === 'rows: 3');
    assert.ok(printed, 'PRINT after GO 3 sees three rows');
    const error = summary.errors[0];
    assert.equal(error?.file, path.join(fixtures, 'tsql-run/inc/fails.sql'));
    assert.equal(error?.line, 3);
    if (babelfish) {
      assert.equal(error?.number, 33557097);
      assert.match(error?.message ?? '', /column "no_such_column" does not exist/);
    } else {
      assert.equal(error?.number, 207);
    }
    const raised = events.find((e) => e.type === 'message' && e.text === 'aviso: carga conferida');
    assert.ok(raised, 'RAISERROR severity 10 arrives as a message');
    const counts = events.filter((e): e is Extract<ScriptEvent, { type: 'result-set' }> => e.type === 'result-set').map((e) => e.rows[0]?.['n']);
    assert.deepEqual(counts, [3], 'the batch after the failure ran');
  });
});
