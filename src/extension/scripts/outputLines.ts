import { formatSummary, type ScriptEvent } from '../../core/script';

/** How a path is shown: relative to the workspace in VS Code, to the cwd in tests. */
export type PathLabel = (absolutePath: string) => string;

function clock(at: Date): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * The output channel's lines for one event, each stamped with the wall clock: every batch's
 * start (file:line) and duration, messages and errors at file:line, result-set sizes.
 */
export function outputLines(event: ScriptEvent, label: PathLabel, at: Date): string[] {
  const stamp = `[${clock(at)}]`;
  switch (event.type) {
    case 'plan-ready':
      return [`${stamp} ${event.totalBatches} batch(es) from ${event.files.map(label).join(', ')} (${event.dialect})`];
    case 'batch-start': {
      const repeat = event.repeat > 1 ? ` (run ${event.iteration} of ${event.repeat})` : '';
      const database = event.database === undefined ? '' : ` in ${event.database}`;
      return [`${stamp} batch ${event.index}/${event.total} at ${label(event.file)}:${event.line}${database}${repeat}`];
    }
    case 'message':
      return [`${stamp}   ${label(event.file)}:${event.line}: ${event.text}`];
    case 'result-set': {
      const kept = event.truncated ? `, first ${event.rows.length} kept` : '';
      return [`${stamp}   result set: ${event.columns.length} column(s), ${event.totalRows} row(s)${kept}`];
    }
    case 'batch-end':
      return [`${stamp}   done in ${formatDuration(event.durationMs)}, ${event.rowsAffected} row(s) affected`];
    case 'batch-error': {
      const e = event.error;
      const column = e.column === undefined ? '' : `:${e.column}`;
      const code = e.number === undefined ? '' : ` [${e.number}]`;
      return [`${stamp}   ${label(e.file)}:${e.line}${column}: error${code} after ${formatDuration(event.durationMs)}: ${e.message}`];
    }
    case 'done':
      return [`${stamp} ${formatSummary(event.summary)}`];
  }
}
