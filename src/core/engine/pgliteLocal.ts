import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import type { PgliteConnectionConfig } from './config';
import { pgliteAssetDir, pgliteWasm, type PgliteWasm } from './pgliteAssets';
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

/**
 * Opens (or creates, on first use: initdb takes seconds) the PGlite database of a connection in
 * the calling thread, with the process's compiled modules (`pgliteWasm`, posted by the thread
 * that started a worker). Errors are PGlite's own; the adapter words them.
 */
export async function openPgliteHere(config: PgliteConnectionConfig, wasm?: PgliteWasm): Promise<PgliteBackend> {
  // PGlite creates only the last folder of the path; a new project has no .dw/ yet.
  if (config.dataDir !== undefined) mkdirSync(path.dirname(config.dataDir), { recursive: true });
  const modules = wasm ?? (await pgliteWasm());
  const data = await readFile(path.join(pgliteAssetDir(), 'pglite.data'));
  // Parsers on this instance only: the same exact-string / UTC-Date choices as PostgreSQL.
  const db = await PGlite.create({
    pgliteWasmModule: modules.pglite,
    initdbWasmModule: modules.initdb,
    fsBundle: new Blob([data as Uint8Array<ArrayBuffer>]),
    ...(config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
    parsers: pgResultParsers,
  });
  await db.exec("SET TimeZone = 'UTC'");
  return new LocalPglite(db);
}
