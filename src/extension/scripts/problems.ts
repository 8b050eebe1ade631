import { UndefinedVariablesError, type ScriptError, type ScriptRunError, type SourceLocation } from '../../core/script';

/** One entry of the Problems panel, without vscode types (1-based line and column). */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly message: string;
  /** SQL Server error number, SQLSTATE, or the parse error's kind. */
  readonly code?: string;
  /** The include lines that led to `file`, outermost first. */
  readonly includedFrom: readonly SourceLocation[];
}

/** A batch the server rejected, at the user's file:line (and column when PostgreSQL gave one). */
export function problemOfRunError(e: ScriptRunError): Problem {
  return {
    file: e.file,
    line: e.line,
    ...(e.column === undefined ? {} : { column: e.column }),
    message: e.procedure === undefined ? e.message : `${e.message} (in ${e.procedure})`,
    ...(e.number === undefined ? {} : { code: String(e.number) }),
    includedFrom: [],
  };
}

/**
 * A script that could not be split: one problem at its position (the include chain kept
 * apart), or one per use of an undefined variable.
 */
export function problemsOfScriptError(e: ScriptError): Problem[] {
  const chain = e.position.includeChain;
  if (e instanceof UndefinedVariablesError) {
    return e.uses.map((use) => ({
      file: use.file,
      line: use.line,
      message: `Undefined variable ${use.name}: define it with :setvar / \\set in the script, the project file's "variables" or the environment.`,
      code: e.kind,
      includedFrom: chain,
    }));
  }
  const column = e.position.column === undefined ? '' : `:${e.position.column}`;
  const prefix = `${e.position.file}:${e.position.line}${column}: `;
  // The message repeats the position and lists the chain; the Problems panel shows both itself.
  const problem = (e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message).split('\n')[0] ?? e.message;
  return [{
    file: e.position.file,
    line: e.position.line,
    ...(e.position.column === undefined ? {} : { column: e.position.column }),
    message: problem,
    code: e.kind,
    includedFrom: chain,
  }];
}
