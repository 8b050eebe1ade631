// Re-extracts every vscode.l10n.t string from src/extension and every t('...') literal of the
// webviews (webview/shared/l10n.ts) into l10n/bundle.l10n.json, keeping keys already there
// (strings shown through t(variable)) and listing the ones pt-br still lacks.
// Usage: node scripts/l10n.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = mkdtempSync(path.join(tmpdir(), 'dwb-l10n-'));
execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/l10n-dev/dist/cli.js'), 'export', '--outDir', out, path.join(root, 'src/extension')], { stdio: 'ignore' });
const extracted = JSON.parse(readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8'));
rmSync(out, { recursive: true, force: true });
// The webviews get their strings from the same bundle (the host passes it into the page).
const webviewFiles = readdirSync(path.join(root, 'webview'), { recursive: true }).filter((f) => f.endsWith('.ts'));
for (const f of webviewFiles) {
  for (const m of readFileSync(path.join(root, 'webview', f), 'utf8').matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) extracted[m[1]] = m[1];
}
const bundlePath = path.join(root, 'l10n/bundle.l10n.json');
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
const merged = { ...bundle, ...extracted };
writeFileSync(bundlePath, JSON.stringify(Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]])), null, 2) + '\n');
const pt = JSON.parse(readFileSync(path.join(root, 'l10n/bundle.l10n.pt-br.json'), 'utf8'));
const missing = Object.keys(merged).filter((k) => !(k in pt));
const unused = Object.keys(merged).filter((k) => !(k in extracted));
if (unused.length) console.log(`Not found in src/extension or webview/ any more (remove if truly unused):\n${unused.map((k) => `  ${JSON.stringify(k)}`).join('\n')}`);
console.log(missing.length ? `pt-br lacks ${missing.length}:\n${missing.map((k) => `  ${JSON.stringify(k)}`).join('\n')}` : 'pt-br is complete');
