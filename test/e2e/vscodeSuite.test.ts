import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { SuiteResults } from '../vscode/suite/results';
import { createWorkspace, eventually, pgliteProject, windowPerSuite } from './harness';

describe('e2e: the extension-host suite inside code-server', function () {
  let resultsFile = '';
  const w = windowPerSuite((s) => {
    resultsFile = s.suiteResultsFile;
    rmSync(resultsFile, { force: true });
    // The marker is what activates the suite runner extension in this window only.
    return createWorkspace(s.workspacesDir, 'vscode-suite', pgliteProject('suite'), { '.dwb-vscode-suite': '' });
  });

  it('runs every extension-host test and all of them pass', async function () {
    this.timeout(600_000);
    // The runner writes the file once, when the suite has finished (whole once it parses).
    const read = (): (SuiteResults & { crashed?: string }) | undefined => {
      try {
        return JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults & { crashed?: string };
      } catch {
        return undefined;
      }
    };
    await eventually(() => Promise.resolve(read() !== undefined), 480_000, 500);
    await w.workbench.screenshot('suite-finished');
    const results = read();
    assert.ok(results !== undefined, `the suite runner wrote no results to ${resultsFile} within 480 s (exists: ${existsSync(resultsFile)})`);
    assert.equal(results.crashed, undefined, `the suite crashed: ${results.crashed}`);
    const failures = results.tests.filter((t) => t.state !== 'passed').map((t) => `${t.state}: ${t.title}\n${t.error ?? ''}`);
    assert.deepEqual(failures, []);
    assert.ok(results.passed > 0, 'the suite ran no tests');
  });
});
