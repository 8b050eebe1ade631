import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { AGENT_TOOLS, callAgentTool, type AgentToolContext } from '../../core/agentTools/tools';
import { dialectOfProject } from '../../core/bootstrap/plan';
import { loadLineage, projectLineageSources, type LineageGraph } from '../../core/lineage';
import { passwordEnvName, ProjectEngines } from '../../core/project';
import { assetsRoot } from '../assets';
import { EXIT_CODES, type CliCommand } from '../command';
import { version as VERSION } from '../../../package.json';
import { entitiesDir } from './etl';
import { cliProject } from '../project';

const USAGE = `dwb mcp

A Model Context Protocol server over stdio, for coding agents: read-only tools on the project
in the current folder (${AGENT_TOOLS.map((t) => t.name).join(', ')}). Nothing it offers writes to
the warehouse. The password comes from the environment as for every command (DWB_PASSWORD or
connection.passwordEnv). Logs go to stderr; stdout carries only the protocol.`;

export const mcpCommand: CliCommand = {
  name: 'mcp',
  summary: 'Serve read-only lineage, impact, entity, check and monitor tools to agents (MCP over stdio)',
  usage: USAGE,
  async run(args, io) {
    parseArgs({ args, options: {}, strict: true });
    const project = cliProject(io);
    const dialect = dialectOfProject(project);
    const dir = entitiesDir(project);
    const engines = new ProjectEngines(project, io.env[passwordEnvName(project)], 'DW Workbench MCP');
    let graph: Promise<LineageGraph> | undefined;
    const ctx: AgentToolContext = {
      project,
      dialect,
      entitiesDir: dir,
      assetsRoot: assetsRoot(),
      lineage: () => (graph ??= loadLineage(projectLineageSources(project, dialect, dir, assetsRoot()))),
      warehouse: () => engines.get('dw'),
      source: () => engines.get('oltp'),
    };
    const server = new Server({ name: 'dw-workbench', version: VERSION }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: AGENT_TOOLS.map((t) => ({ name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema as { type: 'object' }, annotations: { readOnlyHint: true, openWorldHint: false } })),
    }));
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const result = await callAgentTool(request.params.name, request.params.arguments ?? {}, ctx);
      return { content: [{ type: 'text' as const, text: result.text }], ...(result.isError === true ? { isError: true } : {}) };
    });
    const closed = new Promise<void>((resolve) => {
      server.onclose = resolve;
    });
    // The client closing our stdin, or Ctrl+C / SIGTERM, ends the server.
    const onAbort = (): void => void server.close();
    io.signal?.addEventListener('abort', onAbort, { once: true });
    process.stdin.once('end', onAbort);
    try {
      await server.connect(new StdioServerTransport(process.stdin, io.stdout as Writable));
      io.stderr.write(`dwb mcp: serving ${project.config.name} (${AGENT_TOOLS.length} read-only tools) on stdio.\n`);
      await closed;
    } finally {
      io.signal?.removeEventListener('abort', onAbort);
      process.stdin.off('end', onAbort);
      await engines.close();
    }
    return EXIT_CODES.ok;
  },
};
