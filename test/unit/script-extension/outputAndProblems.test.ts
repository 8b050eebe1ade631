import { strict as assert } from 'node:assert';
import path from 'node:path';
import type { ScriptEvent } from '../../../src/core/script';
import { outputLines } from '../../../src/extension/scripts/outputLines';
import { problemOfRunError } from '../../../src/extension/scripts/problems';
import { targetLabel } from '../../../src/extension/scripts/target';

const label = (f: string): string => path.relative('/ws', f);
const at = new Date(2026, 0, 2, 3, 4, 5, 67);

describe('script run output lines', () => {
  it('stamps each line and names file:line for starts, messages and errors, with durations', () => {
    const events: ScriptEvent[] = [
      { type: 'batch-start', index: 2, total: 5, iteration: 1, repeat: 1, file: '/ws/s/10_dim.sql', line: 14, database: undefined },
      { type: 'message', index: 2, text: 'loaded 10 rows', file: '/ws/s/10_dim.sql', line: 16 },
      { type: 'batch-end', index: 2, iteration: 1, durationMs: 12.34, rowsAffected: 10 },
      { type: 'batch-error', index: 3, iteration: 1, durationMs: 2500, error: { message: 'relation "x" does not exist', file: '/ws/s/inc/x.sql', line: 3, column: 15, kind: 'other', number: '42P01' } },
    ];
    assert.deepEqual(events.flatMap((e) => outputLines(e, label, at)), [
      '[03:04:05.067] batch 2/5 at s/10_dim.sql:14',
      '[03:04:05.067]   s/10_dim.sql:16: loaded 10 rows',
      '[03:04:05.067]   done in 12.3 ms, 10 row(s) affected',
      '[03:04:05.067]   s/inc/x.sql:3:15: error [42P01] after 2.50 s: relation "x" does not exist',
    ]);
  });

  it('says which run of a GO n batch it is, the database, and when rows were cut', () => {
    const start = outputLines({ type: 'batch-start', index: 1, total: 1, iteration: 2, repeat: 3, file: '/ws/a.sql', line: 1, database: 'DW_ECOMMERCE' }, label, at);
    assert.equal(start[0], '[03:04:05.067] batch 1/1 at a.sql:1 in DW_ECOMMERCE (run 2 of 3)');
    const rs = outputLines({ type: 'result-set', index: 1, columns: [{ name: 'a', type: 'int4' }], rows: [{ a: 1 }], totalRows: 5000, truncated: true }, label, at);
    assert.equal(rs[0], '[03:04:05.067]   result set: 1 column(s), 5000 row(s), first 1 kept');
  });
});

describe('script run problems', () => {
  it('a server error lands at its file, line and column, coded with its number', () => {
    const p = problemOfRunError({ message: 'Invalid object name', file: '/ws/a.sql', line: 9, kind: 'other', number: 208, procedure: 'etl.usp_load' });
    assert.deepEqual(p, { file: '/ws/a.sql', line: 9, message: 'Invalid object name (in etl.usp_load)', code: '208', includedFrom: [] });
  });
});

describe('status bar target', () => {
  it('names PGlite and its database, or host:port and the database', () => {
    assert.equal(targetLabel({ engine: 'pglite', database: 'dw_ecommerce', dataDir: '/x' }), 'PGlite · dw_ecommerce');
    assert.equal(targetLabel({ engine: 'sqlserver', host: '127.0.0.1', port: 1433, database: 'DW_ECOMMERCE', user: 'sa' }), '127.0.0.1:1433 · DW_ECOMMERCE');
  });
});
