import { strict as assert } from 'node:assert';
import path from 'node:path';
import type { ConnectionConfig } from '../../../src/core/engine/config';
import { createEngine } from '../../../src/core/engine/factory';
import type { Engine } from '../../../src/core/engine/types';
import { parseProject, ProjectEngines } from '../../../src/core/project';
import { runScript, splitPostgres, type ScriptEvent } from '../../../src/core/script';
import { ScriptSessions } from '../../../src/extension/scripts/sessions';
import { memoryFiles } from '../../unit/script/memoryFiles';
import { createThrowawayDatabase, localPostgres, type ThrowawayDatabase } from '../../support/throwawayDatabase';

describe('script sessions on PostgreSQL: the project engines, and a private one for a \\c elsewhere', function () {
  let warehouse: ThrowawayDatabase;
  let other: ThrowawayDatabase;
  let engines: ProjectEngines;
  const opened: { config: ConnectionConfig; engine: Engine }[] = [];

  before(async () => {
    warehouse = await createThrowawayDatabase('dwb_sessions_dw');
    other = await createThrowawayDatabase('dwb_sessions_other');
    const project = parseProject(JSON.stringify({ name: 'sessions', engine: 'postgres', connection: { ...localPostgres }, databases: { dw: warehouse.name, oltp: warehouse.name } }), '/ws/dw-workbench.json');
    engines = new ProjectEngines(project, undefined);
  });

  after(async () => {
    await engines?.close();
    await warehouse?.drop();
    await other?.drop();
  });

  it('runs in the warehouse on the shared engine, switches on \\c, and closes only the engine it opened', async () => {
    const open = async (config: ConnectionConfig): Promise<Engine> => {
      const engine = await createEngine(config);
      opened.push({ config, engine });
      return engine;
    };
    const sessions = new ScriptSessions(engines, open);
    const text = `select current_database() as db;\n\\c ${other.name}\nselect current_database() as db;\n\\c ${warehouse.name}\nselect current_database() as db;\n`;
    const plan = await splitPostgres(text, { file: '/ws/s.sql', readFile: memoryFiles({}) });
    const seen: string[] = [];
    const summary = await runScript(plan, {
      connect: sessions.connect,
      onEvent: (e: ScriptEvent) => { if (e.type === 'result-set') seen.push(String(e.rows[0]?.['db'])); },
    });
    assert.equal(summary.ok, true, JSON.stringify(summary.errors));
    assert.deepEqual(seen, [warehouse.name, other.name, warehouse.name]);
    assert.deepEqual(opened.map((o) => (o.config.engine === 'pglite' ? '' : o.config.database)), [other.name]);
    await sessions.close();
    await assert.rejects(opened[0]?.engine.query('select 1') ?? Promise.resolve(), 'the engine opened for the \\c is closed');
    // The project's engine stays open for the next job.
    assert.deepEqual((await (await engines.get('dw')).query('select 1 as one')).rows, [{ one: 1 }]);
  });
});

describe('script sessions on PGlite', () => {
  it('refuses a \\c to another database with a message that says what to do', async () => {
    const project = parseProject(JSON.stringify({ name: 'p', engine: 'pglite', connection: { dataDir: '.dw/pglite' } }), path.join('/nonexistent', 'dw-workbench.json'));
    // No engine is opened: the refusal comes before any connection.
    const sessions = new ScriptSessions(new ProjectEngines(project, undefined), () => Promise.reject(new Error('must not open')));
    await assert.rejects(sessions.connect('somewhere_else'), (e: Error & { kind?: string }) => e.kind === 'database-missing' && /Remove the \\c line/.test(e.message));
  });
});
