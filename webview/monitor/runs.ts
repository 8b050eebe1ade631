import type { EtlRunSummary, MonitorData, RunEntityDetail, RunStatus, TimelineMark } from '../../src/protocol/monitor';
import { barList } from '../shared/bars';
import { h, panel } from '../shared/dom';
import { t } from '../shared/l10n';
import { dataTable } from '../shared/table';
import { statusPerDayWords, timelineWords } from './chartWords';
import type { PanelHost } from './panelHost';

const STATUSES: readonly RunStatus[] = ['success', 'partial', 'failed', 'cancelled', 'running'];

/** Runs in progress, last runs (with per-entity detail), timeline, status per day, volume. */
export function runPanels(view: PanelHost, d: MonitorData, detail: { runId: number; rows: readonly RunEntityDetail[] } | undefined): HTMLElement[] {
  const live = view.client !== undefined;
  const runs = (id: string, label: string, rows: readonly EtlRunSummary[], empty: string) => dataTable(rows, [
    { key: 'runId', title: t('Run'), value: (r) => r.runId, numeric: true, identifier: true },
    { key: 'status', title: t('Status'), value: (r) => r.status, format: (r) => h('span', { class: `badge status-${r.status}` }, t(r.status)) },
    // A list of entity names: it wraps (at its commas) instead of pushing the other columns out.
    { key: 'entities', title: t('Entities'), value: (r) => r.entitiesRequested, format: (r) => r.entitiesRequested.split(/,\s*/).join(', '), wrap: true },
    { key: 'startedAt', title: t('Started'), value: (r) => r.startedAt, format: (r) => view.f.when(r.startedAt) },
    { key: 'duration', title: t('Duration (s)'), value: (r) => r.durationSeconds, numeric: true },
    { key: 'ok', title: t('Succeeded'), value: (r) => r.entitiesSucceeded, numeric: true },
    { key: 'failed', title: t('Failed'), value: (r) => r.entitiesFailed, numeric: true },
    { key: 'startedBy', title: t('Started by'), value: (r) => r.startedBy },
  ], {
    id, label, empty, rowKey: (r) => r.runId,
    // In a snapshot there is no host to open a run's detail: the rows are plain rows.
    ...(live ? { onActivate: (r: EtlRunSummary) => void view.openRun(r.runId), rowLabel: (r: EtlRunSummary) => t('Run {0}, {1}: open its details', r.runId, t(r.status)) } : {}),
  });

  const panels = [
    panel('running', t('Runs in progress'), [runs('running', t('Runs in progress'), d.running, t('No run in progress.'))]),
    panel('recentRuns', t('Last runs'), [runs('recentRuns', t('Last runs'), d.recentRuns, t('The ETL has not run yet.'))]),
  ];
  // Run tables have eight columns: they take the whole width, so none is pushed out of view.
  for (const p of panels) p.classList.add('wide');
  if (detail !== undefined) panels.push(runDetail(view, detail));
  panels.push(timeline(view, d), statusPerDay(view, d),
    panel('volume', t('Rows loaded per entity (14 days)'), [barList(d.volumePerEntity.map((v) => ({ label: v.entity, value: v.upserted })), (v) => view.f.number.format(v), t('No runs in the last 14 days.'))]));
  return panels;
}

function runDetail(view: PanelHost, detail: { runId: number; rows: readonly RunEntityDetail[] }): HTMLElement {
  const title = t('Run {0}: entities', detail.runId);
  const el = panel('runDetail', title, [dataTable(detail.rows, [
    { key: 'entity', title: t('Entity'), value: (r) => r.entity, format: (r) => view.entityLink(r.entity, 'runDetail') },
    { key: 'status', title: t('Status'), value: (r) => r.status, format: (r) => h('span', { class: `badge status-${r.status}` }, t(r.status)) },
    { key: 'extracted', title: t('Extracted'), value: (r) => r.extracted, numeric: true },
    { key: 'upserted', title: t('Upserted'), value: (r) => r.upserted, numeric: true },
    { key: 'softDeleted', title: t('Soft-deleted'), value: (r) => r.softDeleted, numeric: true },
    { key: 'from', title: t('Watermark from'), value: (r) => r.watermarkFrom },
    { key: 'to', title: t('Watermark to'), value: (r) => r.watermarkTo },
    { key: 'error', title: t('Error'), value: (r) => r.errorMessage, wrap: true },
  ], { id: 'runDetail', label: title, empty: t('This run has no entity rows.') })]);
  el.classList.add('wide');
  el.querySelector('h2')?.setAttribute('tabindex', '-1');
  return el;
}

function timeline(view: PanelHost, d: MonitorData): HTMLElement {
  const end = Date.parse(d.generatedAt);
  const start = end - 14 * 86_400_000;
  const byEntity = new Map<string, TimelineMark[]>();
  for (const r of d.timeline) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r]);
  const rows = [...byEntity.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([entity, items]) => {
    const track = h('div', { class: 'timeline-track', role: 'img', 'aria-label': t('{0}: {1} runs, {2} failed', entity, items.length, items.filter((i) => i.status === 'failed').length) });
    for (const i of items) {
      const mark = h('span', { class: `timeline-mark status-${i.status}`, title: `${t('Run {0}', i.runId)} · ${t(i.status)} · ${view.f.when(i.startedAt)}` });
      mark.style.left = `${(((Date.parse(i.startedAt) - start) / (end - start)) * 100).toFixed(2)}%`;
      track.append(mark);
    }
    return h('div', { class: 'timeline-row', 'data-entity': entity, 'data-runs': items.length }, view.entityLink(entity, 'timeline'), track);
  });
  const el = panel('timeline', t('Timeline of runs by entity (14 days)'), rows.length === 0 ? [h('p', { class: 'empty' }, t('No runs in the last 14 days.'))] : [...rows, ...timelineWords(view, d)]);
  el.classList.add('wide');
  return el;
}

function statusPerDay(view: PanelHost, d: MonitorData): HTMLElement {
  const days = [...new Set(d.statusPerDay.map((s) => s.day))].sort();
  const max = Math.max(1, ...days.map((day) => d.statusPerDay.filter((s) => s.day === day).reduce((n, s) => n + s.runs, 0)));
  const rows = days.map((day) => {
    const parts = STATUSES.map((status) => ({ status, runs: d.statusPerDay.find((s) => s.day === day && s.status === status)?.runs ?? 0 }))
      .filter((p) => p.runs > 0);
    const total = parts.reduce((n, p) => n + p.runs, 0);
    const stack = h('span', { class: 'stack', role: 'img', 'aria-label': parts.map((p) => `${t(p.status)} ${p.runs}`).join(', ') });
    stack.style.width = `${((total / max) * 100).toFixed(1)}%`;
    for (const p of parts) {
      const seg = h('span', { class: `status-${p.status}`, title: `${t(p.status)}: ${p.runs}` });
      seg.style.flex = String(p.runs);
      stack.append(seg);
    }
    return h('li', { 'data-day': day, 'data-runs': total }, h('span', { class: 'bar-label' }, view.f.day(day)), h('span', { class: 'bar-track' }, stack), h('span', { class: 'bar-value' }, view.f.number.format(total)));
  });
  return panel('statusPerDay', t('Runs by status per day (14 days)'), [rows.length === 0 ? h('p', { class: 'empty' }, t('No runs in the last 14 days.')) : h('ol', { class: 'bars' }, ...rows), ...statusPerDayWords(view, d)]);
}
