import { strict as assert } from 'node:assert';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '../../..');
const loader = path.join(root, 'src/extension/features/load.ts');

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
    const result = await esbuild.build({
      entryPoints: [path.join(root, 'src/extension/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      metafile: true,
      outfile: path.join(root, 'dist/extension.js'),
      external: ['vscode'],
      mainFields: ['module', 'main'],
      inject: [path.join(root, 'scripts/bundle-import-meta-url.js')],
      define: { 'import.meta.url': 'bundleImportMetaUrl' },
      logLevel: 'silent',
      // As scripts/build.mjs does: the loader's require('./index') is the shipped ./features.js.
      plugins: [{
        name: 'feature-bundle',
        setup(build) {
          build.onResolve({ filter: /^\.\/index$/ }, (args) => (args.importer === loader ? { path: './features.js', external: true } : undefined));
        },
      }],
    });
    const inputs = Object.keys(result.metafile.inputs).map((f) => path.relative(root, path.resolve(root, f))).sort();
    assert.deepEqual(inputs.filter((f) => !SHELL_MODULES.includes(f)), []);
  });
});
