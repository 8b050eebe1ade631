import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import type { PgliteConnectionConfig } from './config';
import { nextNewCluster, pgliteAssetDir, pgliteWasm, type NewClusterStart, type PgliteWasm } from './pgliteAssets';
import type { PgliteBackend, PgliteNotice, PgliteResults, PgliteStatements } from './pgliteBackend';
import { pgResultParsers } from './pgTypes';
import type { Row } from './types';

/** Only what the adapter reads: the rest of PGlite's result (a COPY TO blob) stays here. */
function plain(r: Results<Row>): PgliteResults {
  return { rows: r.rows, fields: r.fields, ...(r.affectedRows === undefined ? {} : { affectedRows: r.affectedRows }) };
}

class LocalStatements implements PgliteStatements {
  constructor(private readonly runner: Pick<PGlite, 'query' | 'exec'> | Transaction) {}

  async query(sql: string, params: readonly (string | Uint8Array | null)[], paramTypes: readonly number[]): Promise<PgliteResults> {
    return plain(await this.runner.query<Row>(sql, [...params], { paramTypes: [...paramTypes] }));
  }

  async exec(sql: string, onNotice?: (notice: PgliteNotice) => void): Promise<PgliteResults[]> {
    const results = await this.runner.exec(sql, onNotice === undefined ? {} : {
      onNotice: (n) => onNotice({ ...(n.message === undefined ? {} : { message: n.message }), ...(n.code === undefined ? {} : { code: n.code }) }),
    });
    return results.map((r) => plain(r as Results<Row>));
  }

  async copyFrom(statement: string, text: string): Promise<void> {
    await this.runner.query(statement, [], { blob: new Blob([text]) });
  }
}

/** A PGlite database open in this thread. */
class LocalPglite extends LocalStatements implements PgliteBackend {
  constructor(private readonly db: PGlite) {
    super(db);
  }

  get closed(): boolean {
    return this.db.closed;
  }

  transaction<T>(work: (tx: PgliteStatements) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new LocalStatements(tx)));
  }

  inTransaction(): Promise<boolean> {
    return Promise.resolve(this.db.isInTransaction());
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

/** A database opened here; `initdb`: it is new and initdb made it (`dumped`: its cluster, when asked for). */
export interface OpenedHere {
  readonly db: PgliteBackend;
  readonly initdb: boolean;
  readonly dumped?: Uint8Array;
}

/**
 * Opens (or creates, on first use) the PGlite database of a connection in the calling thread,
 * with the process's compiled modules (`pgliteWasm`, posted by the thread that started a worker).
 * A new database starts as `start` says (`nextNewCluster`); the caller reports one initdb made to
 * `newClusterMade` in the thread that keeps the tarball. Errors are PGlite's own; the adapter
 * words them.
 */
export async function openPgliteHere(config: PgliteConnectionConfig, wasm?: PgliteWasm, start: NewClusterStart = nextNewCluster()): Promise<OpenedHere> {
  // PGlite creates only the last folder of the path; a new project has no .dw/ yet.
  if (config.dataDir !== undefined) mkdirSync(path.dirname(config.dataDir), { recursive: true });
  const isNew = config.dataDir === undefined || !existsSync(path.join(config.dataDir, 'PG_VERSION'));
  const template = isNew ? start.template : undefined;
  const modules = wasm ?? (await pgliteWasm());
  const data = await readFile(path.join(pgliteAssetDir(), 'pglite.data'));
  // Parsers on this instance only: the same exact-string / UTC-Date choices as PostgreSQL.
  const db = await PGlite.create({
    pgliteWasmModule: modules.pglite,
    initdbWasmModule: modules.initdb,
    fsBundle: new Blob([data as Uint8Array<ArrayBuffer>]),
    ...(config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
    // A copy out of the shared memory the template lives in.
    ...(template === undefined ? {} : { loadDataDir: new Blob([template.slice()]) }),
    parsers: pgResultParsers,
  });
  const initdb = isNew && template === undefined;
  // Before any statement of ours: the tarball is initdb's cluster, nothing else.
  const dumped = initdb && start.dump ? new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer()) : undefined;
  await db.exec("SET TimeZone = 'UTC'");
  return { db: new LocalPglite(db), initdb, ...(dumped === undefined ? {} : { dumped }) };
}
