import type { MonitorData, RunStatus } from '../../src/protocol/monitor';
import { numbersDisclosure } from '../shared/chart';
import { h } from '../shared/dom';
import { t } from '../shared/l10n';
import { dataTable } from '../shared/table';
import type { PanelHost } from './panelHost';

/** Statuses in the order the tables list them; a status the list does not know goes last. */
const ORDER: readonly string[] = ['success', 'partial', 'failed', 'cancelled', 'running'];
const statusesIn = (all: readonly RunStatus[]): RunStatus[] =>
  [...new Set(all)].sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));

/**
 * The timeline in words and numbers: a summary (runs, entities, failures, the last run) and per
 * entity its runs by status and its last run, as a table a keyboard or screen reader reaches. The
 * marks themselves are for the eyes.
 */
export function timelineWords(view: PanelHost, d: MonitorData): HTMLElement[] {
  if (d.timeline.length === 0) return [];
  const statuses = statusesIn(d.timeline.map((m) => m.status));
  const entities = [...new Set(d.timeline.map((m) => m.entity))].sort((a, b) => a.localeCompare(b));
  const last = d.timeline.reduce((a, b) => (b.startedAt > a.startedAt ? b : a));
  const failed = d.timeline.filter((m) => m.status === 'failed').length;
  const rows = entities.map((entity) => {
    const marks = d.timeline.filter((m) => m.entity === entity);
    const latest = marks.reduce((a, b) => (b.startedAt > a.startedAt ? b : a));
    return { entity, runs: marks.length, latest, by: Object.fromEntries(statuses.map((s) => [s, marks.filter((m) => m.status === s).length])) };
  });
  const table = dataTable(rows, [
    { key: 'entity', title: t('Entity'), value: (r) => r.entity },
    { key: 'runs', title: t('Runs'), value: (r) => r.runs, numeric: true },
    ...statuses.map((s) => ({ key: s, title: t(s), value: (r: (typeof rows)[number]) => r.by[s] ?? 0, numeric: true })),
    { key: 'last', title: t('Last run'), value: (r) => r.latest.startedAt, format: (r) => `${view.f.when(r.latest.startedAt)} (${t(r.latest.status)})` },
  ], { id: 'timeline-numbers', label: t('{0}: numbers', t('Timeline of runs by entity (14 days)')), empty: '' });
  return [
    h('p', { id: 'timeline-summary', class: 'chart-summary', 'data-testid': 'timeline-summary' },
      t('{0} runs of {1} entities in 14 days, {2} failed; last: {3} at {4} ({5}).', view.f.number.format(d.timeline.length), entities.length, view.f.number.format(failed),
        last.entity, view.f.when(last.startedAt), t(last.status))),
    numbersDisclosure('timeline', table),
  ];
}

/**
 * Runs by status per day in words and numbers: the busiest and quietest day, the last day, and
 * per day its runs by status as a table.
 */
export function statusPerDayWords(view: PanelHost, d: MonitorData): HTMLElement[] {
  if (d.statusPerDay.length === 0) return [];
  const statuses = statusesIn(d.statusPerDay.map((s) => s.status));
  const days = [...new Set(d.statusPerDay.map((s) => s.day))].sort();
  const rows = days.map((day) => {
    const of = d.statusPerDay.filter((s) => s.day === day);
    return { day, total: of.reduce((n, s) => n + s.runs, 0), by: Object.fromEntries(statuses.map((s) => [s, of.find((x) => x.status === s)?.runs ?? 0])) };
  });
  const totals = rows.map((r) => r.total);
  const lastDay = rows.at(-1) ?? { day: '', total: 0, by: {} };
  const table = dataTable(rows, [
    { key: 'day', title: t('Day'), value: (r) => r.day, format: (r) => view.f.day(r.day) },
    { key: 'total', title: t('Runs'), value: (r) => r.total, numeric: true },
    ...statuses.map((s) => ({ key: s, title: t(s), value: (r: (typeof rows)[number]) => r.by[s] ?? 0, numeric: true })),
  ], { id: 'statusPerDay-numbers', label: t('{0}: numbers', t('Runs by status per day (14 days)')), empty: '' });
  return [
    h('p', { id: 'statusPerDay-summary', class: 'chart-summary', 'data-testid': 'statusPerDay-summary' },
      t('{0} runs over {1} days, from {2} to {3} a day; last day {4}: {5} ({6}).', view.f.number.format(totals.reduce((a, b) => a + b, 0)), days.length,
        Math.min(...totals), Math.max(...totals), view.f.day(lastDay.day), lastDay.total,
        statuses.filter((s) => (lastDay.by[s] ?? 0) > 0).map((s) => `${t(s)} ${lastDay.by[s] ?? 0}`).join(', '))),
    numbersDisclosure('statusPerDay', table),
  ];
}
