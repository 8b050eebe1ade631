// Runs the extension-host suite (test/vscode/suite) in a desktop VS Code through
// @vscode/test-electron. Needs a VS Code it can download from update.code.visualstudio.com, or
// one already on disk named by VSCODE_EXECUTABLE. Where neither is available, the same suite
// runs inside code-server: `npm run test:e2e -- --grep "extension-host suite"`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const tsx = createRequire(import.meta.url)('tsx/cjs/api');
const load = (rel) => tsx.require(path.join(root, rel), import.meta.url);

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const extensionTestsPath = load('test/vscode/buildRunner.ts').buildSuiteForElectron();

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
if (!vscodeExecutablePath) {
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: 'stable', timeout: 30_000 });
  } catch (e) {
    console.error(
      `Cannot download VS Code (${e instanceof Error ? e.message : String(e)}).\n` +
        'Point VSCODE_EXECUTABLE at an installed VS Code, or run the same suite in code-server:\n' +
        '  bash .ci/setup-code-server.sh && npm run test:e2e -- --grep "extension-host suite"',
    );
    process.exit(2);
  }
}

const parent = mkdtempSync(path.join(os.tmpdir(), 'dwb-vscode-suite-'));
const { createWorkspace } = load('test/e2e/harness/workspace.ts');
const { pgliteProject } = load('test/e2e/harness/projects.ts');
const workspace = createWorkspace(parent, 'suite', pgliteProject('vscode-suite'));
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error(`extension-host suite failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  rmSync(parent, { recursive: true, force: true });
}
