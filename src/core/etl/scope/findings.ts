import type { DefinitionProblem } from '../definition/errors';
import type { EntityDefinition } from '../definition/types';
import type { TableCatalog } from '../definition/columns';
import type { EtlDialect } from '../dialect/types';
import type { EntityControl } from '../run/control';
import { definitionProblems } from '../transform/compile';
import { triggerColumnProblems } from '../run/triggers';

/** What the scope check compares: the definitions folder, ctl.etl_control and both catalogs. */
export interface ScopeInput {
  /** The definitions that loaded. */
  readonly definitions: readonly EntityDefinition[];
  /** The problems of those that did not (each at its file and line). */
  readonly definitionProblems: readonly DefinitionProblem[];
  /** Every entity the folder names, a definition that did not load included. */
  readonly definedEntities: ReadonlySet<string>;
  /** The rows of ctl.etl_control; undefined when the warehouse has no such table. */
  readonly controls: readonly EntityControl[] | undefined;
  readonly source: TableCatalog;
  readonly target: TableCatalog;
  /** The target's dialect: the ETL checks types with it. */
  readonly dialect: EtlDialect;
  readonly entitiesDir: string;
  /** The project file, and the line of `etl.entitiesDir` (or of the plan) in it, for findings with no definition. */
  readonly projectFile: string;
  readonly projectLine?: number;
}

/**
 * The ETL's rollout scope against the real databases: for every entity active in
 * ctl.etl_control, the problems the ETL would refuse its definition for before moving data
 * (`definitionProblems`, `triggerColumnProblems`: a missing source or target table or column is
 * one problem at the entry naming it); an active entity without a definition (the ETL would
 * skip it without a word); a definition ctl.etl_control does not know; a definition that does not
 * load (no ETL run can start). Inactive entities' tables are not looked at.
 */
export function scopeFindings(input: ScopeInput): DefinitionProblem[] {
  const inProject = { file: input.projectFile, ...(input.projectLine === undefined ? {} : { line: input.projectLine }) };
  if (input.controls === undefined) {
    return [
      ...input.definitionProblems,
      {
        ...inProject,
        message: 'the warehouse has no ctl.etl_control, where the ETL reads which entities are active: '
          + "the bootstrap's warehouse scripts must create it (as the shipped dw/06_etl_control.sql does)",
      },
    ];
  }
  const findings: DefinitionProblem[] = [...input.definitionProblems];
  const byName = new Map(input.definitions.map((d) => [d.entity, d]));
  const known = new Set(input.controls.map((c) => c.entity));
  for (const control of input.controls.filter((c) => c.isActive)) {
    const def = byName.get(control.entity);
    if (def === undefined) {
      if (!input.definedEntities.has(control.entity)) {
        findings.push({
          ...inProject,
          entity: control.entity,
          message: `is active in ctl.etl_control but has no definition in ${input.entitiesDir}: `
            + `add ${control.entity}.json there, or deactivate it (dwb etl deactivate ${control.entity})`,
        });
      }
      continue;
    }
    findings.push(
      ...definitionProblems(def, input.source.columns(def.source.table), input.target.columns(def.target.table), input.dialect),
      ...triggerColumnProblems(def, (table) => input.source.columns(table)),
    );
  }
  for (const def of input.definitions.filter((d) => !known.has(d.entity))) {
    findings.push({
      file: def.file,
      entity: def.entity,
      message: 'has no row in ctl.etl_control, so no run knows whether it is active: register it in the warehouse scripts '
        + `(as dw/06_etl_control.sql does), or run it once with "dwb etl ${def.entity}"`,
    });
  }
  return findings;
}
