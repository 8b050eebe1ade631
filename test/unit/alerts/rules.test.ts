import { strict as assert } from 'node:assert';
import { alertSettings, evaluateRules, type EntityStatus } from '../../../src/core/alerts';
import { parseProject, ProjectFileError } from '../../../src/core/project';

const now = new Date('2026-03-10T12:00:00Z');
const ago = (minutes: number): Date => new Date(now.getTime() - minutes * 60_000);
const healthy: EntityStatus = {
  entityName: 'dim_cliente', controlLastStatus: 'success', lastSuccessAt: ago(5), watermarkUpdatedAt: ago(10),
  lastRunStatus: 'success', lastRunStartedAt: ago(6), lastRunFinishedAt: ago(5), lastRunError: null, runs7d: 10, failedRuns7d: 0,
};
const defaults = alertSettings(undefined);
const rules = (e: Partial<EntityStatus>, settings = defaults): string[] => evaluateRules([{ ...healthy, ...e }], settings, now).map((f) => f.rule);

describe('alert rules', () => {
  it('raise nothing for a healthy entity', () => {
    assert.deepEqual(rules({}), []);
  });

  it('etl_failure: the control row or the latest run failed', () => {
    assert.deepEqual(rules({ controlLastStatus: 'failed' }), ['etl_failure']);
    const [f] = evaluateRules([{ ...healthy, lastRunStatus: 'failed', lastRunError: 'deadlock\n  victim' }], defaults, now);
    assert.equal(f?.severity, 'critical');
    assert.equal(f?.key, 'dim_cliente|etl_failure');
    assert.match(f?.detail ?? '', /error: deadlock victim$/);
  });

  it('sla_watermark_delay: strictly beyond the SLA, from the watermark, else the last success, else the last run', () => {
    assert.deepEqual(rules({ watermarkUpdatedAt: ago(120) }), []);
    assert.deepEqual(rules({ watermarkUpdatedAt: ago(121) }), ['sla_watermark_delay']);
    assert.deepEqual(rules({ watermarkUpdatedAt: null, lastSuccessAt: ago(200) }), ['sla_watermark_delay']);
    const tight = alertSettings({ rules: { sla_watermark_delay: { slaMinutes: 5 } } });
    assert.deepEqual(rules({}, tight), ['sla_watermark_delay']);
  });

  it('sla_no_recent_run: no run at all, or the last one more than N whole hours ago', () => {
    assert.deepEqual(rules({ lastRunStartedAt: null, lastRunFinishedAt: null, lastRunStatus: null }), ['sla_no_recent_run']);
    assert.deepEqual(rules({ lastRunFinishedAt: ago(24 * 60 + 59) }), []);
    assert.deepEqual(rules({ lastRunFinishedAt: ago(25 * 60) }), ['sla_no_recent_run']);
  });

  it('etl_recurrent_failure: rate at or above the threshold with at least minRuns runs', () => {
    assert.deepEqual(rules({ runs7d: 10, failedRuns7d: 3 }), ['etl_recurrent_failure']);
    assert.deepEqual(rules({ runs7d: 10, failedRuns7d: 2 }), []);
    assert.deepEqual(rules({ runs7d: 2, failedRuns7d: 2 }), []);
    const [f] = evaluateRules([{ ...healthy, runs7d: 4, failedRuns7d: 2 }], defaults, now);
    assert.equal(f?.detail, 'Failure rate 50.0% (2/4); threshold 30.0%.');
  });

  it('a disabled rule stays quiet', () => {
    const off = alertSettings({ rules: { etl_failure: { enabled: false } } });
    assert.deepEqual(rules({ controlLastStatus: 'failed' }, off), []);
  });
});

