import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBootstrap, type BootstrapEvent } from '../../core/bootstrap';
import { exportDashboard } from '../../core/dashboard/export';
import type { Engine } from '../../core/engine/types';
import { loadEntityDefinitions } from '../../core/etl/definition/load';
import { runEtl, type EtlRunResult } from '../../core/etl/run/run';
import { applyIncremental } from '../../core/generate/incremental';
import { ProjectEngines, loadProject, PROJECT_FILE_NAME, type Project } from '../../core/project';
import { scaffoldProject } from '../../core/scaffold/scaffold';
import { SalesQueries } from '../../core/sales/load';
import type { SalesKpis } from '../../protocol/sales';
import { assetsRoot } from '../assets';
import { EXIT_CODES, type CliCommand, type CliIo } from '../command';
import { renderTable } from '../table';
import { entitiesDir } from './etl';

const DEMO_DIR = path.join('.dw', 'demo');
const DEFAULT_SCALE = 0.1;

const USAGE = `dwb demo [--dir <folder>] [--scale N] [--ui]

The whole job on the embedded engine (PGlite): no server, no Docker.
  1. creates (or reuses) a warehouse project in ${DEMO_DIR}
  2. bootstraps it: OLTP and warehouse structure, then synthetic data (--scale, default ${DEFAULT_SCALE})
  3. runs the ETL for every entity (initial load)
  4. changes a share of the OLTP rows (updates, inserts, soft deletes, ties on updated_at)
  5. runs the ETL again (incremental), and prints both runs and the sales KPIs
  6. writes the ETL monitor and the sales dashboard as self-contained HTML files
  --ui  then opens the demo in a real VS Code (code-server) with the extension and prints the URL
Run it again: the bootstrap is idempotent and the ETL picks up only what changed.`;

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'The whole job on the embedded engine: bootstrap, data, ETL, KPIs, dashboards',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { dir: { type: 'string' }, scale: { type: 'string' }, ui: { type: 'boolean', default: false } }, strict: true });
    const scale = Number(values.scale ?? DEFAULT_SCALE);
    if (!(scale > 0 && scale <= 1000)) {
      io.stderr.write(`dwb demo: --scale takes a number above 0 and up to 1000 (got '${values.scale}').\n`);
      return EXIT_CODES.usage;
    }
    const project = demoProject(path.resolve(io.cwd, values.dir ?? DEMO_DIR), io);
    const out = (text: string) => io.stdout.write(text);
    out(`DW Workbench demo on the embedded engine (PGlite): no server, no Docker.\nProject: ${project.file}\n\n`);
    const engines = new ProjectEngines(project, undefined, 'DW Workbench demo');
    const signal = io.signal;
    try {
      const dw = await engines.get('dw');
      const info = await dw.serverInfo();
      out(`Engine: ${info.product} ${info.version}, data in ${info.address}\n\n`);

      out('1. Bootstrap\n');
      const dir = entitiesDir(project);
      await runBootstrap(project, {
        engines: (role) => engines.get(role), entitiesDir: dir, scale, onEvent: (e) => bootstrapLine(e, out), ...(signal ? { signal } : {}),
      });

      const definitions = loadEntityDefinitions(dir);
      const entities = definitions.map((d) => d.entity);
      const etl = (label: string) =>
        runEtl({ source: dw, target: dw, definitions, entities, startedBy: 'dwb demo', lockWaitMs: 0, ...(signal ? { signal } : {}) }).then((r) => {
          out(`\n${label}: run ${r.runId}, ${r.status.toUpperCase()}\n${etlTable(r)}`);
          return r;
        });
      const first = await etl('2. ETL');

      const change = await applyIncremental(dw, { seed: Date.now() % 100_000, fraction: 0.01, now: new Date(Date.now() - 5 * 60_000) });
      out(`\n3. OLTP changes: ${change.updated} updated, ${change.inserted} inserted, ${change.softDeleted} soft-deleted\n`);
      const second = await etl('4. ETL (incremental)');

      out(`\n5. Sales KPIs\n${await kpiTable(dw)}`);
      const files = await writeSnapshots(project, dw);
      out(`\n6. Dashboards (open in any browser):\n${files.map((f) => `   ${f}\n`).join('')}`);
      if (first.status !== 'success' || second.status !== 'success') return EXIT_CODES.failed;
    } finally {
      await engines.close();
    }
    return values.ui ? openInCodeServer(project.root, io) : EXIT_CODES.ok;
  },
};

/** Starts code-server on the demo workspace (the engine is closed first: PGlite opens once). */
function openInCodeServer(workspace: string, io: CliIo): number {
  const r = spawnSync('bash', [path.join(assetsRoot(), 'scripts', 'demo-ui.sh'), workspace], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  io.stdout.write(r.stdout);
  io.stderr.write(r.stderr);
  return r.status === 0 ? EXIT_CODES.ok : (r.status ?? EXIT_CODES.failed);
}

function demoProject(dir: string, io: CliIo): Project {
  if (!existsSync(path.join(dir, PROJECT_FILE_NAME))) {
    mkdirSync(dir, { recursive: true });
    scaffoldProject({ engine: 'pglite', target: dir, assetsRoot: assetsRoot(), name: 'dw-demo' });
    io.stdout.write(`Created the demo project in ${dir}\n`);
  }
  return loadProject(dir);
}

function bootstrapLine(e: BootstrapEvent, out: (text: string) => void): void {
  if (e.type === 'step-skip') out(`   [${e.index}/${e.total}] ${e.name}: skipped (${e.reason})\n`);
  if (e.type === 'step-end') out(`   [${e.index}] ${e.name}: ${e.detail} (${(e.durationMs / 1000).toFixed(1)} s)\n`);
  if (e.type === 'scope-end' && e.findings.length === 0) out(`   ETL scope: ${e.active.length} active entities, every table and column present\n`);
}

function etlTable(result: EtlRunResult): string {
  return renderTable(
    ['ENTITY', 'STATUS', 'EXTRACTED', 'UPSERTED', 'SOFT DELETED', 'REJECTED'],
    result.entities.map((e) => [
      e.entity, e.status, String(e.counts.extracted), String(e.counts.upserted), String(e.counts.softDeleted), String(e.counts.rejected),
    ]),
  );
}

const brl = (n: number) => `R$ ${n.toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (n: number) => `${n.toFixed(2)} %`;

async function kpiTable(engine: Engine): Promise<string> {
  const sales = new SalesQueries(engine, engine.dialect);
  const filters = await sales.defaultFilters(new Date().toISOString().slice(0, 10));
  const data = await sales.load(filters);
  const k: SalesKpis = data.kpis;
  return (
    `   period ${filters.from} to ${filters.to}\n`
    + renderTable(['KPI', 'VALUE'], [
      ['Net revenue', brl(k.netRevenue)],
      ['Gross margin', `${brl(k.grossMargin)} (${pct(k.grossMarginPct)})`],
      ['Return rate', pct(k.returnRatePct)],
      ['Average ticket', brl(k.averageTicket)],
      ['Average discount', pct(k.averageDiscountPct)],
      ['Orders / items', `${k.orders} / ${k.items}`],
    ])
  );
}

async function writeSnapshots(project: Project, engine: Engine): Promise<string[]> {
  const files: string[] = [];
  for (const kind of ['monitor', 'sales'] as const) {
    const { html } = await exportDashboard(engine, engine.dialect, kind, { distDir: path.join(assetsRoot(), 'dist') });
    const file = path.join(project.root, `${kind}.html`);
    await writeFile(file, html);
    files.push(file);
  }
  return files;
}
