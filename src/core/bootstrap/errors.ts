/** A bootstrap step failed: the bootstrap stopped there. Names the step, and the file:line when a script failed. */
export class BootstrapStepError extends Error {
  constructor(
    readonly step: string,
    readonly index: number,
    readonly detail: string,
    readonly file?: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(
      `Bootstrap step ${index} '${step}' failed${file === undefined ? '' : ` at ${file}:${line ?? 1}`}: ${detail} `
        + 'Fix it and run the bootstrap again: steps that already ran are idempotent.',
      options,
    );
    this.name = 'BootstrapStepError';
  }
}

/** The project has no bootstrap plan to run. */
export class NoBootstrapPlanError extends Error {
  constructor(readonly projectFile: string) {
    super(`${projectFile} has no bootstrap steps: add "bootstrap": {"steps": [...]} (see 'dwb init' for a complete example).`);
    this.name = 'NoBootstrapPlanError';
  }
}

/** A condition names a table the project cannot check (for example, a malformed name). */
export class BootstrapConditionError extends Error {
  constructor(readonly step: string, readonly condition: string) {
    super(`Bootstrap step '${step}': cannot check condition ${condition}.`);
    this.name = 'BootstrapConditionError';
  }
}
