import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|mts|cts|js)$/.test(name)) out.push(full);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3]) as string);
  return specs;
}

describe('layering', () => {
  it('src/core never imports vscode', () => {
    const offenders = sourceFiles(path.join(root, 'src/core')).filter((f) => importsOf(f).includes('vscode'));
    assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
  });

  it('src/core never imports from src/extension or src/cli', () => {
    const offenders = sourceFiles(path.join(root, 'src/core')).filter((f) =>
      importsOf(f).some((s) => /(^|\/)(extension|cli)(\/|$)/.test(s) && s.startsWith('.')),
    );
    assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
  });

  it('src/protocol has no runtime imports besides itself', () => {
    const offenders = sourceFiles(path.join(root, 'src/protocol')).filter((f) =>
      importsOf(f).some((s) => !s.startsWith('./')),
    );
    assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
  });

  it('webview code never imports src/core or src/extension', () => {
    const offenders = sourceFiles(path.join(root, 'webview')).filter((f) =>
      importsOf(f).some((s) => /src\/(core|extension)|\.\.\/\.\.\/src\/(core|extension)/.test(s) || s === 'vscode'),
    );
    assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
  });
});
