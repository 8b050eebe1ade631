import type { ProjectFile } from './types';

/** A reason detection cannot propose a project, at a file's 1-based line and column. */
export interface DetectProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The layout cannot be turned into a project as it is; every problem names file:line. */
export class DetectError extends Error {
  readonly problems: readonly DetectProblem[];
  constructor(problems: readonly DetectProblem[], summary?: string) {
    super([...(summary === undefined ? [] : [summary]), ...problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)].join('\n'));
    this.name = 'DetectError';
    this.problems = problems;
  }
}

/** Why one setting of the proposal has its value: the evidence, at file:line when there is one. */
export interface DetectGuess {
  /** The setting, as a dotted path in dw-workbench.json (`connection.port`, `bootstrap.steps`). */
  readonly setting: string;
  readonly value: unknown;
  readonly reason: string;
  /** `file:line` of the evidence (paths relative to the scanned folder). */
  readonly source?: string;
}

export interface DetectResult {
  /** The scanned folder (absolute). */
  readonly folder: string;
  /** Where the proposal would be written (absolute). */
  readonly projectFile: string;
  /** Whether a dw-workbench.json is already there. */
  readonly projectFileExists: boolean;
  readonly proposal: ProjectFile;
  /** The proposal as the file's text (2-space JSON, trailing newline); it validates against the schema. */
  readonly text: string;
  readonly guesses: readonly DetectGuess[];
  /** What could not be detected, and what to do about it. */
  readonly undetected: readonly string[];
  /** Files that were looked at (relative paths). */
  readonly scanned: readonly string[];
}
