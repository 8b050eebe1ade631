import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const json = (rel: string) => JSON.parse(readFileSync(path.join(root, rel), 'utf8')) as Record<string, string>;

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
}

/** The string literals core passes to its `say` function (vscode.l10n.t in VS Code). */
function coreSayLiterals(): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, 'src/core'), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/\bsay\('((?:[^'\\]|\\.)*)'/g)) out.push((m[1] as string).replace(/\\(.)/g, '$1'));
  }
  return out;
}

describe('localisation bundles', () => {
  it('holds every message core formats through say() (terminal lines), so they reach pt-BR too', () => {
    const said = coreSayLiterals();
    assert.ok(said.includes('run {0}: {1} in {2} s ({3} succeeded, {4} failed)'), 'the ETL terminal lines are found');
    const en = json('l10n/bundle.l10n.json');
    assert.deepEqual(said.filter((k) => !(k in en)), []);
  });

  it('translates every runtime string into Brazilian Portuguese, keeping its placeholders', () => {
    const en = json('l10n/bundle.l10n.json');
    const pt = json('l10n/bundle.l10n.pt-br.json');
    assert.deepEqual(Object.keys(pt).sort(), Object.keys(en).sort());
    for (const [key, value] of Object.entries(pt)) assert.deepEqual(placeholders(value), placeholders(key), key);
  });

  it('translates every manifest string, and the manifest uses no key that is missing', () => {
    const en = json('package.nls.json');
    const pt = json('package.nls.pt-br.json');
    assert.deepEqual(Object.keys(pt).sort(), Object.keys(en).sort());
    const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1] as string);
    assert.deepEqual(used.filter((k) => !(k in en)), []);
  });
});
