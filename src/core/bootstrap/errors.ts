import { describeProblem } from '../etl/definition/errors';
import type { BootstrapSummary } from './types';

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

/**
 * The bootstrap's steps ran, but entities active in ctl.etl_control name tables or columns that
 * are not there (or have no definition, or a definition ctl.etl_control does not know): the ETL
 * would refuse them. Nothing the steps did is undone; `summary` says what they did and
 * `summary.scope.findings` what is wrong, each at its file and line.
 */
export class EtlScopeError extends Error {
  constructor(readonly summary: BootstrapSummary) {
    const findings = summary.scope.findings;
    super(
      `The bootstrap ran ${summary.ran} step(s) and skipped ${summary.skipped}; what they did stays (nothing is rolled back). `
        + `The ETL scope check then found ${findings.length} problem(s) in the entities active in ctl.etl_control:\n`
        + findings.map((p) => `  ${describeProblem(p)}`).join('\n')
        + '\nFix each definition or the warehouse, or deactivate the entity (dwb etl deactivate <entity>), '
        + 'then run the bootstrap again: steps that already ran are idempotent.',
    );
    this.name = 'EtlScopeError';
  }
}
