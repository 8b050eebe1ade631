import type { SourceLocation, SourceSegment } from './types';

/** The text and source map of the batch being collected, before it is sealed into a Batch. */
export interface CollectedBatch {
  readonly text: string;
  readonly sourceMap: readonly SourceSegment[];
  readonly start: SourceLocation;
}

/**
 * Collects the text of one batch from pieces of one or more files (includes, substituted
 * variables) and keeps, for every line of the batch, the file:line it came from. Pieces are
 * whole runs of source text, so a 50 MB script costs a few slices per batch, not one per line.
 */
export class BatchBuilder {
  private pieces: string[] = [];
  private segments: SourceSegment[] = [];
  /** Line breaks collected so far: the current batch line is `breaks + 1`. */
  private breaks = 0;
  private atLineStart = true;
  /** Where the next batch line maps to under the current segment; '' when it would not. */
  private expectFile = '';
  private expectLine = 0;
  private start: SourceLocation | undefined;

  /** True once a piece holding SQL (not only blanks and comments) has been added. */
  get hasCode(): boolean {
    return this.start !== undefined;
  }

  /** Records where the batch's first SQL is, the first time it is called. */
  markCode(file: string, line: number): void {
    if (this.start === undefined) this.start = { file, line };
  }

  /**
   * Adds `text`, which starts at `file:line` and holds `lineBreaks` line breaks. When the
   * batch is mid-line, the text continues that line (the rest of a line after a variable).
   */
  addSource(text: string, file: string, line: number, lineBreaks: number): void {
    // Blanks before anything else would be trimmed anyway, and would misplace the map's start.
    if (this.pieces.length === 0 && allBlank(text)) return;
    if (this.atLineStart && (file !== this.expectFile || line !== this.expectLine)) {
      this.segments.push({ batchLine: this.breaks + 1, file, fileLine: line });
    } else if (!this.atLineStart && lineBreaks > 0 && this.expectFile === '') {
      // The line so far ends a multi-line variable value: the lines after it map afresh.
      this.segments.push({ batchLine: this.breaks + 2, file, fileLine: line + 1 });
    }
    this.pieces.push(text);
    this.breaks += lineBreaks;
    this.atLineStart = text.charCodeAt(text.length - 1) === 10;
    this.expectFile = file;
    this.expectLine = line + lineBreaks;
  }

  /** Adds a variable's value, which came from `file:line`; its extra lines all map there. */
  addValue(value: string, file: string, line: number): void {
    if (value.length === 0) return;
    let breaks = 0;
    for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) breaks++;
    if (this.atLineStart) this.segments.push({ batchLine: this.breaks + 1, file, fileLine: line, fixed: breaks > 0 });
    else if (breaks > 0) this.segments.push({ batchLine: this.breaks + 2, file, fileLine: line, fixed: true });
    this.pieces.push(value);
    this.breaks += breaks;
    this.atLineStart = value.charCodeAt(value.length - 1) === 10;
    this.expectFile = breaks > 0 ? '' : file;
    this.expectLine = line;
  }

  /** Ends the current line if text is pending on it (an include whose last line has no line break). */
  ensureLineEnd(): void {
    if (this.atLineStart) return;
    this.pieces.push('\n');
    this.breaks++;
    this.atLineStart = true;
    this.expectFile = '';
  }

  /** Hands over the batch (leading and trailing blanks dropped) and starts anew. */
  take(): CollectedBatch | undefined {
    const start = this.start;
    const raw = this.pieces.length === 1 ? (this.pieces[0] as string) : this.pieces.join('');
    const segments = this.segments;
    this.pieces = [];
    this.segments = [];
    this.breaks = 0;
    this.atLineStart = true;
    this.expectFile = '';
    this.start = undefined;
    if (start === undefined) return undefined;
    return trimBlankLines(raw, segments, start);
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

function allBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

function trimBlankLines(raw: string, segments: SourceSegment[], start: SourceLocation): CollectedBatch {
  let first = 0;
  while (first < raw.length && isBlank(raw.charCodeAt(first))) first++;
  let end = raw.length;
  while (end > first && isBlank(raw.charCodeAt(end - 1))) end--;
  if (first === 0) return { text: raw.slice(0, end), sourceMap: segments, start };
  let dropped = 0;
  for (let i = raw.indexOf('\n'); i >= 0 && i < first; i = raw.indexOf('\n', i + 1)) dropped++;
  return { text: raw.slice(first, end), sourceMap: shiftSegments(segments, dropped), start };
}

/** The map after dropping the first `dropped` batch lines. */
function shiftSegments(segments: readonly SourceSegment[], dropped: number): SourceSegment[] {
  const out: SourceSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as SourceSegment;
    const next = segments[i + 1];
    const newStart = s.batchLine - dropped;
    if (next !== undefined && next.batchLine - dropped <= 1) continue;
    if (newStart >= 1) out.push({ ...s, batchLine: newStart });
    else out.push({ ...s, batchLine: 1, fileLine: s.fixed ? s.fileLine : s.fileLine + (1 - newStart) });
  }
  return out;
}

/** The file:line that line `batchLine` (1-based) of a batch came from. */
export function sourceOf(sourceMap: readonly SourceSegment[], batchLine: number): SourceLocation {
  let lo = 0;
  let hi = sourceMap.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sourceMap[mid] as SourceSegment).batchLine <= batchLine) lo = mid;
    else hi = mid - 1;
  }
  const s = sourceMap[lo];
  if (s === undefined) return { file: '', line: batchLine };
  return { file: s.file, line: s.fixed ? s.fileLine : s.fileLine + Math.max(0, batchLine - s.batchLine) };
}
