/**
 * The `.env` grammar as Docker Compose reads it (compose-go's dotenv parser and its `${...}`
 * interpolation), for every reader and writer of `.env` files in DW Workbench: the stack's secrets
 * and project detection. Hand-written because no maintained npm library reads compose's grammar:
 * `dotenv` ends an unquoted value at any `#` (compose only at ` #`, and generated passwords hold
 * `#`), quotes with backticks too and does not interpolate; `dotenv-expand` and dotenvx escape `$`
 * with `\$` and add command substitution where compose uses `$$`.
 *
 * The grammar, as compose-go v2 implements it:
 * - blank lines and lines whose first non-blank character is `#` are skipped;
 * - a statement is `[export ]KEY=value` (`KEY: value` too); a KEY alone on its line takes its
 *   value from the environment (when it has one);
 * - an unquoted value runs to the end of the line, is cut at the first ` #` and trimmed at the end;
 * - a single-quoted value is literal, except that `\'` stands for `'`;
 * - a double-quoted value reads the escapes `\n \r \t \a \b \f \v \\ \" \$ \0NNN` (any other
 *   backslash stays) and may span lines;
 * - text after a closing quote up to a `#` is read as the next statement, as compose does;
 * - unquoted and double-quoted values are interpolated: `$$` is a `$`, `$NAME`, `${NAME}`,
 *   `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`, `${NAME?error}`, `${NAME:+other}`,
 *   `${NAME+other}` (nested in the default), from the entries above in the file first, then the
 *   environment; an unset variable reads as empty. A `$` that starts none of these stays.
 */

/** One `KEY=value` statement, at the line where it starts. */
export interface DotenvEntry {
  readonly key: string;
  /** Undefined when withheld: see {@link DotenvOptions.withhold} and {@link DotenvOptions.unset}. */
  readonly value: string | undefined;
  readonly line: number;
  /** Where the statement stands in the text (offsets, end exclusive): an edit can replace it alone. */
  readonly span: { readonly start: number; readonly end: number };
}

export interface DotenvOptions {
  /**
   * Keys whose values the caller must never hold (secrets). Their value is not assembled, and a
   * value that interpolates one of them is withheld too, so no secret reaches another entry.
   */
  readonly withhold?: (key: string) => boolean;
  /** Variables from outside the file (compose reads the process environment). */
  readonly lookup?: (name: string) => string | undefined;
  /**
   * How a variable set neither above in the file nor by `lookup` reads: `empty` as compose does,
   * or `withhold` (the value depends on an environment the reader does not know).
   */
  readonly unset?: 'empty' | 'withhold';
}

/** The file breaks compose's grammar; compose refuses it too. Never holds a value. */
export class DotenvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'DotenvSyntaxError';
  }
}

/** Compose's `isSpace`: blanks that do not end a line. */
const BLANK = new Set(['\t', '\v', '\f', '\r', ' ', '\u0085', '\u00a0']);
const KEY_CHAR = /^[\p{L}\p{N}_.\-[\]]$/u;
const NAME_START = /[_A-Za-z]/;
const NAME = /^[_A-Za-z][_A-Za-z0-9]*/;

/** Value lookups during interpolation: undefined for a withheld (unknowable) value. */
type Mapping = (name: string) => { readonly set: boolean; readonly value: string | undefined };

/** Reads `text` with compose's grammar; the entries in file order (a later key wins, as in compose). */
export function parseDotenv(text: string, options: DotenvOptions = {}): DotenvEntry[] {
  return new DotenvReader(text.replace(/^\uFEFF/, ''), options).read();
}

/** The last value of every key (what compose ends up with); withheld values are left out. */
export function dotenvValues(entries: readonly Pick<DotenvEntry, 'key' | 'value'>[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    if (e.value === undefined) delete out[e.key];
    else out[e.key] = e.value;
  }
  return out;
}

class DotenvReader {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly known = new Map<string, string | undefined>();
  private readonly entries: DotenvEntry[] = [];
  /** Where the last statement's value ends: before a trailing comment and blanks. */
  private valueEnd = 0;

  constructor(
    private readonly text: string,
    private readonly options: DotenvOptions,
  ) {}

  read(): DotenvEntry[] {
    for (;;) {
      this.skipSpaceAndComments();
      if (this.pos >= this.text.length) return this.entries;
      const start = this.pos;
      const before = this.entries.length;
      this.statement();
      const last = this.entries[this.entries.length - 1];
      if (this.entries.length > before && last !== undefined) {
        this.entries[this.entries.length - 1] = { ...last, span: { start, end: this.valueEnd } };
      }
    }
  }

