import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { SuiteResults } from '../vscode/suite/results';
import { createWorkspace, delay, pgliteProject, windowPerSuite } from './harness';

describe('e2e: the extension-host suite inside code-server', function () {
  let resultsFile = '';
  const w = windowPerSuite((s) => {
    resultsFile = s.suiteResultsFile;
    rmSync(resultsFile, { force: true });
    // The marker is what activates the suite runner extension in this window only.
    return createWorkspace(s.workspacesDir, 'vscode-suite', pgliteProject('suite'), { '.dwb-vscode-suite': '' });
  });

  it('runs every extension-host test and all of them pass', async () => {
    const deadline = Date.now() + 120_000;
    while (!existsSync(resultsFile) && Date.now() < deadline) await delay(500);
    await w.workbench.screenshot('suite-finished');
    assert.ok(existsSync(resultsFile), `the suite runner wrote no results to ${resultsFile} within 120 s`);
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults & { crashed?: string };
    assert.equal(results.crashed, undefined, `the suite crashed: ${results.crashed}`);
    const failures = results.tests.filter((t) => t.state !== 'passed').map((t) => `${t.state}: ${t.title}\n${t.error ?? ''}`);
    assert.deepEqual(failures, []);
    assert.ok(results.passed > 0, 'the suite ran no tests');
  });
});
