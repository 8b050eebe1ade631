import type { Row } from './types';

/** Runs one statement on the connection that owns the cursor. */
export type CursorStatementRunner = (sql: string, params?: readonly unknown[]) => Promise<{ readonly rows: readonly Row[] }>;

export interface CursorPlan {
  /** Statement that opens the cursor (DECLARE ... CURSOR [WITH HOLD] FOR <query>). */
  readonly declare: string;
  readonly params: readonly unknown[];
  readonly name: string;
  readonly fetchSize: number;
  /** Checked before each FETCH, so an aborted stream stops between round trips. */
  readonly checkAborted: () => void;
}

let cursorCounter = 0;

/** A cursor name unique within this process (cursors share one namespace per connection). */
export function nextCursorName(): string {
  cursorCounter += 1;
  return `dwb_cursor_${process.pid}_${cursorCounter}`;
}

/**
 * Rows of a server-side cursor, FETCHed `fetchSize` at a time only when the consumer asks for
 * more: at most one batch is held in memory, whatever the result size. The cursor is closed
 * when the loop ends, breaks or throws.
 */
export async function* fetchCursor<R>(run: CursorStatementRunner, plan: CursorPlan): AsyncGenerator<R> {
  plan.checkAborted();
  await run(plan.declare, plan.params);
  let open = true;
  try {
    for (;;) {
      plan.checkAborted();
      const { rows } = await run(`FETCH FORWARD ${plan.fetchSize} FROM ${plan.name}`);
      for (const row of rows) yield row as R;
      if (rows.length < plan.fetchSize) break;
    }
    open = false;
    await run(`CLOSE ${plan.name}`);
  } finally {
    // After an error the transaction may be aborted and CLOSE would fail too: the caller's
    // ROLLBACK (or the connection's end) drops the cursor then.
    if (open) await run(`CLOSE ${plan.name}`).catch(() => undefined);
  }
}
