import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { EXIT_CODES } from '../../../src/cli/command';
import { demoCommand } from '../../../src/cli/commands/demo';
import { ensureBuilt } from '../../support/build';

/** The state embedded in a snapshot page (the JSON data block). */
function embeddedState(html: string): { kind: string; snapshot: boolean; data: Record<string, unknown> } {
  const m = /<script type="application\/json" id="dwb-initial-state">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(m, 'the page embeds its initial state');
  return JSON.parse(m[1] as string) as never;
}

describe('dwb demo writes both dashboards (PGlite)', function () {
  this.timeout(600_000);
  let dir: string;

  before(() => {
    ensureBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'dwb-demo-'));
  });
  after(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('bootstraps, runs the ETL twice and writes self-contained monitor and sales snapshots of that data', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let text = '';
    stdout.on('data', (c: Buffer) => (text += c.toString()));
    stderr.on('data', (c: Buffer) => (text += c.toString()));
    const code = await demoCommand.run(['--dir', dir, '--scale', '0.01'], { stdout, stderr, env: process.env, cwd: dir });
    assert.equal(code, EXIT_CODES.ok, text);
    const monitor = embeddedState(readFileSync(path.join(dir, 'monitor.html'), 'utf8'));
    const sales = embeddedState(readFileSync(path.join(dir, 'sales.html'), 'utf8'));
    assert.equal(monitor.kind, 'monitor');
    assert.equal(monitor.snapshot, true);
    // The initial and the incremental run, both finished.
    const runs = monitor.data['recentRuns'] as { status: string }[];
    assert.equal(runs.length, 2);
    assert.deepEqual(runs.map((r) => r.status), ['success', 'success']);
    assert.equal(sales.kind, 'sales');
    assert.ok((sales.data['kpis'] as { netRevenue: number }).netRevenue > 0);
    assert.match(text, /monitor\.html/);
    assert.match(text, /sales\.html/);
  });
});
