import * as vscode from 'vscode';
import { AGENT_TOOLS, callAgentTool, type AgentToolContext } from '../../core/agentTools/tools';
import { languageModelToolName } from '../../core/agentTools/manifest';
import { dialectOfProject } from '../../core/bootstrap/plan';
import type { DwContext } from '../context';
import { entitiesDir } from '../etl/definitions';
import type { LineageGraphCache } from './hover';

/**
 * The agent tools (src/core/agentTools) as VS Code language-model tools. The activation shell
 * registers one forwarder per `contributes.languageModelTools` entry; these are what they call.
 */
export class LanguageModelTools {
  constructor(private readonly ctx: DwContext, private readonly graphs: LineageGraphCache) {}

  private tool(name: string) {
    const tool = AGENT_TOOLS.find((t) => languageModelToolName(t) === name);
    if (tool === undefined) throw new Error(`DW Workbench has no language-model tool ${name}`);
    return tool;
  }

  /** What chat shows while the tool runs; a tool that changes data asks the user first. */
  prepare(name: string, input: unknown): vscode.PreparedToolInvocation {
    const tool = this.tool(name);
    const args = JSON.stringify(input ?? {});
    if (tool.writes === true) {
      return {
        invocationMessage: vscode.l10n.t('{0}…', tool.title),
        confirmationMessages: { title: tool.title, message: new vscode.MarkdownString(vscode.l10n.t('This changes the warehouse. Run {0} with {1}?', tool.name, args)) },
      };
    }
    return { invocationMessage: vscode.l10n.t('{0}: {1}', tool.title, args) };
  }

  /** Runs the tool on the open project; a failure goes back to the model as an error with its reason. */
  async invoke(name: string, input: unknown): Promise<vscode.LanguageModelToolResult> {
    const tool = this.tool(name);
    const project = this.ctx.project ?? (await this.ctx.projectState.reload());
    if (project === undefined) throw new Error('No DW Workbench project is open: the workspace needs a valid dw-workbench.json.');
    const context: AgentToolContext = {
      project,
      dialect: dialectOfProject(project),
      entitiesDir: entitiesDir(this.ctx, project),
      assetsRoot: this.ctx.extension.extensionPath,
      lineage: async () => {
        const graph = await this.graphs.get();
        if (graph === undefined) throw new Error('No DW Workbench project is open.');
        return graph;
      },
      warehouse: () => this.ctx.connections.engine(project, 'dw'),
      source: () => this.ctx.connections.engine(project, 'oltp'),
    };
    const result = await callAgentTool(tool.name, input, context);
    if (result.isError === true) throw new Error(result.text);
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.text)]);
  }
}
