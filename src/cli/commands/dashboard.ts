import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readWebviewBundle, renderDashboardSnapshot } from '../../core/dashboard/snapshot';
import type { DashboardTheme } from '../../core/dashboard/theme';
import { createEngine } from '../../core/engine/factory';
import { MonitorQueries } from '../../core/monitor/load';
import { connectionConfig, loadProject, passwordEnvName } from '../../core/project';
import { SalesQueries } from '../../core/sales/load';
import { DEFAULT_AUDIT_FILTERS } from '../../protocol/monitor';
import { validateSalesFilters } from '../../protocol/sales';
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
      const bundle = await readWebviewBundle(kind, path.join(assetsRoot(), 'dist'));
      let html: string;
      if (kind === 'sales') {
        const sales = new SalesQueries(engine, engine.dialect);
        const defaults = await sales.defaultFilters(new Date().toISOString().slice(0, 10));
        const filters = validateSalesFilters({ ...defaults, from: values.from ?? defaults.from, to: values.to ?? defaults.to, grain: values.from === undefined ? defaults.grain : 'month' });
        if (!filters.ok) {
          io.stderr.write(`Invalid period: ${filters.reason}.\n`);
          return EXIT_CODES.usage;
        }
        html = renderDashboardSnapshot('sales', await sales.load(filters.value), { bundle, theme, language: values.lang });
      } else {
        const monitor = new MonitorQueries(engine, engine.dialect, { sourceDatabase: engine.dialect === 'sqlserver' ? project.config.databases?.oltp : undefined });
        html = renderDashboardSnapshot('monitor', await monitor.load(DEFAULT_AUDIT_FILTERS), { bundle, theme, language: values.lang });
      }
      const out = path.resolve(io.cwd, values.out ?? `${kind}.html`);
      await writeFile(out, html, 'utf8');
      io.stdout.write(`Wrote ${out} (${Math.round(html.length / 1024)} KiB)\n`);
      return EXIT_CODES.ok;
    } finally {
      await engine.close();
    }
  },
};
