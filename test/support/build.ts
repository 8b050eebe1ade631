import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
let built = false;

/**
 * Builds dist/ (scripts/build.mjs) for the tests that load its bundles (webview pages, the CLI),
 * once per test process. The test runner (scripts/test.mjs) builds before its lanes start and says
 * so with DWB_TEST_BUILT=1: then nothing is built here, so no lane rewrites a bundle another lane
 * is reading.
 */
export function ensureBuilt(): void {
  if (built || process.env['DWB_TEST_BUILT'] === '1') return;
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, `scripts/build.mjs failed:\n${build.stderr}`);
  built = true;
}