  private statement(): void {
    const line = this.line;
    if (/^export\s/.test(this.text.slice(this.pos, this.pos + 7))) {
      this.pos += 6;
      while (BLANK.has(this.peek())) this.pos++;
    }
    const keyStart = this.pos;
    let end = '';
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.peek();
      if (c === '=' || c === ':' || c === '\n') {
        end = c;
        break;
      }
      if (!BLANK.has(c) && !KEY_CHAR.test(c)) {
        throw this.error(`unexpected character ${JSON.stringify(c)} in a variable name; names hold letters, digits, '_', '.' and '-'`);
      }
    }
    const key = this.text.slice(keyStart, this.pos).replace(/\s+$/u, '');
    // The text is not quoted back: a line without `=` may be a pasted secret.
    if (key.includes(' ')) throw new DotenvSyntaxError(line, 1, 'a variable name holds a space (a line without = is a name alone)');
    if (end !== '\n' && end !== '') this.pos++;
    if (end === '\n' || end === '') {
      this.valueEnd = keyStart + key.length;
      // A name alone on its line passes the variable through from the environment.
      const outside = this.options.lookup?.(key);
      if (outside !== undefined) this.add(key, outside, line);
      else if (this.options.unset === 'withhold') this.add(key, undefined, line);
      return;
    }
    while (BLANK.has(this.peek())) this.pos++;
    const withheld = this.options.withhold?.(key) === true;
    const quote = this.peek();
    let value: string | undefined;
    if (quote === "'" || quote === '"') {
      const raw = this.quoted(quote, line, !withheld);
      this.valueEnd = this.pos;
      value = withheld ? undefined : quote === "'" ? raw : interpolate(expandEscapes(raw), this.mapping(), line);
    } else {
      let eol = this.text.indexOf('\n', this.pos);
      if (eol < 0) eol = this.text.length;
      const whole = this.text.slice(this.pos, eol);
      const raw = withheld ? '' : whole;
      const cutAt = whole.indexOf(' #');
      this.valueEnd = this.pos + (cutAt < 0 ? whole : whole.slice(0, cutAt)).replace(/\s+$/u, '').length;
      this.pos = eol;
      if (!withheld) {
        const cut = raw.indexOf(' #');
        value = interpolate((cut < 0 ? raw : raw.slice(0, cut)).replace(/\s+$/u, ''), this.mapping(), line);
      }
    }
    this.add(key, value, line);
  }

  /** The characters between `quote`s, an escaped quote read as the quote; `keep` false assembles nothing. */
  private quoted(quote: string, line: number, keep: boolean): string {
    const column = this.pos - this.lineStart + 1;
    let out = '';
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const c = this.text.charAt(i);
      if (c === '\\' && i + 1 < this.text.length) {
        const next = this.text.charAt(i + 1);
        if (keep) out += next === quote ? next : c + next;
        i++;
        continue;
      }
      if (c === quote) {
        this.advanceTo(i + 1);
        return out;
      }
      if (keep) out += c;
    }
    throw new DotenvSyntaxError(line, column, `the value opened with ${quote} at column ${column} is never closed`);
  }

  /** Moves to `i`, counting the lines passed. */
  private advanceTo(i: number): void {
    for (let j = this.pos; j < i; j++) {
      if (this.text.charAt(j) === '\n') {
        this.line++;
        this.lineStart = j + 1;
      }
    }
    this.pos = i;
  }

  private mapping(): Mapping {
    return (name) => {
      if (this.known.has(name)) return { set: true, value: this.known.get(name) };
      const outside = this.options.lookup?.(name);
      if (outside !== undefined) return { set: true, value: outside };
      return { set: false, value: this.options.unset === 'withhold' ? undefined : '' };
    };
  }

  private add(key: string, value: string | undefined, line: number): void {
    // `=value` with no name: compose reads it into a variable nobody can use.
    if (key === '') return;
    this.known.set(key, value);
    this.entries.push({ key, value, line, span: { start: this.pos, end: this.pos } });
  }

  private skipSpaceAndComments(): void {
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (c === '#') {
        const eol = this.text.indexOf('\n', this.pos);
        this.pos = eol < 0 ? this.text.length : eol;
      } else if (/\s/u.test(c)) {
        if (c === '\n') {
          this.line++;
          this.lineStart = this.pos + 1;
        }
        this.pos++;
      } else {
        return;
      }
    }
  }

  private peek(): string {
    return this.text.charAt(this.pos);
  }

  private error(reason: string): DotenvSyntaxError {
    return new DotenvSyntaxError(this.line, this.pos - this.lineStart + 1, reason);
  }
}

const ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\', $: '$$' };

