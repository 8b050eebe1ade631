import path from 'node:path';
import type { Dialect } from '../engine/types';
import type { ComposeFacts, ComposeServer } from './detectCompose';
import type { EnvFile } from './detectEnv';
import type { ScriptFacts } from './detectScripts';
import type { DetectGuess } from './detectTypes';

export const ENGINE_LABEL: Readonly<Record<Dialect, string>> = { sqlserver: 'SQL Server (T-SQL)', postgres: 'PostgreSQL' };
/** How many files a message lists before "and N more". */
export const MAX_LISTED = 4;

/** `abs` relative to `folder`, with forward slashes (as messages and the project file show paths). */
export const rel = (folder: string, abs: string): string => path.relative(folder, abs).split(path.sep).join('/');

/**
 * What detection found out, as it goes: each setting's guess with its reason and evidence, what
 * it could not detect (with what to do), and the files it looked at.
 */
export class Findings {
  readonly guesses: DetectGuess[] = [];
  readonly undetected: string[] = [];
  readonly scanned: string[] = [];

  guess(setting: string, value: unknown, reason: string, source?: string): void {
    this.guesses.push({ setting, value, reason, ...(source === undefined ? {} : { source }) });
  }

  notDetected(what: string): void {
    this.undetected.push(what);
  }
}

/** The facts every section of the proposal is derived from. */
export interface Workspace {
  /** The scanned folder (absolute). */
  readonly folder: string;
  readonly engine: Dialect;
  /** The .env read (path relative to the folder), if any. */
  readonly env: EnvFile | undefined;
  /** The compose file that runs the engine's server, and that service. */
  readonly compose: ComposeFacts | undefined;
  readonly server: ComposeServer | undefined;
  readonly scripts: ScriptFacts;
}
