import { isBlank, isNameChar } from './charCodes';
import { ScriptError } from './errors';
import { readInclude, resolveIncludePath, type FileFrame } from './includes';
import { parseSqlcmdCommand } from './sqlcmdCommands';
import { TsqlLexer, TsqlState } from './tsqlLexer';
import { PlanCollector } from './planCollector';
import type { ScriptPlan, SplitOptions } from './types';
import path from 'node:path';

const UNTERMINATED: Readonly<Record<number, string>> = {
  [TsqlState.String]: "unterminated string literal: add the closing '",
  [TsqlState.Bracket]: 'unterminated [identifier]: add the closing ]',
  [TsqlState.Quoted]: 'unterminated "identifier": add the closing "',
  [TsqlState.Block]: 'unterminated /* comment: add the closing */',
};

/**
 * `GO`, `GO 5`, `GO -- note` alone on a line starting at `i`: the repeat count, 0 for a count
 * of zero, or undefined when the line is SQL (`GOTO`, `go_live`, `GO.`).
 */
export function parseGoLine(text: string, i: number, end: number): number | undefined {
  if ((text.charCodeAt(i) | 0x20) !== 0x67 || (text.charCodeAt(i + 1) | 0x20) !== 0x6f) return undefined;
  let j = i + 2;
  if (j < end && !isBlank(text.charCodeAt(j)) && text.charCodeAt(j) !== 45) return undefined;
  while (j < end && isBlank(text.charCodeAt(j))) j++;
  let count = 1;
  if (j < end && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) {
    const digitsStart = j;
    while (j < end && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    count = Number(text.slice(digitsStart, j));
    while (j < end && isBlank(text.charCodeAt(j))) j++;
  }
  if (j === end) return count;
  if (text.charCodeAt(j) === 45 && text.charCodeAt(j + 1) === 45) return count;
  return undefined;
}

/** The index of `)` closing a `$(NAME)` at `i`, or -1 when the text there is not one. */
function variableEnd(text: string, i: number, lineEnd: number): number {
  let j = i + 2;
  while (j < lineEnd && isNameChar(text.charCodeAt(j))) j++;
  return j === i + 2 || j >= lineEnd || text.charCodeAt(j) !== 41 ? -1 : j;
}

/** Line and column of an offset; only computed for an error, so a plain count is fine. */
export function lineAndColumn(text: string, offset: number, firstLine: number): { line: number; column: number } {
  let line = firstLine;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1 };
}

/**
 * Splits a T-SQL script into batches with sqlcmd's rules: `GO [n]` alone on a line ends a
 * batch, `:setvar` / `$(NAME)` / `:r` / `:on error` / `:exit` are handled, and every batch keeps
 * the file:line of each of its lines through includes. Pure: files come through `readFile`.
 */
export async function splitTsql(text: string, options: SplitOptions & { readonly firstLine?: number }): Promise<ScriptPlan> {
  const splitter = new TsqlSplitter(options);
  await splitter.scan(text, { file: options.file, chain: [] }, options.firstLine ?? 1);
  return splitter.finish();
}

/** Where the scan of one file stands between two sqlcmd commands. */
interface Cursor {
  readonly text: string;
  readonly frame: FileFrame;
  readonly lexer: TsqlLexer;
  pos: number;
  line: number;
  runStart: number;
  runLine: number;
  nextRef: number;
}

class TsqlSplitter {
  private readonly vars = new Map<string, string>();
  private readonly plan = new PlanCollector();
  private readonly builder = this.plan.builder;
  private database: string | undefined;
  private batchDatabase: string | undefined;
  private exited = false;

  constructor(private readonly options: SplitOptions) {
    for (const [k, v] of Object.entries(options.variables ?? {})) this.vars.set(k.toUpperCase(), v);
  }

  finish(): ScriptPlan {
    this.plan.checkVariables();
    if (!this.exited) this.seal(1);
    return { dialect: 'sqlserver', files: [this.options.file], batches: this.plan.batches };
  }

  private seal(repeat: number): void {
    this.plan.seal(repeat, this.batchDatabase);
    this.batchDatabase = this.database;
  }

  /** Scans one file into the pending batch; includes recurse. */
  async scan(text: string, frame: FileFrame, firstLine: number): Promise<void> {
    const cursor: Cursor = { text, frame, lexer: new TsqlLexer(), pos: 0, line: firstLine, runStart: 0, runLine: firstLine, nextRef: text.indexOf('$(') };
    for (;;) {
      const command = this.scanToCommand(cursor);
      if (command === undefined) break;
      await this.command(command.text, frame, command.line, command.column);
      if (this.exited) return;
    }
    const { lexer } = cursor;
    if (lexer.state !== TsqlState.Code && lexer.state !== TsqlState.LineComment) {
      const at = lineAndColumn(text, lexer.openAt, firstLine);
      this.fail('unterminated', frame, at.line, at.column, UNTERMINATED[lexer.state] as string);
    }
    this.builder.addSource(text.slice(cursor.runStart), frame.file, cursor.runLine, cursor.line - cursor.runLine);
  }

