import type { OnErrorMode } from './types';

/** A psql meta-command line (`\i`, `\ir`, `\c`, `\set`, `\unset`, `\q`, `\echo`), parsed. */
export type PsqlCommand =
  | { readonly kind: 'include'; readonly path: string; readonly relative: boolean }
  | { readonly kind: 'connect'; readonly database: string }
  | { readonly kind: 'set'; readonly name: string; readonly value: string }
  | { readonly kind: 'unset'; readonly name: string }
  | { readonly kind: 'on-error'; readonly mode: OnErrorMode }
  | { readonly kind: 'quit' }
  /** `\echo`: its arguments as psql parses them (quotes resolved, variables not yet). */
  | { readonly kind: 'echo'; readonly args: readonly string[] }
  | { readonly kind: 'unsupported'; readonly command: string }
  | { readonly kind: 'invalid'; readonly problem: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** psql's argument syntax, reduced: 'quoted '' text', "quoted", or bare words. */
export function psqlArguments(rest: string): string[] {
  const args: string[] = [];
  const re = /'((?:[^']|'')*)'|"((?:[^"]|"")*)"|(\S+)/g;
  for (const m of rest.matchAll(re)) {
    if (m[1] !== undefined) args.push(m[1].replace(/''/g, "'"));
    else if (m[2] !== undefined) args.push(m[2].replace(/""/g, '"'));
    else args.push(m[3] as string);
  }
  return args;
}

function onErrorStop(value: string): OnErrorMode | undefined {
  const v = value.toLowerCase();
  if (['on', '1', 'true', 'yes'].includes(v)) return 'exit';
  if (['off', '0', 'false', 'no'].includes(v)) return 'ignore';
  return undefined;
}

/** Parses a line that starts (after blanks) with `\`; `line` starts at the backslash. */
export function parsePsqlCommand(line: string): PsqlCommand {
  const word = /^\\([A-Za-z_]*)/.exec(line)?.[1] ?? '';
  const args = psqlArguments(line.slice(1 + word.length));
  switch (word) {
    case 'i':
    case 'include':
    case 'ir':
    case 'include_relative': {
      const target = args[0];
      if (target === undefined) return { kind: 'invalid', problem: `\\${word} needs a file path` };
      return { kind: 'include', path: target, relative: word === 'ir' || word === 'include_relative' };
    }
    case 'c':
    case 'connect': {
      const database = args[0];
      if (database === undefined || args.length > 1) {
        return { kind: 'invalid', problem: `\\${word} takes only a database name here; host and user come from dw-workbench.json` };
      }
      return { kind: 'connect', database };
    }
    case 'set': {
      const [name, ...value] = args;
      if (name === undefined || !NAME.test(name)) return { kind: 'invalid', problem: '\\set needs a variable name (letters, digits, _)' };
      const joined = value.join('');
      if (name === 'ON_ERROR_STOP') {
        const mode = onErrorStop(joined === '' ? 'on' : joined);
        if (mode === undefined) return { kind: 'invalid', problem: '\\set ON_ERROR_STOP takes on or off' };
        return { kind: 'on-error', mode };
      }
      return { kind: 'set', name, value: joined };
    }
    case 'unset': {
      const name = args[0];
      if (name === undefined) return { kind: 'invalid', problem: '\\unset needs a variable name' };
      return { kind: 'unset', name };
    }
    case 'q':
    case 'quit':
      return { kind: 'quit' };
    case 'echo':
      // -n (no trailing newline) changes nothing for a message event.
      return { kind: 'echo', args: args[0] === '-n' ? args.slice(1) : args };
    default:
      return { kind: 'unsupported', command: `\\${word}` };
  }
}
