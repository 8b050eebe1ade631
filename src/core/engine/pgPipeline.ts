import type { ClientBase } from 'pg';
import { pgTypeNameOfOid } from './pgTypes';
import type { PipelinedStatement, QueryResult, Row, ServerMessage } from './types';

/**
 * Pipelining of single statements over the extended query protocol, for the script runner.
 *
 * psql sends one statement, waits for its answer, sends the next: a round trip per statement,
 * each its own transaction (autocommit). Here a group of statements goes out in one write and
 * the answers are read back in order, with the same effects:
 *
 * - Outside a transaction each statement is wrapped as `BEGIN; statement; COMMIT` (three
 *   Parse/Bind/Execute triples), so it commits on its own before the next one starts, exactly
 *   as under autocommit; inside the script's own transaction block nothing is wrapped.
 * - A Flush after each statement has the server send its answer at once (progress is shown
 *   as statements finish); the group ends with one Sync. After an error the server discards every message up to the
 *   Sync, so the statements behind the failing one never run: that is psql's ON_ERROR_STOP
 *   (`:on error exit`). The failed statement's own transaction is rolled back by the caller.
 * - Each statement is parsed on its own, so an error position is relative to its own text, and
 *   rows affected, result sets and notices are kept per statement.
 *
 * Only statements that cannot end or need to be outside a transaction block are sent this way
 * (the runner decides which; see src/core/script/pipeline.ts).
 */

type Parser = (text: string) => unknown;
export type PipelineTypeParser = (oid: number) => Parser;

interface RowDescriptionMessage {
  readonly fields: readonly { readonly name: string; readonly dataTypeID: number }[];
}
interface DataRowMessage {
  readonly fields: readonly (string | null)[];
}
interface CommandCompleteMessage {
  readonly text: string;
}
interface PgConnectionLike {
  readonly stream: { write(chunk: Uint8Array): boolean };
  once(event: 'readyForQuery' | 'end', listener: () => void): void;
  removeListener(event: 'readyForQuery' | 'end', listener: () => void): void;
}

// --- frontend messages (protocol 3.0), unnamed statement and portal ---

