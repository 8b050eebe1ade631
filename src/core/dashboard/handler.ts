import { isRpcRequest, type RpcError, type RpcReply } from '../../protocol/rpc';
import { validateMonitorParams, type CheckLocationDto, type MonitorMethods } from '../../protocol/monitor';
import { validateSalesParams, type SalesMethods, type SalesQueryId, type SalesFilters } from '../../protocol/sales';
import { isEngineError } from '../engine/errors';
import type { MonitorQueries } from '../monitor/load';
import type { SalesQueries } from '../sales/load';
import { validateTargetsParams, type TargetsFilters, type TargetsQueryId } from '../../protocol/targets';
import { validateDiscountsParams, type DiscountsFilters, type DiscountsQueryId } from '../../protocol/discounts';
import type { TargetsQueries } from '../targets/load';
import type { DiscountsQueries } from '../discounts/load';

/** What only the host can do (open an editor, reveal a tree item, run the ETL, save a file). */
export interface SalesHostActions {
  /** `filters`: those of the dashboard's last load (undefined before one), written into the text. */
  showSql(query: SalesQueryId, filters: SalesFilters | undefined): Promise<void>;
  exportCsv(filters: SalesFilters): Promise<{ saved: boolean; rows: number }>;
}

/** The targets and discounts dashboards' host: open a SQL text, save a CSV of the detail. */
export interface FactHostActions<F, Q extends string> {
  /** The text to open is written by the queries (`showSqlText`), with the filters of the last load. */
  showSql(query: Q, filters: F | undefined): Promise<void>;
  exportCsv(filters: F): Promise<{ saved: boolean; rows: number }>;
}

export interface MonitorHostActions {
  runEntity(entity: string): Promise<boolean>;
  revealEntity(entity: string): Promise<void>;
  /** After an action changed ctl.etl_control (activate, deactivate, reset): views showing it refresh. */
  controlChanged?(entity: string): Promise<void>;
  /**
   * Asks the user before a watermark is reset (VS Code: the tree's modal). A host without it
   * (a test double, a future host) cannot reset: destructive actions are confirmed or refused.
   */
  confirmResetWatermark?(entity: string): Promise<boolean>;
  /**
   * Runs the warehouse checks and records their results in ctl.check_result (VS Code: "DW: Check
   * Warehouse"). A host without it (an exported page has none) cannot: the request says so.
   */
  runChecks?(): Promise<boolean>;
  /** Opens `location.file` (relative to the project's folder, or absolute) at its line; false when it cannot. */
  openLocation?(location: CheckLocationDto): Promise<boolean>;
}

/** Handles one raw message from a webview; undefined for messages that are not requests. */
export type MessageHandler = (message: unknown) => Promise<RpcReply | undefined>;

const fail = (id: number, code: RpcError['code'], message: string): RpcReply => ({ kind: 'reply', id, ok: false, error: { code, message } });

/**
 * Validates the envelope and the params, then dispatches. Anything malformed gets an error
 * reply (when it has an id to reply to) and touches no database.
 */
function dispatcher<P>(
  validate: (method: string, params: unknown) => { ok: true; value: P } | { ok: false; reason: string },
  run: (request: P) => Promise<unknown>,
): MessageHandler {
  return async (message) => {
    if (!isRpcRequest(message)) {
      const id = typeof message === 'object' && message !== null && Number.isSafeInteger((message as { id?: unknown }).id) ? (message as { id: number }).id : undefined;
      return id === undefined ? undefined : fail(id, 'invalid-message', 'Not a request.');
    }
    const checked = validate(message.method, message.params);
    if (!checked.ok) return fail(message.id, checked.reason.startsWith('unknown method') ? 'unknown-method' : 'invalid-params', checked.reason);
    try {
      return { kind: 'reply', id: message.id, ok: true, result: await run(checked.value) };
    } catch (e) {
      const code = isEngineError(e) ? 'query-failed' : 'action-failed';
      return fail(message.id, code, e instanceof Error ? e.message : String(e));
    }
  };
}

type Call<M> = { [K in keyof M]: { method: K; params: M[K] extends { params: infer P } ? P : never } }[keyof M];

export function salesHandler(queries: SalesQueries, host: SalesHostActions, initialFilters?: SalesFilters): MessageHandler {
  let shown = initialFilters;
  return dispatcher(validateSalesParams, async (call) => {
    const c = call as Call<SalesMethods>;
    switch (c.method) {
      case 'sales/load': {
        const data = await queries.load(c.params.filters);
        shown = c.params.filters;
        return data;
      }
      case 'sales/showSql': await host.showSql(c.params.query, shown); return null;
      case 'sales/exportCsv': return host.exportCsv(c.params.filters);
    }
  });
}

