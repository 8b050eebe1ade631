import { writeFileSync } from 'node:fs';
import { runSuite } from '../../suite/index';

/**
 * Activates only in a folder holding `.dwb-vscode-suite`, so other windows of the same
 * code-server are left alone, and writes the suite's results as JSON to the file named by
 * DWB_VSCODE_SUITE_RESULTS (the harness reads it from there).
 */
export function activate(): void {
  const out = process.env['DWB_VSCODE_SUITE_RESULTS'];
  if (!out) return;
  runSuite().then(
    (results) => writeFileSync(out, JSON.stringify(results, null, 2)),
    (e: unknown) => writeFileSync(out, JSON.stringify({ crashed: e instanceof Error ? (e.stack ?? e.message) : String(e) })),
  );
}

export function deactivate(): void {}
