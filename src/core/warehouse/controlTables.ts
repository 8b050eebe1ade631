import { SNAPSHOT_STAGES } from '../../protocol/monitor';
import { dflt, opt, req, t, utcNow, type TableSpec } from './spec';

/** ETL control and audit: the contract the ETL writes and the monitor reads (DOMAIN.md). */
const ts3 = { kind: 'timestamp', precision: 3 } as const;
const RUN_STATUSES = ['running', 'success', 'failed', 'partial', 'cancelled'] as const;

export const ETL_CONTROL: TableSpec = {
  layer: 'dw', schema: 'ctl', name: 'etl_control', primaryKey: 'entity_name',
  columns: [
    req('entity_name', t.text(100)),
    req('source_table', t.text(256)),
    req('target_table', t.text(256)),
    req('source_pk_column', t.text(128)),
    req('watermark_updated_at', t.ts, { default: dflt('1900-01-01') }),
    req('watermark_id', t.bigint, { default: dflt(0) }),
    req('cutoff_minutes', t.int, { default: dflt(2), range: [0, 1440] }),
    req('batch_size', t.int, { default: dflt(1000), range: [1, 100000] }),
    req('is_active', t.bool, { default: dflt(false) }),
    opt('last_run_id', t.bigint),
    opt('last_status', t.text(20), { oneOf: ['success', 'failed', 'partial', 'cancelled'] }),
    opt('last_success_at', ts3),
    req('created_at', ts3, { default: utcNow }),
    req('updated_at', ts3, { default: utcNow }),
  ],
};

export const ETL_RUN: TableSpec = {
  layer: 'dw', schema: 'audit', name: 'etl_run', primaryKey: 'run_id',
  columns: [
    req('run_id', t.bigint, { identity: true }),
    req('entities_requested', t.text(1000)),
    req('started_by', t.text(128)),
    req('started_at', ts3, { default: utcNow }),
    opt('finished_at', ts3),
    req('status', t.text(20), { default: dflt('running'), oneOf: RUN_STATUSES }),
    req('entities_succeeded', t.int, { default: dflt(0), range: [0, Infinity] }),
    req('entities_failed', t.int, { default: dflt(0), range: [0, Infinity] }),
    opt('error_message', t.clob),
  ],
};

export const ETL_RUN_ENTITY: TableSpec = {
  layer: 'dw', schema: 'audit', name: 'etl_run_entity', primaryKey: 'run_entity_id',
  columns: [
    req('run_entity_id', t.bigint, { identity: true }),
    req('run_id', t.bigint),
    req('entity_name', t.text(100)),
    req('status', t.text(20), { default: dflt('running'), oneOf: RUN_STATUSES }),
    req('extracted_count', t.bigint, { default: dflt(0), range: [0, Infinity] }),
    req('upserted_count', t.bigint, { default: dflt(0), range: [0, Infinity] }),
    req('soft_deleted_count', t.bigint, { default: dflt(0), range: [0, Infinity] }),
    opt('watermark_from_updated_at', t.ts),
    opt('watermark_from_id', t.bigint),
    opt('watermark_to_updated_at', t.ts),
    opt('watermark_to_id', t.bigint),
    opt('error_message', t.clob),
    req('started_at', ts3, { default: utcNow }),
    opt('finished_at', ts3),
  ],
  unique: [['run_id', 'entity_name']],
  foreignKeys: [{ column: 'run_id', references: { schema: 'audit', table: 'etl_run', column: 'run_id' } }],
};

/** Source rows the ETL's rules refused, written in the batch transaction that skipped them. */
export const ETL_REJECT: TableSpec = {
  layer: 'dw', schema: 'audit', name: 'etl_reject', primaryKey: 'reject_id',
  columns: [
    req('reject_id', t.bigint, { identity: true }),
    req('run_id', t.bigint),
    req('entity_name', t.text(100)),
    req('source_key', t.text(100)),
    opt('column_name', t.text(128)),
    opt('rule_name', t.text(100)),
    req('reason', t.text(1000)),
    req('rejected_at', ts3, { default: utcNow }),
  ],
  foreignKeys: [{ column: 'run_id', references: { schema: 'audit', table: 'etl_run', column: 'run_id' } }],
};

