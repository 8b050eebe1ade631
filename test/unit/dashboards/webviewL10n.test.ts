import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ptBr } from '../../../webview/shared/l10n.pt-br';
import type { ErrorKind, HealthState, RunStatus } from '../../../src/protocol/monitor';

const webview = path.resolve(__dirname, '../../../webview');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('dashboard webview strings', () => {
  it('translates every literal string of the webviews into Brazilian Portuguese, keeping placeholders', () => {
    const keys = new Set(files(webview).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1] as string)));
    assert.ok(keys.size > 100);
    assert.deepEqual([...keys].filter((k) => !(k in ptBr)), []);
    for (const k of keys) assert.deepEqual(placeholders(ptBr[k] as string), placeholders(k), k);
  });

  it('translates the values shown through t(variable): statuses, health states, error kinds, weekdays', () => {
    const statuses: RunStatus[] = ['running', 'success', 'failed', 'partial', 'cancelled'];
    const states: HealthState[] = ['ok', 'late', 'failed', 'inactive', 'never-run', 'mismatch'];
    const kinds: ErrorKind[] = ['timeout', 'deadlock', 'constraint', 'connection', 'permission', 'conversion', 'other'];
    const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const margins = ['Loss', 'Critical', 'Reduced', 'Healthy'];
    assert.deepEqual([...statuses, ...states, ...kinds, ...days, ...margins].filter((k) => !(k in ptBr)), []);
  });
});
