import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { languageModelToolsManifest } from '../../../src/core/agentTools/manifest';
import { AGENT_TOOLS } from '../../../src/core/agentTools/tools';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  contributes: { languageModelTools?: { name: string; inputSchema: unknown; displayName: string; modelDescription: string }[] };
};
const minor = (range: string): number => Number(/1\.(\d+)/.exec(range)?.[1] ?? NaN);

describe('language-model tools in the manifest', () => {
  it('equal the agent tools table: names, descriptions and input schemas (regenerate: npx tsx scripts/agentToolsManifest.ts)', () => {
    assert.deepEqual(pkg.contributes.languageModelTools, JSON.parse(JSON.stringify(languageModelToolsManifest())));
  });

  it('declare every tool of the table once, with an object schema and a name VS Code accepts', () => {
    const tools = pkg.contributes.languageModelTools ?? [];
    assert.equal(tools.length, AGENT_TOOLS.length);
    assert.equal(new Set(tools.map((t) => t.name)).size, tools.length);
    for (const t of tools) {
      assert.match(t.name, /^[\w-]+$/);
      assert.equal((t.inputSchema as { type?: unknown }).type, 'object', t.name);
    }
  });

  it('need VS Code 1.95 or later (lm.registerTool became stable there), and @types/vscode matches engines.vscode', () => {
    assert.ok(minor(pkg.engines.vscode) >= 95, `engines.vscode ${pkg.engines.vscode}`);
    assert.equal(minor(pkg.devDependencies['@types/vscode'] ?? ''), minor(pkg.engines.vscode));
  });
});
