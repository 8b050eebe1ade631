import type { EtlRunResult } from '../run/run';
import type { RunCutoff } from '../run/cutoff';
import type { EtlEvent } from '../run/events';
import type { Watermark } from '../run/control';
import type { EntityRunPlan } from './plan';
import { problemText, type DefinitionProblem } from '../definition/errors';
import { english, type Say } from './say';

/**
 * Lines the `dw-etl` task terminal prints. A failure prints one line (the contributed `$dw-etl`
 * problem matcher reads it too: package.json contributes.problemMatchers):
 *   dw-etl: error: <definition file>:<line>: <entity>: <message>
 * The task itself publishes its failures as diagnostics (`EtlFailure`), not through the matcher.
 */
export const FAILURE_PREFIX = 'dw-etl: error: ';

/** A failure at a file's line (1-based): one terminal line, one problem in the Problems panel. */
export interface EtlFailure {
  readonly file: string;
  readonly line: number;
  /** The entity, or what the run was for ("all active entities"), or "definition" for a file without one. */
  readonly entity: string;
  readonly message: string;
}

export function watermarkText(w: Watermark): string {
  return `(${w.updatedAt}, ${w.id})`;
}

export function failureLine(f: EtlFailure): string {
  return `${FAILURE_PREFIX}${f.file}:${f.line}: ${f.entity}: ${f.message.replace(/\s*\r?\n\s*/g, ' ')}`;
}

/** A definition's problems, each at its file and line (line 1 when it has none). */
export function definitionFailures(problems: readonly DefinitionProblem[]): EtlFailure[] {
  return problems.map((p) => ({ file: p.file, line: p.line ?? 1, entity: p.entity ?? 'definition', message: problemText(p) }));
}

/** A failed entity's failure, at line 1 of its definition file; undefined for any other event. */
export function entityFailure(e: EtlEvent, fileOf: (entity: string) => string | undefined): EtlFailure | undefined {
  if (e.type !== 'entity-end' || e.status !== 'failed') return undefined;
  return { file: fileOf(e.entity) ?? e.entity, line: 1, entity: e.entity, message: e.error ?? 'failed' };
}

const rate = (n: number): string => Math.round(n).toLocaleString('en-US');

/** The run's one cutoff, what held it back (a source transaction still open), and a warning when the source hides some. */
export function cutoffLines(c: RunCutoff, say: Say = english): string[] {
  const held = c.boundedBy === 'open-transaction'
    ? say(', held back by a source transaction open since {0} (process {1})', c.openSince ?? '?', c.openProcess ?? '?')
    : '';
  return [say('cutoff of the run: {0}{1}', c.at, held), ...(c.warning === undefined ? [] : [say('warning: {0}', c.warning)])];
}

/** A run's or entity's outcome as the terminal shows it (SUCCESS, FAILED…), in the UI language. */
function outcome(status: string, say: Say): string {
  switch (status) {
    case 'success': return say('SUCCESS');
    case 'failed': return say('FAILED');
    case 'partial': return say('PARTIAL');
    case 'cancelled': return say('CANCELLED');
    default: return status.toUpperCase();
  }
}

/**
 * Progress lines for one event, in the language of `say`; a failed entity's line is the problem
 * matcher's (needs its file), whose prefix stays as the matcher reads it.
 */
