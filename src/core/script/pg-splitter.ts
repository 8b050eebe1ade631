import path from 'node:path';
import { isBlank, isNameChar } from './char-codes';
import { ScriptError } from './errors';
import { readInclude, resolveIncludePath, type FileFrame } from './includes';
import { PgLexer, PgState } from './pg-lexer';
import { parsePsqlCommand } from './psql-commands';
import { lineAndColumn } from './tsql-splitter';
import { PlanCollector } from './plan-collector';
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
    const { file } = frame;
    const len = text.length;
    const builder = this.builder;
    const lexer = new PgLexer();
    let pos = 0;
    let line = firstLine;
    let runStart = 0;
    let runLine = line;
    while (pos < len) {
      let eol = text.indexOf('\n', pos);
      const next = eol < 0 ? len : eol + 1;
      if (eol < 0) eol = len;
      const lineEnd = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      if (lexer.state === PgState.Code) {
        let i = pos;
        while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) === 92) {
          builder.addSource(text.slice(runStart, pos), file, runLine, line - runLine);
          await this.command(text.slice(i, lineEnd), frame, line, i - pos + 1);
          if (this.quit) return;
          pos = next;
          line++;
          runStart = pos;
          runLine = line;
          continue;
        }
      }
      let from = pos;
      for (;;) {
        const stop = lexer.advance(text, from, lineEnd);
        if (lexer.codeAt >= 0 && !builder.hasCode) builder.markCode(file, line);
        lexer.codeAt = -1;
        if (stop < 0) break;
        if (text.charCodeAt(stop) === 92) {
          builder.addSource(text.slice(runStart, stop), file, runLine, line - runLine);
          await this.command(text.slice(stop, lineEnd), frame, line, stop - pos + 1);
          if (this.quit) return;
          runStart = next;
          runLine = line + 1;
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
        else builder.addValue(ref.quote + value.split(ref.quote || '\u0000').join(ref.quote + ref.quote) + ref.quote, file, line);
        runStart = ref.end;
        runLine = line;
        from = ref.end;
      }
      lexer.endLine();
      pos = next;
      if (eol < len) line++;
    }
    if (lexer.state !== PgState.Code && lexer.state !== PgState.LineComment) {
      const at = lineAndColumn(text, lexer.openAt, firstLine);
      throw new ScriptError('unterminated', { file, line: at.line, column: at.column, includeChain: frame.chain }, UNTERMINATED[lexer.state] as string);
    }
    builder.addSource(text.slice(runStart), file, runLine, line - runLine);
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
      case 'include': {
        const base = cmd.relative ? path.dirname(frame.file) : (this.options.cwd ?? path.dirname(this.options.file));
        const target = resolveIncludePath(cmd.path, base);
        const inc = await readInclude(this.options.readFile, target, frame, line, column);
        await this.scan(inc.text, inc.frame, 1);
        this.builder.ensureLineEnd();
        return;
      }
      case 'unsupported':
        throw new ScriptError('unsupported-command', at, `${cmd.command} is not supported: supported meta-commands are \\i, \\ir, \\c, \\set, \\unset, \\q.`);
      case 'invalid':
        throw new ScriptError('invalid-command', at, `${cmd.problem}.`);
    }
  }
}
