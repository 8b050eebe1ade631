import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const json = (rel: string) => JSON.parse(readFileSync(path.join(root, rel), 'utf8')) as Record<string, string>;

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
}

describe('localisation bundles', () => {
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
