import type { Dialect, EngineKind } from '../engine/types';

/**
 * The warehouse scripts shipped under `sql/<dialect>/`, in the order a bootstrap runs them.
 * Paths are relative to the repository's `sql/` folder. Scripts take variables (sqlcmd
 * `$(NAME)` / psql `:'NAME'`) listed in `variables`; passwords are supplied at bootstrap time.
 */
export type ScriptGroup = 'oltp' | 'dw' | 'security' | 'seed';

export interface WarehouseScript {
  /** e.g. `postgres/dw/03_dim_data.sql`. */
  readonly path: string;
  readonly group: ScriptGroup;
  /** Which of the project's databases the script runs in (SQL Server scripts also `USE` it). */
  readonly database: 'oltp' | 'dw';
  readonly variables: readonly string[];
  /** Engines that cannot run the script (PGlite: a single user, no roles or logins). */
  readonly skipOn: readonly EngineKind[];
}

export const DIM_DATA_VARIABLES = ['DIM_DATA_START', 'DIM_DATA_END'] as const;
export const PASSWORD_VARIABLES = ['ETL_MONITOR_PASSWORD', 'ETL_BACKUP_PASSWORD'] as const;
/** Which entities register active: names separated by commas, or `all`. */
export const ETL_CONTROL_VARIABLES = ['ETL_ACTIVE_ENTITIES'] as const;

type Entry = readonly [file: string, group: ScriptGroup, database: 'oltp' | 'dw', variables?: readonly string[], skipOn?: readonly EngineKind[]];

// The same structure scripts in both dialects; SQL Server also creates its two databases.
const oltp: readonly Entry[] = [
  ['oltp/01_schema.sql', 'oltp', 'oltp'],
  ['oltp/02_tables.sql', 'oltp', 'oltp'],
  ['oltp/03_indexes.sql', 'oltp', 'oltp'],
];

const dw: readonly Entry[] = [
  ['dw/01_schemas.sql', 'dw', 'dw'],
  ['dw/02_dimensions.sql', 'dw', 'dw'],
  ['dw/03_dim_data.sql', 'dw', 'dw', DIM_DATA_VARIABLES],
  ['dw/04_unknown_members.sql', 'dw', 'dw'],
  ['dw/05_facts.sql', 'dw', 'dw'],
  ['dw/06_etl_control.sql', 'dw', 'dw', ETL_CONTROL_VARIABLES],
  ['dw/07_connection_audit_table.sql', 'dw', 'dw'],
  ['dw/08_connection_audit.sql', 'dw', 'dw'],
  ['dw/09_views.sql', 'dw', 'dw'],
  ['dw/10_alert_state.sql', 'dw', 'dw'],
  ['dw/11_check_result.sql', 'dw', 'dw'],
];

const postgres: readonly Entry[] = [
  ...oltp,
  ...dw,
  ['security/01_roles.sql', 'security', 'dw', PASSWORD_VARIABLES, ['pglite']],
];

const sqlserver: readonly Entry[] = [
  ['oltp/00_database.sql', 'oltp', 'oltp'],
  ...oltp,
  ['dw/00_database.sql', 'dw', 'dw'],
  ...dw,
  ['security/01_logins_and_roles.sql', 'security', 'dw', PASSWORD_VARIABLES],
  ['security/02_server_audit.sql', 'security', 'dw', ['AUDIT_PATH']],
];

const seeds: readonly Entry[] = [
  ['seed/01_base.sql', 'seed', 'oltp'],
  ['seed/02_incremental.sql', 'seed', 'oltp'],
];

function toScript(dialect: Dialect, [file, group, database, variables = [], skipOn = []]: Entry): WarehouseScript {
  return { path: `${dialect}/${file}`, group, database, variables, skipOn };
}

/** The structure scripts (OLTP, DW, security), in order. */
export function warehouseScripts(dialect: Dialect): readonly WarehouseScript[] {
  return (dialect === 'postgres' ? postgres : sqlserver).map((e) => toScript(dialect, e));
}

/** The small fixed seed scripts, for users who load data with scripts instead of the generator. */
export function seedScripts(dialect: Dialect): readonly WarehouseScript[] {
  return seeds.map((e) => toScript(dialect, e));
}

/** Default values for the non-secret variables. */
export const defaultScriptVariables: Readonly<Record<string, string>> = {
  DIM_DATA_START: '2020-01-01',
  DIM_DATA_END: '2030-12-31',
  AUDIT_PATH: '/var/opt/mssql/audit/',
  // The users' warehouse registers only dim_cliente active; a new project's file says `all`.
  ETL_ACTIVE_ENTITIES: 'dim_cliente',
};
