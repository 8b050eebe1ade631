import type { SourceLocation } from './types';

/** Why a script could not be turned into a plan; the UI picks its action from this. */
export type ScriptErrorKind =
  | 'unterminated'
  | 'unsupported-command'
  | 'invalid-command'
  | 'undefined-variable'
  | 'include-missing'
  | 'include-cycle'
  | 'include-too-deep'
  | 'encoding';

/** A place in a script, with the chain of includes that led there (outermost first). */
export interface ScriptPosition extends SourceLocation {
  /** 1-based column, when known. */
  readonly column?: number;
  /** The `:r` / `\i` lines that led to `file`, outermost first; empty for the root script. */
  readonly includeChain: readonly SourceLocation[];
}

export interface UndefinedVariableUse extends SourceLocation {
  readonly name: string;
}

function formatChain(chain: readonly SourceLocation[]): string {
  if (chain.length === 0) return '';
  return '\n' + chain.map((c) => `  included from ${c.file}:${c.line}`).reverse().join('\n');
}

/**
 * A script that cannot be parsed: nothing of it runs. The message names file:line:column and
 * the include chain, and says what to fix.
 */
export class ScriptError extends Error {
  readonly kind: ScriptErrorKind;
  readonly position: ScriptPosition;

  constructor(kind: ScriptErrorKind, position: ScriptPosition, problem: string) {
    const col = position.column === undefined ? '' : `:${position.column}`;
    super(`${position.file}:${position.line}${col}: ${problem}${formatChain(position.includeChain)}`);
    this.name = 'ScriptError';
    this.kind = kind;
    this.position = position;
  }
}

/** Every `$(NAME)` / `:'name'` without a value, reported together before anything runs. */
export class UndefinedVariablesError extends ScriptError {
  readonly uses: readonly UndefinedVariableUse[];

  constructor(uses: readonly UndefinedVariableUse[], chain: readonly SourceLocation[]) {
    const first = uses[0] as UndefinedVariableUse;
    const names = [...new Set(uses.map((u) => u.name))];
    const list = uses.map((u) => `  ${u.name} at ${u.file}:${u.line}`).join('\n');
    super(
      'undefined-variable',
      { file: first.file, line: first.line, includeChain: chain },
      `undefined variable${names.length > 1 ? 's' : ''} ${names.join(', ')}. `
        + `Define ${names.length > 1 ? 'them' : 'it'} with :setvar / \\set in the script, `
        + `--var NAME=value, the project file or the environment.\n${list}`,
    );
    this.name = 'UndefinedVariablesError';
    this.uses = uses;
  }
}

export function isScriptError(e: unknown): e is ScriptError {
  return e instanceof ScriptError;
}
