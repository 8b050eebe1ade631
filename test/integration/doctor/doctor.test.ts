import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDoctor } from '../../../src/core/doctor/checks';
import { createEngine } from '../../../src/core/engine/factory';
import { createProcessRunner } from '../../../src/core/stack/process';
import { main } from '../../../src/cli/main';

/** A stream that keeps what is written, for asserting on a command's output. */
function writable(): NodeJS.WritableStream & { readonly text: string } {
  const chunks: string[] = [];
  const stream = {
    write: (c: string | Uint8Array) => {
      chunks.push(String(c));
      return true;
    },
    get text() {
      return chunks.join('');
    },
  };
  return stream as unknown as NodeJS.WritableStream & { readonly text: string };
}

describe('dwb doctor', function () {
  this.timeout(180_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-doctor-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the project and connects to the embedded engine', async () => {
    writeFileSync(path.join(dir, 'dw-workbench.json'), JSON.stringify({ name: 'd', engine: 'pglite', connection: {} }));
    const results = await runDoctor({ cwd: dir, env: {}, nodeVersion: process.version, openEngine: (c) => createEngine(c) });
    const byName = Object.fromEntries(results.map((r) => [r.name, r]));
    assert.equal(byName['Project file']?.status, 'ok');
    assert.equal(byName['Connection']?.status, 'ok');
    assert.match(byName['Connection']?.detail ?? '', /PGlite/);
  });

  it('connects to the machine\'s PostgreSQL and names its version', async () => {
    writeFileSync(path.join(dir, 'dw-workbench.json'), JSON.stringify({ name: 'd', engine: 'postgres', connection: { user: 'postgres' }, databases: { oltp: 'postgres', dw: 'postgres' } }));
    const results = await runDoctor({ cwd: dir, env: {}, nodeVersion: process.version, openEngine: (c) => createEngine(c) });
    assert.match(results.find((r) => r.name === 'Connection')?.detail ?? '', /^PostgreSQL \d+/);
  });

  it('fails the connection check with the target and the kind when the server is unreachable', async () => {
    writeFileSync(path.join(dir, 'dw-workbench.json'), JSON.stringify({ name: 'd', engine: 'postgres', connection: { user: 'postgres', port: 1 } }));
    const results = await runDoctor({ cwd: dir, env: {}, nodeVersion: process.version, openEngine: (c) => createEngine(c) });
    const connection = results.find((r) => r.name === 'Connection');
    assert.equal(connection?.status, 'fail');
    assert.match(connection?.detail ?? '', /127\.0\.0\.1:1\/dw_ecommerce \[unreachable\]/);
  });

  it('says Docker is not installed, as a warning, when docker is not on PATH', async () => {
    writeFileSync(path.join(dir, 'dw-workbench.json'), JSON.stringify({ name: 'd', engine: 'pglite', connection: {} }));
    const runner = createProcessRunner({ ...process.env, PATH: dir });
    const results = await runDoctor({ cwd: dir, env: {}, nodeVersion: process.version, openEngine: (c) => createEngine(c), runner });
    const docker = results.find((r) => r.name === 'Docker');
    assert.equal(docker?.status, 'warn');
    assert.match(docker?.detail ?? '', /not installed/);
  });

  it('exits 1 and prints JSON naming the missing project file, and skips the connection', async () => {
    const stdout = writable();
    const code = await main(['doctor', '--json'], { stdout, stderr: writable(), env: {}, cwd: dir });
    assert.equal(code, 1);
    const report = JSON.parse(stdout.text) as { checks: { name: string; status: string; detail: string }[] };
    assert.equal(report.checks.find((c) => c.name === 'Project file')?.status, 'fail');
    assert.match(report.checks.find((c) => c.name === 'Project file')?.detail ?? '', /dwb init/);
    assert.equal(report.checks.find((c) => c.name === 'Connection')?.status, 'skip');
  });

  it('answers an unknown option with the usage exit code', async () => {
    const stderr = writable();
    assert.equal(await main(['doctor', '--nope'], { stdout: writable(), stderr, env: {}, cwd: dir }), 2);
    assert.match(stderr.text, /--nope/);
  });
});
