import type { Engine } from '../../engine/types';
import type { EtlDialect } from '../dialect/types';

/** The run's upper bound of the incremental window, shared by every entity of the run. */
export interface RunCutoff {
  /** Full-precision ISO text (`2024-03-02T10:00:00.000000`), always a whole second. */
  readonly at: string;
  /** What bounded it: the clock (now - cutoff_minutes) or a source transaction still open. */
  readonly boundedBy: 'clock' | 'open-transaction';
  /** The start of the oldest source transaction still open (UTC), when it bounded the cutoff. */
  readonly openSince?: string;
  /** Server process of that transaction. */
  readonly openProcess?: string;
  /** Set when the source's open transactions could not all be seen (the login lacks the permission). */
  readonly warning?: string;
}

/** Why a run does not start: cutoff_minutes 0 without sight of the source's open transactions. */
export class CutoffRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CutoffRefusedError';
  }
}

const SECOND = 1000;

/** cutoff_minutes of an entity ctl.etl_control does not know yet (the table's default). */
export const DEFAULT_CUTOFF_MINUTES = 2;

/**
 * The cutoff_minutes of a run of `entities`: the largest of theirs (ctl.etl_control), so one
 * cutoff serves every entity of the run and none reads closer to now than it asked.
 */
export function runCutoffMinutes(entities: readonly string[], controls: readonly { readonly entity: string; readonly cutoffMinutes: number }[]): number {
  return Math.max(0, ...entities.map((e) => controls.find((c) => c.entity === e)?.cutoffMinutes ?? DEFAULT_CUTOFF_MINUTES));
}

/** ISO text (any precision, `T` or space) to a Date truncated to the second. */
function wholeSecond(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})/.exec(text);
  if (m === null) throw new Error(`Unexpected timestamp text from the source: ${text}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

const isoText = (t: Date): string => `${t.toISOString().slice(0, 19)}.000000`;

interface OpenTransactions {
  readonly oldest: string | undefined;
  readonly process: string | undefined;
  /** Sessions whose transactions the login cannot see; undefined: the query itself was refused. */
  readonly hidden: number | undefined;
  readonly refusal?: string;
}

async function openTransactions(source: Engine, d: EtlDialect): Promise<OpenTransactions> {
  try {
    const read = async (sql: string): Promise<Record<string, unknown>> => (await source.query<Record<string, unknown>>(sql)).rows[0] ?? {};
    let row: Record<string, unknown>;
    try {
      row = await read(d.openTransactionsSql);
    } catch (e) {
      if (d.openTransactionsFallbackSql === undefined) throw e;
      // Where the fallback does not apply either (a SQL Server login without the permission), the
      // first refusal is the one that says what to grant.
      row = await read(d.openTransactionsFallbackSql).catch(() => Promise.reject(e instanceof Error ? e : new Error(String(e))));
    }
    const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
    return { oldest: text(row['oldest']), process: text(row['pid']), hidden: Number(row['hidden'] ?? 0) };
  } catch (e) {
    return { oldest: undefined, process: undefined, hidden: undefined, refusal: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The one cutoff of a run: the earlier of `now - cutoffMinutes` (the injected clock, or the
 * source server's UTC clock) and the start of the oldest transaction still open in the source,
 * truncated to its second, minus one second. So no row a still-open transaction writes (stamped
 * at or after its start, or up to half a second before it where the column rounds to whole
 * seconds: timestamp(0), datetime2(0)) is at or below the cutoff, and a run never reads past it.
 * When the source hides other sessions' transactions (no pg_read_all_stats / VIEW SERVER STATE),
 * only the configured minutes protect them: with 0 minutes the run is refused, naming the fix.
 */
export async function runCutoff(
  source: Engine,
  d: EtlDialect,
  cutoffMinutes: number,
  entities: readonly string[],
  now?: () => Date,
): Promise<RunCutoff> {
  const clockText = now === undefined
    ? String((await source.query<Record<string, unknown>>(d.cutoffSql, [cutoffMinutes])).rows[0]?.['cutoff'])
    : new Date(now().getTime() - cutoffMinutes * 60 * SECOND).toISOString();
  const clock = wholeSecond(clockText);
  const open = await openTransactions(source, d);
  const unseen = open.hidden === undefined
    ? `the source's open transactions cannot be read (${open.refusal ?? 'refused'})`
    : open.hidden > 0 ? `the transactions of ${open.hidden} other session(s) of the source are not visible to this login` : undefined;
  if (unseen !== undefined && cutoffMinutes === 0) {
    throw new CutoffRefusedError(
      `The ETL run is refused: cutoff_minutes is 0 (ctl.etl_control, ${entities.join(', ')}) and ${unseen}, so a change made in a `
      + `transaction still open could be passed and never loaded. Grant ${d.openTransactionsPermission} to the source login, `
      + 'or set cutoff_minutes above the longest source transaction.',
    );
  }
  const warning = unseen === undefined ? undefined
    : `${unseen} (grant ${d.openTransactionsPermission}): a source transaction open longer than ${cutoffMinutes} minute(s) can be missed`;
  const oldest = open.oldest === undefined ? undefined : wholeSecond(open.oldest);
  const bound = oldest !== undefined && oldest.getTime() < clock.getTime() ? oldest : clock;
  return {
    at: isoText(new Date(bound.getTime() - SECOND)),
    boundedBy: bound === clock ? 'clock' : 'open-transaction',
    ...(bound === clock || open.oldest === undefined ? {} : { openSince: open.oldest }),
    ...(bound === clock || open.process === undefined ? {} : { openProcess: open.process }),
    ...(warning === undefined ? {} : { warning }),
  };
}
