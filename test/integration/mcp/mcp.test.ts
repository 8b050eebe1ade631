import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { runBootstrap } from '../../../src/core/bootstrap';
import { loadEntityDefinitions } from '../../../src/core/etl/definition/load';
import { runEtl } from '../../../src/core/etl/run/run';
import { ProjectEngines, type Project } from '../../../src/core/project';
import { BOOTSTRAP_SECRETS, entitiesDirOf, scaffoldEtlProject } from '../etl/support/project';

const repo = path.resolve(__dirname, '../../..');

type ToolResult = { content: { type: string; text: string }[]; isError?: boolean };

/** `dwb mcp` as an agent runs it: a child process on stdio, driven by the official SDK's client. */
describe('dwb mcp (Model Context Protocol over stdio)', function () {
  this.timeout(600_000);
  let project: Project;
  let client: Client;
  const call = async (name: string, args: Record<string, unknown>): Promise<ToolResult> => (await client.callTool({ name, arguments: args })) as ToolResult;
  const text = (r: ToolResult): string => r.content.map((c) => c.text).join('');

  before(async () => {
    // A PGlite warehouse bootstrapped and loaded, then closed: the server opens it in its own process.
    project = scaffoldEtlProject('pglite', undefined, 0.01, 'dwb-mcp');
    const engines = new ProjectEngines(project, undefined);
    try {
      const boot = await runBootstrap(project, { engines: (r) => engines.get(r), entitiesDir: entitiesDirOf(project), secrets: BOOTSTRAP_SECRETS });
      assert.ok(boot.ok, JSON.stringify(boot));
      const dw = await engines.get('dw');
      await dw.query("UPDATE ctl.etl_control SET cutoff_minutes = 0, is_active = (entity_name = 'dim_cliente')");
      const definitions = loadEntityDefinitions(path.join(repo, 'etl', 'entities'));
      const run = await runEtl({ source: dw, target: dw, definitions, entities: ['dim_cliente'], startedBy: 'mcp test' });
      assert.equal(run.status, 'success');
    } finally {
      await engines.close();
    }
    client = new Client({ name: 'dw-workbench-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({
      command: process.execPath,
      args: ['--require', 'tsx/cjs', path.join(repo, 'src/cli/main.ts'), 'mcp'],
      cwd: project.root,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NODE_PATH: path.join(repo, 'node_modules') },
      stderr: 'ignore',
    }));
  });

  after(async () => {
    await client?.close();
    if (project !== undefined) rmSync(project.root, { recursive: true, force: true });
  });

  it('lists six read-only tools with JSON Schemas for their input', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name), ['lineage', 'impact', 'entity_status', 'entity_history', 'warehouse_checks', 'monitor_summary']);
    for (const t of tools) {
      assert.equal(t.inputSchema.type, 'object');
      assert.equal(t.annotations?.readOnlyHint, true, t.name);
    }
    assert.deepEqual(tools.find((t) => t.name === 'impact')?.inputSchema.required, ['name']);
  });

  it('impact: core.order_items.net_amount reaches fact_vendas, vw_vendas and the sales KPIs', async () => {
    const r = await call('impact', { name: 'core.order_items.net_amount', format: 'json' });
    assert.notEqual(r.isError, true);
    const nodes = (JSON.parse(text(r)) as { nodes: { id: string }[] }).nodes.map((n) => n.id);
    for (const id of ['fact.fact_vendas.valor_total_liquido', 'bi.vw_vendas.margem_bruta', 'panel:sales.kpis']) assert.ok(nodes.includes(id), id);
  });

  it('lineage: an unknown column is an error result naming the nearest column', async () => {
    const r = await call('lineage', { name: 'dim_cliente.emial' });
    assert.equal(r.isError, true);
    assert.equal(text(r), 'dim.dim_cliente has no column emial. Nearest names: dim.dim_cliente.email.');
  });

  it('entity_status and entity_history: dim_cliente ran once, successfully, and its table holds rows', async () => {
    const status = JSON.parse(text(await call('entity_status', { entity: 'dim_cliente' }))) as { entity: string; isActive: boolean; lastRun: { status: string }; targetRows: number };
    assert.equal(status.entity, 'dim_cliente');
    assert.equal(status.isActive, true);
    assert.equal(status.lastRun.status, 'success');
    assert.ok(status.targetRows > 0);
    const history = JSON.parse(text(await call('entity_history', { entity: 'dim_cliente', limit: 5 }))) as { status: string }[];
    assert.deepEqual(history.map((h) => h.status), ['success']);
  });

  it('refuses input its schema does not allow', async () => {
    const r = await call('entity_history', { limit: 500 });
    assert.equal(r.isError, true);
    assert.match(text(r), /^Invalid input for entity_history: .*must have required property 'entity'.*\/limit must be <= 100/);
  });

  it('warehouse_checks and monitor_summary read the warehouse', async () => {
    const checks = JSON.parse(text(await call('warehouse_checks', { only: ['duplicate_keys.dim_cliente'] }))) as { checks: { check: string; ok: boolean }[] };
    assert.deepEqual(checks.checks.map((c) => [c.check, c.ok]), [['duplicate_keys.dim_cliente', true]]);
    const summary = JSON.parse(text(await call('monitor_summary', {}))) as { health: { entity: string }[]; recentRuns: unknown[]; errors: string[] };
    assert.equal(summary.health.length, 9);
    assert.equal(summary.recentRuns.length, 1);
    assert.deepEqual(summary.errors, []);
  });
});
