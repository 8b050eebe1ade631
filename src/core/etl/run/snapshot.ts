import type { Engine, Queryable, Session } from '../../engine/types';
import type { SnapshotStage } from '../../../protocol/monitor';
import type { EtlDialect } from '../dialect/types';
import type { SnapshotOutcome } from './events';

/** Why PGlite records no snapshot: the monitor's connection audit does not apply there either. */
export const PGLITE_HAS_NO_SESSIONS =
  'the embedded engine (PGlite) serves this process alone: it has no server sessions to record';

/**
 * The connection snapshot an ETL run takes at its start, its end or its failure, as the users'
 * runner took one at each (`capture_connection_snapshot_safe`), but with the snapshot's rows
 * linked to the run (run_id, stage). A snapshot records who was connected; it is never part of the
 * load: one that fails is reported with the reason and what fixes it, and the run goes on.
 *
 * `q` is the run's session (undefined when it cannot be trusted); when the statement fails there
 * and the session no longer answers (it may be the thing that died), it is tried once more on a
 * fresh session of `target`.
 */
export async function takeSnapshot(
  target: Engine, q: Queryable | undefined, d: EtlDialect, runId: number, stage: SnapshotStage,
): Promise<SnapshotOutcome> {
  if (target.kind === 'pglite') return { stage, status: 'skipped', reason: PGLITE_HAS_NO_SESSIONS };
  const capture = (on: Queryable): Promise<unknown> => on.query(d.captureSnapshotSql, [{ value: runId, type: { kind: 'bigint' } }, stage]);
  if (q !== undefined) {
    try {
      await capture(q);
      return { stage, status: 'captured' };
    } catch (e) {
      // A session that still answers gave the procedure's own failure (missing, no permission),
      // which a fresh session of the same login would only repeat, after a login of its own
      // (most of a second on Babelfish). A session that does not answer: tried again below.
      if (await answers(q)) return { stage, status: 'failed', reason: failureReason(e) };
    }
  }
  let s: Session | undefined;
  try {
    s = await target.session();
    await capture(s);
    return { stage, status: 'captured' };
  } catch (e) {
    return { stage, status: 'failed', reason: failureReason(e) };
  } finally {
    await s?.release().catch(() => undefined);
  }
}

async function answers(q: Queryable): Promise<boolean> {
  try {
    await q.query('SELECT 1 AS ok');
    return true;
  } catch {
    return false;
  }
}

function failureReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `${message.replace(/\s*\r?\n\s*/g, ' ')}. The run went on without it. The snapshot calls audit.usp_capture_connection_snapshot with the run id and stage: `
    + 'run the warehouse scripts again (DW: Bootstrap Warehouse, or dwb bootstrap) to create or update it, and give the ETL login EXECUTE on it.';
}
