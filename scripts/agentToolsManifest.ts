// Writes package.json `contributes.languageModelTools` from the agent tools table
// (src/core/agentTools). Usage: npx tsx scripts/agentToolsManifest.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { languageModelToolsManifest } from '../src/core/agentTools/manifest';

const file = path.resolve(__dirname, '..', 'package.json');
const pkg = JSON.parse(readFileSync(file, 'utf8')) as { contributes: Record<string, unknown> };
pkg.contributes['languageModelTools'] = languageModelToolsManifest();
writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
