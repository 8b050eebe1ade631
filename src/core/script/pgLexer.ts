import { NestedComment } from './nestedComment';

/** Lexical state of PostgreSQL text, carried across lines. */
export const enum PgState {
  Code,
  String,
  EscapeString,
  Dollar,
  Quoted,
  Block,
  LineComment,
}

function isIdentChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127;
}

function isTagStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

/**
 * The part of PostgreSQL's grammar a statement splitter needs, as psql reads it: '' strings,
 * E'' strings with backslash escapes, dollar-quoted bodies ($$, $tag$), "identifiers", -- and
 * nested /* *\/ comments, and parentheses (a `;` inside them does not end a statement).
 */
export class PgLexer {
  state = PgState.Code;
  private readonly comment = new NestedComment();
  private parens = 0;
  private tag = '';
  /** Offset of the character that opened the current string, identifier or comment. */
  openAt = 0;
  /** Offset of the first SQL character seen since it was last set to -1. */
  codeAt = -1;

  /**
   * Scans `text[from, to)` and stops at a statement-ending `;`, a `:` in code (a variable
   * candidate) or a `\` (a meta-command), returning its offset; -1 when it reached `to`.
   */
  advance(text: string, from: number, to: number): number {
    let i = from;
    while (i < to) {
      switch (this.state) {
        case PgState.Code: {
          const stop = this.code(text, i, to);
          if (stop < 0) return -1;
          if (stop >= to || this.state !== PgState.Code) {
            i = stop;
            break;
          }
          return stop;
        }
        case PgState.String:
        case PgState.Quoted: {
          const quote = this.state === PgState.String ? "'" : '"';
          const q = text.indexOf(quote, i);
          if (q < 0 || q >= to) return -1;
          if (text.charCodeAt(q + 1) === quote.charCodeAt(0)) i = q + 2;
          else {
            this.state = PgState.Code;
            i = q + 1;
          }
          break;
        }
        case PgState.EscapeString:
          i = this.escapeString(text, i, to);
          break;
        case PgState.Dollar: {
          const end = text.indexOf(this.tag, i);
          if (end < 0 || end + this.tag.length > to) return -1;
          this.state = PgState.Code;
          i = end + this.tag.length;
          break;
        }
        case PgState.Block:
          i = this.comment.scan(text, i, to);
          if (this.comment.depth === 0) this.state = PgState.Code;
          break;
        case PgState.LineComment:
          return -1;
      }
    }
    return -1;
  }

  /** Called at each line end: a -- comment ends there. */
  endLine(): void {
    if (this.state === PgState.LineComment) this.state = PgState.Code;
  }

  /** Forgets parentheses and the statement's words once a statement has ended. */
  endStatement(): void {
    this.parens = 0;
    this.words = 0;
    this.header = 0;
    this.beginDepth = 0;
  }

  /** Words seen in the statement so far (psql's identifier_count). */
  private words = 0;
  /**
   * First letters of the statement's first four words when they are CREATE, OR, REPLACE,
   * FUNCTION or PROCEDURE (0 for any other word), packed one per byte.
   */
  private header = 0;
  /** Open BEGIN (and CASE inside one) of a SQL-standard function body: `;` does not end it. */
  private beginDepth = 0;

  /**
   * psql's heuristic for `CREATE [OR REPLACE] FUNCTION|PROCEDURE … BEGIN ATOMIC … END`: in
   * such a statement, outside parentheses, BEGIN opens a block, CASE inside a block opens
   * another, and END closes one; a `;` inside a block does not end the statement.
   */
  private word(text: string, from: number, to: number): void {
    const n = this.words++;
    const length = to - from;
    if (n < 4) {
      if (length >= 2 && length <= 9) {
        const w = text.slice(from, to).toLowerCase();
        if (w === 'create' || w === 'or' || w === 'replace' || w === 'function' || w === 'procedure') this.header |= w.charCodeAt(0) << (8 * n);
      }
      return;
    }
    if (this.parens !== 0 || length < 3 || length > 5 || !this.routineHeader()) return;
    const w = text.slice(from, to).toLowerCase();
    if (w === 'begin') this.beginDepth++;
    else if (w === 'case') {
      if (this.beginDepth >= 1) this.beginDepth++;
    } else if (w === 'end' && this.beginDepth > 0) this.beginDepth--;
  }

  /** CREATE FUNCTION / CREATE PROCEDURE / CREATE OR REPLACE FUNCTION / … PROCEDURE. */
  private routineHeader(): boolean {
    const letter = (k: number): number => (this.header >>> (8 * k)) & 0xff;
    if (letter(0) !== 99) return false;
    const second = letter(1);
    return second === 102 || second === 112 || (second === 111 && letter(2) === 114 && (letter(3) === 102 || letter(3) === 112));
  }

  /** Returns where code scanning stopped: an event (`;` or `:`), a state change, or -1. */
  private code(text: string, from: number, to: number): number {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c <= 32) continue;
      if (c === 45 && text.charCodeAt(i + 1) === 45) {
        this.state = PgState.LineComment;
        return -1;
      }
      if (c === 47 && text.charCodeAt(i + 1) === 42) {
        this.state = PgState.Block;
        this.comment.depth = 1;
        this.openAt = i;
        return i + 2;
      }
      if ((c === 59 && this.parens === 0 && this.beginDepth === 0) || c === 92) return i;
      if (this.codeAt < 0) this.codeAt = i;
      if (isTagStart(c) && !isIdentChar(text.charCodeAt(i - 1))) {
        let j = i + 1;
        while (j < to && isIdentChar(text.charCodeAt(j))) j++;
        this.word(text, i, j);
        i = j - 1;
        continue;
      }
      switch (c) {
        case 40:
          this.parens++;
          break;
        case 41:
          if (this.parens > 0) this.parens--;
          break;
        case 58:
          if (text.charCodeAt(i + 1) === 58) i++;
          else if (text.charCodeAt(i - 1) !== 58) return i;
          break;
        case 39: {
          const p = text.charCodeAt(i - 1);
          const escaped = (p | 0x20) === 0x65 && !isIdentChar(text.charCodeAt(i - 2));
          this.state = escaped ? PgState.EscapeString : PgState.String;
          this.openAt = escaped ? i - 1 : i;
          return i + 1;
        }
        case 34:
          this.state = PgState.Quoted;
          this.openAt = i;
          return i + 1;
        case 36: {
          const tagEnd = this.dollarTagEnd(text, i, to);
          if (tagEnd > 0) {
            this.tag = text.slice(i, tagEnd + 1);
            this.state = PgState.Dollar;
            this.openAt = i;
            return tagEnd + 1;
          }
          break;
        }
      }
    }
    return -1;
  }

  /** `$$` or `$tag$` opening at `i` (not `$1`, not inside an identifier): index of the closing `$`. */
  private dollarTagEnd(text: string, i: number, to: number): number {
    if (i > 0 && isIdentChar(text.charCodeAt(i - 1))) return -1;
    let j = i + 1;
    if (j < to && text.charCodeAt(j) === 36) return j;
    if (j >= to || !isTagStart(text.charCodeAt(j))) return -1;
    while (j < to && isIdentChar(text.charCodeAt(j)) && text.charCodeAt(j) !== 36) j++;
    return j < to && text.charCodeAt(j) === 36 ? j : -1;
  }

  private escapeString(text: string, from: number, to: number): number {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 39) {
        if (text.charCodeAt(i + 1) === 39) i++;
        else {
          this.state = PgState.Code;
          return i + 1;
        }
      }
    }
    return to;
  }

}
