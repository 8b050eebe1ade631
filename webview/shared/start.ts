import css from './styles.css';
import uplotCss from 'uplot/dist/uPlot.min.css';
import { defineControls } from './controls';
import { adoptStyles } from './dom';
import { setLanguage } from './l10n';
import { initialState, RpcClient, webviewApi } from './rpc';

interface FilteredState<F> {
  readonly language: string;
  readonly data: { readonly filters: F };
  readonly snapshot: boolean;
}

/** What a filtered dashboard's view offers its page. */
export interface FilteredView<D, F> {
  show(data: D): void;
  load(filters: F): Promise<void>;
}

/**
 * Starts a dashboard whose state is its filters (targets, discounts): language and styles, the
 * controls, the RPC client (none in a snapshot), the first data from the page, and after a reload
 * the filters the user had chosen.
 */
export async function startFilteredDashboard<F, D extends { readonly filters: F }, M extends Record<string, { params: unknown; result: unknown }>>(
  makeView: (root: HTMLElement, language: string, client: RpcClient<M> | undefined, remember: (filters: F) => void) => FilteredView<D, F>,
): Promise<void> {
  const state = initialState<FilteredState<F> & { data: D }>();
  setLanguage(state.language);
  adoptStyles(css, uplotCss);
  await defineControls();
  const api = webviewApi();
  const client = api === undefined || state.snapshot ? undefined : new RpcClient<M>(api);
  const saved = api?.getState() as { filters?: F } | undefined;
  const view = makeView(document.getElementById('app') as HTMLElement, state.language, client, (filters) => api?.setState({ filters }));
  view.show(state.data);
  if (saved?.filters !== undefined && client !== undefined && JSON.stringify(saved.filters) !== JSON.stringify(state.data.filters)) {
    await view.load(saved.filters);
  }
}
