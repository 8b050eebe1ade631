/**
 * Script runs: sqlcmd-compatible T-SQL and psql-style PostgreSQL scripts, split into batches
 * with source maps, run batch by batch with events. See docs/script-runner.md.
 */
export type { Batch, OnErrorMode, ScriptFileReader, ScriptPlan, SourceLocation, SourceSegment, SplitOptions } from './types';
export { ScriptError, UndefinedVariablesError, isScriptError } from './errors';
export type { ScriptErrorKind, ScriptPosition, UndefinedVariableUse } from './errors';
export { splitTsql } from './tsql-splitter';
export { splitPostgres } from './pg-splitter';
export { sourceOf } from './batch-builder';
export { decodeScript } from './source-text';
export type * from './events';
export { runScript, type RunScriptOptions } from './runner';
export { loadScriptPlan, naturalCompare, readScriptFile, scriptFilesOf, type LoadPlanOptions } from './script-files';
export { runScriptFile, dialectOf, type RunScriptFileOptions } from './run-file';
export { formatDryRun, planToJson, eventToJsonLine, formatSummary } from './dry-run';
export { scriptVariables, parseVariableAssignment, type VariableSources } from './variables';
