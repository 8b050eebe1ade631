import { parseArgs } from 'node:util';
import { alertSettings, runAlertCycle, type AlertCycleResult } from '../../core/alerts';
import type { Engine } from '../../core/engine/types';
import { passwordEnvName, ProjectEngines, type Project } from '../../core/project';
import { EXIT_CODES, type CliCommand, type CliIo } from '../command';
import { renderTable } from '../table';
import { cliProject } from '../project';

const USAGE = `dwb alerts [--json] [--dry-run]

Evaluates the alert rules over the active entities (ETL failure, watermark behind its SLA,
no recent run, 7-day failure rate), moves the state kept in ctl.alert_state (opened, still
open, resolved) and delivers what is due to the project's webhooks (alerts.webhooks; each
URL comes from the environment variable its urlEnv names and is never printed). Thresholds,
cooldown and retries are in dw-workbench.json (alerts).
  --json      print the evaluation as JSON
  --dry-run   evaluate only: no state written, nothing delivered
Exit code 0 when no alert is open, 1 when any is (3: project file invalid, 4: unreachable).`;

/** One alert evaluation with the project's settings and the environment's webhook URLs. */
export function alertCycle(project: Project, engine: Engine, io: CliIo, dryRun = false): Promise<AlertCycleResult> {
  return runAlertCycle({
    engine,
    settings: alertSettings(project.config.alerts),
    project: project.config.name,
    webhookUrl: (_name, urlEnv) => io.env[urlEnv],
    dryRun,
    ...(io.signal ? { signal: io.signal } : {}),
  });
}

/** The delivery lines of a cycle (stderr): what opened, reminded or resolved, and each failure. */
export function eventLines(result: AlertCycleResult): string[] {
  const lines: string[] = [];
  for (const { event, reports, delivered } of result.events) {
    const to = reports.length === 0 ? 'no webhook configured' : delivered ? `delivered to ${reports.map((r) => `${r.webhook} (${r.attempts} attempt${r.attempts === 1 ? '' : 's'})`).join(', ')}` : 'delivery failed';
    lines.push(`${event.kind} ${event.key}: ${to}`);
    for (const r of reports) if (!r.ok && r.error !== undefined) lines.push(`  ${r.error}`);
  }
  return lines;
}

export function alertsJson(result: AlertCycleResult): unknown {
  return {
    at: result.at.toISOString(),
    entities: result.entities,
    open: result.open,
    events: result.events.map((e) => ({
      kind: e.event.kind, key: e.event.key, entity: e.event.entityName, rule: e.event.rule, delivered: e.delivered, reports: e.reports,
    })),
  };
}

function openTable(result: AlertCycleResult): string {
  if (result.open.length === 0) return `No open alert (${result.entities} active entit${result.entities === 1 ? 'y' : 'ies'}).\n`;
  return renderTable(
    ['ENTITY', 'RULE', 'SEVERITY', 'OPEN SINCE', 'DETAIL'],
    result.open.map((a) => [a.entityName, a.rule, a.severity, a.openedAt.toISOString().slice(0, 19).replace('T', ' '), a.detail ?? '']),
  );
}

export const alertsCommand: CliCommand = {
  name: 'alerts',
  summary: 'Evaluate the alert rules, keep their state in ctl.alert_state and deliver them to webhooks',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } }, strict: true });
    const project = cliProject(io);
    const engines = new ProjectEngines(project, io.env[passwordEnvName(project)], 'DW Workbench alerts');
    try {
      const result = await alertCycle(project, await engines.get('dw'), io, values['dry-run']);
      for (const line of eventLines(result)) io.stderr.write(`${line}\n`);
      io.stdout.write(values.json ? `${JSON.stringify(alertsJson(result), null, 2)}\n` : openTable(result));
      return result.open.length > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
    } finally {
      await engines.close();
    }
  },
};
