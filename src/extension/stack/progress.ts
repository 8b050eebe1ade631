// vscode-free: what "Start Stack" and the other long commands show while they run.
import type { StackEvent, StackPhase, StackStatus } from '../../core/stack/events';
import { plainText } from './plainText';

/** The localised texts the messages are made of (the extension passes vscode.l10n ones). */
export interface ProgressTexts {
  phase(phase: StackPhase): string;
  /** e.g. "waiting for postgres: starting (12 s)". */
  waiting(service: string, status: StackStatus, seconds: number): string;
  done(phase: StackPhase, seconds: number): string;
}

/** Longest server log line shown in a progress notification; the full line goes to the output channel. */
export const PROGRESS_LINE_MAX = 120;

/** The notification's message for an event, or undefined when the event changes nothing there. */
export function progressMessage(event: StackEvent, texts: ProgressTexts): string | undefined {
  switch (event.type) {
    case 'phase':
      return event.state === 'start' ? texts.phase(event.phase) : undefined;
    case 'health': {
      if (event.status === 'healthy') return undefined;
      const waiting = texts.waiting(event.service, event.status, Math.round(event.elapsedMs / 1000));
      const last = lastNonEmpty(event.logTail.map(plainText));
      return last === undefined ? waiting : `${waiting} | ${clip(last, PROGRESS_LINE_MAX)}`;
    }
    case 'output':
      return undefined;
  }
}

/** The output channel's line for an event, or undefined (health polls repeat the same tail). */
export function channelLine(event: StackEvent, texts: ProgressTexts): string | undefined {
  switch (event.type) {
    case 'phase':
      return event.state === 'start' ? `${texts.phase(event.phase)}` : texts.done(event.phase, round1(event.elapsedMs ?? 0));
    case 'output':
      return event.line;
    case 'health':
      return undefined;
  }
}

/** Share of the notification's bar each phase of "Start Stack" fills when it ends. */
const START_WEIGHTS: Partial<Record<StackPhase, number>> = { checks: 5, pull: 15, up: 15, health: 35, bootstrap: 25, connection: 5 };

export function progressIncrement(event: StackEvent): number | undefined {
  if (event.type !== 'phase' || event.state !== 'done') return undefined;
  return START_WEIGHTS[event.phase];
}

function lastNonEmpty(lines: readonly string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] as string).trim();
    if (line !== '') return line;
  }
  return undefined;
}

function clip(line: string, max: number): string {
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function round1(ms: number): number {
  return Math.round(ms / 100) / 10;
}
