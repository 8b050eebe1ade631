import path from 'node:path';
import { isNameChar } from './charCodes';
import { ScriptError } from './errors';
import { readInclude, resolveIncludePath, type FileFrame } from './includes';
import { PgLexer, PgState } from './pgLexer';
import { parsePsqlCommand } from './psqlCommands';
import { lineAndColumn } from './tsqlSplitter';
import { PlanCollector } from './planCollector';
import type { ScriptPlan, SplitOptions } from './types';

const UNTERMINATED: Readonly<Record<number, string>> = {
  [PgState.String]: "unterminated string literal: add the closing '",
  [PgState.EscapeString]: "unterminated E'' string literal: add the closing '",
  [PgState.Dollar]: 'unterminated dollar-quoted body: add the closing tag',
  [PgState.Quoted]: 'unterminated "identifier": add the closing "',
  [PgState.Block]: 'unterminated /* comment: add the closing */',
};

/** A psql variable reference at a `:`: its kind, name and end (exclusive), if it is one. */
function variableAt(text: string, i: number, lineEnd: number): { quote: '' | "'" | '"'; name: string; end: number } | undefined {
  const c = text.charCodeAt(i + 1);
  const quote = c === 39 ? "'" : c === 34 ? '"' : '';
  let j = quote === '' ? i + 1 : i + 2;
  const start = j;
  while (j < lineEnd && isNameChar(text.charCodeAt(j))) j++;
  if (j === start) return undefined;
  if (quote !== '') {
    if (text[j] !== quote) return undefined;
    return { quote, name: text.slice(start, j), end: j + 1 };
  }
  return { quote, name: text.slice(start, j), end: j };
}

/**
 * Splits a PostgreSQL script into statements as psql does: `;` outside strings, E'' strings,
 * dollar-quoted bodies, quoted identifiers, comments and parentheses ends a statement;
 * `\i` / `\ir` include, `\set` / `:var` / `:'var'` / `:"var"` substitute, `\c db` switches
 * database, `\set ON_ERROR_STOP` sets the error mode. Pure: files come through `readFile`.
 */
export async function splitPostgres(text: string, options: SplitOptions & { readonly firstLine?: number }): Promise<ScriptPlan> {
  const splitter = new PgSplitter(options);
  await splitter.scan(text, { file: options.file, chain: [] }, options.firstLine ?? 1);
  return splitter.finish();
}

/** Where the scan of one file stands between two meta-commands. */
interface Cursor {
  readonly text: string;
  readonly frame: FileFrame;
  readonly lexer: PgLexer;
  pos: number;
  line: number;
  runStart: number;
  runLine: number;
}

/** A variable's value as psql interpolates it: as written, as a 'literal' or as an "identifier". */
function quoted(value: string, quote: '' | "'" | '"'): string {
  return quote === '' ? value : quote + value.split(quote).join(quote + quote) + quote;
}

class PgSplitter {
  private readonly vars = new Map<string, string>();
  private readonly plan = new PlanCollector();
  private readonly builder = this.plan.builder;
  private database: string | undefined;
  private quit = false;

  constructor(private readonly options: SplitOptions) {
    for (const [k, v] of Object.entries(options.variables ?? {})) this.vars.set(k, v);
  }

  finish(): ScriptPlan {
    this.plan.checkVariables();
    if (!this.quit) this.seal();
    return { dialect: 'postgres', files: [this.options.file], batches: this.plan.batches };
  }

  private seal(): void {
    this.plan.seal(1, this.database);
  }

  async scan(text: string, frame: FileFrame, firstLine: number): Promise<void> {
    const cursor: Cursor = { text, frame, lexer: new PgLexer(), pos: 0, line: firstLine, runStart: 0, runLine: firstLine };
    for (;;) {
      const command = this.scanToCommand(cursor);
      if (command === undefined) break;
      await this.command(command.text, frame, command.line, command.column);
      if (this.quit) return;
    }
    const { lexer } = cursor;
    if (lexer.state !== PgState.Code && lexer.state !== PgState.LineComment) {
      const at = lineAndColumn(text, lexer.openAt, firstLine);
      throw new ScriptError('unterminated', { file: frame.file, line: at.line, column: at.column, includeChain: frame.chain }, UNTERMINATED[lexer.state] as string);
    }
    this.builder.addSource(text.slice(cursor.runStart), frame.file, cursor.runLine, cursor.line - cursor.runLine);
  }

