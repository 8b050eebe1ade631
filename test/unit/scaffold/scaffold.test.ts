import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadProject } from '../../../src/core/project';
import { ProjectExistsError, scaffoldProject } from '../../../src/core/scaffold/scaffold';

const repo = path.resolve(__dirname, '../../..');

describe('scaffolding a new project', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-scaffold-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const engine of ['pglite', 'postgres', 'sqlserver'] as const) {
    it(`writes a ${engine} project that loads without problems and whose bootstrap folders exist`, () => {
      const result = scaffoldProject({ engine, target: path.join(dir, 'my warehouse'), assetsRoot: repo });
      const project = loadProject(result.projectFile);
      assert.equal(project.config.engine, engine);
      assert.equal(project.config.name, 'my-warehouse');
      for (const step of project.config.bootstrap?.steps ?? []) {
        if (step.folder !== undefined) assert.ok(existsSync(path.join(project.root, step.folder)), `${step.name}: ${step.folder}`);
      }
      const compose = project.config.stack?.composeFile;
      if (compose !== undefined) assert.ok(existsSync(path.join(project.root, compose)), compose);
    });
  }

  it('keeps secrets out of git and writes no secret value', () => {
    scaffoldProject({ engine: 'sqlserver', target: dir, assetsRoot: repo });
    assert.match(readFileSync(path.join(dir, '.gitignore'), 'utf8'), /^\.env$/m);
    const example = readFileSync(path.join(dir, '.env.example'), 'utf8');
    assert.match(example, /^MSSQL_SA_PASSWORD=$/m);
    assert.doesNotMatch(example, /PASSWORD=\S/);
  });

  it('never overwrites an existing project or file', () => {
    writeFileSync(path.join(dir, '.gitignore'), 'mine\n');
    scaffoldProject({ engine: 'pglite', target: dir, assetsRoot: repo });
    assert.equal(readFileSync(path.join(dir, '.gitignore'), 'utf8'), 'mine\n');
    assert.throws(() => scaffoldProject({ engine: 'pglite', target: dir, assetsRoot: repo }), ProjectExistsError);
  });

  it('registers every ETL entity active in a new project', () => {
    const { projectFile } = scaffoldProject({ engine: 'pglite', target: dir, assetsRoot: repo });
    assert.equal(loadProject(projectFile).config.variables?.['ETL_ACTIVE_ENTITIES'], 'all');
  });

  it('points a PostgreSQL project at a server that runs now: its settings, no stack, no compose file', () => {
    const server = { host: 'db.local', port: 6543, user: 'etl', database: 'my_dw', stack: false };
    const { projectFile, created } = scaffoldProject({ engine: 'postgres', target: dir, assetsRoot: repo, server });
    const { config } = loadProject(projectFile);
    assert.deepEqual(config.connection, { host: 'db.local', port: 6543, user: 'etl' });
    assert.deepEqual(config.databases, { oltp: 'my_dw', dw: 'my_dw' });
    assert.equal(config.stack, undefined);
    assert.ok(!created.some((f) => f.startsWith('docker')), created.join(', '));
    assert.match(readFileSync(path.join(dir, '.env.example'), 'utf8'), /^DWB_PASSWORD=$/m);
  });

  it('points a project at its Docker stack by default', () => {
    const { projectFile } = scaffoldProject({ engine: 'postgres', target: dir, assetsRoot: repo });
    const { config } = loadProject(projectFile);
    assert.equal(config.connection.port, 5433);
    assert.equal(config.stack?.composeFile, 'docker/compose.postgres.yml');
    assert.ok(existsSync(path.join(dir, 'docker/compose.postgres.yml')));
  });
});
