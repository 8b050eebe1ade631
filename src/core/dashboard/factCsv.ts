import type { DiscountsDetailRow } from '../../protocol/discounts';
import type { TargetsDetailRow } from '../../protocol/targets';
import { csvLines } from '../csv/csvWriter';

const fixed = (v: number | null, digits = 2): string | null => (v === null ? null : v.toFixed(digits));

/** The targets detail as CSV: amounts with a dot and two decimals, flags as 1/0. */
export const targetsCsvLines = (rows: AsyncIterable<TargetsDetailRow>): AsyncIterable<string> =>
  csvLines(['month', 'seller', 'team', 'target', 'actual', 'gap', 'attainment_pct', 'met', 'exceeded', 'rank', 'quartile'], rows, (r) => [
    r.month, r.seller, r.team, fixed(r.target), fixed(r.actual), fixed(r.gap), fixed(r.attainmentPct), r.met ? 1 : 0, r.exceeded ? 1 : 0, r.rank, r.quartile,
  ]);

/** The discounts detail as CSV; ROI with four decimals. */
export const discountsCsvLines = (rows: AsyncIterable<DiscountsDetailRow>): AsyncIterable<string> =>
  csvLines(['date', 'order', 'code', 'campaign', 'type', 'method', 'level', 'region', 'gross_value', 'discount', 'revenue', 'discount_pct', 'margin_impact', 'margin_status', 'approved', 'roi'], rows, (r) => [
    r.date, r.order, r.code, r.campaign, r.type, r.method, r.level, r.region, fixed(r.grossValue), fixed(r.discount), fixed(r.revenue),
    fixed(r.discountPct), fixed(r.marginImpact), r.status, r.approved ? 1 : 0, fixed(r.roi, 4),
  ]);
