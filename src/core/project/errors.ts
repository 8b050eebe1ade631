/** One problem in a project file, at a 1-based line and column. */
export interface ProjectProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** JSON pointer of the offending value ('' for the root). */
  readonly pointer: string;
  readonly message: string;
}

/** The project file cannot be used as it is; every problem names its file:line:column. */
export class ProjectFileError extends Error {
  readonly problems: readonly ProjectProblem[];
  readonly file: string;

  constructor(file: string, problems: readonly ProjectProblem[]) {
    super(
      problems.length === 0
        ? `${file}: invalid project file`
        : problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'),
    );
    this.name = 'ProjectFileError';
    this.file = file;
    this.problems = problems;
  }
}

/** No dw-workbench.json where one was looked for. */
export class ProjectNotFoundError extends Error {
  readonly searched: string;
  constructor(searched: string) {
    super(
      `No dw-workbench.json in ${searched} or its parents. Create one with 'DW: New Warehouse Project' `
        + `(or 'dwb init'), or run from the project folder.`,
    );
    this.name = 'ProjectNotFoundError';
    this.searched = searched;
  }
}
