import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';

const here = __dirname;
const repoRoot = path.resolve(here, '../..');
const runnerDir = path.join(here, 'runner-extension');

const bundleOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'error',
};

/** Bundles the suite with its runner (mocha included, `vscode` left to the host) and packages it. */
export function buildSuiteRunner(): string {
  buildSync({ ...bundleOptions, entryPoints: [path.join(runnerDir, 'src/extension.ts')], outfile: path.join(runnerDir, 'dist/extension.js') });
  const out = path.join(repoRoot, 'dist/dwb-vscode-suite-runner.vsix');
  mkdirSync(path.dirname(out), { recursive: true });
  const vsce = path.join(repoRoot, 'node_modules/@vscode/vsce/vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], {
    cwd: runnerDir,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`packaging the suite runner failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** Bundles the suite alone as the module @vscode/test-electron loads (it calls its `run`). */
export function buildSuiteForElectron(): string {
  const out = path.join(repoRoot, 'out/vscode-suite/index.js');
  buildSync({ ...bundleOptions, entryPoints: [path.join(here, 'suite/index.ts')], outfile: out });
  return out;
}
