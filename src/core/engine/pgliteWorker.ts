/**
 * The worker thread that owns one PGlite database (entry point of dist/pgliteWorker.js, started
 * by `pgliteWorkerClient.ts`). PGlite's WebAssembly backend runs each statement synchronously on
 * its thread: here that thread is this one, so the thread that asked (the extension host's, the
 * CLI's) keeps its event loop while a statement runs. Requests are served as they come; PGlite's
 * own mutexes order them (a transaction holds the backend until its `end`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PgliteBackend, PgliteStatements } from './pgliteBackend';
import { openPgliteHere } from './pgliteLocal';
import { serializeError, type PgliteOpened, type PgliteReply, type PgliteRequest, type PgliteWorkerData } from './pgliteWorkerProtocol';

const port = parentPort;
if (port === null) throw new Error('pgliteWorker runs as a worker thread only');

/** Thrown inside PGlite's transaction callback to make it roll back when the owner asks. */
class RollbackRequested extends Error {}

function reply(message: PgliteReply): void {
  port?.postMessage(message);
}

class Served {
  private readonly transactions = new Map<number, {
    readonly statements: PgliteStatements;
    readonly end: (request: { id: number; commit: boolean }) => void;
  }>();
  private nextTransaction = 1;

  constructor(private readonly db: PgliteBackend) {}

  async handle(request: PgliteRequest): Promise<void> {
    try {
      if (request.op === 'begin') {
        this.begin(request.id);
        return;
      }
      if (request.op === 'end') {
        const open = this.transactions.get(request.tx);
        if (open === undefined) throw new Error(`PGlite transaction ${request.tx} is not open.`);
        open.end({ id: request.id, commit: request.commit });
        return;
      }
      reply({ id: request.id, ok: true, value: await this.run(request) });
    } catch (error) {
      reply({ id: request.id, ok: false, error: serializeError(error) });
    }
  }

  private statements(tx: number | undefined): PgliteStatements {
    if (tx === undefined) return this.db;
    const open = this.transactions.get(tx);
    if (open === undefined) throw new Error(`PGlite transaction ${tx} has ended.`);
    return open.statements;
  }

  private async run(request: Exclude<PgliteRequest, { op: 'begin' | 'end' }>): Promise<unknown> {
    switch (request.op) {
      case 'query':
        return this.statements(request.tx).query(request.sql, request.params, request.paramTypes);
      case 'exec':
        return this.statements(request.tx).exec(request.sql, request.notices ? (notice) => reply({ id: request.id, notice }) : undefined);
      case 'copy':
        return this.statements(request.tx).copyFrom(request.sql, request.text);
      case 'in-transaction':
        return this.db.inTransaction();
      case 'close':
        await this.db.close();
        // Nothing else holds this thread: it ends once the reply is out.
        setImmediate(() => port?.close());
        return undefined;
    }
  }

  /** Replies to `begin` from inside the transaction, and to its `end` once it has committed or rolled back. */
  private begin(beginId: number): void {
    const tx = this.nextTransaction++;
    let endId: number | undefined;
    void this.db.transaction(async (statements) => {
      const commit = await new Promise<boolean>((resolve) => {
        this.transactions.set(tx, { statements, end: (r) => { endId = r.id; resolve(r.commit); } });
        reply({ id: beginId, ok: true, value: tx });
      });
      if (!commit) throw new RollbackRequested('rollback');
    }).then(
      () => reply({ id: endId ?? beginId, ok: true, value: undefined }),
      (error: unknown) => reply(error instanceof RollbackRequested
        ? { id: endId ?? beginId, ok: true, value: undefined }
        : { id: endId ?? beginId, ok: false, error: serializeError(error) }),
    ).finally(() => this.transactions.delete(tx));
  }
}

const { config, wasm, start } = workerData as PgliteWorkerData;
openPgliteHere(config, wasm, start).then(
  ({ db, initdb, dumped }) => {
    const served = new Served(db);
    port.on('message', (request: PgliteRequest) => void served.handle(request));
    const opened: PgliteOpened = { opened: true, initdb, ...(dumped === undefined ? {} : { dumped }) };
    // Moved, not copied: the starting thread keeps it.
    port.postMessage(opened, dumped === undefined ? [] : [dumped.buffer as ArrayBuffer]);
  },
  (error: unknown) => {
    port.postMessage({ opened: false, error: serializeError(error) } satisfies PgliteOpened);
    port.close();
  },
);
