import { button } from './controls';
import { h, replace } from './dom';
import { redrawKeepingPlace } from './focus';
import { Formats } from './format';
import { t } from './l10n';
import { RpcFailure, type RpcClient } from './rpc';

type Methods = Record<string, { params: unknown; result: unknown }>;

/**
 * A dashboard page driven by its filters (targets, discounts): `<prefix>/load` on each change,
 * the newest answer drawn (an older one arriving late is dropped), focus kept across redraws,
 * errors in the page's alert region, a named "SQL" button per panel.
 */
export abstract class FilteredDashboardView<D extends { readonly filters: F }, F, Q extends string> {
  readonly f: Formats;
  protected data: D | undefined;
  private loading = 0;

  constructor(
    protected readonly root: HTMLElement,
    language: string,
    protected readonly client: RpcClient<Methods> | undefined,
    private readonly remember: (filters: F) => void,
    private readonly prefix: string,
  ) {
    this.f = new Formats(language);
  }

  /** The page's content for `data` (redrawn whole; focus is put back by key). */
  protected abstract render(data: D): HTMLElement[];

  async load(filters: F): Promise<void> {
    if (this.client === undefined) return;
    const ticket = ++this.loading;
    this.root.setAttribute('aria-busy', 'true');
    try {
      const data = (await this.client.request(`${this.prefix}/load`, { filters })) as D;
      if (ticket === this.loading) this.show(data);
    } catch (e) {
      if (ticket === this.loading) this.showError(e);
    }
  }

  show(data: D): void {
    this.data = data;
    this.remember(data.filters);
    redrawKeepingPlace(this.root, () => replace(this.root, ...this.render(data)));
    this.root.setAttribute('aria-busy', 'false');
    this.root.dataset['rendered'] = String(Date.now());
  }

  protected showError(e: unknown): void {
    this.root.setAttribute('aria-busy', 'false');
    const el = this.root.querySelector('#error');
    const message = e instanceof RpcFailure ? e.error.message : String(e);
    if (el !== null) replace(el, h('div', { class: 'error-banner', 'data-testid': 'error' }, t('Could not load the dashboard: {0}', message)));
  }

  protected change(patch: Partial<F>): void {
    if (this.data !== undefined) void this.load({ ...this.data.filters, ...patch });
  }

  /** The SQL behind a panel, named after it ("SQL: Top teams"); none in a snapshot. */
  protected sqlButton(query: Q, what: string, testId = `sql-${query}`): HTMLElement | null {
    const client = this.client;
    if (client === undefined) return null;
    return button(t('SQL'), testId, () => void client.request(`${this.prefix}/showSql`, { query }).catch((e: unknown) => this.showError(e)),
      { secondary: true, title: t('Show the SQL behind this number'), name: `${t('SQL')}: ${what}` });
  }

  /** "Export CSV" of the detail for the current filters; none in a snapshot. */
  protected csvButton(filters: F): HTMLElement | null {
    const client = this.client;
    if (client === undefined) return null;
    return button(t('Export CSV'), 'export-csv', () => void client.request(`${this.prefix}/exportCsv`, { filters }).catch((e: unknown) => this.showError(e)), { secondary: true });
  }

  /** The page's error region (role=alert). */
  protected errorRegion(): HTMLElement {
    return h('div', { id: 'error', role: 'alert' });
  }
}
