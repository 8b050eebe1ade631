import type { SalesDetailRow } from '../../protocol/sales';
import { csvLine } from '../csv/csvWriter';

const HEADER = ['date', 'order', 'product', 'category', 'state', 'seller', 'quantity', 'gross_value', 'discount', 'net_revenue', 'cost', 'returned'];

/** CSV lines (RFC 4180, CRLF) of the sales detail, header first; amounts with a dot and two decimals. */
export async function* salesCsvLines(rows: AsyncIterable<SalesDetailRow>): AsyncIterable<string> {
  yield csvLine(HEADER);
  for await (const r of rows) {
    yield csvLine([r.date, r.order, r.product, r.category, r.state, r.seller, r.quantity,
      r.grossValue.toFixed(2), r.discount.toFixed(2), r.netRevenue.toFixed(2), r.cost.toFixed(2), r.returned.toFixed(2)]);
  }
}
