/**
 * The incremental ETL: entity definitions as data, named rules, and a runner that is
 * exactly-once per batch (merge, watermark and audit counts in one target transaction).
 */
export { runEtl } from './run/run';
export type { EtlRunOptions, EtlRunResult, EntityOutcome } from './run/run';
export type { EtlEvent, EtlPhase, EtlPhaseInfo, EtlPlan, EntityCounts } from './run/events';
export type { Watermark, EntityControl, EntityStatus } from './run/control';
export { INITIAL_WATERMARK, readControls } from './run/control';
export type { RunStatus } from './run/audit';
export { INTERRUPTED_MESSAGE } from './run/audit';
export { EntityBusyError, UnknownEntityError, EtlCancelledError } from './run/errors';
export {
  listEntityDefinitionFiles, loadEntityDefinitions, locateDefinitionProblems, parseEntityDefinition, projectEntitiesDir, readEntityDefinitions,
} from './definition/load';
export { checkEtlScope, type EtlScopeOptions, type EtlScopeReport } from './scope/check';
export type { EntityDefinition, ColumnMapping, ScdPolicy, EntitySource, EntityTarget } from './definition/types';
export { EntityDefinitionError, describeProblem, problemText } from './definition/errors';
export type { DefinitionProblem } from './definition/errors';
export { RULES, findRule } from './rules/catalogue';
export type { Rule, ScalarRule, LookupRule, RuleOutcome } from './rules/types';
export { etlDialect } from './dialect';
