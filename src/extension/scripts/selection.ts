import { splitPostgres, splitTsql, type ScriptFileReader, type ScriptPlan } from '../../core/script';
import type { Dialect } from '../../core/engine/types';

/** The selected text of an editor and where it sits in its file. */
export interface ScriptSelection {
  /** Absolute path of the file (includes resolve against its folder). */
  readonly file: string;
  readonly text: string;
  /** 1-based line of the file where the selection starts. */
  readonly startLine: number;
}

/**
 * The plan of a selection: split as if it were the whole file, with every line numbered as in
 * the file, so errors and messages point at the selected lines, not at line 1.
 */
export function selectionPlan(
  selection: ScriptSelection,
  options: { readonly dialect: Dialect; readonly readFile: ScriptFileReader; readonly variables: Readonly<Record<string, string>> },
): Promise<ScriptPlan> {
  const split = options.dialect === 'sqlserver' ? splitTsql : splitPostgres;
  return split(selection.text, { file: selection.file, readFile: options.readFile, variables: options.variables, firstLine: selection.startLine });
}
