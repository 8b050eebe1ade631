import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Run from the TypeScript sources (tests, benchmarks under tsx) rather than from a bundle in dist/. */
export const fromSources = path.extname(__filename) === '.ts';

/**
 * PGlite's runtime files (pglite.wasm, initdb.wasm, pglite.data): dist/pglite/ beside the bundles
 * (copied by scripts/build.mjs, shipped in the vsix), PGlite's own folder from the sources.
 */
export function pgliteAssetDir(): string {
  return fromSources
    ? path.dirname(createRequire(__filename).resolve('@electric-sql/pglite'))
    : path.join(__dirname, 'pglite');
}

/** PGlite's two WebAssembly modules, compiled. */
export interface PgliteWasm {
  readonly pglite: WebAssembly.Module;
  readonly initdb: WebAssembly.Module;
}

let compiled: Promise<PgliteWasm> | undefined;

/**
 * Compiled once per process and handed to every database opened after, in this thread or posted
 * to a worker (a posted module shares its compiled code): PGlite caches its module per thread
 * only, so each worker would compile the 8 MB backend again and run its first statements on
 * baseline code until V8 has optimised it.
 */
export function pgliteWasm(): Promise<PgliteWasm> {
  if (compiled === undefined) {
    const dir = pgliteAssetDir();
    const compile = async (file: string): Promise<WebAssembly.Module> => WebAssembly.compile(await readFile(path.join(dir, file)));
    compiled = Promise.all([compile('pglite.wasm'), compile('initdb.wasm')]).then(([pglite, initdb]) => ({ pglite, initdb }));
    // A failure is not kept: the next open tries again.
    compiled.catch(() => (compiled = undefined));
  }
  return compiled;
}

let newClusters = 0;
let freshCluster: Uint8Array | undefined;

/** How a new database starts: from a fresh cluster's tarball, or by initdb (`dump`: keep its result as that tarball). */
export interface NewClusterStart {
  readonly template?: Uint8Array;
  readonly dump: boolean;
}

/**
 * How this process's next new database (in memory, or a data folder not made yet) starts. initdb
 * is most of its cost (1.7 s of 2 here); loading a just-initialised cluster's data directory
 * (PGlite's uncompressed tarball, 40 MB) takes about 0.4 s, as PGlite's own `clone()` does. The
 * tarball is made only by a process's second new database, so a window that creates one project
 * holds no copy; from the third on, every new database loads it. It lives in shared memory: the
 * workers that load it read this thread's copy.
 */
export function nextNewCluster(): NewClusterStart {
  return freshCluster !== undefined ? { template: freshCluster, dump: false } : { dump: newClusters >= 1 };
}

/** A new database was made by initdb in this process (`dumped`: its cluster, when `nextNewCluster` asked for it). */
export function newClusterMade(dumped?: Uint8Array): void {
  newClusters += 1;
  if (dumped === undefined || freshCluster !== undefined) return;
  const shared = new Uint8Array(new SharedArrayBuffer(dumped.byteLength));
  shared.set(dumped);
  freshCluster = shared;
}
