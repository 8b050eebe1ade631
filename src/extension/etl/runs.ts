import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { EntityDefinitionError, locateDefinitionProblems, runEtl, type EntityDefinition, type EtlEvent } from '../../core/etl';
import { EntityControlQueries } from '../../core/etl/control/state';
import { planEtlRun } from '../../core/etl/present/plan';
import type { EtlTaskRequest } from '../../core/etl/present/taskRequest';
import { definitionFailures, entityFailure, eventLines, failureLine, planLines, summaryLines, type EtlFailure } from '../../core/etl/present/terminalLines';
import { ConnectionAbandoned } from '../connections';
import type { DwContext } from '../context';
import { showError } from '../engineErrors';
import { entitiesDir, loadDefinitions, lockWaitMs } from './definitions';
import { EtlProblems } from './problems';

/** Exit codes the task reports: 0 every entity succeeded, 1 one failed or the run could not start. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_CANCELLED = 130;

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Terminal lines in VS Code's display language (the failure lines' prefix stays as the matcher reads it). */
const say = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

/** Where a run writes: its terminal lines, and its failures (printed there, and kept for the Problems panel). */
interface RunOutput {
  readonly write: (lines: readonly string[]) => void;
  readonly fail: (failures: readonly EtlFailure[]) => void;
  /** A failure a progress line already printed (a failed entity's). */
  readonly printed: (failure: EtlFailure) => void;
}

/**
 * Runs the ETL for the `dw-etl` tasks and tells the entity tree what is loading. One instance
 * per extension; every run writes its lines through `write` and stops when `signal` aborts (the
 * ETL rolls back the batch in flight; committed batches and their watermark stay). Its failures
 * replace the last run's in the Problems panel before it returns.
 */

export class EtlRuns implements vscode.Disposable {
  private readonly loading = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when an entity starts or ends loading here, and when a run ends. */
  readonly onDidChange = this.changed.event;

  private readonly problems = new EtlProblems();

  constructor(private readonly ctx: DwContext) {}

  isLoading(entity: string): boolean {
    return (this.loading.get(entity) ?? 0) > 0;
  }

  async run(request: EtlTaskRequest, write: (lines: readonly string[]) => void, signal: AbortSignal): Promise<number> {
    const failures: EtlFailure[] = [];
    const out: RunOutput = {
      write,
      fail: (these) => {
        failures.push(...these);
        write(these.map(failureLine));
      },
      printed: (failure) => {
        failures.push(failure);
      },
    };
    try {
      return await this.execute(request, out, signal);
    } finally {
      this.problems.replace(failures);
    }
  }

  private async execute(request: EtlTaskRequest, out: RunOutput, signal: AbortSignal): Promise<number> {
    const { write } = out;
    const project = this.ctx.project ?? (await this.ctx.projectState.reload());
    if (project === undefined) {
      write([`dw-etl: ${vscode.l10n.t('this workspace has no valid dw-workbench.json; run "DW: New Warehouse Project" or fix the file.')}`]);
      return EXIT_FAILED;
    }
    let definitions: EntityDefinition[];
    try {
      definitions = loadDefinitions(this.ctx, project);
    } catch (e) {
      if (!(e instanceof EntityDefinitionError)) throw e;
      out.fail(definitionFailures(e.problems));
      return EXIT_FAILED;
    }
    const fileOf = (entity: string): string | undefined => definitions.find((d) => d.entity === entity)?.file;
    const open = new Set<string>();
    const what = request.entities.length === 0 ? 'all active entities' : request.entities.join(', ');
    const shownWhat = request.entities.length === 0 ? vscode.l10n.t('all active entities') : what;
    write([`dw-etl: ${vscode.l10n.t('{0}{1}{2} on \'{3}\' ({4})', shownWhat, request.full ? vscode.l10n.t(', full reload') : '', request.dryRun ? vscode.l10n.t(', dry run') : '', project.config.name, project.config.engine)}`]);
    try {
      const engines = await this.ctx.connections.engines(project);
      const source = await engines.get('oltp');
      const target = await engines.get('dw');
      if (!(await new EntityControlQueries(target, target.dialect).hasControlTable())) {
        out.fail([{ file: project.file, line: 1, entity: what, message: 'the warehouse has no ctl.etl_control yet: run "DW: Bootstrap Warehouse" first.' }]);
        return EXIT_FAILED;
      }
      if (request.dryRun) {
        const plan = await planEtlRun({
          source, target, definitions, entities: request.entities, full: request.full, definitionsDir: entitiesDir(this.ctx, project),
        });
        write(planLines(plan, say));
        return EXIT_OK;
      }
      const result = await runEtl({
        source, target, definitions, entities: request.entities, full: request.full,
        startedBy: `VS Code (${currentUser()})`,
        lockWaitMs: lockWaitMs(project),
        signal,
        onEvent: (e) => {
          this.track(e, open);
          const failure = entityFailure(e, fileOf);
          if (failure !== undefined) out.printed(failure);
          write(eventLines(e, fileOf, say));
        },
      });
      write(summaryLines(result, say));
      if (signal.aborted) {
        write([`dw-etl: ${vscode.l10n.t('cancelled; committed batches are kept and each watermark matches them.')}`]);
        return EXIT_CANCELLED;
      }
      return result.status === 'success' ? EXIT_OK : EXIT_FAILED;
    } catch (e) {
      if (e instanceof EntityDefinitionError) {
        // Refused against the real tables (a missing column, an impossible conversion) before any data moved.
        out.fail(definitionFailures(locateDefinitionProblems(e.problems)));
        return EXIT_FAILED;
      }
      const message = e instanceof Error ? e.message : String(e);
      if (!(e instanceof ConnectionAbandoned)) {
        // No definition to point at: the connection settings live in the project file.
        const file = request.entities.length === 1 ? (fileOf(request.entities[0] as string) ?? project.file) : project.file;
        out.fail([{ file, line: 1, entity: what, message }]);
        void showError(this.ctx, e, vscode.l10n.t('ETL run failed'));
      }
      return EXIT_FAILED;
    } finally {
      for (const name of open) this.loading.set(name, Math.max(0, (this.loading.get(name) ?? 1) - 1));
      this.changed.fire();
    }
  }

  /** `open`: entities this run started and has not ended, released in `run`'s finally if it throws. */
  private track(e: EtlEvent, open: Set<string>): void {
    if (e.type === 'entity-start') {
      open.add(e.entity);
      this.loading.set(e.entity, (this.loading.get(e.entity) ?? 0) + 1);
    } else if (e.type === 'entity-end' && open.delete(e.entity)) {
      this.loading.set(e.entity, Math.max(0, (this.loading.get(e.entity) ?? 1) - 1));
    }
    if (e.type === 'entity-start' || e.type === 'entity-end' || e.type === 'run-end') this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
    this.problems.dispose();
  }
}
