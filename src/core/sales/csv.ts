import type { SalesDetailRow } from '../../protocol/sales';

const HEADER = ['date', 'order', 'product', 'category', 'state', 'seller', 'quantity', 'gross_value', 'discount', 'net_revenue', 'cost', 'returned'];

/** A CSV field: quoted when it holds a separator, quote or line break; formula prefixes defused. */
export function csvField(value: string | number): string {
  let s = String(value);
  // A cell starting with = + - @ runs as a formula in spreadsheets; a leading quote keeps it text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV lines (RFC 4180, CRLF) of the sales detail, header first; amounts with a dot and two decimals. */
export async function* salesCsvLines(rows: AsyncIterable<SalesDetailRow>): AsyncIterable<string> {
  yield `${HEADER.join(',')}\r\n`;
  for await (const r of rows) {
    yield `${[r.date, r.order, r.product, r.category, r.state, r.seller, r.quantity,
      r.grossValue.toFixed(2), r.discount.toFixed(2), r.netRevenue.toFixed(2), r.cost.toFixed(2), r.returned.toFixed(2)].map(csvField).join(',')}\r\n`;
  }
}
