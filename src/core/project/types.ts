/** The parsed, validated `dw-workbench.json` (see schemas/dw-workbench.schema.json). */
export type EngineName = 'sqlserver' | 'postgres' | 'pglite';

export interface ProjectConnection {
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly passwordEnv?: string;
  readonly encrypt?: boolean;
  readonly trustServerCertificate?: boolean;
  readonly connectTimeoutSeconds?: number;
  readonly dataDir?: string;
}

export interface ProjectStack {
  readonly composeFile?: string;
  readonly projectName?: string;
  readonly serverService?: string;
  readonly backupService?: string;
  readonly healthTimeoutSeconds?: number;
  readonly watch?: ProjectStackWatch;
  readonly env?: Readonly<Record<string, string | number>>;
}

/** stack.watch: a `dwb watch` service in the compose stack. */
export interface ProjectStackWatch {
  /** An interval as `dwb watch --every` takes it (checked at load: 10s to 7d). */
  readonly every: string;
  /** Default true: run the active entities at each iteration. */
  readonly etl?: boolean;
  /** Default true. */
  readonly enabled?: boolean;
}

export interface BootstrapStep {
  readonly name: string;
  readonly script?: string;
  readonly folder?: string;
  readonly generate?: { readonly scale?: number; readonly seed?: number; readonly incremental?: boolean };
  readonly database?: 'oltp' | 'dw';
  readonly skipOn?: readonly EngineName[];
  readonly when?: { readonly tableMissing?: string; readonly tableEmpty?: string };
}

export interface ProjectEtl {
  readonly entitiesDir?: string;
  readonly onLocked?: 'wait' | 'fail';
  readonly lockTimeoutSeconds?: number;
}

export type AlertRuleName = 'etl_failure' | 'sla_watermark_delay' | 'sla_no_recent_run' | 'etl_recurrent_failure';
export type WebhookKind = 'discord' | 'slack' | 'teams' | 'json';
export type CheckSeverity = 'error' | 'warning' | 'info';
/** One text for both engines, or one per engine. */
export type PortableSql = string | { readonly postgres: string; readonly sqlserver: string };

export interface ProjectAlerts {
  readonly rules?: {
    readonly etl_failure?: { readonly enabled?: boolean };
    readonly sla_watermark_delay?: { readonly enabled?: boolean; readonly slaMinutes?: number };
    readonly sla_no_recent_run?: { readonly enabled?: boolean; readonly hours?: number };
    readonly etl_recurrent_failure?: { readonly enabled?: boolean; readonly threshold?: number; readonly minRuns?: number };
  };
  readonly cooldownMinutes?: number;
  readonly webhooks?: readonly { readonly name?: string; readonly kind: WebhookKind; readonly urlEnv?: string }[];
  readonly delivery?: { readonly timeoutSeconds?: number; readonly retries?: number; readonly backoffSeconds?: number };
  readonly timezone?: string;
}

export interface ProjectChecks {
  readonly severity?: { readonly fk_orphans?: CheckSeverity; readonly duplicate_keys?: CheckSeverity; readonly coverage?: CheckSeverity };
  readonly minimumRows?: Readonly<Record<string, number>>;
  readonly offendingLimit?: number;
  readonly custom?: readonly { readonly name: string; readonly description?: string; readonly sql: PortableSql; readonly severity?: CheckSeverity }[];
}

export interface ProjectFile {
  readonly name: string;
  readonly engine: EngineName;
  readonly connection: ProjectConnection;
  readonly databases?: { readonly oltp?: string; readonly dw?: string };
  readonly variables?: Readonly<Record<string, string | number | boolean>>;
  readonly stack?: ProjectStack;
  readonly bootstrap?: { readonly steps?: readonly BootstrapStep[] };
  readonly etl?: ProjectEtl;
  readonly alerts?: ProjectAlerts;
  readonly checks?: ProjectChecks;
}

/** A loaded project: the file's content plus where it lives. */
export interface Project {
  /** Absolute path of dw-workbench.json. */
  readonly file: string;
  /** Absolute path of the folder holding it; relative paths in the file resolve against it. */
  readonly root: string;
  readonly config: ProjectFile;
}

export const PROJECT_FILE_NAME = 'dw-workbench.json';