describe('alerts and checks in dw-workbench.json', () => {
  const file = '/p/dw-workbench.json';
  const project = (extra: string): string => `{
  "name": "loja",
  "engine": "pglite",
  "connection": {},
${extra}
}`;
  /** line:column of the `nth` occurrence of `needle` in `text` (1-based), as the problems report it. */
  const pos = (text: string, needle: string, nth = 1): string => {
    let at = -1;
    for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1);
    const before = text.slice(0, at).split('\n');
    return `${before.length}:${(before[before.length - 1]?.length ?? 0) + 1}`;
  };
  const problems = (text: string): string[] => {
    try {
      parseProject(text, file);
      return [];
    } catch (e) {
      assert.ok(e instanceof ProjectFileError);
      return e.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
    }
  };

  it('accepts every knob within range', () => {
    const p = parseProject(project(`  "alerts": {
    "rules": { "etl_failure": { "enabled": true }, "sla_watermark_delay": { "slaMinutes": 60 }, "sla_no_recent_run": { "hours": 6 },
               "etl_recurrent_failure": { "threshold": 0.5, "minRuns": 4 } },
    "cooldownMinutes": 15, "timezone": "America/Sao_Paulo",
    "webhooks": [{ "name": "ops", "kind": "discord", "urlEnv": "OPS_HOOK" }, { "kind": "teams" }],
    "delivery": { "timeoutSeconds": 5, "retries": 2, "backoffSeconds": 0.5 }
  },
  "checks": { "severity": { "coverage": "warning" }, "minimumRows": { "fact.FACT_VENDAS": 100 },
              "custom": [{ "name": "x", "sql": { "postgres": "SELECT 1 WHERE false", "sqlserver": "SELECT 1 WHERE 1 = 0" }, "severity": "warning" }] }`), file);
    const s = alertSettings(p.config.alerts);
    assert.deepEqual(s.rules.etl_recurrent_failure, { enabled: true, threshold: 0.5, minRuns: 4 });
    assert.deepEqual(s.webhooks, [{ name: 'ops', kind: 'discord', urlEnv: 'OPS_HOOK' }, { name: 'teams', kind: 'teams', urlEnv: 'DWB_ALERT_WEBHOOK_TEAMS' }]);
    assert.deepEqual(s.delivery, { timeoutMs: 5000, retries: 2, backoffMs: 500 });
  });

  it('names an unknown rule at its line and lists the rules', () => {
    assert.deepEqual(problems(project(`  "alerts": {
    "rules": {
      "etl_failures": { "enabled": true }
    }
  }`)), ['7:7: Unknown alert rule \'etl_failures\': the rules are etl_failure, sla_watermark_delay, sla_no_recent_run, etl_recurrent_failure.']);
  });

  it('names a threshold out of range at its line', () => {
    const text = project(`  "alerts": {
    "rules": { "etl_recurrent_failure": { "threshold": 1.5 } },
    "cooldownMinutes": 0
  }`);
    assert.deepEqual(problems(text), [
      `${pos(text, '1.5')}: 'alerts.rules.etl_recurrent_failure.threshold' must be <= 1.`,
      `${pos(text, '0\n')}: 'alerts.cooldownMinutes' must be >= 1.`,
    ]);
  });

  it('refuses an unknown time zone, a webhook kind and a webhook URL in the file', () => {
    assert.deepEqual(problems(project('  "alerts": { "timezone": "Mars/Olympus" }')), [
      `5:27: 'alerts.timezone' is not a time zone this system knows: 'Mars/Olympus' (use an IANA name such as "America/Sao_Paulo" or "UTC").`,
    ]);
    const pager = project('  "alerts": { "webhooks": [{ "kind": "pager" }] }');
    assert.deepEqual(problems(pager), [`${pos(pager, '"pager"')}: 'alerts.webhooks.0.kind' must be one of "discord", "slack", "teams", "json".`]);
    assert.match(problems(project('  "alerts": { "webhooks": [{ "kind": "slack", "url": "https://hooks.slack.com/x" }] }'))[0] ?? '', /Unknown setting 'url'/);
  });

  it('refuses two custom checks of one name', () => {
    const text = project('  "checks": { "custom": [{ "name": "a", "sql": "SELECT 1" }, { "name": "a", "sql": "SELECT 2" }] }');
    assert.deepEqual(problems(text), [`${pos(text, '"a"', 2)}: 'checks.custom' names 'a' twice: names must be unique.`]);
  });
});
