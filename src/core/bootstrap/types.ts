import type { Engine } from '../engine/types';
import type { ScriptEvent, ScriptPlan } from '../script';
import type { BootstrapStep } from '../project/types';
import type { DefinitionProblem } from '../etl/definition/errors';
import type { EtlScopeReport } from '../etl/scope/check';

/**
 * Which connection a step needs. `server` is a database that exists before any warehouse
 * database does (SQL Server's master, PostgreSQL's postgres): SQL Server scripts create their
 * databases and `USE` them; the bootstrap creates PostgreSQL's.
 */
export type EngineRole = 'oltp' | 'dw' | 'server';

/** Opens (or hands back a shared) engine for a role; the bootstrap never closes them. */
export type EngineProvider = (role: EngineRole) => Promise<Engine>;

/** A step of the project's plan, made ready to run: scripts split and checked, nothing run yet. */
export type PlannedStep =
  | { readonly kind: 'script'; readonly step: BootstrapStep; readonly index: number; readonly role: EngineRole; readonly plan: ScriptPlan }
  | { readonly kind: 'generate'; readonly step: BootstrapStep; readonly index: number; readonly role: EngineRole; readonly scale: number; readonly seed: number; readonly incremental: boolean }
  | { readonly kind: 'skip'; readonly step: BootstrapStep; readonly index: number; readonly reason: string };

export type BootstrapEvent =
  | { readonly type: 'bootstrap-start'; readonly totalSteps: number }
  | { readonly type: 'database-created'; readonly database: string }
  | { readonly type: 'step-start'; readonly index: number; readonly total: number; readonly name: string; readonly kind: 'script' | 'generate' }
  | { readonly type: 'step-skip'; readonly index: number; readonly total: number; readonly name: string; readonly reason: string }
  | { readonly type: 'script'; readonly index: number; readonly event: ScriptEvent }
  | { readonly type: 'rows'; readonly index: number; readonly table: string; readonly rows: number }
  | { readonly type: 'step-end'; readonly index: number; readonly name: string; readonly durationMs: number; readonly detail: string }
  | { readonly type: 'scope-start' }
  /** The ETL scope check after the steps: the active entities checked and what is missing (each at its file:line). */
  | { readonly type: 'scope-end'; readonly active: readonly string[]; readonly findings: readonly DefinitionProblem[]; readonly durationMs: number }
  | { readonly type: 'bootstrap-end'; readonly ok: boolean; readonly durationMs: number; readonly ran: number; readonly skipped: number };

export interface BootstrapSummary {
  /** False when the ETL scope check found problems (runBootstrap then throws EtlScopeError). */
  readonly ok: boolean;
  readonly ran: number;
  readonly skipped: number;
  readonly durationMs: number;
  /** The ETL scope check that followed the steps. */
  readonly scope: EtlScopeReport;
}
