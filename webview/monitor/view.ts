import type { ConnectionAuditFilters, ControlAction, ControlRow, MonitorData, RunEntityDetail } from '../../src/protocol/monitor';
import { button, selectField } from '../shared/controls';
import { h, panel, replace } from '../shared/dom';
import { redrawKeepingPlace } from '../shared/focus';
import { Formats } from '../shared/format';
import { t } from '../shared/l10n';
import { RpcFailure } from '../shared/rpc';
import { dataTable } from '../shared/table';
import { auditPanels } from './audit';
import { checksSection } from './checks';
import type { MonitorClient, PanelHost } from './panelHost';
import { runPanels } from './runs';

export type { MonitorClient } from './panelHost';

const INTERVALS = [0, 10, 30, 60, 300];

/** Renders the ETL monitor; refreshes on a timer the user can change or pause. */
export class MonitorView implements PanelHost {
  readonly f: Formats;
  private data: MonitorData | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private paused = false;
  private loading = 0;
  private detail: { runId: number; rows: readonly RunEntityDetail[] } | undefined;
  private checking = false;

  constructor(
    private readonly root: HTMLElement,
    language: string,
    readonly client: MonitorClient | undefined,
    private interval: number,
    private readonly remember: (audit: ConnectionAuditFilters, interval: number) => void,
  ) {
    this.f = new Formats(language);
    this.schedule();
  }

  async load(audit: ConnectionAuditFilters): Promise<void> {
    if (this.client === undefined) return;
    const ticket = ++this.loading;
    this.root.setAttribute('aria-busy', 'true');
    try {
      const data = await this.client.request('monitor/load', { audit });
      if (ticket === this.loading) this.show(data);
    } catch (e) {
      if (ticket === this.loading) this.showError(e);
    }
  }

  refresh(): void {
    if (this.data !== undefined) void this.load(this.data.connections.filters);
  }

