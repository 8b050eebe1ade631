import path from 'node:path';
import type { RunSummary, ScriptEvent } from './events';
import type { ScriptPlan } from './types';

/**
 * The plan as `dwb run --dry-run` prints it: for each batch its source file:line, repeat count
 * and database when set, then its text, indented. Paths are shown relative to `cwd`.
 */
export function formatDryRun(plan: ScriptPlan, cwd: string): string {
  const out: string[] = [`${plan.batches.length} batch(es) from ${plan.files.length} file(s), dialect ${plan.dialect}`];
  plan.batches.forEach((b, i) => {
    const where = `${path.relative(cwd, b.startFile) || b.startFile}:${b.startLine}`;
    const extras = [b.repeat > 1 ? `repeat ${b.repeat}` : '', b.database === undefined ? '' : `database ${b.database}`, b.onError === 'ignore' ? 'on error ignore' : '']
      .filter((x) => x !== '')
      .join(', ');
    out.push('', `-- batch ${i + 1}/${plan.batches.length} at ${where}${extras === '' ? '' : ` (${extras})`}`);
    out.push(b.text.split('\n').map((l) => `   ${l.replace(/\r$/, '')}`).join('\n'));
  });
  return `${out.join('\n')}\n`;
}

/** The plan as JSON for `dwb run --dry-run --json` (source maps left out: they are internal). */
export function planToJson(plan: ScriptPlan): object {
  return {
    dialect: plan.dialect,
    files: plan.files,
    batches: plan.batches.map((b) => ({
      file: b.startFile,
      line: b.startLine,
      repeat: b.repeat,
      database: b.database ?? null,
      onError: b.onError,
      text: b.text,
    })),
  };
}

/** One line per event for `dwb run --json` (JSON Lines): result rows included as kept. */
export function eventToJsonLine(event: ScriptEvent): string {
  return JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/** A one-line human summary, e.g. "12 batches: 11 ok, 1 failed, 0 skipped in 1.3 s". */
export function formatSummary(summary: RunSummary): string {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const state = summary.cancelled ? ' (cancelled)' : '';
  return `${summary.totalBatches} batches: ${summary.succeeded} ok, ${summary.failed} failed, ${summary.skipped} skipped in ${seconds} s${state}`;
}