/** One watermark per trigger of an entity: another source table whose changes re-trigger its rows. */
export const ETL_TRIGGER_WATERMARK: TableSpec = {
  layer: 'dw', schema: 'ctl', name: 'etl_trigger_watermark', primaryKey: 'trigger_watermark_id',
  columns: [
    req('trigger_watermark_id', t.bigint, { identity: true }),
    req('entity_name', t.text(100)),
    req('trigger_name', t.text(100)),
    req('source_table', t.text(256)),
    req('watermark_updated_at', t.ts, { default: dflt('1900-01-01') }),
    req('watermark_id', t.bigint, { default: dflt(0) }),
    req('updated_at', ts3, { default: utcNow }),
  ],
  unique: [['entity_name', 'trigger_name']],
};

/**
 * Target rows a batch had to point at the unknown member (-1) although the source named a
 * member (not loaded yet): what the next run re-resolves (`src/core/etl/run/lateMembers.ts`).
 * Created by the warehouse scripts (06_etl_control.sql) and, on a warehouse built before it, by the ETL.
 */
export const ETL_UNRESOLVED: TableSpec = {
  layer: 'dw', schema: 'ctl', name: 'etl_unresolved', primaryKey: 'unresolved_id',
  columns: [
    req('unresolved_id', t.bigint, { identity: true }),
    req('entity_name', t.text(100)),
    req('target_column', t.text(128)),
    req('row_key', t.bigint),
    req('member_key', t.text(40)),
    req('noted_at', ts3, { default: utcNow }),
  ],
  unique: [['entity_name', 'row_key', 'target_column']],
};

/**
 * Per remembering trigger (`"remember": true`) and trigger row, the entity keys the row named
 * when the warehouse last loaded them (an order's customer): re-triggered with the row's current
 * keys when it changes again. Written in the same transaction as the data it describes
 * (`src/core/etl/run/triggerMemory.ts`); created by the ETL when missing.
 */
export const ETL_TRIGGER_MEMORY: TableSpec = {
  layer: 'dw', schema: 'ctl', name: 'etl_trigger_memory', primaryKey: 'trigger_memory_id',
  columns: [
    req('trigger_memory_id', t.bigint, { identity: true }),
    req('entity_name', t.text(100)),
    req('trigger_name', t.text(100)),
    req('row_key', t.bigint),
    req('member_key', t.bigint),
  ],
  unique: [['entity_name', 'trigger_name', 'row_key', 'member_key']],
};

export const CONNECTION_LOGIN_EVENTS: TableSpec = {
  layer: 'dw', schema: 'audit', name: 'connection_login_events', primaryKey: 'event_id',
  columns: [
    req('event_id', t.bigint, { identity: true }),
    req('captured_at', ts3, { default: utcNow }),
    req('session_id', t.int),
    opt('login_name', t.text(128)),
    opt('host_name', t.text(128)),
    opt('program_name', t.text(256)),
    opt('database_name', t.text(128)),
    opt('status', t.text(30)),
    opt('login_time', ts3),
    opt('net_transport', t.text(40)),
    opt('client_net_address', t.text(48)),
    opt('client_tcp_port', t.int),
    opt('encrypt_option', t.text(40)),
    opt('auth_scheme', t.text(40)),
    // Set when an ETL run took the snapshot (null for "Capture Snapshot Now" and the scheduled ones).
    opt('run_id', t.bigint),
    opt('stage', t.text(20), { oneOf: SNAPSHOT_STAGES }),
  ],
};

/**
 * One row per alert (`entity|rule`) the alerts ever opened: open or resolved, when it was last
 * delivered (the cooldown) and the last delivery error. Kept in the warehouse so that every
 * evaluator (VS Code, `dwb alerts`, `dwb watch`) sees the same state and an alert is delivered once.
 */
export const ALERT_STATE: TableSpec = {
  layer: 'dw', schema: 'ctl', name: 'alert_state', primaryKey: 'alert_key',
  columns: [
    req('alert_key', t.text(200)),
    req('entity_name', t.text(100)),
    req('rule_name', t.text(40)),
    req('status', t.text(20), { default: dflt('open'), oneOf: ['open', 'resolved'] }),
    req('severity', t.text(20)),
    req('title', t.text(200)),
    opt('detail', t.text(1000)),
    req('opened_at', ts3),
    req('last_seen_at', ts3),
    opt('last_sent_at', ts3),
    opt('resolved_at', ts3),
    opt('delivery_error', t.text(1000)),
    req('updated_at', ts3, { default: utcNow }),
  ],
};

