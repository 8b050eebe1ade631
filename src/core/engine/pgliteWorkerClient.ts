import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PgliteConnectionConfig } from './config';
import { fromSources, newClusterMade, nextNewCluster, pgliteWasm } from './pgliteAssets';
import type { PgliteBackend, PgliteNotice, PgliteResults, PgliteStatements } from './pgliteBackend';
import { PgliteWorkerError, type PgliteOpened, type PgliteReply, type PgliteRequest, type PgliteWorkerData } from './pgliteWorkerProtocol';

/** A request without its id (the client numbers them). */
type Unnumbered<R> = R extends { readonly id: number } ? Omit<R, 'id'> : never;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  readonly onNotice?: (notice: PgliteNotice) => void;
}

/**
 * The worker's entry: dist/pgliteWorker.js beside the bundle that runs this code; from the
 * sources (tests, benchmarks run by tsx) the TypeScript entry, which the worker loads through
 * tsx as its parent did.
 */
function workerEntry(): { readonly file: string; readonly execArgv?: string[] } {
  if (!fromSources) return { file: path.join(__dirname, 'pgliteWorker.js') };
  return {
    file: path.join(__dirname, 'pgliteWorker.ts'),
    execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')],
  };
}

/**
 * A PGlite database owned by a worker thread (`pgliteWorker.ts`): every statement is a message
 * to it and its reply, so this thread's event loop runs while the backend works. The worker
 * keeps this process alive only while a request waits for its reply, as a socket would.
 */
export class PgliteWorkerBackend implements PgliteBackend {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: Error | undefined;
  private closing = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: PgliteReply) => this.receive(message));
    worker.on('error', (error) => this.stop(error));
    worker.on('exit', (code) => this.stop(new Error(`The PGlite worker thread ended (exit code ${code}).`)));
  }

  /** Starts the worker and waits until it has opened the database (or failed to). */
  static async open(config: PgliteConnectionConfig): Promise<PgliteWorkerBackend> {
    const entry = workerEntry();
    const worker = new Worker(entry.file, {
      workerData: { config, wasm: await pgliteWasm(), start: nextNewCluster() } satisfies PgliteWorkerData,
      ...(entry.execArgv === undefined ? {} : { execArgv: entry.execArgv }),
    });
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        worker.off('error', failed);
        worker.off('exit', ended);
        worker.off('message', opened);
      };
      const failed = (error: Error): void => {
        settle();
        reject(error);
      };
      const ended = (code: number): void => failed(new Error(`The PGlite worker thread ended before opening the database (exit code ${code})`));
      const opened = (message: PgliteOpened): void => {
        settle();
        if (message.opened) {
          if (message.initdb) newClusterMade(message.dumped);
          const backend = new PgliteWorkerBackend(worker);
          worker.unref();
          resolve(backend);
        } else {
          reject(new PgliteWorkerError(message.error));
        }
      };
      worker.on('error', failed);
      worker.on('exit', ended);
      worker.on('message', opened);
    });
  }

  get closed(): boolean {
    return this.stopped !== undefined;
  }

  query(sql: string, params: readonly (string | Uint8Array | null)[], paramTypes: readonly number[]): Promise<PgliteResults> {
    return this.statementsOf(undefined).query(sql, params, paramTypes);
  }

  exec(sql: string, onNotice?: (notice: PgliteNotice) => void): Promise<PgliteResults[]> {
    return this.statementsOf(undefined).exec(sql, onNotice);
  }

  copyFrom(statement: string, text: string): Promise<void> {
    return this.statementsOf(undefined).copyFrom(statement, text);
  }

  async transaction<T>(work: (tx: PgliteStatements) => Promise<T>): Promise<T> {
    const tx = (await this.request({ op: 'begin' })) as number;
    let result: T;
    try {
      result = await work(this.statementsOf(tx));
    } catch (error) {
      // The work's error is the one to report; a failed ROLLBACK after it adds nothing.
      await this.request({ op: 'end', tx, commit: false }).catch(() => undefined);
      throw error;
    }
    await this.request({ op: 'end', tx, commit: true });
    return result;
  }

  async inTransaction(): Promise<boolean> {
    return (await this.request({ op: 'in-transaction' })) as boolean;
  }

  async close(): Promise<void> {
    if (this.stopped !== undefined || this.closing) return;
    // Held until the thread has ended, so a caller awaiting close() is not left behind by an exiting process.
    this.closing = true;
    this.worker.ref();
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    try {
      await this.request({ op: 'close' });
    } catch (error) {
      await this.worker.terminate();
      throw error;
    }
    this.stopped = new Error('The PGlite database is closed.');
    await exited;
  }

  private statementsOf(tx: number | undefined): PgliteStatements {
    const inTx = tx === undefined ? {} : { tx };
    return {
      query: async (sql, params, paramTypes) => (await this.request({ op: 'query', ...inTx, sql, params, paramTypes })) as PgliteResults,
      exec: async (sql, onNotice) => (await this.request({ op: 'exec', ...inTx, sql, notices: onNotice !== undefined }, onNotice)) as PgliteResults[],
      copyFrom: async (sql, text) => {
        await this.request({ op: 'copy', ...inTx, sql, text });
      },
    };
  }

  private request(request: Unnumbered<PgliteRequest>, onNotice?: (notice: PgliteNotice) => void): Promise<unknown> {
    if (this.stopped !== undefined) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onNotice === undefined ? {} : { onNotice }) });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...request, id });
    });
  }

  private receive(message: PgliteReply): void {
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    if ('notice' in message) {
      pending.onNotice?.(message.notice);
      return;
    }
    this.pending.delete(message.id);
    if (this.pending.size === 0 && !this.closing) this.worker.unref();
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new PgliteWorkerError(message.error));
  }

  /** The worker is gone (closed, crashed): every waiting request fails, and so does every later one. */
  private stop(error: Error): void {
    this.stopped ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
