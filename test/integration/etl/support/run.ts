import path from 'node:path';
import type { Engine } from '../../../../src/core/engine/types';
import { loadEntityDefinitions } from '../../../../src/core/etl/definition/load';
import type { EtlEvent } from '../../../../src/core/etl/run/events';
import { runEtl, type EtlRunOptions, type EtlRunResult } from '../../../../src/core/etl/run/run';

export const DEFINITIONS = loadEntityDefinitions(path.resolve(__dirname, '../../../../etl/entities'));

export async function setControl(engine: Engine, entity: string, values: { batchSize?: number; cutoffMinutes?: number }): Promise<void> {
  if (values.batchSize !== undefined) await engine.query('UPDATE ctl.etl_control SET batch_size = $1 WHERE entity_name = $2', [values.batchSize, entity]);
  if (values.cutoffMinutes !== undefined) {
    await engine.query('UPDATE ctl.etl_control SET cutoff_minutes = $1 WHERE entity_name = $2', [values.cutoffMinutes, entity]);
  }
}

export async function run(
  engine: Engine,
  extra: Partial<EtlRunOptions> = {},
): Promise<{ result: EtlRunResult; events: EtlEvent[] }> {
  const events: EtlEvent[] = [];
  const result = await runEtl({
    source: engine,
    target: engine,
    definitions: DEFINITIONS,
    entities: ['dim_cliente'],
    startedBy: 'test',
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { result, events };
}

export async function watermarkOf(engine: Engine, entity: string): Promise<{ ts: string; id: string }> {
  const r = await engine.query<{ ts: string; id: string }>(
    `SELECT to_char(watermark_updated_at, 'YYYY-MM-DD HH24:MI:SS') AS ts, CAST(watermark_id AS text) AS id
      FROM ctl.etl_control WHERE entity_name = $1`,
    [entity],
  );
  return r.rows[0] as { ts: string; id: string };
}

export async function count(engine: Engine, sql: string, params: readonly unknown[] = []): Promise<number> {
  const r = await engine.query<{ n: unknown }>(sql, params as never);
  return Number(r.rows[0]?.n);
}

/**
 * The clock a test gives the run's cutoff (`EtlRunOptions.now`), moved by the test instead of
 * waiting for the wall clock: changes are stamped at `stamp()` (a whole second, ahead of the
 * real time, so every row the database already holds is older), a run reads `now()` (two
 * seconds later: its cutoff, the whole second minus one, covers the stamp), and `advance()`
 * after a run moves the stamps past that run's cutoff.
 */
export class TestClock {
  /**
   * Past every cutoff any clock of this process has handed out: a clock made for the next test
   * starts there, so its stamps are never at or below a run's watermark (a test that runs in less
   * time than a clock moves per run would otherwise stamp changes the next run cannot see).
   */
  private static past = 0;
  private at: number;
  constructor(start = Date.now()) {
    this.at = Math.max(Math.ceil(start / 1000) * 1000 + 1000, TestClock.past);
  }

  /** SQL literal of the current change stamp (UTC, as the OLTP keeps it). */
  stamp(): string {
    return `CAST('${this.text()}' AS timestamp)`;
  }

  /** The same stamp as a T-SQL literal (`timestamp` is rowversion there). */
  stampTsql(): string {
    return `CAST('${this.text()}' AS datetime2(0))`;
  }

  private text(): string {
    return new Date(this.at).toISOString().slice(0, 19).replace('T', ' ');
  }

  /** The current change stamp as a time. */
  stampTime(): Date {
    return new Date(this.at);
  }

  readonly now = (): Date => {
    TestClock.past = Math.max(TestClock.past, this.at + 3000);
    return new Date(this.at + 2000);
  };

  advance(): void {
    this.at += 3000;
  }
}
