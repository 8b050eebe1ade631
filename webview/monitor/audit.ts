import type { ConnectionAudit, ConnectionEvent, SnapshotStage } from '../../src/protocol/monitor';
import { barList } from '../shared/bars';
import { epochSeconds, lineChart, themeColor } from '../shared/chart';
import { filterText, selectField, type SelectOption } from '../shared/controls';
import { h, panel } from '../shared/dom';
import { t } from '../shared/l10n';
import { dataTable } from '../shared/table';
import type { PanelHost } from './panelHost';

const HOURS = [1, 6, 24, 72, 168, 720];

/** Connection audit: filters, totals, top lists, events per hour, recent events, correlation. */
export function auditPanels(view: PanelHost, a: ConnectionAudit): HTMLElement[] {
  const off = view.client === undefined;
  const all = (values: readonly string[]): SelectOption[] => [{ value: '', label: t('All') }, ...values.map((v) => ({ value: v, label: v }))];
  const filters = h('div', { class: 'toolbar', role: 'group', 'aria-label': t('Connection audit filters') }, ...(off
    // A snapshot: the filters as text, nothing to operate.
    ? [
        filterText(t('Login'), 'audit-login', a.filters.login ?? t('All')),
        filterText(t('Program'), 'audit-program', a.filters.program ?? t('All')),
        filterText(t('Host'), 'audit-host', a.filters.host ?? t('All')),
        filterText(t('Database'), 'audit-database', a.filters.database ?? t('All')),
        filterText(t('Status'), 'audit-status', a.filters.status ?? t('All')),
        filterText(t('Window'), 'audit-hours', t('Last {0} h', a.filters.hours)),
      ]
    : [
        selectField(t('Login'), 'audit-login', all(a.options.logins), a.filters.login ?? '', (v) => view.filterAudit({ login: v || null })),
        selectField(t('Program'), 'audit-program', all(a.options.programs), a.filters.program ?? '', (v) => view.filterAudit({ program: v || null })),
        selectField(t('Host'), 'audit-host', all(a.options.hosts), a.filters.host ?? '', (v) => view.filterAudit({ host: v || null })),
        selectField(t('Database'), 'audit-database', all(a.options.databases), a.filters.database ?? '', (v) => view.filterAudit({ database: v || null })),
        selectField(t('Status'), 'audit-status', all(a.options.statuses), a.filters.status ?? '', (v) => view.filterAudit({ status: v || null })),
        selectField(t('Window'), 'audit-hours', HOURS.map((n) => ({ value: String(n), label: t('Last {0} h', n) })), String(a.filters.hours), (v) => view.filterAudit({ hours: Number(v) })),
      ]));
  const count = (v: number): string => view.f.number.format(v);
  const top = (id: string, title: string, rows: readonly { name: string; count: number }[]) =>
    panel(id, title, [barList(rows.map((r) => ({ label: r.name, value: r.count })), count, t('No connection events.'))]);
  const perHour = a.perHour.length === 0
    ? h('p', { class: 'empty' }, t('No connection events.'))
    : lineChart(a.perHour.map((p) => epochSeconds(p.hour)), [{ label: t('Events'), color: themeColor('charts-purple', '#652d90'), values: a.perHour.map((p) => p.count) }],
        { id: 'perHour', title: t('Events per hour'), format: count, formatX: (s) => view.f.when(new Date(s * 1000).toISOString()), bars: true });
  const head = panel('audit', t('Connection audit'), [filters, h('p', { 'data-testid': 'audit-total', 'data-value': a.total }, t('{0} events in the window.', count(a.total)))]);
  head.classList.add('wide');
  const hourly = panel('perHour', t('Events per hour'), [perHour]);
  hourly.classList.add('wide');
  const recent = panel('recentEvents', t('Recent connection events'), [dataTable(a.recent, [
    { key: 'capturedAt', title: t('Captured'), value: (r) => r.capturedAt, format: (r) => view.f.when(r.capturedAt) },
    // The ETL run that took the snapshot, and when in it: the run opens its details.
    { key: 'runId', title: t('ETL run'), value: (r) => r.runId, numeric: true, identifier: true, format: (r) => runLink(view, r) },
    { key: 'stage', title: t('Run stage'), value: (r) => r.stage, format: (r) => stageBadge(r.stage) },
    { key: 'login', title: t('Login'), value: (r) => r.login },
    { key: 'program', title: t('Program'), value: (r) => r.program },
    { key: 'host', title: t('Host'), value: (r) => r.host },
    { key: 'database', title: t('Database'), value: (r) => r.database },
    { key: 'status', title: t('Status'), value: (r) => r.status },
    { key: 'client', title: t('Client address'), value: (r) => r.clientAddress },
    { key: 'session', title: t('Session'), value: (r) => r.sessionId, numeric: true, identifier: true },
  ], { id: 'recentEvents', label: t('Recent connection events'), sortable: true, empty: t('No connection events.') })]);
  recent.classList.add('wide');
  const correlation = panel('correlation', t('Connections around ETL failures (±30 min)'), [dataTable(a.correlation, [
    { key: 'runId', title: t('Run'), value: (r) => r.runId, numeric: true, identifier: true },
    { key: 'entity', title: t('Entity'), value: (r) => r.entity },
    { key: 'failedAt', title: t('Failed'), value: (r) => r.failedAt, format: (r) => view.f.when(r.failedAt) },
    { key: 'connections', title: t('Connections'), value: (r) => r.connections, numeric: true },
    { key: 'logins', title: t('Logins'), value: (r) => r.logins.join(', '), wrap: true },
  ], {
    id: 'correlation', label: t('Connections around ETL failures (±30 min)'), empty: t('No failures in the last 14 days.'), rowKey: (r) => r.runId,
    ...(off ? {} : { onActivate: (r: { runId: number }) => void view.openRun(r.runId), rowLabel: (r: { runId: number }) => t('Run {0}: open its details', r.runId) }),
  })]);
  const files = panel('auditFile', t('Login events (SQL Server Audit)'), [a.auditFileEvents === null
    ? h('p', { class: 'empty' }, t('No SQL Server Audit files on this server.'))
    : dataTable(a.auditFileEvents, [
        { key: 'eventTime', title: t('Time'), value: (r) => r.eventTime, format: (r) => view.f.when(r.eventTime) },
        { key: 'action', title: t('Action'), value: (r) => r.action },
        { key: 'login', title: t('Login'), value: (r) => r.login },
        { key: 'succeeded', title: t('Succeeded'), value: (r) => (r.succeeded ? t('yes') : t('no')) },
        { key: 'client', title: t('Client address'), value: (r) => r.clientAddress },
      ], { id: 'auditFile', label: t('Login events (SQL Server Audit)'), sortable: true, empty: t('No login events in the audit files.') })]);
  // SQL Server Audit files exist only on SQL Server (with a file pattern): elsewhere, no panel at all.
  return [head, top('topLogins', t('Top logins'), a.topLogins), top('topPrograms', t('Top programs'), a.topPrograms),
    top('topDatabases', t('Top databases'), a.topDatabases), hourly, recent, correlation, ...(a.auditFileApplies ? [files] : [])];
}

/** A snapshot's run: a link to its details on the live page, its number on an exported one. */
function runLink(view: PanelHost, r: ConnectionEvent): string | HTMLElement {
  if (r.runId === null) return '—';
  if (view.client === undefined) return String(r.runId);
  const runId = r.runId;
  return h('button', {
    class: 'link', type: 'button', 'data-focus': `recentEvents:run:${runId}`, 'aria-label': t('Run {0}: open its details', runId),
    onclick: () => void view.openRun(runId),
  }, String(runId));
}

function stageBadge(stage: SnapshotStage | null): string | HTMLElement {
  if (stage === null) return '—';
  const words: Record<SnapshotStage, string> = { start: t('Start'), end: t('End'), failure: t('Failure') };
  return h('span', { class: `badge stage-${stage}${stage === 'failure' ? ' status-failed' : ''}`, 'data-stage': stage }, words[stage]);
}