/**
 * The handler of a dashboard with `<prefix>/load`, `/showSql` and `/exportCsv` (targets, discounts):
 * "Show SQL" writes in the filters of the last load.
 */
function periodHandler<F, Q extends string>(
  prefix: string,
  validate: (method: string, params: unknown) =>
    { ok: true; value: { method: string; params: { readonly filters: F } | { readonly query: Q } } } | { ok: false; reason: string },
  queries: { load(filters: F): Promise<unknown> },
  host: FactHostActions<F, Q>,
  initialFilters: F | undefined,
): MessageHandler {
  let shown = initialFilters;
  return dispatcher(validate, async ({ method, params }) => {
    if ('query' in params) {
      await host.showSql(params.query, shown);
      return null;
    }
    if (method === `${prefix}/exportCsv`) return host.exportCsv(params.filters);
    const data = await queries.load(params.filters);
    shown = params.filters;
    return data;
  });
}

export const targetsHandler = (
  queries: TargetsQueries, host: FactHostActions<TargetsFilters, TargetsQueryId>, initialFilters?: TargetsFilters,
): MessageHandler =>
  periodHandler('targets', validateTargetsParams, queries, host, initialFilters);

export const discountsHandler = (
  queries: DiscountsQueries, host: FactHostActions<DiscountsFilters, DiscountsQueryId>, initialFilters?: DiscountsFilters,
): MessageHandler =>
  periodHandler('discounts', validateDiscountsParams, queries, host, initialFilters);

export function monitorHandler(queries: MonitorQueries, host: MonitorHostActions): MessageHandler {
  return dispatcher(validateMonitorParams, async (call) => {
    const c = call as Call<MonitorMethods>;
    switch (c.method) {
      case 'monitor/load': return queries.load(c.params.audit);
      case 'monitor/runDetail': return queries.runDetail(c.params.runId);
      case 'monitor/captureSnapshot': return { captured: await queries.captureSnapshot() };
      case 'monitor/revealEntity': await host.revealEntity(c.params.entity); return null;
      case 'monitor/runChecks': {
        if (host.runChecks === undefined) throw new Error('Running the warehouse checks needs VS Code or `dwb check`.');
        return { ran: await host.runChecks() };
      }
      case 'monitor/openCheck': {
        const location = await queries.checkLocation(c.params.check);
        return { opened: location !== null && host.openLocation !== undefined && await host.openLocation(location) };
      }
      case 'monitor/action': {
        const { action, entity } = c.params;
        if (action === 'run') return { done: await host.runEntity(entity) };
        if (action === 'reset-watermark' && !(await host.confirmResetWatermark?.(entity) ?? false)) return { done: false };
        const done = action === 'reset-watermark' ? await queries.resetWatermark(entity) : await queries.setActive(entity, action === 'activate');
        if (done) await host.controlChanged?.(entity);
        return { done };
      }
    }
  });
}

/** Where a dashboard's requests go now: the current project's handler, or why there is none. */
export type DashboardTarget =
  | { readonly ok: true; readonly key: object; readonly handler: () => Promise<MessageHandler> }
  | { readonly ok: false; readonly message: string };

/**
 * A handler that follows the project: each request asks `current()` where to go. While the
 * project file is broken (or absent) every request gets one error reply saying so, and runs no
 * query; once the project is back (a new `key`), the next request builds a handler on it, so an
 * open dashboard recovers without being reopened.
 */
export function followingHandler(current: () => DashboardTarget): MessageHandler {
  let built: { key: object; handler: Promise<MessageHandler> } | undefined;
  return async (message) => {
    const target = current();
    if (!target.ok) {
      built = undefined;
      const id = isRpcRequest(message) ? message.id : undefined;
      return id === undefined ? undefined : fail(id, 'not-available', target.message);
    }
    if (built?.key !== target.key) built = { key: target.key, handler: target.handler() };
    const handler = built.handler;
    try {
      return await (await handler)(message);
    } catch (e) {
      // Building the handler failed (the engine could not open): say why, build again next time.
      if (built?.handler === handler) built = undefined;
      const id = isRpcRequest(message) ? message.id : undefined;
      return id === undefined ? undefined : fail(id, isEngineError(e) ? 'query-failed' : 'action-failed', e instanceof Error ? e.message : String(e));
    }
  };
}
