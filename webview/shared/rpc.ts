import { isRpcNotification, isRpcReply, type RpcError, type RpcNotification } from '../../src/protocol/rpc';

/** The VS Code webview API (or the test page's stand-in); absent in an HTML snapshot. */
export interface WebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare const acquireVsCodeApi: (() => WebviewApi) | undefined;

export function webviewApi(): WebviewApi | undefined {
  return typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
}

export class RpcFailure extends Error {
  constructor(readonly error: RpcError) {
    super(error.message);
  }
}

/** Requests with ids and typed replies over postMessage; the host's errors arrive as data. */
export class RpcClient<M extends Record<string, { params: unknown; result: unknown }>> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly api: WebviewApi, onNotification?: (n: RpcNotification) => void) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const m = event.data;
      if (isRpcReply(m)) {
        const p = this.pending.get(m.id);
        if (p === undefined) return;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.result);
        else p.reject(new RpcFailure(m.error));
      } else if (isRpcNotification(m)) {
        onNotification?.(m);
      }
    });
  }

  request<K extends keyof M & string>(method: K, params: M[K]['params']): Promise<M[K]['result']> {
    const id = this.nextId++;
    return new Promise<M[K]['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => resolve(v), reject });
      this.api.postMessage({ kind: 'request', id, method, params });
    });
  }
}

/** Reads the state the host embedded in the page. */
export function initialState<T>(): T {
  const el = document.getElementById('dwb-initial-state');
  return JSON.parse(el?.textContent ?? 'null') as T;
}
