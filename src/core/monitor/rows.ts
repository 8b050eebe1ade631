import type { ControlRow, EtlRunSummary, RunEntityDetail, RunStatus, TimelineMark } from '../../protocol/monitor';
import type { Row } from '../engine/types';
import { cellText, isoTimestamp } from '../sales/load';

/** Row -> DTO conversions for the monitor's queries (drivers differ in number/date types). */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : cellText(v));
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't';

export function runSummary(r: Row): EtlRunSummary {
  const startedAt = isoTimestamp(r['started_at']) ?? '';
  const finishedAt = isoTimestamp(r['finished_at']);
  return {
    runId: num(r['run_id']),
    entitiesRequested: cellText(r['entities_requested']),
    startedBy: cellText(r['started_by']),
    startedAt,
    finishedAt,
    status: String(r['status']) as RunStatus,
    entitiesSucceeded: num(r['entities_succeeded']),
    entitiesFailed: num(r['entities_failed']),
    errorMessage: textOrNull(r['error_message']),
    durationSeconds: finishedAt === null ? null : Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 100) / 10,
  };
}

function watermark(ts: unknown, id: unknown): string | null {
  const t = isoTimestamp(ts);
  return t === null ? null : `${t} #${num(id)}`;
}

export function runEntity(r: Row): RunEntityDetail {
  return {
    runId: num(r['run_id']),
    entity: String(r['entity_name']),
    status: String(r['status']) as RunStatus,
    extracted: num(r['extracted_count']),
    upserted: num(r['upserted_count']),
    softDeleted: num(r['soft_deleted_count']),
    watermarkFrom: watermark(r['watermark_from_updated_at'], r['watermark_from_id']),
    watermarkTo: watermark(r['watermark_to_updated_at'], r['watermark_to_id']),
    errorMessage: textOrNull(r['error_message']),
    startedAt: isoTimestamp(r['started_at']) ?? '',
    finishedAt: isoTimestamp(r['finished_at']),
  };
}

export function timelineMark(r: Row): TimelineMark {
  return {
    runId: num(r['run_id']),
    entity: String(r['entity_name']),
    status: String(r['status']) as RunStatus,
    startedAt: isoTimestamp(r['started_at']) ?? '',
  };
}

export function controlRow(r: Row): ControlRow {
  return {
    entity: String(r['entity_name']),
    sourceTable: String(r['source_table']),
    targetTable: String(r['target_table']),
    sourcePkColumn: String(r['source_pk_column']),
    watermarkUpdatedAt: isoTimestamp(r['watermark_updated_at']) ?? '',
    watermarkId: num(r['watermark_id']),
    cutoffMinutes: num(r['cutoff_minutes']),
    batchSize: num(r['batch_size']),
    isActive: bool(r['is_active']),
    lastRunId: numOrNull(r['last_run_id']),
    lastStatus: textOrNull(r['last_status']),
    lastSuccessAt: isoTimestamp(r['last_success_at']),
    updatedAt: isoTimestamp(r['updated_at']) ?? '',
  };
}
