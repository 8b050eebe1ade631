import * as vscode from 'vscode';
import type { EtlFailure } from '../../core/etl/present/terminalLines';
import { replaceDiagnostics } from '../diagnostics';

/** What the Problems panel shows as the source of a dw-etl failure. */
export const ETL_PROBLEM_SOURCE = 'DW Workbench ETL';

/**
 * The dw-etl task's failures in the Problems panel, published by the run itself. A problem
 * matcher on the task's terminal would read them only if the workbench parsed the last lines
 * before the task's exit, which a busy window does not always do (microsoft/vscode#92868).
 * Each run's failures replace the last run's, as a one-shot task's matcher would: a good run
 * clears them.
 */
export class EtlProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dw-etl');

  replace(failures: readonly EtlFailure[]): void {
    replaceDiagnostics(this.collection, failures.map((f) => {
      const line = Math.max(0, f.line - 1);
      const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), f.message, vscode.DiagnosticSeverity.Error);
      d.source = ETL_PROBLEM_SOURCE;
      d.code = f.entity;
      return [f.file, d] as const;
    }));
  }

  dispose(): void {
    this.collection.dispose();
  }
}
