import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BootstrapStepError, runBootstrap, type BootstrapEvent } from '../../../src/core/bootstrap';
import { ProjectEngines, loadProject, type Project } from '../../../src/core/project';
import { scaffoldProject } from '../../../src/core/scaffold/scaffold';
import { WrongScriptDialectError } from '../../../src/core/warehouse/scriptDialect';
import { databaseExists, dropDatabase, throwawayName } from '../../support/throwawayDatabase';
import { entitiesDirOf } from '../etl/support/project';

const repo = path.resolve(__dirname, '../../..');
const secrets = { ETL_MONITOR_PASSWORD: 'Monitor-test-1', ETL_BACKUP_PASSWORD: 'Backup-test-1' };
/** Small enough for a test, large enough to fill every OLTP table. */
const SCALE = 0.02;

const COUNT_SQL = `SELECT
  (SELECT count(*) FROM core.customers) AS customers,
  (SELECT count(*) FROM core.order_items) AS order_items,
  (SELECT count(*) FROM ctl.etl_control) AS entities,
  (SELECT count(*) FROM dim.dim_data) AS dates,
  (SELECT md5(string_agg(customer_id || ':' || email || ':' || updated_at, ',' ORDER BY customer_id)) FROM core.customers) AS customers_md5`;

function scaffold(engine: 'postgres' | 'pglite', edit: (config: Record<string, unknown>) => void = () => undefined): Project {
  const dir = mkdtempSync(path.join(tmpdir(), `dwb-bootstrap-${engine}-`));
  const { projectFile } = scaffoldProject({ engine, target: dir, assetsRoot: repo });
  const config = JSON.parse(readFileSync(projectFile, 'utf8')) as Record<string, unknown>;
  // The new project's own variables (every ETL entity active) with a shorter calendar.
  config['variables'] = { ...(config['variables'] as object), DIM_DATA_START: '2024-01-01', DIM_DATA_END: '2025-12-31' };
  edit(config);
  writeFileSync(projectFile, JSON.stringify(config, null, 2));
  return loadProject(projectFile);
}

for (const engineName of ['postgres', 'pglite'] as const) {
  describe(`bootstrap from the project plan on ${engineName === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, function () {
    this.timeout(600_000);
    // Not created here: the bootstrap creates PostgreSQL's database itself.
    const db = engineName === 'postgres' ? { name: throwawayName('dwb_boot') } : undefined;
    let project: Project;
    let engines: ProjectEngines;
    const bootstrap = (p: Project, onEvent?: (e: BootstrapEvent) => void): ReturnType<typeof runBootstrap> =>
      runBootstrap(p, { engines: (r) => engines.get(r), entitiesDir: entitiesDirOf(p), secrets, ...(onEvent ? { onEvent } : {}) });

    before(() => {
      project = scaffold(engineName, (c) => {
        if (db !== undefined) {
          c['connection'] = { host: '127.0.0.1', port: 5432, user: 'postgres' };
          c['databases'] = { oltp: db.name, dw: db.name };
        }
        const steps = (c['bootstrap'] as { steps: { generate?: { scale: number } }[] }).steps;
        for (const s of steps) if (s.generate) s.generate.scale = SCALE;
      });
      engines = new ProjectEngines(project, undefined);
    });
    after(async () => {
      await engines.close();
      if (db !== undefined) await dropDatabase(db.name);
      rmSync(project.root, { recursive: true, force: true });
    });

    it('builds the warehouse and generates data, with every ETL entity active, then a second run changes nothing', async () => {
      const events: BootstrapEvent[] = [];
      const first = await bootstrap(project, (e) => events.push(e));
      assert.ok(first.ok);
      const created = events.filter((e) => e.type === 'database-created').map((e) => (e as { database: string }).database);
      assert.deepEqual(created, db === undefined ? [] : [db.name]);
      const dw = await engines.get('dw');
      const before = (await dw.query(COUNT_SQL)).rows[0];
      assert.ok(Number((before as { customers: unknown }).customers) > 0);
      assert.equal(Number((before as { entities: unknown }).entities), 9);
      // A new project loads the whole star on its first "all active entities" run.
      assert.deepEqual((await dw.query('SELECT entity_name FROM ctl.etl_control WHERE NOT is_active')).rows, []);

      const again: BootstrapEvent[] = [];
      const second = await bootstrap(project, (e) => again.push(e));
      assert.ok(second.ok);
      assert.deepEqual((await dw.query(COUNT_SQL)).rows[0], before);
      const skips = again.filter((e) => e.type === 'step-skip').map((e) => (e as { reason: string }).reason);
      assert.ok(skips.includes('core.customers already holds rows'), JSON.stringify(skips));
      const messages = again.flatMap((e) => (e.type === 'script' && e.event.type === 'message' ? [e.event.text] : []));
      assert.ok(messages.some((m) => /already exists/.test(m)), 'the rerun says what already existed');
      if (engineName === 'pglite') assert.ok(skips.includes('does not apply to pglite'), 'security skipped on PGlite');
    });

    it('stops at a failing step and names the step, file and line', async () => {
      const bad = path.join(project.root, 'sql', 'broken.sql');
      writeFileSync(bad, 'SELECT 1;\n\nSELECT * FROM core.no_such_table;\n');
      const broken = scaffoldedWithStep(project, { name: 'Broken step', script: 'sql/broken.sql' });
      await assert.rejects(
        bootstrap(broken),
        (e: unknown) => e instanceof BootstrapStepError && e.step === 'Broken step' && e.file === bad && e.line === 3,
      );
    });

    it('refuses a script of the other dialect before running any step', async () => {
      const tsql = path.join(project.root, 'sql', 'tsql.sql');
      writeFileSync(tsql, "PRINT N'hello'\nGO\n");
      const marker = path.join(project.root, 'sql', 'marker.sql');
      writeFileSync(marker, 'CREATE TABLE public.dwb_marker (x int);\n');
      const mixed = scaffoldedWithStep(project, { name: 'T-SQL', script: 'sql/tsql.sql' }, { name: 'Marker', script: 'sql/marker.sql' }, true);
      const events: BootstrapEvent[] = [];
      await assert.rejects(bootstrap(mixed, (e) => events.push(e)), WrongScriptDialectError);
      // Refused while planning: no database created, no step started (whether or not an
      // earlier test of this suite built the warehouse).
      assert.deepEqual(events.filter((e) => e.type === 'database-created' || e.type === 'step-start'), []);
      if (db === undefined || await databaseExists(db.name)) {
        const dw = await engines.get('dw');
        assert.equal((await dw.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'dwb_marker'")).rows[0]?.['n'], 0);
      }
    });
  });
}

/** The same project with extra steps (first, or last), for failure cases. */
function scaffoldedWithStep(project: Project, step: object, extra?: object, first = false): Project {
  const steps = [...(project.config.bootstrap?.steps ?? [])];
  const added = [step, ...(extra ? [extra] : [])] as never[];
  const config = { ...project.config, bootstrap: { steps: first ? [...added, ...steps] : [...steps, ...added] } };
  return { ...project, config };
}
