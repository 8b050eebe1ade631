import { AGENT_TOOLS, type AgentTool } from './tools';

/** VS Code's name of an agent tool (`dwb_lineage`): tool names are global across extensions. */
export const languageModelToolName = (tool: Pick<AgentTool, 'name'>): string => `dwb_${tool.name}`;

/** One entry of package.json `contributes.languageModelTools`. */
export interface LanguageModelToolContribution {
  readonly name: string;
  readonly toolReferenceName: string;
  readonly displayName: string;
  readonly modelDescription: string;
  readonly userDescription: string;
  readonly canBeReferencedInPrompt: boolean;
  readonly icon: string;
  readonly tags: readonly string[];
  readonly inputSchema: Readonly<Record<string, unknown>>;
}

/**
 * The manifest's `languageModelTools`, made from the one table of agent tools (the MCP server
 * serves the same): a unit test keeps package.json equal to this, and
 * `npx tsx scripts/agentToolsManifest.ts` writes it.
 */
export function languageModelToolsManifest(): LanguageModelToolContribution[] {
  return AGENT_TOOLS.map((t) => ({
    name: languageModelToolName(t),
    toolReferenceName: languageModelToolName(t),
    displayName: t.title,
    modelDescription: t.description,
    userDescription: t.description,
    canBeReferencedInPrompt: true,
    icon: t.writes === true ? '$(warning)' : '$(database)',
    tags: ['dw-workbench', ...(t.writes === true ? ['writes'] : ['read-only'])],
    inputSchema: t.inputSchema,
  }));
}
