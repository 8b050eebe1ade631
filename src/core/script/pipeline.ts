import { isBlank } from './charCodes';
import type { Batch } from './types';

/**
 * Which PostgreSQL statements the runner may send through `Session.pipeline` (several in one
 * round trip, each committing on its own, nothing after a failure). Only statements whose first
 * word says they neither control the transaction (BEGIN, COMMIT, ROLLBACK TO, SAVEPOINT…) nor
 * must run outside a transaction block (VACUUM, CREATE DATABASE, CREATE INDEX CONCURRENTLY…),
 * nor talk COPY: plain DML and queries. Everything else runs alone, as before.
 */
const PIPELINED_COMMANDS = new Set(['insert', 'update', 'delete', 'merge', 'select', 'with', 'values', 'table']);

/** At most this many statements, and about this much text, go out in one write. */
export const MAX_PIPELINE_STATEMENTS = 500;
export const MAX_PIPELINE_CHARS = 1 << 20;

/** The statement's first word, lower-cased, after blanks, line ends, comments and `(`. */
export function firstWord(text: string): string {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isBlank(c) || c === 10 || c === 13 || c === 40) i++;
    else if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      i = afterBlockComment(text, i);
    } else break;
  }
  let j = i;
  while (j < n && isWordChar(text.charCodeAt(j))) j++;
  return text.slice(i, j).toLowerCase();
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Offset after a nested `/* … *\/` comment starting at `from`. */
function afterBlockComment(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return i;
}

/** True for a statement `pipeline` may carry (see PIPELINED_COMMANDS). */
export function isPipelinable(batch: Batch): boolean {
  // A NUL cannot travel in a Parse message (it ends the text); sent alone, the server refuses it.
  return batch.repeat === 1 && batch.onError === 'exit' && batch.echo === undefined && PIPELINED_COMMANDS.has(firstWord(batch.text)) && !batch.text.includes('\0');
}

/**
 * How many batches from `start` form one pipeline group: consecutive pipelinable statements
 * for the same database, within the size limits. Below 2 there is nothing to gain.
 */
export function pipelineGroupLength(batches: readonly Batch[], start: number): number {
  const first = batches[start];
  if (first === undefined) return 0;
  let chars = 0;
  let k = start;
  while (k < batches.length && k - start < MAX_PIPELINE_STATEMENTS) {
    const b = batches[k] as Batch;
    if (b.database !== first.database || !isPipelinable(b) || (chars > 0 && chars + b.text.length > MAX_PIPELINE_CHARS)) break;
    chars += b.text.length;
    k++;
  }
  return k - start;
}
