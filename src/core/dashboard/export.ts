import path from 'node:path';
import type { Dialect, Queryable } from '../engine/types';
import { MonitorQueries, type MonitorOptions } from '../monitor/load';
import { SalesQueries } from '../sales/load';
import { DEFAULT_AUDIT_FILTERS } from '../../protocol/monitor';
import { validateSalesFilters, type SalesFilters } from '../../protocol/sales';
import type { DashboardKind } from './page';
import { readWebviewBundle, renderDashboardSnapshot } from './snapshot';
import type { DashboardTheme } from './theme';
import { TargetsQueries } from '../targets/load';
import { DiscountsQueries } from '../discounts/load';
import { validateTargetsFilters } from '../../protocol/targets';
import { validateDiscountsFilters } from '../../protocol/discounts';
import type { Period } from '../../protocol/period';
import { DEFAULT_SLA, type SlaSettings } from './freshness';
import { readL10nBundle } from '../webview/l10nBundle';

export interface DashboardExportOptions {
  /** The folder holding `webview/<kind>.js` (the build's `dist`). */
  readonly distDir: string;
  /** The package's `l10n` folder (the strings of `language`); by default the one beside `distDir`. */
  readonly l10nDir?: string;
  readonly theme?: DashboardTheme;
  readonly language?: string;
  /** Sales: the period asked for; a bound left out takes the default (the last 30 days with sales). */
  readonly period?: { readonly from?: string | undefined; readonly to?: string | undefined };
  /** Monitor: reconciliation against a separate OLTP database, SQL Server audit files, SLA. */
  readonly monitor?: MonitorOptions;
  /** "Today" for the default sales period (YYYY-MM-DD); defaults to the current UTC date. */
  readonly today?: string;
  /** Targets and discounts: the data freshness SLA (default D+1 08:00 in São Paulo). */
  readonly sla?: SlaSettings;
  /** Discounts: minimum applications of a campaign in the ROI ranking (default 3). */
  readonly minApplications?: number;
}

export interface DashboardExport {
  readonly html: string;
  /** Sales: the filters the snapshot shows. */
  readonly filters?: SalesFilters | Period;
}

/** A sales period the caller asked for that the protocol refuses (bad date, from after to, ...). */
export class InvalidPeriodError extends Error {
  constructor(readonly reason: string) {
    super(`Invalid period: ${reason}.`);
    this.name = 'InvalidPeriodError';
  }
}

/**
 * One dashboard as a self-contained HTML snapshot, from the database: the queries the panels run
 * (`SalesQueries`/`MonitorQueries`) and `renderDashboardSnapshot`. `dwb dashboard` and `dwb demo`
 * both write their files through here. Throws `InvalidPeriodError` for a period the protocol
 * refuses, before the panels' queries run.
 */
export async function exportDashboard(db: Queryable, dialect: Dialect, kind: DashboardKind, options: DashboardExportOptions): Promise<DashboardExport> {
  const language = options.language ?? 'en';
  const render = {
    bundle: await readWebviewBundle(kind, options.distDir),
    theme: options.theme ?? 'light',
    language,
    strings: await readL10nBundle(options.l10nDir ?? path.join(options.distDir, '..', 'l10n'), language),
  };
  if (kind === 'monitor') {
    const monitor = new MonitorQueries(db, dialect, options.monitor);
    return { html: renderDashboardSnapshot('monitor', await monitor.load(DEFAULT_AUDIT_FILTERS), render) };
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const facts = { sla: options.sla ?? DEFAULT_SLA };
  if (kind === 'targets') {
    const targets = new TargetsQueries(db, dialect, facts);
    const filters = withPeriod(await targets.defaultFilters(today), options.period, validateTargetsFilters);
    return { html: renderDashboardSnapshot('targets', await targets.load(filters), render), filters };
  }
  if (kind === 'discounts') {
    const discounts = new DiscountsQueries(db, dialect, facts);
    const filters = withPeriod(await discounts.defaultFilters(today, options.minApplications), options.period, validateDiscountsFilters);
    return { html: renderDashboardSnapshot('discounts', await discounts.load(filters), render), filters };
  }
  const sales = new SalesQueries(db, dialect);
  const filters = await salesExportFilters(sales, options.period, options.today ?? new Date().toISOString().slice(0, 10));
  return { html: renderDashboardSnapshot('sales', await sales.load(filters), render), filters };
}

/** The default period (last 30 days with sales, by day), or the one asked for (by month). */
async function salesExportFilters(sales: SalesQueries, period: DashboardExportOptions['period'], today: string): Promise<SalesFilters> {
  const defaults = await sales.defaultFilters(today);
  if (period?.from === undefined && period?.to === undefined) return defaults;
  const checked = validateSalesFilters({
    ...defaults,
    from: period.from ?? defaults.from,
    to: period.to ?? defaults.to,
    grain: period.from === undefined ? defaults.grain : 'month',
  });
  if (!checked.ok) throw new InvalidPeriodError(checked.reason);
  return checked.value;
}

/** The default filters with the period asked for, checked as the protocol checks a webview's. */
function withPeriod<F extends Period>(defaults: F, period: DashboardExportOptions['period'], validate: (x: unknown) => { ok: true; value: F } | { ok: false; reason: string }): F {
  if (period?.from === undefined && period?.to === undefined) return defaults;
  const checked = validate({ ...defaults, from: period.from ?? defaults.from, to: period.to ?? defaults.to });
  if (!checked.ok) throw new InvalidPeriodError(checked.reason);
  return checked.value;
}