export function eventLines(e: EtlEvent, fileOf: (entity: string) => string | undefined, say: Say = english): string[] {
  switch (e.type) {
    case 'run-start':
      return [say('run {0}: {1}', e.runId, e.entities.join(', ') || say('(no active entity: activate one in ctl.etl_control)')), ...(e.cutoff === undefined ? [] : cutoffLines(e.cutoff, say))];
    case 'entity-start':
      return [say('{0}: {1}{2}, window {3} .. {4}, batches of {5}', e.entity, e.plan,
        e.sourceDatabase === undefined ? '' : say(' (source in database {0})', e.sourceDatabase), watermarkText(e.watermark), e.cutoff, e.batchSize)];
    case 'batch':
      return [
        say('{0}: batch {1}{2}: {3} rows, {4} upserted, {5} soft-deleted, {6} rejected, {7} rows/s, watermark {8}',
          e.entity, e.batch, e.trigger === undefined ? '' : say(' (trigger {0})', e.trigger.name), e.rows, e.upserted, e.softDeleted, e.rejected,
          rate(e.rowsPerSecond), watermarkText(e.trigger === undefined ? e.watermark : e.trigger.watermark)),
      ];
    case 'entity-end': {
      // Upserted counts the rows written; a full reload of rows already right writes none of them.
      const unchanged = Math.max(0, e.counts.extracted - e.counts.upserted - e.counts.softDeleted - e.counts.rejected);
      const head = say('{0}: {1} in {2} s: {3} extracted, {4} upserted in {5} batch(es), watermark {6}', e.entity, outcome(e.status, say),
        e.seconds.toFixed(1), e.counts.extracted, e.counts.upserted, e.counts.batches, watermarkText(e.watermark))
        + (unchanged === 0 ? '' : say('; {0} already up to date (not written)', unchanged));
      const failure = entityFailure(e, fileOf);
      if (failure !== undefined) return [head, failureLine(failure)];
      return e.error ? [head, `${e.entity}: ${e.error}`] : [head];
    }
    case 'snapshot':
      return snapshotLines(e, say);
    case 'run-end':
      return [say('run {0}: {1} in {2} s ({3} succeeded, {4} failed)', e.runId, outcome(e.status, say), e.seconds.toFixed(1), e.succeeded, e.failed)];
  }
}

/**
 * A connection snapshot of the run: taken, skipped with the reason (said once, at the start: the
 * end's reason is the same), or a warning when it failed (the run goes on).
 */
export function snapshotLines(e: Extract<EtlEvent, { type: 'snapshot' }>, say: Say = english): string[] {
  switch (e.status) {
    case 'captured': return [say('run {0}: connection snapshot ({1}) recorded in audit.connection_login_events', e.runId, e.stage)];
    case 'skipped': return e.stage === 'start' ? [say('run {0}: connection snapshots skipped: {1}', e.runId, e.reason ?? '')] : [];
    case 'failed': return [say('run {0}: warning: connection snapshot ({1}) failed: {2}', e.runId, e.stage, e.reason ?? '')];
  }
}

export function summaryLines(r: EtlRunResult, say: Say = english): string[] {
  return r.entities.map(
    (e) => `  ${e.entity.padEnd(16)} ${outcome(e.status, say).padEnd(8)} `
      + say('extracted {0}, upserted {1}, soft-deleted {2}, rejected {3}', e.counts.extracted, e.counts.upserted, e.counts.softDeleted, e.counts.rejected),
  );
}

/** The dry run's report: what a run would read, batch by batch; nothing moves. */
export function planLines(plans: readonly EntityRunPlan[], say: Say = english): string[] {
  if (plans.length === 0) return [say('dry run: no active entity; activate one in ctl.etl_control or name it in the task.')];
  const out = [say('dry run: nothing is read into the warehouse, no watermark moves.')];
  const first = plans[0];
  if (first !== undefined) {
    out.push(...cutoffLines(first.runCutoff, say).map((line, i) => i === 0 ? `${line}${say(' ({0} min: the largest of the entities\' cutoff_minutes)', first.runCutoffMinutes)}` : line));
  }
  for (const p of plans) {
    out.push(
      say('{0}: {1}, window {2} .. {3} (cutoff {4} min), {5} row(s) pending in {6} batch(es) of {7}', p.entity, p.plan, watermarkText(p.from), p.cutoff,
        p.cutoffMinutes, p.pendingRows, p.batches, p.batchSize)
        + `${p.isActive ? '' : say(', inactive')}${p.registered ? '' : say(', not in ctl.etl_control yet (a run registers it)')}`,
    );
    for (const t of p.triggers) {
      out.push(t.from === undefined
        ? say('  trigger {0} ({1}): moves to the cutoff (the entity loads from the start)', t.trigger, t.table)
        : say('  trigger {0} ({1}): after {2}, {3} changed row(s) in {4} batch(es)', t.trigger, t.table, watermarkText(t.from), t.pendingRows, t.batches));
    }
  }
  return out;
}

/** Pseudoterminals need CRLF; the ETL's messages may hold bare LFs. */
export function terminalText(lines: readonly string[]): string {
  return lines.map((l) => `${l.replace(/\r?\n/g, '\r\n')}\r\n`).join('');
}