/** Double-quoted escapes as compose expands them (`\$` becomes `$$`, which interpolation reads as `$`). */
function expandEscapes(raw: string): string {
  return raw.replace(/\\(?:[abcfnrtv$"\\]|0\d{0,3})/g, (m) => {
    const c = m.charAt(1);
    if (c !== '0') return ESCAPES[c] ?? m;
    // `\0NNN`: compose rewrites it to `\NNN` and reads exactly three octal digits up to 255.
    const digits = m.slice(2);
    return /^[0-7]{3}$/.test(digits) && parseInt(digits, 8) <= 255 ? String.fromCharCode(parseInt(digits, 8)) : `\\${digits}`;
  });
}

/** Withheld (undefined) when any variable it reads is withheld. */
function interpolate(template: string, mapping: Mapping, line: number): string | undefined {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) return out + template.slice(i);
    out += template.slice(i, dollar);
    const next = template.charAt(dollar + 1);
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (NAME_START.test(next)) {
      const name = (NAME.exec(template.slice(dollar + 1)) as RegExpExecArray)[0];
      const v = mapping(name).value;
      if (v === undefined) return undefined;
      out += v;
      i = dollar + 1 + name.length;
    } else if (next === '{' && closingBrace(template, dollar) > 0) {
      const close = closingBrace(template, dollar);
      const v = braced(template.slice(dollar + 2, close), mapping, line);
      if (v === undefined) return undefined;
      out += v;
      i = close + 1;
    } else {
      out += '$';
      i = dollar + 1;
    }
  }
  return out;
}

/** The `}` that closes the `${` at `start`, counting nested `${`; -1 when none does. */
function closingBrace(s: string, start: number): number {
  let open = 0;
  for (let i = start; i < s.length; i++) {
    if (s.startsWith('${', i)) {
      open++;
      i++;
    } else if (s.charAt(i) === '}' && --open === 0) {
      return i;
    }
  }
  return -1;
}

function braced(inner: string, mapping: Mapping, line: number): string | undefined {
  const name = NAME.exec(inner)?.[0];
  const rest = name === undefined ? undefined : /^(:?[-?+])([\s\S]*)$/.exec(inner.slice(name.length));
  if (name === undefined || (rest === null && inner !== name)) {
    throw new DotenvSyntaxError(line, 1, `'\${${inner}}' is not a variable compose can interpolate`);
  }
  const { set, value } = mapping(name);
  // Withheld: whether it is set or empty is unknown too, so every form depends on it.
  if (value === undefined || rest === null || rest === undefined) return value;
  const op = rest[1] as string;
  const arg = rest[2] as string;
  const empty = !set || value === '';
  switch (op) {
    case ':-':
      return empty ? interpolate(arg, mapping, line) : value;
    case '-':
      return set ? value : interpolate(arg, mapping, line);
    case ':+':
      return empty ? '' : interpolate(arg, mapping, line);
    case '+':
      return set ? interpolate(arg, mapping, line) : '';
    default:
      if (op === ':?' ? empty : !set) throw new DotenvSyntaxError(line, 1, `required variable ${name} has no value: ${arg}`);
      return value;
  }
}

/** Compose's variable names; the stack writes only these. */
const WRITABLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `value` written so compose (and {@link parseDotenv}) reads it back unchanged: single quotes keep
 * everything literal; a value holding `'` or `\` goes in double quotes with `\`, `"` escaped and
 * `$` doubled, because single quotes read `\'` as `'` and cannot end with a backslash.
 */
export function quoteDotenvValue(value: string): string {
  if (!/['\\]/.test(value)) return `'${value}'`;
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/\$/g, '$$$$')}"`;
}

/** `KEY='value'` lines, one per variable; names and values a .env file cannot hold are refused. */
export function formatDotenv(vars: Readonly<Record<string, string>>): string {
  return Object.entries(vars)
    .map(([k, v]) => `${dotenvStatement(k, v)}\n`)
    .join('');
}

/** One `KEY='value'` statement (no newline); a name or value a .env file cannot hold is refused. */
function dotenvStatement(key: string, value: string): string {
  if (!WRITABLE_KEY.test(key)) throw new RangeError(`Invalid environment variable name: ${key}`);
  if (/[\r\n]/.test(value)) throw new RangeError(`The value of ${key} spans lines; .env files cannot hold it.`);
  return `${key}=${quoteDotenvValue(value)}`;
}

/**
 * `text` with `key` set to `value`, everything else kept as written (comments, order, other
 * statements and their `${...}` references): the key's last statement is replaced (earlier ones
 * are dead, compose takes the last), or a line is appended.
 */
export function setDotenvValue(text: string, key: string, value: string): string {
  const statement = dotenvStatement(key, value);
  const entry = parseDotenv(text, { unset: 'withhold', withhold: () => true }).filter((e) => e.key === key).pop();
  if (entry === undefined) return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${statement}\n`;
  return text.slice(0, entry.span.start) + statement + text.slice(entry.span.end);
}
