import Mocha from 'mocha';
import * as vscode from 'vscode';
// Order matters: the globals first, then the test files that use them.
import { mocha } from './mochaGlobals';
import './extension.test';
import './commands.test';
import './views.test';
import './tasks.test';
import './etl.test';
import './confirmations.test';
import './stack.test';
import './scripts.test';
import type { SuiteResults, SuiteTestResult } from './results';

/** Runs the extension-host suite inside a running VS Code (the `vscode` module is the real one). */
export async function runSuite(): Promise<SuiteResults> {
  const tests: SuiteTestResult[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (t) => tests.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (t, err: Error) =>
      tests.push({ title: t.fullTitle(), state: 'failed', error: err.stack ?? err.message }),
    );
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
  });
  const count = (state: SuiteTestResult['state']): number => tests.filter((t) => t.state === state).length;
  return { passed: count('passed'), failed: count('failed'), pending: count('pending'), tests, vscodeVersion: vscode.version };
}

/** The entry point @vscode/test-electron calls (extensionTestsPath): rejects when a test failed. */
export async function run(): Promise<void> {
  const results = await runSuite();
  for (const t of results.tests) console.log(`${t.state.padEnd(7)} ${t.title}${t.error ? `\n${t.error}` : ''}`);
  console.log(`${results.passed} passed, ${results.failed} failed, ${results.pending} skipped`);
  if (results.failed > 0 || results.passed === 0) throw new Error(`${results.failed} extension-host tests failed`);
}
