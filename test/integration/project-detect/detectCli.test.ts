import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadProject } from '../../../src/core/project';
import { skipBecause } from '../../support/skip';
import { FIXTURE_SECRETS, layoutCopy } from '../../unit/project-detect/layouts';

const root = process.env['DWB_REPO_ROOT'] ?? path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

function dwb(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, DWB_PASSWORD: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dwb detect (built CLI)', function () {
  this.timeout(60_000);
  const made: string[] = [];
  const copy = (name: string): string => {
    const dir = layoutCopy(name);
    made.push(path.dirname(dir));
    return dir;
  };
  before(function () {
    if (!existsSync(cli)) skipBecause(this, 'dist/cli.js is not built: run npm run build');
  });
  after(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  it('prints the proposal for the users\' SQL Server layout as JSON, writing nothing', () => {
    const folder = copy('sqlserver-users');
    const r = dwb(['detect', folder, '--json'], folder);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      ok: boolean; written: boolean; proposal: { engine: string; connection: { port: number } }; guesses: unknown[]; undetected: string[];
    };
    assert.equal(out.ok, true);
    assert.equal(out.written, false);
    assert.equal(out.proposal.engine, 'sqlserver');
    assert.equal(out.proposal.connection.port, 14333);
    assert.ok(out.guesses.length > 5);
    assert.ok(!existsSync(path.join(folder, 'dw-workbench.json')));
    for (const secret of FIXTURE_SECRETS) assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret));
  });

  it('--write creates a dw-workbench.json the loader accepts, and a second --write without --force is refused', () => {
    const folder = copy('postgres');
    const first = dwb(['detect', '--write'], folder);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /Wrote .*dw-workbench\.json/);
    assert.equal(loadProject(folder).config.engine, 'postgres');
    const before = readFileSync(path.join(folder, 'dw-workbench.json'), 'utf8');
    const again = dwb(['detect', '--write', '--json'], folder);
    assert.equal(again.status, 1);
    const out = JSON.parse(again.stdout) as { ok: boolean; problems: { message: string }[] };
    assert.equal(out.ok, false);
    assert.match(out.problems[0]?.message ?? '', /already exists; it was left unchanged/);
    assert.equal(readFileSync(path.join(folder, 'dw-workbench.json'), 'utf8'), before);
    assert.equal(dwb(['detect', '--write', '--force'], folder).status, 0);
  });

  it('exits 1 naming the files for conflicting dialects, in JSON too', () => {
    const folder = copy('mixed');
    const r = dwb(['detect', folder, '--json'], folder);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout) as { ok: boolean; message: string; problems: { file: string; line: number }[] };
    assert.equal(out.ok, false);
    assert.match(out.message, /Conflicting dialects/);
    assert.deepEqual(out.problems.map((p) => p.file).sort(), ['sql/dw/01_schema.sql', 'sql/oltp/01_schema.sql']);
    const text = dwb(['detect', folder], folder);
    assert.equal(text.status, 1);
    assert.match(text.stderr, /sql\/oltp\/01_schema\.sql:1:1: SQL Server \(T-SQL\) script\./);
  });

  it('lists detect in dwb --help', () => {
    const r = dwb(['--help'], root);
    assert.match(r.stdout, /^\s+detect\s+Propose a dw-workbench\.json/m);
  });
});
