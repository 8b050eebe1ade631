import type { EngineError } from '../engine/errors';
import { sourceOf } from './batchBuilder';
import type { Batch, SourceLocation } from './types';

/** Line and column of a 1-based character position (code points, as PostgreSQL counts). */
function positionToLineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let seen = 0;
  for (const ch of text) {
    if (++seen >= position) break;
    if (ch === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Where in the user's files a server error belongs. SQL Server gives the line within the batch
 * (`error.line`); PostgreSQL gives the character position within the statement
 * (`error.position`). Either goes through the batch's source map; without one, the batch's
 * first line is the best place.
 */
export function locateError(batch: Batch, error: EngineError | undefined): SourceLocation & { column?: number } {
  if (error?.position !== undefined) {
    const at = positionToLineColumn(batch.text, error.position);
    return { ...sourceOf(batch.sourceMap, at.line), column: at.column };
  }
  if (error?.line !== undefined && error.line >= 1 && error.line <= lineCount(batch.text)) {
    return sourceOf(batch.sourceMap, error.line);
  }
  return { file: batch.startFile, line: batch.startLine };
}

/** Where a server message (PRINT at batch line n) belongs. */
export function locateMessage(batch: Batch, line: number | undefined): SourceLocation {
  if (line !== undefined && line >= 1 && line <= lineCount(batch.text)) return sourceOf(batch.sourceMap, line);
  return { file: batch.startFile, line: batch.startLine };
}