  /**
   * The hot loop, synchronous so V8 optimises it while it runs (a long loop inside an async
   * function stays unoptimised): scans lines until a sqlcmd command line or the end of text.
   */
  private scanToCommand(cursor: Cursor): { text: string; line: number; column: number } | undefined {
    const { text, frame, lexer } = cursor;
    const file = frame.file;
    const len = text.length;
    const builder = this.builder;
    let { pos, line, runStart, runLine, nextRef } = cursor;
    let found: { text: string; line: number; column: number } | undefined;
    while (pos < len) {
      let eol = text.indexOf('\n', pos);
      const next = eol < 0 ? len : eol + 1;
      if (eol < 0) eol = len;
      const lineEnd = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      if (lexer.state === TsqlState.Code) {
        let i = pos;
        while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
        const c = text.charCodeAt(i);
        const repeat = (c | 0x20) === 0x67 ? parseGoLine(text, i, lineEnd) : undefined;
        if (repeat !== undefined || c === 58 || (c === 33 && text.charCodeAt(i + 1) === 33)) {
          builder.addSource(text.slice(runStart, pos), file, runLine, line - runLine);
          if (repeat === undefined) found = { text: text.slice(i, lineEnd), line, column: i - pos + 1 };
          else {
            if (repeat === 0) this.fail('invalid-command', frame, line, i - pos + 1, 'GO 0 repeats nothing: write GO, or GO n with n >= 1');
            this.seal(repeat);
          }
          pos = next;
          if (eol < len) line++;
          runStart = pos;
          runLine = line;
          if (found !== undefined) break;
          continue;
        }
        if ((c | 0x20) === 0x75) this.noteUse(text.slice(i, lineEnd));
      }
      let from = pos;
      while (nextRef >= 0 && nextRef < lineEnd) {
        const close = variableEnd(text, nextRef, lineEnd);
        lexer.advance(text, from, nextRef);
        if (close > 0 && lexer.state !== TsqlState.Block && lexer.state !== TsqlState.LineComment) {
          builder.addSource(text.slice(runStart, nextRef), file, runLine, line - runLine);
          if (lexer.codeAt < 0) lexer.codeAt = nextRef;
          this.addVariable(text.slice(nextRef + 2, close), frame, line);
          runStart = close + 1;
          runLine = line;
          from = close + 1;
        } else {
          from = nextRef;
        }
        nextRef = text.indexOf('$(', from === nextRef ? nextRef + 1 : from);
      }
      lexer.advance(text, from, lineEnd);
      lexer.endLine();
      if (lexer.codeAt >= 0 && !builder.hasCode) builder.markCode(file, line);
      lexer.codeAt = -1;
      pos = next;
      if (eol < len) line++;
    }
    cursor.pos = pos;
    cursor.line = line;
    cursor.runStart = runStart;
    cursor.runLine = runLine;
    cursor.nextRef = nextRef;
    return found;
  }

  private addVariable(name: string, frame: FileFrame, line: number): void {
    const value = this.vars.get(name.toUpperCase());
    if (value === undefined) this.plan.noteUndefined(name, frame, line);
    else this.builder.addValue(value, frame.file, line);
  }

  private expand(text: string): string {
    return text.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) => this.vars.get(name.toUpperCase()) ?? whole);
  }

  /** Remembers the database a `USE` line selects, to name it in events. */
  private noteUse(lineText: string): void {
    const m = /^use\s+(\[(?:[^\]]|\]\])+\]|"[^"]+"|[^\s;]+)/i.exec(lineText);
    if (m === null) return;
    const raw = this.expand(m[1] as string);
    this.database = raw.startsWith('[') ? raw.slice(1, -1).replace(/\]\]/g, ']') : raw.startsWith('"') ? raw.slice(1, -1) : raw;
  }

  private async command(lineText: string, frame: FileFrame, line: number, column: number): Promise<void> {
    const cmd = parseSqlcmdCommand(lineText);
    switch (cmd.kind) {
      case 'setvar':
        if (cmd.value === undefined) this.vars.delete(cmd.name.toUpperCase());
        else this.vars.set(cmd.name.toUpperCase(), cmd.value);
        return;
      case 'on-error':
        this.plan.mode = cmd.mode;
        return;
      case 'exit':
        if (cmd.runPending) this.seal(1);
        else this.builder.take();
        this.exited = true;
        return;
      case 'include': {
        const written = this.expand(cmd.path);
        const target = resolveIncludePath(written, path.dirname(frame.file));
        const inc = await readInclude(this.options.readFile, target, frame, line, column);
        await this.scan(inc.text, inc.frame, 1);
        this.builder.ensureLineEnd();
        return;
      }
      case 'unsupported':
        return this.fail('unsupported-command', frame, line, column, `${cmd.command} is not supported: ${cmd.hint}.`);
      case 'invalid':
        return this.fail('invalid-command', frame, line, column, `${cmd.problem}.`);
    }
  }

  private fail(kind: ScriptError['kind'], frame: FileFrame, line: number, column: number, problem: string): never {
    throw new ScriptError(kind, { file: frame.file, line, column, includeChain: frame.chain }, problem);
  }
}
