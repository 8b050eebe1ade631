import { parseArgs } from 'node:util';
import { dialectOfProject } from '../../core/bootstrap/plan';
import {
  formatLineageDot, formatLineageJson, formatLineageMermaid, formatLineageText, lineagePathDisplay, loadLineage, projectLineageSources, type LineageSubgraph,
} from '../../core/lineage';
import { loadProject } from '../../core/project';
import { assetsRoot } from '../assets';
import { EXIT_CODES, type CliCommand } from '../command';
import { entitiesDir } from './etl';

const USAGE = `dwb lineage [table[.column]] [--impact] [--json|--dot|--mermaid]

Where a warehouse column, view or dashboard number comes from (lineage, upstream), or what a
source column reaches (--impact, downstream): OLTP column -> rule of an ETL entity -> warehouse
column -> bi view -> dashboard panel and warehouse check. Read from the project's entity
definitions, its warehouse scripts, the dashboards' queries and the checks; no connection.
  table[.column]  core.customers.email, dim_cliente, bi.vw_vendas.margem_bruta, sales.kpis,
                  a check name; without it, the whole graph
  --impact        what the column or table reaches, instead of what feeds it
  --json          nodes and edges as JSON
  --dot           Graphviz DOT
  --mermaid       a Mermaid flowchart
What could not be resolved (a definition naming a missing column, a view that does not parse)
is listed with its file:line. Exit code 2 for a name that is not in the graph (with the nearest
names).`;

export const lineageCommand: CliCommand = {
  name: 'lineage',
  summary: 'Lineage and impact of a column, table, view, panel or check (--json, --dot, --mermaid)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        impact: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        dot: { type: 'boolean', default: false },
        mermaid: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if ([values.json, values.dot, values.mermaid].filter(Boolean).length > 1) {
      io.stderr.write('dwb lineage: choose one of --json, --dot, --mermaid.\n');
      return EXIT_CODES.usage;
    }
    if (positionals.length > 1) {
      io.stderr.write(`dwb lineage: one name at a time, not ${positionals.join(' ')}.\n`);
      return EXIT_CODES.usage;
    }
    const project = loadProject(io.cwd);
    const graph = await loadLineage(projectLineageSources(project, dialectOfProject(project), entitiesDir(project), assetsRoot()));
    const name = positionals[0];
    let answer: LineageSubgraph;
    if (name === undefined) {
      answer = graph.whole();
    } else {
      const target = graph.resolve(name);
      if (!target.ok) {
        const hint = target.suggestions.length > 0 ? ` Did you mean ${target.suggestions.join(', ')}?` : '';
        io.stderr.write(`dwb lineage: ${target.message}${hint}\n`);
        return EXIT_CODES.usage;
      }
      answer = graph.walk(target.ids, values.impact ? 'downstream' : 'upstream');
    }
    const show = lineagePathDisplay(project.root, assetsRoot());
    if (values.json) io.stdout.write(formatLineageJson(answer, show));
    else if (values.dot) io.stdout.write(formatLineageDot(answer));
    else if (values.mermaid) io.stdout.write(formatLineageMermaid(answer));
    else if (name === undefined) io.stdout.write(wholeSummary(answer, show));
    else io.stdout.write(formatLineageText(answer, show));
    return EXIT_CODES.ok;
  },
};

function wholeSummary(g: LineageSubgraph, show: (file: string) => string): string {
  const columns = g.nodes.filter((n) => n.kind === 'column');
  const lines = [
    `${columns.filter((n) => n.layer === 'oltp').length} source columns, ${columns.filter((n) => n.layer === 'dw').length} warehouse columns, `
      + `${columns.filter((n) => n.layer === 'view').length} view columns, ${g.nodes.filter((n) => n.kind === 'panel').length} panels, `
      + `${g.nodes.filter((n) => n.kind === 'check').length} checks; ${g.edges.length} edges.`,
    "Name a table or column for its lineage ('dwb lineage dim_cliente.email') or impact ('--impact core.customers.email').",
  ];
  const dangling = g.nodes.filter((n) => n.kind === 'dangling');
  if (dangling.length > 0) {
    lines.push('Unresolved:');
    for (const d of dangling) lines.push(`  ${d.location === undefined ? '(no file)' : `${show(d.location.file)}:${d.location.line}`}: ${d.context === undefined ? '' : `${d.context}: `}${d.reason ?? d.label}`);
  }
  return `${lines.join('\n')}\n`;
}