  private schedule(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.client !== undefined && this.interval > 0 && !this.paused) this.timer = setInterval(() => this.refresh(), this.interval * 1000);
  }

  show(data: MonitorData): void {
    this.data = data;
    this.remember(data.connections.filters, this.interval);
    // Auto-refresh, filters and actions redraw the page; the user's focus stays where it was.
    redrawKeepingPlace(this.root, () => replace(this.root,
      this.skipLinks(),
      h('h1', {}, t('ETL monitor')),
      h('p', { class: 'subtitle', 'data-testid': 'updated' }, t('Updated {0}', this.f.when(data.generatedAt))),
      this.client === undefined ? h('p', { class: 'snapshot-note' }, t('Snapshot taken {0}. Actions are disabled.', this.f.when(data.generatedAt))) : this.toolbar(),
      h('div', { id: 'error', role: 'alert' }, ...data.errors.map((e) => h('div', { class: 'error-banner' }, t('Could not read {0}', e)))),
      h('div', { class: 'grid' },
        this.alerts(data),
        this.preflight(data),
        ...runPanels(this, data, this.detail),
        this.health(data),
        this.control(data),
        this.failures(data),
        ...auditPanels(this, data.connections),
      ),
    ));
    this.root.setAttribute('aria-busy', 'false');
    this.root.dataset['rendered'] = String(Date.now());
  }

  showError(e: unknown): void {
    this.root.setAttribute('aria-busy', 'false');
    const el = this.root.querySelector('#error');
    const message = e instanceof RpcFailure ? e.error.message : String(e);
    if (el !== null) replace(el, h('div', { class: 'error-banner', 'data-testid': 'error' }, t('The request failed: {0}', message)));
  }

  async openRun(runId: number): Promise<void> {
    if (this.client === undefined || this.data === undefined) return;
    try {
      this.detail = { runId, rows: await this.client.request('monitor/runDetail', { runId }) };
      this.show(this.data);
      this.root.querySelector<HTMLElement>('[data-testid="runDetail"] h2')?.focus();
    } catch (e) {
      this.showError(e);
    }
  }

  revealEntity(entity: string): void {
    void this.client?.request('monitor/revealEntity', { entity }).catch((e: unknown) => this.showError(e));
  }

  runChecks(): void {
    const client = this.client;
    if (client === undefined || this.data === undefined || this.checking) return;
    this.checking = true;
    this.show(this.data);
    void client.request('monitor/runChecks', {}).then(
      () => { this.checking = false; this.refresh(); },
      (e: unknown) => {
        this.checking = false;
        if (this.data !== undefined) this.show(this.data);
        this.showError(e);
      });
  }

  openCheck(check: string): void {
    void this.client?.request('monitor/openCheck', { check }).catch((e: unknown) => this.showError(e));
  }

  filterAudit(patch: Partial<ConnectionAuditFilters>): void {
    if (this.data !== undefined) void this.load({ ...this.data.connections.filters, ...patch });
  }

  private act(action: ControlAction, entity: string): void {
    const client = this.client;
    if (client === undefined) return;
    void client.request('monitor/action', { action, entity }).then(() => this.refresh(), (e: unknown) => this.showError(e));
  }

  private toolbar(): HTMLElement {
    const client = this.client as MonitorClient;
    return h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('Monitor actions') },
      button(t('Refresh'), 'refresh', () => this.refresh()),
      selectField(t('Auto-refresh'), 'auto-refresh', INTERVALS.map((s) => ({ value: String(s), label: s === 0 ? t('Off') : t('Every {0} s', s) })), String(this.interval), (v) => {
        this.interval = Number(v);
        this.schedule();
        if (this.data !== undefined) this.remember(this.data.connections.filters, this.interval);
      }),
      button(this.paused ? t('Resume') : t('Pause'), 'pause', () => {
        this.paused = !this.paused;
        this.schedule();
        if (this.data !== undefined) this.show(this.data);
      }, { secondary: true }),
      button(t('Capture Snapshot Now'), 'capture-snapshot', () => {
        void client.request('monitor/captureSnapshot', {}).then(() => this.refresh(), (e: unknown) => this.showError(e));
      }, { secondary: true }),
    );
  }

  private alerts(d: MonitorData): HTMLElement {
    const body = d.alerts.length === 0
      ? h('p', { class: 'empty' }, t('No alerts.'))
      : h('ul', { class: 'checks' }, ...d.alerts.map((a) => h('li', { class: `severity-${a.severity}`, 'data-entity': a.entity, 'data-kind': a.kind },
          a.kind === 'failure'
            ? t('{0} failed at {1}: {2}', a.entity, this.f.when(a.at), a.detail)
            : a.at === null ? t('{0} has never succeeded', a.entity) : t('{0} is {1} min past its SLA', a.entity, a.detail))));
    return panel('alerts', t('Alerts'), [body]);
  }

  private preflight(d: MonitorData): HTMLElement {
    const names: Record<string, string> = {
      'control-table': t('ctl.etl_control has entities'),
      'active-entity': t('At least one entity is active'),
      'audit-tables': t('Audit tables are readable'),
      'target-tables': t('Target tables of active entities are readable'),
      'connection-audit': t('Connection audit has events'),
      'first-run': t('The ETL has run at least once'),
    };
    return panel('preflight', t('Pre-flight checks'), [h('ul', { class: 'checks' }, ...d.preflight.map((c) =>
      h('li', { 'data-check': c.id, 'data-ok': String(c.ok), class: c.ok ? 'state-ok' : 'state-failed' },
        `${c.ok ? '✔' : '✖'} ${names[c.id] ?? c.id}${c.detail === '' ? '' : ` (${c.detail})`}`)))]);
  }

  /** Links past the toolbar and the long panels to the ones a user comes for. */
  private skipLinks(): HTMLElement {
    const link = (id: string, title: string): HTMLElement => h('li', {}, h('a', {
      href: `#panel-${id}`, 'data-focus': `skip:${id}`,
      onclick: (e: Event) => {
        e.preventDefault();
        const heading = this.root.querySelector<HTMLElement>(`#${id}-title`);
        heading?.setAttribute('tabindex', '-1');
        heading?.focus();
      },
    }, t('Skip to {0}', title)));
    return h('nav', { 'aria-label': t('Skip links') }, h('ul', { class: 'skip-links' },
      link('recentRuns', t('Last runs')), link('checks', t('Warehouse checks')), link('control', 'ctl.etl_control'), link('audit', t('Connection audit'))));
  }

  /** An entity name that reveals it in the ETL Entities view (plain text in a snapshot). */
  entityLink(entity: string, where: string): HTMLElement | string {
    if (this.client === undefined) return entity;
    return h('button', { class: 'link', type: 'button', 'data-focus': `${where}:entity:${entity}`, title: t('Reveal {0} in the ETL Entities view', entity), onclick: () => this.revealEntity(entity) }, entity);
  }

  private health(d: MonitorData): HTMLElement {
    const el = panel('health', t('Health and reconciliation'), [dataTable(d.health, [
      { key: 'entity', title: t('Entity'), value: (r) => r.entity, format: (r) => this.entityLink(r.entity, 'health') },
      { key: 'state', title: t('State'), value: (r) => r.state, format: (r) => h('span', { class: `badge state-${r.state}` }, t(r.state)) },
      { key: 'sourceCount', title: t('Source rows'), value: (r) => r.sourceCount, numeric: true },
      { key: 'targetCount', title: t('Target rows'), value: (r) => r.targetCount, numeric: true },
      { key: 'difference', title: t('Difference'), value: (r) => (r.sourceCount === null || r.targetCount === null ? null : r.targetCount - r.sourceCount), numeric: true },
      { key: 'lastSuccessAt', title: t('Last success'), value: (r) => r.lastSuccessAt, format: (r) => this.f.when(r.lastSuccessAt) },
      { key: 'lag', title: t('Lag (min)'), value: (r) => r.lagMinutes, numeric: true },
      { key: 'sla', title: t('SLA (min)'), value: (r) => r.slaMinutes, numeric: true },
    ], { id: 'health', label: t('Health and reconciliation'), sortable: true, empty: t('No entities registered.') }),
    checksSection(this, d.checks, this.checking)]);
    el.classList.add('wide');
    return el;
  }

  private control(d: MonitorData): HTMLElement {
    const live = this.client !== undefined;
    const el = panel('control', 'ctl.etl_control', [dataTable(d.control, [
      { key: 'entity', title: t('Entity'), value: (r) => r.entity, format: (r) => this.entityLink(r.entity, 'control') },
      { key: 'isActive', title: t('Active'), value: (r) => (r.isActive ? t('yes') : t('no')) },
      { key: 'watermark', title: t('Watermark'), value: (r) => `${r.watermarkUpdatedAt} #${r.watermarkId}`, format: (r) => `${this.f.when(r.watermarkUpdatedAt)} #${r.watermarkId}` },
      { key: 'cutoff', title: t('Cutoff (min)'), value: (r) => r.cutoffMinutes, numeric: true },
      { key: 'batch', title: t('Batch size'), value: (r) => r.batchSize, numeric: true },
      { key: 'lastStatus', title: t('Last status'), value: (r) => r.lastStatus, format: (r) => h('span', { class: `status-${r.lastStatus ?? 'none'}` }, r.lastStatus === null ? '—' : t(r.lastStatus)) },
      { key: 'lastRunId', title: t('Last run'), value: (r) => r.lastRunId, numeric: true, identifier: true },
      // Each button is named by its visible text and its entity ("Activate dim_produto").
      // A snapshot has no host to act on: no actions column there.
      ...(live ? [{ key: 'actions', title: t('Actions'), value: () => null, format: (r: ControlRow) => {
        const toggle = r.isActive ? t('Deactivate') : t('Activate');
        return h('span', { class: 'row-actions' },
          button(t('Run'), `run-${r.entity}`, () => this.act('run', r.entity), { disabled: !r.isActive, title: t('Run {0} now', r.entity), name: `${t('Run')} ${r.entity}` }),
          button(t('Reset watermark'), `reset-${r.entity}`, () => this.act('reset-watermark', r.entity), { secondary: true, title: t('Reset the watermark of {0}', r.entity), name: `${t('Reset watermark')} ${r.entity}` }),
          button(toggle, `toggle-${r.entity}`, () => this.act(r.isActive ? 'deactivate' : 'activate', r.entity), { secondary: true, name: `${toggle} ${r.entity}` }));
      } }] : []),
    ], { id: 'control', label: 'ctl.etl_control', empty: t('No entities registered.') })]);
    el.classList.add('wide');
    return el;
  }

  private failures(d: MonitorData): HTMLElement {
    const body = d.failures.length === 0
      ? h('p', { class: 'empty' }, t('No failures in the last 14 days.'))
      : h('ul', { class: 'checks' }, ...d.failures.map((g) => h('li', { 'data-kind': g.kind, 'data-count': g.count },
          h('strong', {}, `${t(g.kind)} × ${g.count}`), ` — ${g.entities.join(', ')} — ${t('last {0}', this.f.when(g.lastAt))}`,
          h('pre', { class: 'sample' }, g.sample))));
    return panel('failures', t('Recent failures by kind'), [body]);
  }
}
