import type { AlertRuleName, ProjectAlerts, WebhookKind } from '../project/types';

/** The alert rules, by the names the alerts carry (the users' own alert types). */
export const ALERT_RULES: readonly AlertRuleName[] = ['etl_failure', 'sla_watermark_delay', 'sla_no_recent_run', 'etl_recurrent_failure'];

export interface WebhookSetting {
  /** Label in messages and logs. */
  readonly name: string;
  readonly kind: WebhookKind;
  /** Environment variable holding the URL (the CLI); SecretStorage key suffix in VS Code. */
  readonly urlEnv: string;
}

/** Every knob of the alerts with its default filled in (the schema has checked the ranges). */
export interface AlertSettings {
  readonly rules: {
    readonly etl_failure: { readonly enabled: boolean };
    readonly sla_watermark_delay: { readonly enabled: boolean; readonly slaMinutes: number };
    readonly sla_no_recent_run: { readonly enabled: boolean; readonly hours: number };
    readonly etl_recurrent_failure: { readonly enabled: boolean; readonly threshold: number; readonly minRuns: number };
  };
  readonly cooldownMinutes: number;
  readonly webhooks: readonly WebhookSetting[];
  readonly delivery: { readonly timeoutMs: number; readonly retries: number; readonly backoffMs: number };
  readonly timezone: string;
}

/** The environment variable a webhook's URL is read from when the project does not name one. */
export function defaultUrlEnv(name: string): string {
  return `DWB_ALERT_WEBHOOK_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/** The project's `alerts` section with defaults (the users' defaults: 120 min, 24 h, 30 %, 3 runs, 30 min). */
export function alertSettings(alerts: ProjectAlerts | undefined): AlertSettings {
  const r = alerts?.rules ?? {};
  return {
    rules: {
      etl_failure: { enabled: r.etl_failure?.enabled ?? true },
      sla_watermark_delay: { enabled: r.sla_watermark_delay?.enabled ?? true, slaMinutes: r.sla_watermark_delay?.slaMinutes ?? 120 },
      sla_no_recent_run: { enabled: r.sla_no_recent_run?.enabled ?? true, hours: r.sla_no_recent_run?.hours ?? 24 },
      etl_recurrent_failure: {
        enabled: r.etl_recurrent_failure?.enabled ?? true,
        threshold: r.etl_recurrent_failure?.threshold ?? 0.3,
        minRuns: r.etl_recurrent_failure?.minRuns ?? 3,
      },
    },
    cooldownMinutes: alerts?.cooldownMinutes ?? 30,
    webhooks: (alerts?.webhooks ?? []).map((w) => {
      const name = w.name ?? w.kind;
      return { name, kind: w.kind, urlEnv: w.urlEnv ?? defaultUrlEnv(name) };
    }),
    delivery: {
      timeoutMs: (alerts?.delivery?.timeoutSeconds ?? 15) * 1000,
      retries: alerts?.delivery?.retries ?? 3,
      backoffMs: (alerts?.delivery?.backoffSeconds ?? 2) * 1000,
    },
    timezone: alerts?.timezone ?? 'UTC',
  };
}
