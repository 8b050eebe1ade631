import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ProjectFileError,
  ProjectNotFoundError,
  connectionConfig,
  loadProject,
  parseProject,
  projectProblems,
} from '../../../src/core/project';

const FILE = '/ws/dw-workbench.json';

function problemsOf(text: string) {
  return projectProblems(text, FILE);
}

describe('project file', () => {
  it('accepts a minimal SQL Server project and fills the users\' database names', () => {
    const project = parseProject(
      JSON.stringify({ name: 'ecommerce', engine: 'sqlserver', connection: { host: '127.0.0.1', port: 1433, user: 'sa' } }),
      FILE,
    );
    const dw = connectionConfig(project, 'dw', 's3cret!');
    assert.equal(dw.engine, 'sqlserver');
    assert.equal(dw.database, 'DW_ECOMMERCE');
    assert.equal(connectionConfig(project, 'oltp').database, 'ECOMMERCE_OLTP');
  });

  it('resolves the PGlite data directory against the project folder', () => {
    const project = parseProject(JSON.stringify({ name: 'demo', engine: 'pglite', connection: {} }), FILE);
    const cfg = connectionConfig(project, 'dw');
    assert.equal(cfg.engine, 'pglite');
    assert.equal(cfg.engine === 'pglite' && cfg.dataDir, path.resolve('/ws/.dw/pglite'));
  });

  it('allows comments, as VS Code settings files do', () => {
    const text = '{\n  // the demo\n  "name": "demo", "engine": "pglite", "connection": {}\n}';
    assert.deepEqual(problemsOf(text), []);
  });

  it('reports a JSON syntax error at its line and column', () => {
    const text = '{\n  "name": "demo",\n  "engine": "pglite"\n  "connection": {}\n}';
    const [p] = problemsOf(text);
    assert.ok(p);
    assert.equal(p.line, 4);
    assert.equal(p.column, 3);
    assert.match(p.message, /JSON syntax/);
  });

  it('refuses a password with a message that says where passwords go, at the key\'s position', () => {
    const text = [
      '{',
      '  "name": "demo",',
      '  "engine": "sqlserver",',
      '  "connection": {',
      '    "user": "sa",',
      '    "password": "Hunter2!"',
      '  }',
      '}',
    ].join('\n');
    const problems = problemsOf(text);
    assert.equal(problems.length, 1);
    const [p] = problems;
    assert.ok(p);
    assert.equal(p.line, 6);
    assert.equal(p.column, 5);
    assert.match(p.message, /DW: Set Password/);
    assert.doesNotMatch(p.message, /Hunter2/);
  });

  it('names an unknown engine with the allowed values, at the value\'s line', () => {
    const text = '{\n  "name": "demo",\n  "engine": "oracle",\n  "connection": {}\n}';
    const [p] = problemsOf(text);
    assert.ok(p);
    assert.equal(p.line, 3);
    assert.match(p.message, /"sqlserver", "postgres", "pglite"/);
  });

  it('refuses a database name that is not a plain identifier, at its line, saying what a name may hold', () => {
    const text = '{\n  "name": "demo",\n  "engine": "postgres",\n  "connection": { "user": "postgres" },\n  "databases": {\n    "dw": "dw\\"; DROP DATABASE x; --"\n  }\n}';
    const problems = problemsOf(text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 6);
    assert.match(problems[0]?.message ?? '', /'databases\.dw' is .*DROP DATABASE.*letter or _ followed by letters, digits or _/);
    assert.deepEqual(problemsOf(text.replace(/"dw\\".*--"/, '"DW_ECOMMERCE"')), []);
  });

  it('reports every problem, not only the first', () => {
    const text = '{\n  "name": "",\n  "engine": "postgres",\n  "connection": { "port": 99999, "user": "x" },\n  "extra": 1\n}';
    const lines = problemsOf(text).map((p) => p.line).sort();
    assert.deepEqual(lines, [2, 4, 5]);
  });

  it('says a bootstrap step needs exactly one of script, folder or generate', () => {
    const text = JSON.stringify(
      { name: 'demo', engine: 'pglite', connection: {}, bootstrap: { steps: [{ name: 'both', script: 'a.sql', folder: 'b' }] } },
      null,
      2,
    );
    const problems = problemsOf(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /exactly one of 'script', 'folder' or 'generate'/);
  });

  it('refuses server settings on the embedded engine, and a missing user on a server engine', () => {
    assert.match(problemsOf('{"name":"d","engine":"pglite","connection":{"host":"x"}}')[0]?.message ?? '', /does not apply to the embedded engine/);
    assert.match(problemsOf('{"name":"d","engine":"postgres","connection":{"host":"x"}}')[0]?.message ?? '', /needs 'user'/);
  });

  it('throws ProjectFileError whose message lists file:line:column', () => {
    assert.throws(
      () => parseProject('{"name": "d", "engine": 1, "connection": {}}', FILE),
      (e: unknown) => e instanceof ProjectFileError && /dw-workbench\.json:1:\d+:/.test(e.message),
    );
  });

  describe('on disk', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'dwb-project-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('finds the project file from a subfolder', () => {
      writeFileSync(path.join(dir, 'dw-workbench.json'), '{"name":"d","engine":"pglite","connection":{}}');
      mkdirSync(path.join(dir, 'sql', 'dw'), { recursive: true });
      const project = loadProject(path.join(dir, 'sql', 'dw'));
      assert.equal(project.root, dir);
    });

    it('says how to create a project when there is none', () => {
      const empty = mkdtempSync(path.join(tmpdir(), 'dwb-noproject-'));
      try {
        assert.throws(() => loadProject(empty), (e: unknown) => e instanceof ProjectNotFoundError && /New Warehouse Project/.test(e.message));
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });
});
