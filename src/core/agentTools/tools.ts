import Ajv, { type ValidateFunction } from 'ajv';
import { DEFAULT_AUDIT_FILTERS } from '../../protocol/monitor';
import { runProjectChecks } from '../checks';
import type { Dialect, Engine } from '../engine/types';
import { EntityControlQueries } from '../etl/control/state';
import { formatLineageJson, formatLineageMermaid, formatLineageText, lineagePathDisplay, type LineageGraph } from '../lineage';
import { MonitorQueries } from '../monitor/load';
import type { Project } from '../project/types';

/**
 * The read-only answers DW Workbench gives agents: lineage and impact, entity status and
 * history, warehouse checks, the monitor's summary. One table, with JSON Schemas for the input,
 * served by `dwb mcp` (Model Context Protocol) and usable by VS Code's language-model tools.
 * None of them writes: running, resetting or activating stays with people.
 */
export interface AgentToolContext {
  readonly project: Project;
  readonly dialect: Dialect;
  readonly entitiesDir: string;
  /** Where the files shipped with DW Workbench are (paths in answers name them as built-in). */
  readonly assetsRoot: string;
  /** The lineage graph (built once, on first use). */
  lineage(): Promise<LineageGraph>;
  /** The warehouse connection (opened on first use). */
  warehouse(): Promise<Engine>;
  /** The OLTP source connection (opened on first use; the same engine when one database holds both). */
  source(): Promise<Engine>;
}

export interface AgentToolResult {
  readonly text: string;
  /** The question could not be answered (unknown name, database unreachable): `text` says why. */
  readonly isError?: boolean;
}

export interface AgentTool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** JSON Schema of the input object. */
  readonly inputSchema: Readonly<Record<string, unknown>>;
  /** Changes data (runs, resets, activates): VS Code asks the user to confirm each call. None does yet. */
  readonly writes?: boolean;
  run(input: Readonly<Record<string, unknown>>, ctx: AgentToolContext): Promise<AgentToolResult>;
}

const nameProperty = {
  type: 'string',
  minLength: 1,
  description: 'A table (dim_cliente, core.customers), a column (core.customers.email), a bi view or view column, a dashboard panel (sales.kpis) or a check name.',
};
const formatProperty = { type: 'string', enum: ['text', 'json', 'mermaid'], default: 'text', description: 'text (one line per edge), json (nodes and edges) or mermaid (a flowchart).' };

function lineageTool(direction: 'upstream' | 'downstream'): AgentTool {
  const impact = direction === 'downstream';
  return {
    name: impact ? 'impact' : 'lineage',
    title: impact ? 'DW impact of a column' : 'DW lineage of a column',
    description: impact
      ? 'What a source (OLTP) or warehouse column reaches: warehouse columns through ETL rules, bi views, dashboard panels and warehouse checks. Use before changing or dropping a column.'
      : 'Where a warehouse column, view column, dashboard panel or check comes from: the OLTP columns and the ETL rules (with their parameters) that feed it, through views.',
    inputSchema: { type: 'object', properties: { name: nameProperty, format: formatProperty }, required: ['name'], additionalProperties: false },
    async run(input, ctx) {
      const graph = await ctx.lineage();
      const target = graph.resolve(String(input['name']));
      if (!target.ok) {
        const hint = target.suggestions.length > 0 ? ` Nearest names: ${target.suggestions.join(', ')}.` : '';
        return { text: `${target.message}${hint}`, isError: true };
      }
      const answer = graph.walk(target.ids, direction);
      const show = lineagePathDisplay(ctx.project.root, ctx.assetsRoot);
      const format = input['format'] ?? 'text';
      if (format === 'json') return { text: formatLineageJson(answer, show) };
      if (format === 'mermaid') return { text: formatLineageMermaid(answer) };
      return { text: formatLineageText(answer, show) };
    },
  };
}

const json = (value: unknown): AgentToolResult => ({ text: JSON.stringify(value, null, 2) });