function message(type: string, body: readonly Uint8Array[]): Buffer {
  const length = body.reduce((n, b) => n + b.length, 4);
  const out = Buffer.allocUnsafe(1 + length);
  out[0] = type.charCodeAt(0);
  out.writeInt32BE(length, 1);
  let at = 5;
  for (const b of body) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

const ZERO = Uint8Array.of(0);
const INT16_ZERO = Uint8Array.of(0, 0);
const INT32_ZERO = Uint8Array.of(0, 0, 0, 0);

function parseMessage(sql: string): Buffer {
  return message('P', [ZERO, Buffer.from(sql, 'utf8'), ZERO, INT16_ZERO]);
}
// Bind the unnamed portal to the unnamed statement: no parameters, every result column as text.
const BIND = message('B', [ZERO, ZERO, INT16_ZERO, INT16_ZERO, INT16_ZERO]);
const DESCRIBE_PORTAL = message('D', [Uint8Array.of(0x50), ZERO]);
const EXECUTE = message('E', [ZERO, INT32_ZERO]);
const SYNC = message('S', []);
const FLUSH = message('H', []);
const BEGIN = Buffer.concat([parseMessage('BEGIN'), BIND, EXECUTE]);
const COMMIT = Buffer.concat([parseMessage('COMMIT'), BIND, EXECUTE]);

/** One Execute whose completion the reader waits for: a wrapper or statement k. */
interface Slot {
  readonly statement: number;
  readonly last: boolean;
  readonly isStatement: boolean;
}

const COMMAND_TAG = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/;

function rowsAffectedOf(tag: string): number {
  const m = COMMAND_TAG.exec(tag);
  if (m === null) return 0;
  const command = m[1];
  if (command === 'SELECT' || command === 'FETCH') return 0;
  const count = m[3] ?? m[2];
  return count === undefined ? 0 : Number(count);
}

/**
 * A pg "submittable": pg's client hands it the backend messages of its turn. It resolves once
 * the group's ReadyForQuery has arrived (so the client's transaction status is current), with
 * the statements that completed and, when one failed, its index and the server's error.
 */
export class PipelineQuery {
  callback: ((error: Error | null, result?: unknown) => void) | undefined;
  readonly completed: PipelinedStatement[] = [];
  failedIndex: number | undefined;
  private readonly slots: Slot[] = [];
  private slot = 0;
  private current: { resultSets: QueryResult[]; rowsAffected: number; messages: ServerMessage[] } = { resultSets: [], rowsAffected: 0, messages: [] };
  private columns: { readonly name: string; readonly parse: Parser }[] = [];
  private rows: Row[] | undefined;
  private rowDescription: RowDescriptionMessage | undefined;
  private mark = performance.now();
  private readonly payload: Buffer;

  constructor(
    readonly statements: readonly string[],
    wrap: boolean,
    private readonly parserFor: PipelineTypeParser,
    private readonly onStatement?: (index: number, statement: PipelinedStatement) => void,
  ) {
    const parts: Buffer[] = [];
    statements.forEach((sql, statement) => {
      if (wrap) {
        parts.push(BEGIN);
        this.slots.push({ statement, last: false, isStatement: false });
      }
      parts.push(parseMessage(sql), BIND, DESCRIBE_PORTAL, EXECUTE);
      this.slots.push({ statement, last: !wrap, isStatement: true });
      if (wrap) {
        parts.push(COMMIT);
        this.slots.push({ statement, last: true, isStatement: false });
      }
      // The server holds its answers until a Flush (or the Sync): without one, a statement's
      // answer would wait for every statement behind it, and progress with it.
      parts.push(FLUSH);
    });
    parts.push(SYNC);
    this.payload = Buffer.concat(parts);
  }

  /** The statement the server is answering for. */
  get currentStatement(): number {
    return this.slots[this.slot]?.statement ?? this.statements.length - 1;
  }

  /** A notice goes with the statement being answered (pg emits them on the client, in order). */
  addMessage(m: ServerMessage): void {
    this.current.messages.push(m);
  }

  submit(connection: PgConnectionLike): void {
    this.mark = performance.now();
    connection.stream.write(this.payload);
  }

  handleRowDescription(msg: RowDescriptionMessage): void {
    this.rowDescription = msg;
    this.columns = msg.fields.map((f) => ({ name: f.name, parse: this.parserFor(f.dataTypeID) }));
    this.rows = [];
  }

  handleDataRow(msg: DataRowMessage): void {
    const row: Row = {};
    const { columns } = this;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as (typeof columns)[number];
      const text = msg.fields[i];
      row[column.name] = text === null || text === undefined ? null : column.parse(text);
    }
    this.rows?.push(row);
  }

  handleCommandComplete(msg: CommandCompleteMessage): void {
    const slot = this.slots[this.slot];
    if (slot?.isStatement === true) {
      const rowsAffected = rowsAffectedOf(msg.text);
      this.current.rowsAffected = rowsAffected;
      if (this.rowDescription !== undefined) {
        const columns = this.rowDescription.fields.map((f) => ({ name: f.name, type: pgTypeNameOfOid(f.dataTypeID) }));
        this.current.resultSets.push({ rows: this.rows ?? [], columns, rowsAffected });
      }
    }
    this.advance();
  }

  handleEmptyQuery(): void {
    this.advance();
  }

  private advance(): void {
    const slot = this.slots[this.slot++];
    this.rowDescription = undefined;
    this.rows = undefined;
    if (slot?.last !== true) return;
    const now = performance.now();
    const done = { ...this.current, durationMs: now - this.mark };
    this.completed.push(done);
    this.onStatement?.(this.completed.length - 1, done);
    this.mark = now;
    this.current = { resultSets: [], rowsAffected: 0, messages: [] };
  }

  /** Messages of the failed statement (notices before its error). */
  get failedMessages(): readonly ServerMessage[] {
    return this.current.messages;
  }

  get failedDurationMs(): number {
    return performance.now() - this.mark;
  }

  /**
   * pg drops the active query at an ErrorResponse; the group's ReadyForQuery still follows
   * (after the discarded messages), and the caller needs the transaction status it carries.
   */
  handleError(error: Error, connection: PgConnectionLike | undefined): void {
    this.failedIndex = this.currentStatement;
    const callback = this.callback;
    this.callback = undefined;
    // A statement error (severity ERROR) is followed by ReadyForQuery; a FATAL one, or a
    // connection that dies, is not: then answer now, or when the connection ends.
    const severity = (error as { severity?: string }).severity;
    if (connection === undefined || severity !== 'ERROR') {
      callback?.(error);
      return;
    }
    const done = (): void => {
      connection.removeListener('readyForQuery', done);
      connection.removeListener('end', done);
      callback?.(error);
    };
    connection.once('readyForQuery', done);
    connection.once('end', done);
  }

  handleReadyForQuery(): void {
    this.callback?.(null, this);
  }

  handlePortalSuspended(): void {
    // Execute asks for every row; a suspended portal cannot happen.
  }

  handleCopyInResponse(connection: { sendCopyFail(message: string): void }): void {
    connection.sendCopyFail('COPY FROM STDIN is not sent in a pipeline');
  }

  handleCopyData(): void {
    // No COPY is pipelined.
  }

  /** Sends the group through `client` and waits for its ReadyForQuery. */
  run(client: ClientBase): Promise<this> {
    return new Promise((resolve, reject) => {
      this.callback = (error) => (error === null ? resolve(this) : reject(error));
      void (client as unknown as { query(q: PipelineQuery): unknown }).query(this);
    });
  }
}
