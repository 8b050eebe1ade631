import { BatchBuilder } from './batchBuilder';
import { UndefinedVariablesError, type UndefinedVariableUse } from './errors';
import type { FileFrame } from './includes';
import type { Batch, OnErrorMode, SourceLocation } from './types';

/**
 * What both splitters keep while they read a script: the batch being collected, the batches
 * sealed so far, the error mode and database in force, and undefined variables (reported
 * together at the end, so the user fixes them in one go).
 */
export class PlanCollector {
  readonly builder = new BatchBuilder();
  readonly batches: Batch[] = [];
  mode: OnErrorMode = 'exit';
  private readonly undefinedUses: UndefinedVariableUse[] = [];
  private undefinedChain: readonly SourceLocation[] = [];

  /** Seals the collected batch (if it holds SQL) with the database in force at its start. */
  seal(repeat: number, database: string | undefined): void {
    const collected = this.builder.take();
    if (collected === undefined || repeat < 1) return;
    this.batches.push({
      text: collected.text,
      repeat,
      sourceMap: collected.sourceMap,
      database,
      onError: this.mode,
      startFile: collected.start.file,
      startLine: collected.start.line,
    });
  }

  /** A psql `\echo` at file:line: a batch of its own that the runner reports as a message. */
  echo(message: string, command: string, file: string, line: number, database: string | undefined): void {
    this.batches.push({
      text: command,
      repeat: 1,
      sourceMap: [{ batchLine: 1, file, fileLine: line }],
      database,
      onError: this.mode,
      startFile: file,
      startLine: line,
      echo: message,
    });
  }

  noteUndefined(name: string, frame: FileFrame, line: number): void {
    if (this.undefinedUses.length === 0) this.undefinedChain = frame.chain;
    this.undefinedUses.push({ name, file: frame.file, line });
  }

  /** Throws UndefinedVariablesError when any variable had no value. */
  checkVariables(): void {
    if (this.undefinedUses.length > 0) throw new UndefinedVariablesError(this.undefinedUses, this.undefinedChain);
  }
}
