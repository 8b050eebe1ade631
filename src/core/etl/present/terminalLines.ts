import type { EtlRunResult } from '../run/run';
import type { EtlEvent } from '../run/events';
import type { Watermark } from '../run/control';
import type { EntityRunPlan } from './plan';
import { problemText, type DefinitionProblem } from '../definition/errors';

/**
 * Lines the `dw-etl` task terminal prints. A failure prints one line the `$dw-etl` problem
 * matcher reads (package.json contributes.problemMatchers):
 *   dw-etl: error: <definition file>:<line>: <entity>: <message>
 */
export const FAILURE_PREFIX = 'dw-etl: error: ';

export function watermarkText(w: Watermark): string {
  return `(${w.updatedAt}, ${w.id})`;
}

export function failureLine(file: string, line: number, entity: string, message: string): string {
  return `${FAILURE_PREFIX}${file}:${line}: ${entity}: ${message.replace(/\s*\r?\n\s*/g, ' ')}`;
}

/** A definition's problems, one matcher line each at its file and line (line 1 when it has none). */
export function definitionProblemLines(problems: readonly DefinitionProblem[]): string[] {
  return problems.map((p) => failureLine(p.file, p.line ?? 1, p.entity ?? 'definition', problemText(p)));
}

const rate = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Progress lines for one event; a failed entity's line is the problem matcher's (needs its file). */
export function eventLines(e: EtlEvent, fileOf: (entity: string) => string | undefined): string[] {
  switch (e.type) {
    case 'run-start':
      return [`run ${e.runId}: ${e.entities.join(', ') || '(no active entity: activate one in ctl.etl_control)'}`];
    case 'entity-start':
      return [`${e.entity}: ${e.plan}${e.sourceDatabase === undefined ? '' : ` (source in database ${e.sourceDatabase})`}, window ${watermarkText(e.watermark)} .. ${e.cutoff}, batches of ${e.batchSize}`];
    case 'batch':
      return [
        `${e.entity}: batch ${e.batch}${e.trigger === undefined ? '' : ` (trigger ${e.trigger.name})`}: ${e.rows} rows, ${e.upserted} upserted, ` +
          `${e.softDeleted} soft-deleted, ${e.rejected} rejected, ${rate(e.rowsPerSecond)} rows/s, ` +
          `watermark ${watermarkText(e.trigger === undefined ? e.watermark : e.trigger.watermark)}`,
      ];
    case 'entity-end': {
      // Upserted counts the rows written; a full reload of rows already right writes none of them.
      const unchanged = Math.max(0, e.counts.extracted - e.counts.upserted - e.counts.softDeleted - e.counts.rejected);
      const head = `${e.entity}: ${e.status.toUpperCase()} in ${e.seconds.toFixed(1)} s: ${e.counts.extracted} extracted, ` +
        `${e.counts.upserted} upserted in ${e.counts.batches} batch(es), watermark ${watermarkText(e.watermark)}` +
        (unchanged === 0 ? '' : `; ${unchanged} already up to date (not written)`);
      if (e.status !== 'failed') return e.error ? [head, `${e.entity}: ${e.error}`] : [head];
      return [head, failureLine(fileOf(e.entity) ?? e.entity, 1, e.entity, e.error ?? 'failed')];
    }
    case 'run-end':
      return [`run ${e.runId}: ${e.status.toUpperCase()} in ${e.seconds.toFixed(1)} s (${e.succeeded} succeeded, ${e.failed} failed)`];
  }
}

export function summaryLines(r: EtlRunResult): string[] {
  return r.entities.map(
    (e) => `  ${e.entity.padEnd(16)} ${e.status.toUpperCase().padEnd(8)} extracted ${e.counts.extracted}, upserted ${e.counts.upserted}, ` +
      `soft-deleted ${e.counts.softDeleted}, rejected ${e.counts.rejected}`,
  );
}

/** The dry run's report: what a run would read, batch by batch; nothing moves. */
export function planLines(plans: readonly EntityRunPlan[]): string[] {
  if (plans.length === 0) return ['dry run: no active entity; activate one in ctl.etl_control or name it in the task.'];
  const out = ['dry run: nothing is read into the warehouse, no watermark moves.'];
  for (const p of plans) {
    out.push(
      `${p.entity}: ${p.plan}, window ${watermarkText(p.from)} .. ${p.cutoff} (cutoff ${p.cutoffMinutes} min), ` +
        `${p.pendingRows} row(s) pending in ${p.batches} batch(es) of ${p.batchSize}` +
        `${p.isActive ? '' : ', inactive'}${p.registered ? '' : ', not in ctl.etl_control yet (a run registers it)'}`,
    );
    for (const t of p.triggers) {
      out.push(t.from === undefined
        ? `  trigger ${t.trigger} (${t.table}): moves to the cutoff (the entity loads from the start)`
        : `  trigger ${t.trigger} (${t.table}): after ${watermarkText(t.from)}, ${t.pendingRows} changed row(s) in ${t.batches} batch(es)`);
    }
  }
  return out;
}

/** Pseudoterminals need CRLF; the ETL's messages may hold bare LFs. */
export function terminalText(lines: readonly string[]): string {
  return lines.map((l) => `${l.replace(/\r?\n/g, '\r\n')}\r\n`).join('');
}
