import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ErrorKind, HealthState, RunStatus } from '../../../src/protocol/monitor';
import { readL10nBundle } from '../../../src/core/webview/l10nBundle';

const root = path.resolve(__dirname, '../../..');
const webview = path.join(root, 'webview');
const bundle = (name: string) => JSON.parse(readFileSync(path.join(root, 'l10n', name), 'utf8')) as Record<string, string>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('webview strings (from the extension\'s l10n bundles)', () => {
  it('has every literal string of the webviews in the bundle, translated into Brazilian Portuguese with its placeholders', () => {
    const en = bundle('bundle.l10n.json');
    const pt = bundle('bundle.l10n.pt-br.json');
    const keys = new Set(files(webview).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1] as string)));
    assert.ok(keys.size > 100);
    assert.deepEqual([...keys].filter((k) => !(k in en)), [], 'missing from l10n/bundle.l10n.json');
    assert.deepEqual([...keys].filter((k) => !(k in pt)), [], 'missing from l10n/bundle.l10n.pt-br.json');
    for (const k of keys) assert.deepEqual(placeholders(pt[k] as string), placeholders(k), k);
  });

  it('translates the values shown through t(variable): statuses, health states, error kinds, weekdays', () => {
    const pt = bundle('bundle.l10n.pt-br.json');
    const statuses: RunStatus[] = ['running', 'success', 'failed', 'partial', 'cancelled'];
    const states: HealthState[] = ['ok', 'late', 'failed', 'inactive', 'never-run', 'mismatch'];
    const kinds: ErrorKind[] = ['timeout', 'deadlock', 'constraint', 'connection', 'permission', 'conversion', 'other'];
    const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const margins = ['Loss', 'Critical', 'Reduced', 'Healthy'];
    assert.deepEqual([...statuses, ...states, ...kinds, ...days, ...margins].filter((k) => !(k in pt)), []);
  });

  it('keeps no hand-written dictionary in the webviews', () => {
    assert.deepEqual(files(webview).filter((f) => /l10n\.[a-z-]+\.ts$/.test(f)), []);
  });

  it('reads the bundle of a language as VS Code names it (pt-br), of its primary language, and none for English', async () => {
    const l10n = path.join(root, 'l10n');
    const pt = bundle('bundle.l10n.pt-br.json');
    assert.deepEqual(await readL10nBundle(l10n, 'pt-BR'), pt);
    assert.deepEqual(await readL10nBundle(l10n, 'pt'), pt);
    assert.deepEqual(await readL10nBundle(l10n, 'pt-PT'), pt);
    assert.equal(await readL10nBundle(l10n, 'en'), undefined);
    assert.equal(await readL10nBundle(l10n, 'en-US'), undefined);
    assert.equal(await readL10nBundle(l10n, 'ja'), undefined);
  });

  it('names the folder or file it cannot read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dwb-l10n-'));
    try {
      await assert.rejects(readL10nBundle(path.join(dir, 'absent'), 'pt-BR'), (e: Error) => e.message.includes(path.join(dir, 'absent')));
      writeFileSync(path.join(dir, 'bundle.l10n.pt-br.json'), '{ "a": ');
      await assert.rejects(readL10nBundle(dir, 'pt-BR'), (e: Error) => e.message.includes(path.join(dir, 'bundle.l10n.pt-br.json')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
