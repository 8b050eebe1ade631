import type { CheckSeverityName, FailedWarehouseCheck, WarehouseChecks } from '../../src/protocol/monitor';
import { button } from '../shared/controls';
import { h } from '../shared/dom';
import { t } from '../shared/l10n';
import { dataTable } from '../shared/table';
import type { PanelHost } from './panelHost';

function familyName(family: string): string {
  switch (family) {
    case 'fk_orphans': return t('FK orphans');
    case 'duplicate_keys': return t('Duplicate natural keys');
    case 'coverage': return t('Minimum coverage');
    case 'custom': return t('Project check');
    case 'scope': return t('ETL scope');
    default: return family;
  }
}

function severityName(s: CheckSeverityName): string {
  return s === 'error' ? t('Error') : s === 'warning' ? t('Warning') : t('Info');
}

/** Where the check is declared: a link that opens it at its line (plain text on an exported page). */
function declaredAt(view: PanelHost, r: FailedWarehouseCheck): string | HTMLElement {
  if (r.location === null) return '—';
  const where = `${r.location.file}:${r.location.line}`;
  if (view.client === undefined) return h('span', { class: 'path' }, where);
  return h('button', {
    class: 'link path', type: 'button', 'data-focus': `checks:open:${r.check}`, 'aria-label': t('Open {0}, where {1} is declared', where, r.check),
    onclick: () => view.openCheck(r.check),
  }, where);
}

/** The first offending keys (with their row counts), "and more" when the check found more, or why its SQL failed. */
function keys(r: FailedWarehouseCheck): HTMLElement | string {
  if (r.error !== null) return h('span', { class: 'severity-error' }, t('The SQL failed: {0}', r.error));
  if (r.keys.length === 0) return '—';
  const shown = r.keys.map((k) => h('li', { 'data-key': k.key }, k.rows === null ? k.key : t('{0} ({1} rows)', k.key, k.rows)));
  // FK orphans count rows (each key with its rows); the other families count keys, rows or findings.
  const more = r.value !== null && (r.family === 'fk_orphans' ? r.keys.reduce((n, k) => n + (k.rows ?? 0), 0) < r.value : r.family !== 'coverage' && r.value > r.keys.length);
  return h('ul', { class: 'keys' }, ...shown, more ? h('li', { class: 'muted' }, t('and more')) : null);
}

function summary(view: PanelHost, c: WarehouseChecks): HTMLElement {
  const attrs = { 'data-testid': 'checks-summary', 'data-total': c.total, 'data-failed': c.failed, 'data-errors': c.errors, 'data-warnings': c.warnings };
  if (!c.recorded) {
    return h('p', { ...attrs, class: 'empty' }, view.client === undefined
      ? t('No warehouse check results yet: run DW: Check Warehouse or dwb check.')
      : t('No warehouse check results yet: run them with Run Checks, DW: Check Warehouse or dwb check.'));
  }
  const when = t('Last run {0} by {1}.', view.f.when(c.lastCheckedAt), c.lastCheckedBy ?? '—');
  return h('p', { ...attrs, class: c.failed === 0 ? 'state-ok' : c.errors > 0 ? 'state-failed' : 'state-late' },
    c.failed === 0
      ? `✔ ${t('All {0} checks passed.', c.total)} ${when}`
      : `✖ ${t('{0} of {1} checks failed ({2} errors, {3} warnings).', c.failed, c.total, c.errors, c.warnings)} ${when}`);
}

/**
 * The warehouse checks in the health panel: what the last recorded runs found (`dwb check`, "DW:
 * Check Warehouse", the dw-check task or this page's "Run Checks"), each failed check with its
 * family, severity, rows found, first offending keys and where it is declared.
 */
export function checksSection(view: PanelHost, c: WarehouseChecks, running: boolean): HTMLElement {
  const live = view.client !== undefined;
  const table = c.failedChecks.length === 0 ? null : dataTable(c.failedChecks, [
    { key: 'check', title: t('Check'), value: (r) => r.check, format: (r) => h('span', {}, h('code', {}, r.check), h('span', { class: 'muted description' }, r.description)), wrap: true },
    { key: 'family', title: t('Family'), value: (r) => familyName(r.family) },
    { key: 'severity', title: t('Severity'), value: (r) => r.severity, format: (r) => h('span', { class: `badge severity-${r.severity}` }, severityName(r.severity)) },
    { key: 'value', title: t('Found'), value: (r) => r.value, numeric: true },
    { key: 'expected', title: t('Expected'), value: (r) => r.expected.replace('>=', '≥ ') },
    { key: 'keys', title: t('Offending keys'), value: (r) => r.keys.map((k) => k.key).join(', '), format: (r) => keys(r), wrap: true },
    { key: 'location', title: t('Declared at'), value: (r) => (r.location === null ? null : `${r.location.file}:${r.location.line}`), format: (r) => declaredAt(view, r), wrap: true },
  ], { id: 'checks', label: t('Failed warehouse checks'), sortable: true, empty: t('No check failed.'), rowKey: (r) => r.check });
  return h('section', { class: 'subpanel', id: 'panel-checks', 'data-testid': 'checks', 'aria-labelledby': 'checks-title' },
    h('header', {}, h('h3', { id: 'checks-title' }, t('Warehouse checks')),
      live ? h('span', { class: 'actions' }, button(running ? t('Running checks…') : t('Run Checks'), 'run-checks', () => view.runChecks(), { disabled: running })) : null),
    summary(view, c),
    table,
    c.failed > c.failedChecks.length ? h('p', { class: 'muted' }, t('Showing the first {0} of {1} failed checks; dwb check lists them all.', c.failedChecks.length, c.failed)) : null);
}
