/**
 * Script runs: sqlcmd-compatible T-SQL and psql-style PostgreSQL scripts, split into batches
 * with source maps, run batch by batch with events. See docs/script-runner.md.
 */
export type { Batch, OnErrorMode, ScriptFileReader, ScriptPlan, SourceLocation, SourceSegment, SplitOptions } from './types';
export { ScriptError, UndefinedVariablesError, isScriptError } from './errors';
export type { ScriptErrorKind, ScriptPosition, UndefinedVariableUse } from './errors';
export { splitTsql } from './tsqlSplitter';
export { splitPostgres } from './pgSplitter';
export { sourceOf } from './batchBuilder';
export { decodeScript } from './sourceText';
export type * from './events';
export { runScript, type RunScriptOptions } from './runner';
export { loadScriptPlan, naturalCompare, readScriptFile, scriptFilesOf, type LoadPlanOptions } from './scriptFiles';
export { runScriptFile, dialectOf, type RunScriptFileOptions } from './runFile';
export { formatDryRun, planToJson, eventToJsonLine, formatSummary } from './dryRun';
export { scriptVariables, parseVariableAssignment, type VariableSources } from './variables';