export const AGENT_TOOLS: readonly AgentTool[] = [
  lineageTool('upstream'),
  lineageTool('downstream'),
  {
    name: 'entity_status',
    title: 'DW ETL entity status',
    description: 'Each ETL entity (or one): active flag, watermark, batch size, last status and last success, its last run (rows, error) and the rows its target table holds.',
    inputSchema: { type: 'object', properties: { entity: { type: 'string', description: 'One entity (dim_cliente); all when absent.' } }, additionalProperties: false },
    async run(input, ctx) {
      const queries = new EntityControlQueries(await ctx.warehouse(), ctx.dialect);
      if (!(await queries.hasControlTable())) return { text: 'The warehouse has no ctl.etl_control yet: bootstrap it first (dwb bootstrap).', isError: true };
      const all = await queries.entities();
      const wanted = input['entity'];
      if (typeof wanted !== 'string') return json(all);
      const one = all.filter((e) => e.entity.toLowerCase() === wanted.toLowerCase());
      if (one.length === 0) return { text: `No entity ${wanted} in ctl.etl_control. Entities: ${all.map((e) => e.entity).join(', ')}.`, isError: true };
      return json(one[0]);
    },
  },
  {
    name: 'entity_history',
    title: 'DW ETL entity run history',
    description: "An ETL entity's last runs, newest first: status, rows extracted/upserted/soft-deleted, watermark from and to, error message, times.",
    inputSchema: {
      type: 'object',
      properties: { entity: { type: 'string', minLength: 1 }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 } },
      required: ['entity'],
      additionalProperties: false,
    },
    async run(input, ctx) {
      const queries = new EntityControlQueries(await ctx.warehouse(), ctx.dialect);
      return json(await queries.history(String(input['entity']), typeof input['limit'] === 'number' ? input['limit'] : 10));
    },
  },
  {
    name: 'warehouse_checks',
    title: 'DW warehouse checks',
    description: 'Runs the warehouse checks (the ETL scope: every active entity\'s tables and columns exist; FK orphans, duplicate natural keys, minimum coverage, the project\'s own) and reports each with its value and, when failed, the offending keys or missing objects. Reads only.',
    inputSchema: {
      type: 'object',
      properties: { only: { type: 'array', items: { type: 'string' }, description: 'Only checks whose name starts with one of these.' } },
      additionalProperties: false,
    },
    async run(input, ctx) {
      const only = Array.isArray(input['only']) ? input['only'].map(String) : [];
      const report = await runProjectChecks(ctx.project, { source: await ctx.source(), target: await ctx.warehouse(), entitiesDir: ctx.entitiesDir, only });
      if (report.checks.length === 0) return { text: `No check starts with ${only.join(', ')}.`, isError: true };
      return json(report);
    },
  },
  {
    name: 'monitor_summary',
    title: 'DW ETL monitor summary',
    description: "The ETL monitor's summary: pre-flight checks, health per entity (freshness, reconciliation), open alerts, runs in progress, the last runs and recent failures.",
    inputSchema: { type: 'object', properties: {}, additionalProperties: false },
    async run(_input, ctx) {
      const monitor = new MonitorQueries(await ctx.warehouse(), ctx.dialect, {
        sourceDatabase: ctx.dialect === 'sqlserver' ? ctx.project.config.databases?.oltp : undefined,
        connectionAudit: false,
      });
      const d = await monitor.load(DEFAULT_AUDIT_FILTERS);
      return json({
        generatedAt: d.generatedAt, preflight: d.preflight, health: d.health, alerts: d.alerts, running: d.running,
        recentRuns: d.recentRuns.slice(0, 10), failures: d.failures.slice(0, 10), errors: d.errors,
      });
    },
  },
];

let validators: Map<string, ValidateFunction> | undefined;

/** Validates the input against the tool's schema, then runs it; every failure is a result, never a throw. */
export async function callAgentTool(name: string, input: unknown, ctx: AgentToolContext): Promise<AgentToolResult> {
  const tool = AGENT_TOOLS.find((t) => t.name === name);
  if (tool === undefined) return { text: `No tool ${name}. Tools: ${AGENT_TOOLS.map((t) => t.name).join(', ')}.`, isError: true };
  validators ??= new Map(AGENT_TOOLS.map((t) => [t.name, new Ajv({ allErrors: true, strict: false, useDefaults: true }).compile(t.inputSchema)]));
  const args = typeof input === 'object' && input !== null ? { ...(input as Record<string, unknown>) } : {};
  const validate = validators.get(name);
  if (validate !== undefined && !validate(args)) {
    return { text: `Invalid input for ${name}: ${(validate.errors ?? []).map((e) => `${e.instancePath || 'input'} ${e.message ?? ''}`).join('; ')}.`, isError: true };
  }
  try {
    return await tool.run(args, ctx);
  } catch (e) {
    return { text: `${name} failed: ${e instanceof Error ? e.message : String(e)}`, isError: true };
  }
}
