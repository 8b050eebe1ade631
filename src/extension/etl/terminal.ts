import * as vscode from 'vscode';
import type { EtlTaskRequest } from '../../core/etl/present/taskRequest';
import { terminalText } from '../../core/etl/present/terminalLines';
import { EXIT_CANCELLED, EXIT_FAILED, type EtlRuns } from './runs';

const CTRL_C = '\x03';

/**
 * How long the terminal stays open after its last write. A task that exits within half a second
 * of its start reads "The terminal process failed to launch" in the workbench: a definition
 * refused in a few milliseconds would say so. Nothing waits on it: the run's problems are
 * published before (EtlProblems), not read from the terminal.
 */
export const CLOSE_AFTER_LAST_WRITE_MS = 500;

/**
 * The `dw-etl` task's terminal: prints the run's lines as they come; closing or terminating the
 * task (or Ctrl+C in it) aborts the run, which rolls back the batch in flight.
 */
export class EtlTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  private readonly abort = new AbortController();
  private closedByUser = false;
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;

  constructor(
    private readonly runs: EtlRuns,
    private readonly request: EtlTaskRequest | { readonly problem: string },
  ) {}

  open(): void {
    void this.start();
  }

  close(): void {
    this.closedByUser = true;
    this.abort.abort();
  }

  handleInput(data: string): void {
    if (data === CTRL_C && !this.abort.signal.aborted) {
      this.write([`^C ${vscode.l10n.t('cancelling: the batch in flight rolls back...')}`]);
      this.abort.abort();
    }
  }

  private write(lines: readonly string[]): void {
    this.written.fire(terminalText(lines));
  }

  private async start(): Promise<void> {
    let code = EXIT_FAILED;
    try {
      if ('problem' in this.request) this.write([`dw-etl: ${this.request.problem}`]);
      else code = await this.runs.run(this.request, (lines) => this.write(lines), this.abort.signal);
    } catch (e) {
      this.write([`dw-etl: ${e instanceof Error ? e.message : String(e)}`]);
    }
    if (this.abort.signal.aborted && code !== EXIT_CANCELLED) code = EXIT_CANCELLED;
    // Closed by the user: the terminal is already gone, nothing left to parse.
    if (!this.closedByUser) await new Promise((resolve) => setTimeout(resolve, CLOSE_AFTER_LAST_WRITE_MS));
    this.closed.fire(code);
    this.written.dispose();
    this.closed.dispose();
  }
}
