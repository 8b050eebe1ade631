import { csvLine } from '../../core/csv/csvWriter';
import type { ResultSetView } from '../../protocol/results';

/**
 * The CSV of a result set in chunks of `rowsPerChunk` rows (header first), so a writer can
 * stream 100k rows without one giant string.
 */
export function* csvChunks(set: Pick<ResultSetView, 'columns' | 'rows'>, rowsPerChunk = 2000): Generator<string> {
  yield csvLine(set.columns);
  for (let start = 0; start < set.rows.length; start += rowsPerChunk) {
    let chunk = '';
    const end = Math.min(set.rows.length, start + rowsPerChunk);
    for (let i = start; i < end; i++) chunk += csvLine(set.rows[i] as readonly (string | null)[]);
    yield chunk;
  }
}
