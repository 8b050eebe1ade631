import css from '../shared/styles.css';
import uplotCss from 'uplot/dist/uPlot.min.css';
import type { ConnectionAuditFilters, MonitorInitialState, MonitorMethods } from '../../src/protocol/monitor';
import { defineControls } from '../shared/controls';
import { adoptStyles } from '../shared/dom';
import { setLanguage } from '../shared/l10n';
import { initialState, RpcClient, webviewApi } from '../shared/rpc';
import { MonitorView } from './view';

async function start(): Promise<void> {
  const state = initialState<MonitorInitialState>();
  setLanguage(state.language);
  adoptStyles(css, uplotCss);
  await defineControls();
  const api = webviewApi();
  const client = api === undefined || state.snapshot ? undefined : new RpcClient<{ [K in keyof MonitorMethods]: MonitorMethods[K] }>(api);
  const saved = api?.getState() as { audit?: ConnectionAuditFilters; autoRefreshSeconds?: number } | undefined;
  const view = new MonitorView(document.getElementById('app') as HTMLElement, state.language, client, saved?.autoRefreshSeconds ?? state.autoRefreshSeconds,
    (audit, autoRefreshSeconds) => api?.setState({ audit, autoRefreshSeconds }));
  view.show(state.data);
  if (saved?.audit !== undefined && client !== undefined && JSON.stringify(saved.audit) !== JSON.stringify(state.data.connections.filters)) {
    await view.load(saved.audit);
  }
}

void start();
