import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildSuiteRunner } from '../../vscode/buildRunner';
import type { ProcessSpec } from './codeServer';
import { repoRoot } from './toolFolder';

function run(spec: ProcessSpec, cwd: string): void {
  const r = spawnSync(spec.command, [...spec.args], { cwd, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    throw new Error(`${spec.command} ${spec.args.join(' ')} failed (exit ${r.status}) in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  }
}

const npm: ProcessSpec = { command: 'npm', args: [] };

/** The vsix the environment variable `name` names (it must exist), else the one `make` packages. */
function givenOr(name: string, make: () => string): string {
  const given = process.env[name];
  if (!given) return make();
  if (!existsSync(given)) throw new Error(`${name} names ${given}, which does not exist`);
  return given;
}

/**
 * Builds the production bundle and packages it; returns the path of dist/dw-workbench.vsix.
 * DWB_E2E_VSIX names an already packaged vsix instead (scripts/test.mjs packages once for its e2e lane).
 */
export function packageExtension(): string {
  return givenOr('DWB_E2E_VSIX', () => {
    const vsix = path.join(repoRoot, 'dist/dw-workbench.vsix');
    run({ command: npm.command, args: ['run', '--silent', 'package'] }, repoRoot);
    if (!existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
    return vsix;
  });
}

/** The VS Code suite runner's vsix (test/vscode/buildRunner.ts), or the one DWB_E2E_RUNNER_VSIX names. */
export function suiteRunnerVsix(): string {
  return givenOr('DWB_E2E_RUNNER_VSIX', buildSuiteRunner);
}

/** Packages a folder that holds an extension's package.json and built code (no npm dependencies). */
export function packageFolder(folder: string, out: string): string {
  const vsce = path.join(repoRoot, 'node_modules/@vscode/vsce/vsce');
  run(
    { command: process.execPath, args: [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out] },
    folder,
  );
  return out;
}
