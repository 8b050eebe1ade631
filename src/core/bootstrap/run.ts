import type { Project } from '../project/types';
import { applyIncremental } from '../generate/incremental';
import { loadGenerated } from '../generate/load';
import { runScript } from '../script';
import { databaseName } from '../project/connection';
import { createMissingDatabase, tableExists, tableHasRows } from './dialect';
import { checkEtlScope } from '../etl/scope/check';
import { BootstrapStepError, EtlScopeError } from './errors';
import { planBootstrap, type PlanOptions } from './plan';
import type { BootstrapEvent, BootstrapSummary, EngineProvider, PlannedStep } from './types';

export interface BootstrapOptions extends PlanOptions {
  readonly engines: EngineProvider;
  /**
   * The project's entity definitions folder (its own `etl.entitiesDir`, else the shipped one):
   * after the steps, the entities active in ctl.etl_control are checked against it.
   */
  readonly entitiesDir: string;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: BootstrapEvent) => void;
  /** The moment the incremental step treats as "now" (tests pin it). */
  readonly now?: Date;
}

/**
 * Runs the project's bootstrap plan in order. Every step is planned first (nothing runs when a
 * script cannot be read, split or is of the wrong dialect); a failing step stops the bootstrap
 * with a BootstrapStepError naming the step, file and line. Steps are idempotent, so running
 * the bootstrap again completes a half-built warehouse. After the steps, the ETL scope check
 * (`checkEtlScope`): when an active entity's tables or columns are missing, EtlScopeError says
 * what the steps did and every problem at its definition's file:line; nothing is rolled back.
 */
export async function runBootstrap(project: Project, options: BootstrapOptions): Promise<BootstrapSummary> {
  const emit = options.onEvent ?? (() => undefined);
  const started = performance.now();
  const steps = await planBootstrap(project, options);
  const total = steps.length;
  let ran = 0;
  let skipped = 0;
  emit({ type: 'bootstrap-start', totalSteps: total });
  for (const database of await createDatabases(project, options)) emit({ type: 'database-created', database });
  for (const planned of steps) {
    options.signal?.throwIfAborted();
    const skip = planned.kind === 'skip' ? planned.reason : await unmetCondition(planned, options);
    if (skip !== undefined) {
      skipped++;
      emit({ type: 'step-skip', index: planned.index, total, name: planned.step.name, reason: skip });
      continue;
    }
    if (planned.kind === 'skip') continue;
    emit({ type: 'step-start', index: planned.index, total, name: planned.step.name, kind: planned.kind });
    const t0 = performance.now();
    const detail = planned.kind === 'script' ? await runScriptStep(planned, options, emit) : await runGenerateStep(planned, options, emit);
    ran++;
    emit({ type: 'step-end', index: planned.index, name: planned.step.name, durationMs: performance.now() - t0, detail });
  }
  options.signal?.throwIfAborted();
  emit({ type: 'scope-start' });
  const scope = await checkEtlScope({
    source: await options.engines('oltp'), target: await options.engines('dw'), entitiesDir: options.entitiesDir, projectFile: project.file,
  });
  emit({ type: 'scope-end', active: scope.active, findings: scope.findings, durationMs: scope.durationMs });
  const summary: BootstrapSummary = { ok: scope.findings.length === 0, ran, skipped, durationMs: performance.now() - started, scope };
  emit({ type: 'bootstrap-end', ok: summary.ok, ran, skipped, durationMs: summary.durationMs });
  if (!summary.ok) throw new EtlScopeError(summary);
  return summary;
}

/** The project's PostgreSQL databases that did not exist yet, created before any step. */
async function createDatabases(project: Project, options: BootstrapOptions): Promise<string[]> {
  if (project.config.engine !== 'postgres') return [];
  const names = [...new Set([databaseName(project, 'oltp'), databaseName(project, 'dw')])];
  const server = await options.engines('server');
  const created: string[] = [];
  for (const name of names) if (await createMissingDatabase(server, name)) created.push(name);
  return created;
}

async function unmetCondition(planned: Exclude<PlannedStep, { kind: 'skip' }>, options: BootstrapOptions): Promise<string | undefined> {
  const when = planned.step.when;
  if (when === undefined) return undefined;
  const engine = await options.engines(planned.role === 'server' ? 'oltp' : planned.role);
  if (when.tableMissing !== undefined) {
    const [schema, table] = when.tableMissing.split('.') as [string, string];
    if (await tableExists(engine, schema, table)) return `${when.tableMissing} already exists`;
  }
  if (when.tableEmpty !== undefined) {
    const [schema, table] = when.tableEmpty.split('.') as [string, string];
    if (!(await tableExists(engine, schema, table))) return `${when.tableEmpty} does not exist`;
    if (await tableHasRows(engine, schema, table)) return `${when.tableEmpty} already holds rows`;
  }
  return undefined;
}

/** Share of rows an incremental step touches: enough for the ETL to have real work. */
const INCREMENTAL_FRACTION = 0.01;

type ScriptStep = Extract<PlannedStep, { kind: 'script' }>;
type GenerateStep = Extract<PlannedStep, { kind: 'generate' }>;

async function runScriptStep(planned: ScriptStep, options: BootstrapOptions, emit: (e: BootstrapEvent) => void): Promise<string> {
  const engine = await options.engines(planned.role);
  const summary = await runScript(planned.plan, {
    connect: () => engine.session(),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onEvent: (event) => emit({ type: 'script', index: planned.index, event }),
  });
  if (summary.cancelled) options.signal?.throwIfAborted();
  const first = summary.errors[0];
  if (!summary.ok || first !== undefined) {
    throw new BootstrapStepError(planned.step.name, planned.index, first?.message ?? 'the script did not complete.', first?.file, first?.line);
  }
  return `${summary.succeeded} batch(es) in ${planned.plan.files.length} file(s)`;
}

async function runGenerateStep(planned: GenerateStep, options: BootstrapOptions, emit: (e: BootstrapEvent) => void): Promise<string> {
  const engine = await options.engines(planned.role);
  try {
    if (planned.incremental) {
      const change = await applyIncremental(engine, { seed: planned.seed, fraction: INCREMENTAL_FRACTION, now: options.now ?? new Date() });
      return `${change.updated} updated, ${change.inserted} inserted, ${change.softDeleted} soft-deleted`;
    }
    const loaded = await loadGenerated(engine, {
      scale: planned.scale,
      seed: planned.seed,
      onTable: ({ table, rows }) => emit({ type: 'rows', index: planned.index, table, rows }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return `${loaded.totalRows} rows generated (scale ${planned.scale}, seed ${planned.seed})`;
  } catch (e) {
    if (options.signal?.aborted === true) throw e;
    throw new BootstrapStepError(planned.step.name, planned.index, (e as Error).message, undefined, undefined, { cause: e });
  }
}
