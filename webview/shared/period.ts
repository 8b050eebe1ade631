import { addDays } from '../../src/protocol/sales';
import type { FactFreshness, Period } from '../../src/protocol/period';
import { addMonths } from '../../src/protocol/period';
import type { SelectOption } from './controls';
import { h } from './dom';
import type { Formats } from './format';
import { t } from './l10n';

const monthEnd = (yearMonth: string): string => addDays(`${addMonths(yearMonth, 1)}-01`, -1);

/**
 * Period presets of a monthly dashboard, counted back from the month of the last data: whole
 * months, so the previous period is compared month for month.
 */
export function monthPresets(
  first: string | null, last: string,
): { options: SelectOption[]; presets: Record<string, () => Period>; current: (p: Period) => string } {
  const month = last.slice(0, 7);
  const months = (n: number) => (): Period => ({ from: `${addMonths(month, -(n - 1))}-01`, to: monthEnd(month) });
  const presets: Record<string, () => Period> = {
    last3: months(3),
    last6: months(6),
    last12: months(12),
    year: () => ({ from: `${last.slice(0, 4)}-01-01`, to: monthEnd(month) }),
    all: () => ({ from: `${(first ?? last).slice(0, 7)}-01`, to: monthEnd(month) }),
  };
  const options: SelectOption[] = [
    { value: '', label: t('Custom') },
    { value: 'last3', label: t('Last 3 months') },
    { value: 'last6', label: t('Last 6 months') },
    { value: 'last12', label: t('Last 12 months') },
    { value: 'year', label: t('Year to date') },
    { value: 'all', label: t('All data') },
  ];
  const current = (p: Period): string => Object.entries(presets).find(([, make]) => { const v = make(); return v.from === p.from && v.to === p.to; })?.[0] ?? '';
  return { options, presets, current };
}

/**
 * The data's range, its last load, and whether that load meets the SLA (day D loaded by D+1 at
 * the hour, in the zone), in words, with the state as a badge.
 */
export function freshnessLine(what: string, fr: FactFreshness, f: Formats): HTMLElement {
  const sla = fr.sla;
  const rule = t('SLA: day D loaded by D+1 {0}:00 ({1})', String(sla.hour).padStart(2, '0'), sla.timeZone);
  const state = sla.state === 'on-time' ? t('On time') : sla.state === 'late' ? t('Late by {0} h', sla.overdueHours) : t('Never loaded');
  return h('p', { class: 'subtitle', 'data-testid': 'freshness', 'data-sla': sla.state, 'data-last-date': fr.lastDate ?? '' },
    t('{0} from {1} to {2}. Last load: {3} ({4}).', what, f.day(fr.firstDate), f.day(fr.lastDate), f.when(fr.lastLoadAt), fr.lastLoadStatus === null ? t('never') : t(fr.lastLoadStatus)),
    ' ',
    h('span', { class: `badge sla-${sla.state}`, 'data-testid': 'sla' }, state),
    ' ',
    h('span', {}, rule));
}