  /**
   * The hot loop, synchronous so V8 optimises it while it runs: scans lines until a
   * meta-command (`\` outside strings and comments) or the end of text.
   */
  private scanToCommand(cursor: Cursor): { text: string; line: number; column: number } | undefined {
    const { text, frame, lexer } = cursor;
    const file = frame.file;
    const len = text.length;
    const builder = this.builder;
    let { pos, line, runStart, runLine } = cursor;
    let found: { text: string; line: number; column: number } | undefined;
    while (pos < len && found === undefined) {
      let eol = text.indexOf('\n', pos);
      const next = eol < 0 ? len : eol + 1;
      if (eol < 0) eol = len;
      const lineEnd = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      let from = pos;
      for (;;) {
        const stop = lexer.advance(text, from, lineEnd);
        if (lexer.codeAt >= 0 && !builder.hasCode) builder.markCode(file, line);
        lexer.codeAt = -1;
        if (stop < 0) break;
        if (text.charCodeAt(stop) === 92) {
          builder.addSource(text.slice(runStart, stop), file, runLine, line - runLine);
          found = { text: text.slice(stop, lineEnd), line, column: stop - pos + 1 };
          runStart = next;
          runLine = eol < len ? line + 1 : line;
          break;
        }
        if (text.charCodeAt(stop) === 59) {
          builder.addSource(text.slice(runStart, stop + 1), file, runLine, line - runLine);
          this.seal();
          lexer.endStatement();
          runStart = stop + 1;
          runLine = line;
          from = stop + 1;
          continue;
        }
        from = stop + 1;
        const ref = variableAt(text, stop, lineEnd);
        if (ref === undefined) continue;
        const value = this.vars.get(ref.name);
        if (value === undefined && ref.quote === '') continue;
        builder.addSource(text.slice(runStart, stop), file, runLine, line - runLine);
        if (!builder.hasCode) builder.markCode(file, line);
        if (value === undefined) this.plan.noteUndefined(ref.name, frame, line);
        else builder.addValue(quoted(value, ref.quote), file, line);
        runStart = ref.end;
        runLine = line;
        from = ref.end;
      }
      lexer.endLine();
      pos = next;
      if (eol < len) line++;
    }
    cursor.pos = pos;
    cursor.line = line;
    cursor.runStart = runStart;
    cursor.runLine = runLine;
    return found;
  }

  /** An `\echo` argument: `:name` and `:'name'` take the variable's value, as in psql. */
  private echoArgument(arg: string, frame: FileFrame, line: number): string {
    const m = /^:(')?([A-Za-z0-9_]+)\1$/.exec(arg);
    if (m === null) return arg;
    const value = this.vars.get(m[2] as string);
    if (value === undefined) {
      if (m[1] !== undefined) this.plan.noteUndefined(m[2] as string, frame, line);
      return arg;
    }
    return quoted(value, m[1] === undefined ? '' : "'");
  }

  private async command(lineText: string, frame: FileFrame, line: number, column: number): Promise<void> {
    const cmd = parsePsqlCommand(lineText);
    const at = { file: frame.file, line, column, includeChain: frame.chain };
    switch (cmd.kind) {
      case 'set':
        this.vars.set(cmd.name, cmd.value);
        return;
      case 'unset':
        this.vars.delete(cmd.name);
        return;
      case 'on-error':
        this.plan.mode = cmd.mode;
        return;
      case 'connect':
        this.seal();
        this.database = cmd.database;
        return;
      case 'quit':
        this.seal();
        this.quit = true;
        return;
      case 'echo':
        // psql prints when it reads the line: before a statement still being collected.
        this.plan.echo(cmd.args.map((a) => this.echoArgument(a, frame, line)).join(' '), lineText.trim(), frame.file, line, this.database);
        return;
      case 'include': {
        const base = cmd.relative ? path.dirname(frame.file) : (this.options.cwd ?? path.dirname(this.options.file));
        const target = resolveIncludePath(cmd.path, base);
        const inc = await readInclude(this.options.readFile, target, frame, line, column);
        await this.scan(inc.text, inc.frame, 1);
        this.builder.ensureLineEnd();
        return;
      }
      case 'unsupported':
        throw new ScriptError('unsupported-command', at, `${cmd.command} is not supported: supported meta-commands are \\i, \\ir, \\c, \\set, \\unset, \\echo, \\q.${cmd.command === '\\copy' ? ' \\copy reads and writes files on this machine: use COPY … FROM/TO a file on the server, or run this file with psql.' : ''}`);
      case 'invalid':
        throw new ScriptError('invalid-command', at, `${cmd.problem}.`);
    }
  }
}
