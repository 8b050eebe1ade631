// Bundles the extension host code, the CLI and the webview bundles with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
// Imported (tests), it builds nothing: buildOptions() gives the esbuild options of every bundle.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, chmodSync, copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/** Node bundles: the extension (vscode external) and the CLI. */
const nodeCommon = (production) => ({
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // pg-native is an optional native binding of pg that we never use.
  external: ['vscode', 'pg-native'],
  // Prefer ES module builds: jsonc-parser's default (UMD) build requires its own files at run
  // time, which a bundle cannot satisfy (activation fails with "Cannot find module './impl/format'").
  mainFields: ['module', 'main'],
  // Keep the JSON Schema and SQL assets next to the bundle's own location lookup.
  define: { 'process.env.DWB_BUNDLED': '"1"', 'import.meta.url': 'bundleImportMetaUrl' },
  // import.meta is empty in a cjs bundle: PGlite (ESM) would not find its WebAssembly files.
  inject: [path.join(root, 'scripts/bundle-import-meta-url.js')],
});

/** PGlite's runtime files; src/core/engine/pglite.ts loads them from dist/pglite/ when bundled. */
const pgliteAssets = ['pglite.wasm', 'pglite.data', 'initdb.wasm'];
function copyPgliteAssets() {
  const from = path.join(root, 'node_modules/@electric-sql/pglite/dist');
  mkdirSync(path.join(dist, 'pglite'), { recursive: true });
  for (const file of pgliteAssets) copyFileSync(path.join(from, file), path.join(dist, 'pglite', file));
}

/**
 * The SQL parser's WebAssembly (lineage). Its loader reads `../wasm/<file>` next to the module
 * that requires it: the vendor bundle dist/vendor/sqlparser-ts.js, hence dist/wasm/.
 */
function copySqlParserWasm() {
  const file = 'sqlparser_rs_wasm_bg.wasm';
  mkdirSync(path.join(dist, 'wasm'), { recursive: true });
  copyFileSync(path.join(root, 'node_modules/@guanmingchiu/sqlparser-ts/wasm', file), path.join(dist, 'wasm', file));
}

/**
 * Database drivers are bundled apart, in dist/vendor/, and required on first use: the extension
 * bundle stays small, so loading it (most of activation time) does not parse mssql, tedious,
 * the Azure identity stack or PGlite. Each vendor bundle is a whole package; our own code (and
 * so EngineError and every class compared with instanceof) lives only in the main bundles.
 */
const vendorPackages = ['mssql', 'pg', 'pg-copy-streams', '@electric-sql/pglite', '@guanmingchiu/sqlparser-ts'];
const vendorFile = (pkg) => `${pkg.replace(/^@[^/]+\//, '')}.js`;
const vendorExternals = {
  name: 'vendor-externals',
  setup(build) {
    const filter = new RegExp(`^(${vendorPackages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./vendor/${vendorFile(args.path)}`, external: true }));
  },
};
const vendorEntries = vendorPackages.map((pkg) => ({
  stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, loader: 'js' },
  outfile: path.join(dist, 'vendor', vendorFile(pkg)),
}));

/**
 * The extension is two bundles: the activation shell (dist/extension.js, src/extension/main.ts)
 * and the feature bundle (dist/features.js, src/extension/features/index.ts) that the shell
 * requires on first use through src/extension/features/load.ts. Both builds map that one
 * `require('./index')` to the shipped ./features.js, so the feature code is never inlined into
 * the shell and is loaded once. Modules both import are copied into each: a class created on
 * one side and compared with `instanceof` on the other would not match (see docs/architecture.md).
 */
const featuresLoader = path.join(root, 'src/extension/features/load.ts');
const featureBundle = {
  name: 'feature-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/index$/ }, (args) =>
      args.importer === featuresLoader ? { path: './features.js', external: true } : undefined);
  },
};

/** The activation shell's entry (its options: buildOptions().find(...) or shellBuildOptions()). */
export const SHELL_ENTRY = path.join(root, 'src/extension/main.ts');

const nodeEntries = [
  { entryPoints: [SHELL_ENTRY], outfile: path.join(dist, 'extension.js'), extension: true },
  { entryPoints: [path.join(root, 'src/extension/features/index.ts')], outfile: path.join(dist, 'features.js'), extension: true },
  // The worker thread that owns a PGlite database (src/core/engine/pgliteWorkerClient.ts starts it).
  { entryPoints: [path.join(root, 'src/core/engine/pgliteWorker.ts')], outfile: path.join(dist, 'pgliteWorker.js') },
  {
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outfile: path.join(dist, 'cli.js'),
    banner: { js: '#!/usr/bin/env node' },
  },
].filter((e) => existsSync(e.entryPoints[0]));

/** Webview bundles: one per folder in webview/ that has a main.ts. */
const webviewEntries = existsSync(path.join(root, 'webview'))
  ? readdirSync(path.join(root, 'webview'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(root, 'webview', d.name, 'main.ts')))
      .map((d) => ({
        entryPoints: [path.join(root, 'webview', d.name, 'main.ts')],
        outfile: path.join(dist, 'webview', `${d.name}.js`),
      }))
  : [];

const browserCommon = (production) => ({
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  loader: { '.css': 'text' },
});

/** The esbuild options of every bundle this script builds. */
export function buildOptions({ production = false } = {}) {
  return [
    ...nodeEntries.map(({ extension, ...e }) => ({
      ...nodeCommon(production), ...e, plugins: extension ? [vendorExternals, featureBundle] : [vendorExternals],
    })),
    ...vendorEntries.map((e) => ({ ...nodeCommon(production), ...e, sourcemap: false })),
    ...webviewEntries.map((e) => ({ ...browserCommon(production), ...e })),
  ];
}

/** The activation shell's options (dist/extension.js), as the build uses them. */
export function shellBuildOptions(options = {}) {
  const shell = buildOptions(options).find((b) => b.entryPoints?.[0] === SHELL_ENTRY);
  if (shell === undefined) throw new Error(`scripts/build.mjs builds no bundle from ${SHELL_ENTRY}`);
  return shell;
}

async function main() {
  const production = process.argv.includes('--production');
  const watch = process.argv.includes('--watch');
  // A production build starts clean, so no stale source map or bundle reaches the vsix.
  if (production) {
    for (const sub of ['extension.js', 'extension.js.map', 'features.js', 'features.js.map', 'pgliteWorker.js', 'pgliteWorker.js.map', 'cli.js', 'cli.js.map', 'webview', 'vendor', 'pglite', 'wasm']) {
      rmSync(path.join(dist, sub), { recursive: true, force: true });
    }
  }
  mkdirSync(dist, { recursive: true });
  const builds = buildOptions({ production });
  if (watch) {
    copyPgliteAssets();
    copySqlParserWasm();
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log(`watching ${builds.length} bundles`);
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
    copyPgliteAssets();
    copySqlParserWasm();
    if (existsSync(path.join(dist, 'cli.js'))) chmodSync(path.join(dist, 'cli.js'), 0o755);
    console.log(`built ${builds.length} bundles${production ? ' (production)' : ''}`);
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
