/** Where in a definition a problem is, so the message and the UI can point at it. */
export interface DefinitionProblem {
  readonly file: string;
  readonly line?: number;
  readonly entity?: string;
  readonly column?: string;
  readonly rule?: string;
  /** A trigger of the entity (`source.triggers[].name`). */
  readonly trigger?: string;
  readonly message: string;
}

/** The problem without its place (entity, column, rule, message): what Problems shows at the file's line. */
export function problemText(p: DefinitionProblem): string {
  const parts = [
    p.entity && `entity ${p.entity}`,
    p.trigger && `trigger ${p.trigger}`,
    p.column && `column ${p.column}`,
    p.rule && `rule ${p.rule}`,
  ].filter(Boolean);
  return `${parts.length > 0 ? `${parts.join(', ')}: ` : ''}${p.message}`;
}

export function describeProblem(p: DefinitionProblem): string {
  const at = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${at}: ${problemText(p)}`;
}

/**
 * A definition that cannot run: unknown rule, missing column, impossible conversion, bad JSON.
 * Raised before any data moves; every problem names the file, entity, column and rule.
 */
export class EntityDefinitionError extends Error {
  readonly problems: readonly DefinitionProblem[];
  constructor(problems: readonly DefinitionProblem[]) {
    super(
      `${problems.length} problem(s) in ETL entity definitions; fix them and run again:\n`
        + problems.map((p) => `  ${describeProblem(p)}`).join('\n'),
    );
    this.name = 'EntityDefinitionError';
    this.problems = problems;
  }
}
