import { strict as assert } from 'node:assert';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '../../..');

/** What the activation shell may bundle: everything else is the feature bundle's (scripts/build.mjs). */
const SHELL_MODULES = [
  'scripts/bundle-import-meta-url.js',
  'src/core/project/types.ts',
  'src/extension/context.ts',
  'src/extension/features/load.ts',
  'src/extension/main.ts',
  'src/extension/passwords.ts',
  'src/extension/projectState.ts',
  'src/extension/shell.ts',
];

describe('activation shell', () => {
  it('bundles only the shell modules: every feature, Ajv and the engine layer stay in the feature bundle', async function () {
    this.timeout(30_000);
    // The shipped build's own options (plugins included), so the check and the build cannot drift.
    const { shellBuildOptions } = await import('../../../scripts/build.mjs');
    const result = await esbuild.build({ ...shellBuildOptions({ production: true }), write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs).map((f) => path.relative(root, path.resolve(root, f))).sort();
    assert.ok(inputs.includes('src/extension/shell.ts'), `the shell build did not bundle shell.ts: ${JSON.stringify(inputs)}`);
    assert.deepEqual(inputs.filter((f) => !SHELL_MODULES.includes(f)), []);
  });
});
