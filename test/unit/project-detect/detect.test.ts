import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planBootstrap } from '../../../src/core/bootstrap/plan';
import { scaffoldProject } from '../../../src/core/scaffold/scaffold';
import { loadProject } from '../../../src/core/project';
import { DetectError, ProjectFileExistsError, describeDetection, detectProject, writeDetectedProject, type DetectResult } from '../../../src/core/project/detect';
import { FIXTURE_SECRETS, layoutCopy } from './layouts';

async function detectError(folder: string): Promise<DetectError> {
  try {
    await detectProject({ folder });
  } catch (e) {
    if (e instanceof DetectError) return e;
    throw e;
  }
  assert.fail('expected a DetectError');
}

/** Everything detection hands back, as one text: no secret may be in it. */
function everything(r: DetectResult): string {
  return [r.text, JSON.stringify(r.guesses), JSON.stringify(r.undetected), describeDetection(r).join('\n')].join('\n');
}

describe('Detect Project', () => {
  const made: string[] = [];
  const copy = (name: string): string => {
    const dir = layoutCopy(name);
    made.push(path.dirname(dir));
    return dir;
  };
  const scratch = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dwb-detect-'));
    made.push(dir);
    return dir;
  };
  after(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  describe('the users\' SQL Server layout', () => {
    let folder: string;
    let r: DetectResult;
    before(async () => {
      folder = copy('sqlserver-users');
      r = await detectProject({ folder, name: 'ecommerce' });
    });

    it('proposes SQL Server from the T-SQL scripts and the mssql image, with the published port and the admin password by name', () => {
      const p = r.proposal;
      assert.equal(p.engine, 'sqlserver');
      assert.deepEqual(p.connection, { host: '127.0.0.1', port: 14333, user: 'sa', passwordEnv: 'MSSQL_SA_PASSWORD', encrypt: true, trustServerCertificate: true });
      assert.deepEqual(p.databases, { oltp: 'ECOMMERCE_OLTP', dw: 'DW_ECOMMERCE' });
      const port = r.guesses.find((g) => g.setting === 'connection.port');
      assert.equal(port?.source, 'docker/docker-compose.sqlserver.yml:20');
      assert.equal(r.guesses.find((g) => g.setting === 'databases.oltp')?.source, 'sql/oltp/01_create_database.sql:6');
    });

    it('plans the script folders OLTP first, in natural order, split by database; included files and docs are not steps', () => {
      const steps = r.proposal.bootstrap?.steps ?? [];
      assert.deepEqual(steps.map((s) => [s.folder ?? s.script, s.database]), [
        ['sql/oltp', 'oltp'],
        ['sql/dw', 'dw'],
        ['sql/dw/03_etl_control', 'dw'],
        ['sql/dw/04_views', 'dw'],
        ['sql/dw/05_security', 'dw'],
      ]);
      assert.ok(!r.text.includes('grants.sql') || !steps.some((s) => s.script?.includes('grants.sql')));
      assert.ok(!r.text.includes('docs/queries'));
    });

    it('takes the stack settings from the compose file: service names, compose project name, health wait, non-secret variables', () => {
      const s = r.proposal.stack;
      assert.equal(s?.composeFile, 'docker/docker-compose.sqlserver.yml');
      assert.equal(s?.serverService, 'sqlserver');
      assert.equal(s?.backupService, 'sql-backup');
      assert.equal(s?.projectName, 'ecommerce-dw');
      assert.equal(s?.healthTimeoutSeconds, 40 + 10 * 20);
      assert.equal(s?.env?.['MSSQL_PORT'], '14333');
      assert.equal(s?.env?.['BACKUP_INTERVAL_HOURS'], '12');
      assert.equal(s?.env?.['BACKUP_RETENTION_DAYS'], '14');
      assert.ok(!Object.keys(s?.env ?? {}).some((k) => /PASSWORD/.test(k)));
    });

    it('never copies a secret from .env into the proposal, the reasons or the summary', () => {
      const all = everything(r);
      for (const secret of FIXTURE_SECRETS) assert.ok(!all.includes(secret), `${secret} leaked`);
    });

    it('checks the mapping CSV against the contract and says what it cannot do (passwords, seeds, the Python ETL)', () => {
      assert.match(r.guesses.find((g) => g.setting === 'etl')?.reason ?? '', /matches the contract/);
      assert.ok(r.undetected.some((u) => /Set Password/.test(u)));
      assert.ok(r.undetected.some((u) => u.includes('sql/oltp/03_seed_base.sql') && /tableEmpty/.test(u)));
      assert.ok(r.undetected.some((u) => u.includes('python/etl')));
    });

    it('names mapping rows that differ from the contract', async () => {
      const f = copy('sqlserver-users');
      const csv = path.join(f, 'python/etl/oltp_to_dw_mapping.csv');
      writeFileSync(csv, readFileSync(csv, 'utf8').replace('core.customers,email,dim.DIM_CLIENTE,email,normalizar_email', 'core.customers,email,dim.DIM_CLIENTE,email,direto'));
      const again = await detectProject({ folder: f });
      assert.ok(again.undetected.some((u) => /1 of 198 mapping row\(s\) differ/.test(u) && u.includes('line 4 (core.customers.email')), again.undetected.join('\n'));
    });

    it('writes a file the project loader accepts, and refuses to replace it without confirmation', () => {
      writeDetectedProject(r);
      const project = loadProject(folder);
      assert.equal(project.config.engine, 'sqlserver');
      assert.throws(() => writeDetectedProject(r), ProjectFileExistsError);
      writeDetectedProject(r, { overwrite: true });
      assert.deepEqual(readdirSync(folder).filter((f) => f.endsWith('.tmp')), []);
    });
  });

  describe('a PostgreSQL layout', () => {
    let folder: string;
    let r: DetectResult;
    before(async () => {
      folder = copy('postgres');
      r = await detectProject({ folder });
    });

    it('proposes PostgreSQL with the compose user, long-syntax port and POSTGRES_DB for both roles', () => {
      assert.equal(r.proposal.engine, 'postgres');
      assert.deepEqual(r.proposal.connection, { host: '127.0.0.1', port: 55432, user: 'dw_admin', passwordEnv: 'POSTGRES_PASSWORD' });
      assert.deepEqual(r.proposal.databases, { oltp: 'warehouse', dw: 'warehouse' });
      assert.deepEqual(r.proposal.variables, { DIM_DATA_START: '2024-01-01' });
      assert.equal(r.proposal.stack?.serverService, 'db');
      assert.equal(r.proposal.stack?.projectName, 'postgres');
      for (const secret of FIXTURE_SECRETS) assert.ok(!everything(r).includes(secret));
    });

    it('writes a project whose bootstrap plan plans on PostgreSQL without errors', async () => {
      writeDetectedProject(r);
      const project = loadProject(folder);
      const planned = await planBootstrap(project);
      assert.deepEqual(planned.map((p) => [p.kind, p.step.folder]), [['script', 'sql/oltp'], ['script', 'sql/dw']]);
      const dw = planned[1];
      assert.ok(dw?.kind === 'script' && dw.plan.batches.some((b) => b.text.includes("'2024-01-01'")), 'the .env value reached the script');
    });
  });

  describe('a project scaffolded by New Warehouse Project, without its dw-workbench.json', () => {
    for (const engine of ['sqlserver', 'postgres'] as const) {
      it(`${engine}: finds the compose server (through a YAML anchor on SQL Server), the databases, and OLTP before the warehouse`, async () => {
        const folder = path.join(scratch(), engine);
        const made = scaffoldProject({ engine, target: folder, assetsRoot: path.resolve(__dirname, '../../..'), name: 'wh' });
        const original = JSON.parse(readFileSync(made.projectFile, 'utf8')) as { connection: unknown; databases: unknown };
        rmSync(made.projectFile);
        const r = await detectProject({ folder, name: 'wh' });
        assert.equal(r.proposal.engine, engine);
        assert.equal(r.proposal.stack?.composeFile, `docker/compose.${engine}.yml`);
        assert.deepEqual(r.proposal.databases, original.databases);
        const steps = (r.proposal.bootstrap?.steps ?? []).map((s) => s.folder);
        assert.deepEqual(steps.slice(0, 2), [`sql/${engine}/oltp`, `sql/${engine}/dw`]);
        writeDetectedProject(r);
        assert.ok((await planBootstrap(loadProject(folder), { secrets: { ETL_MONITOR_PASSWORD: 'x', ETL_BACKUP_PASSWORD: 'x' } })).length >= 3);
      });
    }
  });

  describe('bad input', () => {
    it('refuses T-SQL and PostgreSQL scripts side by side, naming the files and lines', async () => {
      const e = await detectError(copy('mixed'));
      assert.match(e.message, /Conflicting dialects/);
      assert.deepEqual(e.problems.map((p) => `${p.file}:${p.line}`).sort(), ['sql/dw/01_schema.sql:1', 'sql/oltp/01_schema.sql:1']);
    });

    it('refuses a compose server of the other dialect than the scripts, naming both', async () => {
      const f = copy('sqlserver-users');
      writeFileSync(path.join(f, 'docker/docker-compose.sqlserver.yml'), 'services:\n  db:\n    image: postgres:16\n');
      const e = await detectError(f);
      assert.match(e.message, /compose file runs PostgreSQL .*docker\/docker-compose\.sqlserver\.yml:3.* but the scripts are SQL Server/);
      assert.ok(e.problems.some((p) => p.file === 'sql/oltp/01_create_database.sql'));
    });

    it('names the file, line and column of invalid compose YAML', async () => {
      const f = copy('sqlserver-users');
      writeFileSync(path.join(f, 'docker/docker-compose.sqlserver.yml'), 'services:\n  sqlserver:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n    ports: ["1433:1433"\n  sql-backup:\n    image: x\n');
      const e = await detectError(f);
      assert.match(e.message, /^docker\/docker-compose\.sqlserver\.yml:\d+:\d+: invalid YAML: /m);
      assert.ok((e.problems[0]?.line ?? 0) >= 4, e.message);
      assert.ok(!existsSync(path.join(f, 'dw-workbench.json')));
    });

    it('says there is nothing to detect in an empty folder and points to New Warehouse Project', async () => {
      const e = await detectError(scratch());
      assert.match(e.message, /Nothing to detect .*New Warehouse Project/);
    });

    it('reports a script variable without a value and leaves the stack out when there is no compose file', async () => {
      const f = scratch();
      mkdirSync(path.join(f, 'sql/dw'), { recursive: true });
      writeFileSync(path.join(f, 'sql/dw/01.sql'), "CREATE SCHEMA IF NOT EXISTS dim;\nSELECT :'REGION_CODE';\n");
      const r = await detectProject({ folder: f });
      assert.equal(r.proposal.engine, 'postgres');
      assert.equal(r.proposal.stack, undefined);
      assert.ok(r.undetected.some((u) => u.includes('REGION_CODE (sql/dw/01.sql:2)')), r.undetected.join('\n'));
      assert.ok(r.undetected.some((u) => /No compose file/.test(u)));
    });
  });
});
