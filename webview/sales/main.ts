import css from '../shared/styles.css';
import uplotCss from 'uplot/dist/uPlot.min.css';
import type { SalesFilters, SalesInitialState, SalesMethods } from '../../src/protocol/sales';
import { defineControls } from '../shared/controls';
import { adoptStyles } from '../shared/dom';
import { setLanguage } from '../shared/l10n';
import { initialState, RpcClient, webviewApi } from '../shared/rpc';
import { SalesView } from './view';

async function start(): Promise<void> {
  const state = initialState<SalesInitialState>();
  setLanguage(state.language);
  adoptStyles(css, uplotCss);
  await defineControls();
  const api = webviewApi();
  const client = api === undefined || state.snapshot ? undefined : new RpcClient<{ [K in keyof SalesMethods]: SalesMethods[K] }>(api);
  const saved = api?.getState() as { filters?: SalesFilters } | undefined;
  const view = new SalesView(document.getElementById('app') as HTMLElement, state.language, client, (filters) => api?.setState({ filters }));
  view.show(state.data);
  // A panel restored after a reload asks again for the filters the user had chosen.
  if (saved?.filters !== undefined && client !== undefined && JSON.stringify(saved.filters) !== JSON.stringify(state.data.filters)) {
    await view.load(saved.filters);
  }
}

void start();
