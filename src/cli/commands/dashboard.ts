import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportDashboard, InvalidPeriodError } from '../../core/dashboard/export';
import type { DashboardTheme } from '../../core/dashboard/theme';
import { checkSla, DEFAULT_SLA, InvalidSlaError } from '../../core/dashboard/freshness';
import { MAX_MIN_APPLICATIONS } from '../../protocol/discounts';
import { createEngine } from '../../core/engine/factory';
import { connectionConfig, passwordEnvName } from '../../core/project';
import { assetsRoot } from '../assets';
import { EXIT_CODES, type CliCommand } from '../command';
import { cliProject } from '../project';

const USAGE = `dwb dashboard monitor|sales|targets|discounts [--out FILE] [--from YYYY-MM-DD --to YYYY-MM-DD] [--theme light|dark|high-contrast] [--lang en|pt-BR]
              [--sla-hour H] [--time-zone ZONE] [--min-applications N]

Writes a self-contained HTML snapshot of the ETL monitor, the sales, targets or discounts
dashboard (data and code inlined; opens offline in any browser). Reads dw-workbench.json from the
current folder; the password comes from the environment variable the project names
(connection.passwordEnv).
Sales: the period defaults to the last 30 days with sales. Targets and discounts: the last 12
months with data; their freshness is judged against the SLA "day D loaded by D+1 at --sla-hour
(default 8) in --time-zone (default America/Sao_Paulo)". Discounts: campaigns need
--min-applications (default 3) to enter the ROI ranking.`;

const KINDS = ['monitor', 'sales', 'targets', 'discounts'] as const;

export const dashboardCommand: CliCommand = {
  name: 'dashboard',
  summary: 'Export the ETL monitor, the sales, targets or discounts dashboard as a self-contained HTML file',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        theme: { type: 'string', default: 'light' },
        lang: { type: 'string', default: 'en' },
        'sla-hour': { type: 'string', default: String(DEFAULT_SLA.hour) },
        'time-zone': { type: 'string', default: DEFAULT_SLA.timeZone },
        'min-applications': { type: 'string', default: '3' },
      },
    });
    const kind = positionals[0];
    const theme = values.theme as DashboardTheme;
    const minApplications = Number(values['min-applications']);
    if (!(KINDS as readonly (string | undefined)[]).includes(kind) || kind === undefined || positionals.length > 1 || !['light', 'dark', 'high-contrast'].includes(theme)) {
      io.stderr.write(`${USAGE}\n`);
      return EXIT_CODES.usage;
    }
    if (!Number.isInteger(minApplications) || minApplications < 1 || minApplications > MAX_MIN_APPLICATIONS) {
      io.stderr.write(`--min-applications: ${JSON.stringify(values['min-applications'])} is not a whole number from 1 to ${MAX_MIN_APPLICATIONS}.\n`);
      return EXIT_CODES.usage;
    }
    let sla;
    try {
      sla = checkSla({ hour: Number(values['sla-hour']), timeZone: values['time-zone'] }, { hour: '--sla-hour', timeZone: '--time-zone' });
    } catch (e) {
      if (!(e instanceof InvalidSlaError)) throw e;
      io.stderr.write(`${e.message}\n`);
      return EXIT_CODES.usage;
    }
    const project = cliProject(io);
    const engine = await createEngine(connectionConfig(project, 'dw', io.env[passwordEnvName(project)]), { applicationName: 'DW Workbench CLI' });
    try {
      const { html } = await exportDashboard(engine, engine.dialect, kind as (typeof KINDS)[number], {
        sla,
        minApplications,
        distDir: path.join(assetsRoot(), 'dist'),
        theme,
        language: values.lang,
        period: { from: values.from, to: values.to },
        monitor: { sourceDatabase: engine.dialect === 'sqlserver' ? project.config.databases?.oltp : undefined, connectionAudit: project.config.engine !== 'pglite' },
      });
      const out = path.resolve(io.cwd, values.out ?? `${kind}.html`);
      await writeFile(out, html, 'utf8');
      io.stdout.write(`Wrote ${out} (${Math.round(html.length / 1024)} KiB)\n`);
      return EXIT_CODES.ok;
    } catch (e) {
      if (!(e instanceof InvalidPeriodError)) throw e;
      io.stderr.write(`${e.message}\n`);
      return EXIT_CODES.usage;
    } finally {
      await engine.close();
    }
  },
};
