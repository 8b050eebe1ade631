// Injected into the CommonJS node bundles (see scripts/build.mjs): ESM dependencies that find
// their files with `new URL('./x', import.meta.url)` (PGlite's .wasm/.data) then look next to
// the bundle file, where the build copies those files.
export const bundleImportMetaUrl = require('node:url').pathToFileURL(__filename).href;
