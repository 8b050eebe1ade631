/** What one run of the extension-host suite produced, as written to DWB_VSCODE_SUITE_RESULTS. */
export interface SuiteTestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly error?: string;
}

export interface SuiteResults {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly tests: readonly SuiteTestResult[];
  /** The VS Code version the suite ran in (vscode.version). */
  readonly vscodeVersion: string;
}
