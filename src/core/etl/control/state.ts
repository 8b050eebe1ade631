import type { RunEntityDetail } from '../../../protocol/monitor';
import type { Dialect, Queryable, Row } from '../../engine/types';
import { postgresMonitorDialect, sqlServerMonitorDialect, type MonitorSqlDialect } from '../../monitor/dialect';
import { MonitorQueries } from '../../monitor/load';
import { num, numOrNull, runEntity, textOrNull } from '../../monitor/rows';
import { isoTimestamp } from '../../sales/load';
import { etlDialect } from '../dialect';
import type { Watermark } from '../run/control';

/** The last audit.etl_run_entity row of an entity. */
export interface LastEntityRun {
  readonly runId: number;
  /** running, success, failed, partial or cancelled. */
  readonly status: string;
  readonly extracted: number;
  readonly upserted: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

/** One entity as the tree shows it: its ctl.etl_control row and its last run. */
export interface EntityState {
  readonly entity: string;
  readonly sourceTable: string;
  readonly targetTable: string;
  readonly watermark: Watermark;
  readonly cutoffMinutes: number;
  readonly batchSize: number;
  readonly isActive: boolean;
  readonly lastStatus: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastRun: LastEntityRun | null;
  /** Rows the target table holds now (unknown member excluded); null when it cannot be read. */
  readonly targetRows: number | null;
}

const MONITOR_DIALECTS: Readonly<Record<Dialect, MonitorSqlDialect>> = { postgres: postgresMonitorDialect, sqlserver: sqlServerMonitorDialect };

/** Same text in both dialects: information_schema names the control table wherever it exists. */
const CONTROL_TABLE_SQL = `SELECT COUNT(*) AS n FROM information_schema.tables
  WHERE LOWER(table_schema) = 'ctl' AND LOWER(table_name) = 'etl_control'`;

function entityStatesSql(dialect: Dialect): string {
  const d = etlDialect(dialect);
  return `SELECT c.entity_name, c.source_table, c.target_table, ${d.timestampText('c.watermark_updated_at')} AS wm_ts,
      CAST(c.watermark_id AS varchar(30)) AS wm_id, c.cutoff_minutes, c.batch_size, CAST(c.is_active AS int) AS active,
      c.last_status, c.last_success_at, e.run_id, e.status AS run_status, e.extracted_count, e.upserted_count,
      e.started_at AS run_started_at, e.finished_at AS run_finished_at, e.error_message
    FROM ctl.etl_control c
    LEFT JOIN audit.etl_run_entity e ON e.entity_name = c.entity_name
      AND e.run_id = (SELECT MAX(x.run_id) FROM audit.etl_run_entity x WHERE x.entity_name = c.entity_name)
    ORDER BY c.entity_name`;
}

function historySql(dialect: Dialect, limit: number): string {
  const d = MONITOR_DIALECTS[dialect];
  return `SELECT ${d.top(limit)} e.run_id, e.entity_name, e.status, e.extracted_count, e.upserted_count, e.soft_deleted_count,
      e.watermark_from_updated_at, e.watermark_from_id, e.watermark_to_updated_at, e.watermark_to_id,
      e.error_message, e.started_at, e.finished_at
    FROM audit.etl_run_entity e
    WHERE e.entity_name = ${d.p(1)}
    ORDER BY e.run_id DESC
    ${d.limit(limit)}`;
}

function entityState(r: Row, targetRows: number | null): EntityState {
  const runId = numOrNull(r['run_id']);
  return {
    entity: String(r['entity_name']),
    sourceTable: String(r['source_table']),
    targetTable: String(r['target_table']),
    watermark: { updatedAt: String(r['wm_ts']), id: String(r['wm_id']) },
    cutoffMinutes: num(r['cutoff_minutes']),
    batchSize: num(r['batch_size']),
    isActive: num(r['active']) === 1,
    lastStatus: textOrNull(r['last_status']),
    lastSuccessAt: isoTimestamp(r['last_success_at']),
    lastRun:
      runId === null
        ? null
        : {
            runId,
            status: String(r['run_status']),
            extracted: num(r['extracted_count']),
            upserted: num(r['upserted_count']),
            startedAt: isoTimestamp(r['run_started_at']) ?? '',
            finishedAt: isoTimestamp(r['run_finished_at']),
            error: textOrNull(r['error_message']),
          },
    targetRows,
  };
}

/**
 * What the entity tree reads from and does to ctl.etl_control and audit.etl_run_entity. Reset
 * and activation are the monitor's own statements, so the two views act alike.
 */
export class EntityControlQueries {
  private readonly monitor: MonitorQueries;

  constructor(private readonly db: Queryable, readonly dialect: Dialect) {
    this.monitor = new MonitorQueries(db, dialect);
  }

  /** False until the warehouse is bootstrapped (no ctl.etl_control yet). */
  async hasControlTable(): Promise<boolean> {
    return num((await this.db.query(CONTROL_TABLE_SQL)).rows[0]?.['n']) > 0;
  }

  async entities(): Promise<EntityState[]> {
    const rows = (await this.db.query(entityStatesSql(this.dialect))).rows;
    return Promise.all(rows.map(async (r) => entityState(r, await this.monitor.targetRows(String(r['target_table'])))));
  }

  /** The entity's last `limit` runs, newest first. */
  async history(entity: string, limit: number): Promise<RunEntityDetail[]> {
    const n = Math.max(1, Math.min(1000, Math.floor(limit)));
    return (await this.db.query(historySql(this.dialect, n), [{ value: entity, type: { kind: 'text', length: 256 } }])).rows.map(runEntity);
  }

  /** Back to the initial watermark: the next run reloads every row (the merge keeps it idempotent). */
  resetWatermark(entity: string): Promise<boolean> {
    return this.monitor.resetWatermark(entity);
  }

  setActive(entity: string, active: boolean): Promise<boolean> {
    return this.monitor.setActive(entity, active);
  }

  /** Every registered entity on (or off); returns how many changed. */
  setAllActive(active: boolean): Promise<number> {
    return this.monitor.setAllActive(active);
  }
}
