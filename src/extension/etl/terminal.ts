import * as vscode from 'vscode';
import type { EtlTaskRequest } from '../../core/etl/present/taskRequest';
import { terminalText } from '../../core/etl/present/terminalLines';
import { EXIT_CANCELLED, EXIT_FAILED, type EtlRuns } from './runs';

const CTRL_C = '\x03';

/**
 * The `dw-etl` task's terminal: prints the run's lines as they come; closing or terminating the
 * task (or Ctrl+C in it) aborts the run, which rolls back the batch in flight.
 */
export class EtlTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  private readonly abort = new AbortController();
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
    this.abort.abort();
  }

  handleInput(data: string): void {
    if (data === CTRL_C && !this.abort.signal.aborted) {
      this.write(['^C cancelling: the batch in flight rolls back...']);
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
    this.closed.fire(code);
    this.written.dispose();
    this.closed.dispose();
  }
}
