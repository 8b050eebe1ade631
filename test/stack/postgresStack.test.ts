import { strict as assert } from 'node:assert';
import path from 'node:path';
import { loadEntityDefinitions } from '../../src/core/etl/definition/load';
import { runEtl } from '../../src/core/etl/run/run';
import { ProjectEngines, type Project } from '../../src/core/project';
import {
  backupNow,
  bootstrapOnStack,
  checkStackConnection,
  latestBackupSet,
  listBackups,
  projectOnStack,
  restoreBackups,
  stackAdminPassword,
  startStack,
  type StackEvent,
} from '../../src/core/stack';
import { filesHolding } from '../support/filesHolding';
import { requireDocker } from './dockerTestEnv';
import { scaffoldPostgresProjectStack, type ProjectStack } from './stackProject';
import { entitiesDirOf } from '../integration/etl/support/project';

const COUNTED_TABLES = ['core.customers', 'core.orders', 'core.order_items', 'dim.dim_cliente', 'dim.dim_data', 'audit.etl_run'];

async function rowCounts(t: ProjectStack): Promise<Record<string, number>> {
  return t.withDw(async (dw) => {
    const out: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      out[table] = Number((await dw.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]?.n);
    }
    return out;
  });
}

function withoutGeneratedData(project: Project): Project {
  const steps = (project.config.bootstrap?.steps ?? []).filter((step) => step.generate === undefined);
  return { ...project, config: { ...project.config, bootstrap: { steps } } };
}

describe('PostgreSQL stack on a real Docker engine: the life of a project', function () {
  this.timeout(900_000);
  let t: ProjectStack;
  const start = () =>
    startStack(t.stack, {
      bootstrap: async (s) => { await bootstrapOnStack(t.project, s, { entitiesDir: entitiesDirOf(t.project) }); },
      checkConnection: async (s) => { assert.match(await checkStackConnection(t.project, s), /PostgreSQL/); },
    });

  before(async function () {
    await requireDocker(this);
    t = await scaffoldPostgresProjectStack();
  });

  after(async () => {
    await t?.dispose();
  });

  it('starts: compose up, healthy, bootstrap plan, connection check, reporting progress on the way', async () => {
    const timings = await start();
    assert.equal(await t.stack.status(), 'healthy');
    const phases = t.events.filter((e): e is Extract<StackEvent, { type: 'phase' }> => e.type === 'phase' && e.state === 'done');
    assert.deepEqual(phases.map((p) => p.phase), ['checks', 'up', 'health', 'bootstrap', 'connection']);
    assert.ok(t.events.some((e) => e.type === 'health'), 'health polls were reported');
    assert.ok(timings.bootstrapMs > 0);
    const counts = await rowCounts(t);
    assert.ok((counts['core.customers'] ?? 0) > 0, 'the bootstrap generated customers');
    assert.ok((counts['dim.dim_data'] ?? 0) > 3000, 'the bootstrap filled the calendar');
  });

  it('never shows a generated password in any event, and no file under the project holds one after Start Stack', async () => {
    const text = JSON.stringify(t.events);
    for (const name of ['POSTGRES_PASSWORD', 'ETL_MONITOR_PASSWORD', 'ETL_BACKUP_PASSWORD']) {
      const value = t.secrets.values[name] ?? '';
      assert.ok(value.length >= 12, name);
      assert.ok(!text.includes(value), name);
      // The project folder holds the backups folder and whatever compose or the bootstrap wrote.
      assert.deepEqual(await filesHolding(t.project.root, value), [], `${name} is on disk`);
    }
  });

  it('publishes the server on 127.0.0.1 only, on the project\'s port', async () => {
    const [id] = await t.stack.docker.serviceContainers(t.stack.projectName, 'postgres');
    const r = await t.stack.docker.run(['port', id ?? '', '5432']);
    assert.equal(r.stdout.trim(), `127.0.0.1:${t.project.config.connection.port}`);
  });

  it('loads dim_cliente with the ETL from the generated customers', async () => {
    const onStack = projectOnStack(t.project, t.stack);
    const engines = new ProjectEngines(onStack, stackAdminPassword(t.stack));
    try {
      const result = await runEtl({
        source: await engines.get('oltp'),
        target: await engines.get('dw'),
        definitions: loadEntityDefinitions(path.join(t.project.root, 'etl/entities')),
        entities: ['dim_cliente'],
        startedBy: 'stack test',
      });
      assert.equal(result.status, 'success', JSON.stringify(result.entities));
    } finally {
      await engines.close();
    }
    const loaded = await t.withDw(async (dw) =>
      (await dw.query<{ c: string; d: string }>(
        'select (select count(*) from core.customers) as c, (select count(*) from dim.dim_cliente where cliente_id > 0) as d',
      )).rows[0],
    );
    assert.ok(Number(loaded?.d) > 0);
    assert.equal(Number(loaded?.d), Number(loaded?.c), 'every customer reached dim_cliente');
  });

  it('stops the backup loop on SIGTERM (Stop Stack does not wait for the engine to kill it)', async () => {
    const [id] = await t.stack.docker.serviceContainers(t.stack.projectName, 'postgres-backup');
    assert.ok(id, 'the backup service has a container');
    // The grace period is long on purpose: a loop that ignores SIGTERM is killed at its end (137).
    const stop = await t.stack.docker.run(['stop', '--time', '60', id]);
    assert.equal(stop.code, 0, stop.stderr);
    const state = await t.stack.docker.run(['inspect', '-f', '{{.State.ExitCode}} {{.State.OOMKilled}}', id]);
    assert.equal(state.stdout.trim(), '0 false', 'exit code 137: the loop ignored SIGTERM and was killed after the grace period');
    const again = await t.stack.docker.run(['start', id]);
    assert.equal(again.code, 0, again.stderr);
  });

  it('keeps the data across down and up', async () => {
    const before = await rowCounts(t);
    await t.stack.down();
    assert.equal(await t.stack.status(), 'down');
    await start();
    assert.deepEqual(await rowCounts(t), before);
  });

  it('backs up, and a destroyed stack restored from the backup has the same row counts', async () => {
    const counts = await rowCounts(t);
    const taken = await backupNow(t.stack);
    assert.deepEqual(taken.map((b) => b.database), ['dw_ecommerce']);
    assert.ok((taken[0]?.sizeBytes ?? 0) > 0);

    await t.stack.destroy();
    const volumes = await t.stack.docker.run(['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${t.stack.projectName}`]);
    assert.equal(volumes.stdout.trim(), '', 'destroy deleted the volumes');

    // Structure and roles (the dump's grants name them), but no generated data this time.
    const structureOnly = withoutGeneratedData(t.project);
    await startStack(t.stack, { bootstrap: async (s) => { await bootstrapOnStack(structureOnly, s, { entitiesDir: entitiesDirOf(structureOnly) }); } });
    assert.equal((await rowCounts(t))['core.customers'], 0, 'the fresh stack has the structure but no data');

    const latest = latestBackupSet(await listBackups(t.stack));
    assert.deepEqual(latest.map((b) => b.file), taken.map((b) => b.file));
    await restoreBackups(t.stack, latest);
    assert.deepEqual(await rowCounts(t), counts);
  });
});
