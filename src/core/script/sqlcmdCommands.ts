import type { OnErrorMode } from './types';

/** A sqlcmd command line (`:setvar`, `:r`, `:on error`, `:exit`), parsed. */
export type SqlcmdCommand =
  | { readonly kind: 'setvar'; readonly name: string; readonly value: string | undefined }
  | { readonly kind: 'include'; readonly path: string }
  | { readonly kind: 'on-error'; readonly mode: OnErrorMode }
  /** `:exit` drops the pending batch; `:exit()` runs it first. */
  | { readonly kind: 'exit'; readonly runPending: boolean }
  | { readonly kind: 'unsupported'; readonly command: string; readonly hint: string }
  | { readonly kind: 'invalid'; readonly problem: string };

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const HINTS: Readonly<Record<string, string>> = {
  connect: 'the connection comes from dw-workbench.json; remove the line',
  out: 'results go to the results view, or to stdout with `dwb run --json`',
  error: 'errors go to the Problems panel, or to stderr with `dwb run`',
  '!!': 'shell commands do not run from scripts; use a task instead',
};

/** Reads `"quoted ""text"""` or a bare word; returns the value and where parsing stopped. */
function readArgument(rest: string): { value: string; end: number } | undefined {
  if (rest.startsWith('"')) {
    let out = '';
    for (let i = 1; i < rest.length; i++) {
      const c = rest[i];
      if (c !== '"') out += c;
      else if (rest[i + 1] === '"') {
        out += '"';
        i++;
      } else return { value: out, end: i + 1 };
    }
    return undefined;
  }
  return { value: rest.trimEnd(), end: rest.length };
}

/** Parses a line that starts (after blanks) with `:` or `!!`; `line` starts at that char. */
export function parseSqlcmdCommand(line: string): SqlcmdCommand {
  if (line.startsWith('!!')) return { kind: 'unsupported', command: '!!', hint: HINTS['!!'] as string };
  const match = /^:([A-Za-z]+)/.exec(line);
  const word = match?.[1]?.toLowerCase() ?? '';
  const rest = line.slice(1 + word.length).trim();
  switch (word) {
    case 'setvar': {
      const name = /^\S+/.exec(rest)?.[0] ?? '';
      if (!VARIABLE_NAME.test(name)) return { kind: 'invalid', problem: `:setvar needs a variable name (letters, digits, _), got '${name}'` };
      const valueText = rest.slice(name.length).trim();
      if (valueText === '') return { kind: 'setvar', name, value: undefined };
      const arg = readArgument(valueText);
      if (arg === undefined) return { kind: 'invalid', problem: `:setvar ${name}: the quoted value has no closing "` };
      return { kind: 'setvar', name, value: arg.value };
    }
    case 'r': {
      const arg = readArgument(rest);
      if (arg === undefined || arg.value === '') return { kind: 'invalid', problem: ':r needs a file path' };
      return { kind: 'include', path: arg.value };
    }
    case 'on': {
      const m = /^error\s+(exit|ignore)\s*$/i.exec(rest);
      if (m === null) return { kind: 'invalid', problem: ':on error takes exit or ignore' };
      return { kind: 'on-error', mode: (m[1] as string).toLowerCase() as OnErrorMode };
    }
    case 'exit':
    case 'quit':
      if (rest === '' || word === 'quit') return { kind: 'exit', runPending: false };
      if (/^\(\s*\)$/.test(rest)) return { kind: 'exit', runPending: true };
      return { kind: 'unsupported', command: ':exit(query)', hint: 'use :exit or :exit() and let the run report the result' };
    default:
      return {
        kind: 'unsupported',
        command: `:${word}`,
        hint: HINTS[word] ?? 'supported commands are :setvar, :r, :on error, :exit',
      };
  }
}