/** The warehouse checks' families (src/core/checks/catalog.ts `CheckFamily`). */
export const CHECK_FAMILIES = ['fk_orphans', 'duplicate_keys', 'coverage', 'custom', 'scope'] as const;

/**
 * The latest result of each warehouse check (`dwb check`, "DW: Check Warehouse", the dw-check
 * task, the monitor's "Run Checks"): one row per check, replaced by the next run of that check
 * (a run of every check also drops the rows of checks that no longer exist). Kept in the
 * warehouse so that the monitor, in VS Code or exported by the CLI, shows what the last run
 * found, whoever ran it. `offending`: the first offending keys or rows, as JSON; `location_file`:
 * where the check is declared, relative to the project's folder.
 */
export const CHECK_RESULT: TableSpec = {
  layer: 'dw', schema: 'ctl', name: 'check_result', primaryKey: 'check_name',
  columns: [
    req('check_name', t.text(200)),
    req('family', t.text(20), { oneOf: CHECK_FAMILIES }),
    req('category', t.text(40)),
    req('severity', t.text(20), { oneOf: ['error', 'warning', 'info'] }),
    req('ok', t.bool),
    opt('check_value', t.bigint),
    req('expected', t.text(40)),
    req('description', t.text(1000)),
    opt('target_object', t.text(256)),
    opt('offending', t.clob),
    opt('location_file', t.text(1000)),
    opt('location_line', t.int),
    opt('location_column', t.int),
    opt('error_message', t.clob),
    req('duration_ms', t.int, { default: dflt(0) }),
    req('checked_at', ts3),
    req('checked_by', t.text(128)),
  ],
};

export const controlTables: readonly TableSpec[] = [
  ETL_CONTROL, ETL_RUN, ETL_RUN_ENTITY, ETL_REJECT, ETL_TRIGGER_WATERMARK, ETL_UNRESOLVED, CONNECTION_LOGIN_EVENTS, ALERT_STATE, CHECK_RESULT,
];

/** The nine registered entities (DOMAIN.md); only dim_cliente is active by default. */
export interface RegisteredEntity {
  readonly entityName: string;
  readonly sourceTable: string;
  readonly targetTable: string;
  readonly sourcePkColumn: string;
  readonly activeByDefault: boolean;
}

export const registeredEntities: readonly RegisteredEntity[] = [
  { entityName: 'dim_cliente', sourceTable: 'core.customers', targetTable: 'dim.DIM_CLIENTE', sourcePkColumn: 'customer_id', activeByDefault: true },
  { entityName: 'dim_produto', sourceTable: 'core.products', targetTable: 'dim.DIM_PRODUTO', sourcePkColumn: 'product_id', activeByDefault: false },
  { entityName: 'dim_regiao', sourceTable: 'core.regions', targetTable: 'dim.DIM_REGIAO', sourcePkColumn: 'region_id', activeByDefault: false },
  { entityName: 'dim_equipe', sourceTable: 'core.teams', targetTable: 'dim.DIM_EQUIPE', sourcePkColumn: 'team_id', activeByDefault: false },
  { entityName: 'dim_vendedor', sourceTable: 'core.sellers', targetTable: 'dim.DIM_VENDEDOR', sourcePkColumn: 'seller_id', activeByDefault: false },
  { entityName: 'dim_desconto', sourceTable: 'core.discount_campaigns', targetTable: 'dim.DIM_DESCONTO', sourcePkColumn: 'discount_id', activeByDefault: false },
  { entityName: 'fact_vendas', sourceTable: 'core.order_items', targetTable: 'fact.FACT_VENDAS', sourcePkColumn: 'order_item_id', activeByDefault: false },
  { entityName: 'fact_metas', sourceTable: 'core.seller_targets_monthly', targetTable: 'fact.FACT_METAS', sourcePkColumn: 'seller_target_id', activeByDefault: false },
  { entityName: 'fact_descontos', sourceTable: 'core.order_item_discounts', targetTable: 'fact.FACT_DESCONTOS', sourcePkColumn: 'order_item_discount_id', activeByDefault: false },
];
