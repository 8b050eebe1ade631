import type { SalesDetailRow } from '../../protocol/sales';
import { csvLines } from '../csv/csvWriter';

const HEADER = ['date', 'order', 'product', 'category', 'state', 'seller', 'quantity', 'gross_value', 'discount', 'net_revenue', 'cost', 'returned'];

/** CSV lines (RFC 4180, CRLF) of the sales detail, header first; amounts with a dot and two decimals. */
export const salesCsvLines = (rows: AsyncIterable<SalesDetailRow>): AsyncIterable<string> =>
  csvLines(HEADER, rows, (r) => [r.date, r.order, r.product, r.category, r.state, r.seller, r.quantity,
    r.grossValue.toFixed(2), r.discount.toFixed(2), r.netRevenue.toFixed(2), r.cost.toFixed(2), r.returned.toFixed(2)]);
