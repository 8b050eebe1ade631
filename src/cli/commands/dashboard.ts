import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportDashboard, InvalidPeriodError } from '../../core/dashboard/export';
import type { DashboardTheme } from '../../core/dashboard/theme';
import { createEngine } from '../../core/engine/factory';
import { connectionConfig, loadProject, passwordEnvName } from '../../core/project';
import { assetsRoot } from '../assets';
import { EXIT_CODES, type CliCommand } from '../command';

const USAGE = `dwb dashboard monitor|sales [--out FILE] [--from YYYY-MM-DD --to YYYY-MM-DD] [--theme light|dark|high-contrast] [--lang en|pt-BR]

Writes a self-contained HTML snapshot of the ETL monitor or the sales dashboard (data and code
inlined; opens offline in any browser). Reads dw-workbench.json from the current folder; the
password comes from the environment variable the project names (connection.passwordEnv).
Sales: the period defaults to the last 30 days with sales.`;

export const dashboardCommand: CliCommand = {
  name: 'dashboard',
  summary: 'Export the ETL monitor or the sales dashboard as a self-contained HTML file',
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
      },
    });
    const kind = positionals[0];
    const theme = values.theme as DashboardTheme;
    if ((kind !== 'monitor' && kind !== 'sales') || positionals.length > 1 || !['light', 'dark', 'high-contrast'].includes(theme)) {
      io.stderr.write(`${USAGE}\n`);
      return EXIT_CODES.usage;
    }
    const project = loadProject(io.cwd);
    const engine = await createEngine(connectionConfig(project, 'dw', io.env[passwordEnvName(project)]), { applicationName: 'DW Workbench CLI' });
    try {
      const { html } = await exportDashboard(engine, engine.dialect, kind, {
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
