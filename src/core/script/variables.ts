import type { Dialect } from '../engine/types';

export interface VariableSources {
  readonly dialect: Dialect;
  /** sqlcmd reads any environment variable as a scripting variable; psql does not. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  /** `variables` of dw-workbench.json. */
  readonly project?: Readonly<Record<string, string | number | boolean>>;
  /** `--var NAME=value`, or values the user typed in VS Code. */
  readonly commandLine?: Readonly<Record<string, string>>;
}

/**
 * The variables a script starts with, lowest precedence first: environment (T-SQL only, as
 * sqlcmd), project file, command line. `:setvar` / `\set` in the script override them all.
 */
export function scriptVariables(sources: VariableSources): Record<string, string> {
  const out: Record<string, string> = {};
  if (sources.dialect === 'sqlserver') {
    for (const [k, v] of Object.entries(sources.environment ?? {})) if (v !== undefined) out[k] = v;
  }
  for (const [k, v] of Object.entries(sources.project ?? {})) out[k] = String(v);
  for (const [k, v] of Object.entries(sources.commandLine ?? {})) out[k] = v;
  return out;
}

/** Parses `NAME=value` as given to `--var`; undefined when there is no `=` or no name. */
export function parseVariableAssignment(text: string): { name: string; value: string } | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  return { name: text.slice(0, eq), value: text.slice(eq + 1) };
}
