/**
 * The one CSV writer of every export (query results, dashboard details): RFC 4180 (fields with a
 * comma, quote, CR or LF quoted, quotes doubled, CRLF line ends) and safe to open in a
 * spreadsheet: a text cell starting with = + - @ TAB or CR would run as a formula there, so it
 * gets a leading apostrophe (OWASP's CSV injection advice). Plain numbers, negative ones
 * included, are left as they are. NULL is an empty field.
 */
export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** CSV lines of rows, header first: each dashboard's detail export picks its cells. */
export async function* csvLines<R>(header: readonly string[], rows: AsyncIterable<R>, cells: (r: R) => readonly CsvValue[]): AsyncIterable<string> {
  yield csvLine(header);
  for await (const r of rows) yield csvLine(cells(r));
}
