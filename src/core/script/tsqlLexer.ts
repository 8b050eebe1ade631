import { NestedComment } from './nestedComment';

/** Lexical state of T-SQL text, carried across lines. */
export const enum TsqlState {
  Code,
  String,
  Bracket,
  Quoted,
  Block,
  LineComment,
}

/** ASCII characters that are SQL but neither blank nor able to open a string or comment. */
const PLAIN_CODE = new Uint8Array(128);
for (let c = 33; c < 128; c++) PLAIN_CODE[c] = 1;
for (const special of ["'", '"', '[', '-', '/']) PLAIN_CODE[special.charCodeAt(0)] = 0;

/**
 * The part of the T-SQL grammar a batch splitter needs: strings ('' escaped, N'' too),
 * [brackets] (]] escaped), "quoted identifiers", -- comments and nested /* *\/ comments.
 * Hand-written over char codes: the splitter's speed is this loop's speed.
 */
export class TsqlLexer {
  state = TsqlState.Code;
  private readonly comment = new NestedComment();
  /** Offset of the character that opened the current string, identifier or comment. */
  openAt = 0;
  /** Offset of the first SQL character (not blank, not comment) seen since `codeAt = -1`. */
  codeAt = -1;

  /** Scans `text[from, to)`; `to` is at most the end of the line. */
  advance(text: string, from: number, to: number): void {
    let i = from;
    while (i < to) {
      switch (this.state) {
        case TsqlState.Code:
          i = this.code(text, i, to);
          break;
        case TsqlState.String:
          i = this.closeQuoted(text, i, to, "'", 39);
          break;
        case TsqlState.Bracket:
          i = this.closeQuoted(text, i, to, ']', 93);
          break;
        case TsqlState.Quoted:
          i = this.closeQuoted(text, i, to, '"', 34);
          break;
        case TsqlState.Block:
          i = this.comment.scan(text, i, to);
          if (this.comment.depth === 0) this.state = TsqlState.Code;
          break;
        case TsqlState.LineComment:
          return;
      }
    }
  }

  /** Called at each line end: a -- comment ends there. */
  endLine(): void {
    if (this.state === TsqlState.LineComment) this.state = TsqlState.Code;
  }

  private code(text: string, from: number, to: number): number {
    let needCode = this.codeAt < 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 128 && PLAIN_CODE[c] === 1) {
        if (needCode) {
          this.codeAt = i;
          needCode = false;
        }
        continue;
      }
      if (c <= 32) continue;
      if (c === 45 && text.charCodeAt(i + 1) === 45) {
        this.state = TsqlState.LineComment;
        return to;
      }
      if (c === 47 && text.charCodeAt(i + 1) === 42) {
        this.state = TsqlState.Block;
        this.comment.depth = 1;
        this.openAt = i;
        return i + 2;
      }
      if (this.codeAt < 0) this.codeAt = i;
      if (c === 39 || c === 91 || c === 34) {
        this.state = c === 39 ? TsqlState.String : c === 91 ? TsqlState.Bracket : TsqlState.Quoted;
        this.openAt = i;
        return i + 1;
      }
    }
    return to;
  }

  private closeQuoted(text: string, from: number, to: number, quote: string, code: number): number {
    let i = from;
    for (;;) {
      const q = text.indexOf(quote, i);
      if (q < 0 || q >= to) return to;
      if (text.charCodeAt(q + 1) === code) {
        i = q + 2;
        continue;
      }
      this.state = TsqlState.Code;
      return q + 1;
    }
  }

}
