import assert from 'node:assert/strict';
import fc from 'fast-check';
import { copyTextChunks, copyTextRow, pgCopyStatement } from '../../../src/core/engine/copyText';
import { lineAtPosition } from '../../../src/core/engine/errorContext';
import { advisoryLockKey } from '../../../src/core/engine/lockKey';
import { parseUtcTimestamp, pgText } from '../../../src/core/engine/pgTypes';
import type { BulkColumn } from '../../../src/core/engine/types';

const columns: readonly BulkColumn[] = [
  { name: 'cidade', type: { kind: 'text' } },
  { name: 'valor', type: { kind: 'decimal', precision: 15, scale: 2 } },
  { name: 'atualizado', type: { kind: 'timestamp', precision: 6 } },
  { name: 'nascimento', type: { kind: 'date' } },
  { name: 'ativo', type: { kind: 'bool' } },
  { name: 'foto', type: { kind: 'bytes' } },
];

describe('COPY text encoding', () => {
  it('escapes tab, newline, carriage return and backslash, and keeps accents', () => {
    const line = copyTextRow(columns.slice(0, 1), ['São\tPaulo\nAção\r\\Çé']);
    assert.equal(line, 'São\\tPaulo\\nAção\\r\\\\Çé\n');
  });

  it('writes NULL as \\N, Dates as UTC, booleans as t/f, bytes as escaped hex', () => {
    const line = copyTextRow(columns, [
      null, '1234567890123.45', new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 7)), new Date(Date.UTC(1990, 4, 17)), true, new Uint8Array([0, 255]),
    ]);
    assert.equal(line, '\\N\t1234567890123.45\t2024-02-29 23:59:58.007\t1990-05-17\tt\t\\\\x00ff\n');
  });

  it('gives the bytes of pgText plus escaping on random rows (nulls, escapes, unicode, dates, decimals)', async () => {
    // The definition the fast paths must keep: each field is pgText's text, escaped, tab-joined.
    const reference = (row: readonly unknown[]): string =>
      `${columns.map((c, i) => {
        const t = pgText(row[i], c.type);
        if (t === null) return '\\N';
        if (t instanceof Uint8Array) return `\\\\x${Buffer.from(t).toString('hex')}`;
        return t.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
      }).join('\t')}\n`;
    const text = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'ç', 'ã', '\t', '\n', '\r', '\\', 'N', ' ', '😀', '"') }), fc.string({ unit: 'binary' }));
    const date = fc.date({ min: new Date(Date.UTC(-300, 0, 1)), max: new Date(Date.UTC(12000, 0, 1)) });
    const value = fc.oneof(
      fc.constantFrom(null, undefined, true, false, Number.NaN, Infinity, new Date(Number.NaN)),
      text, date,
      fc.integer(), fc.double(), fc.bigInt(),
      fc.tuple(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), fc.integer({ min: 0, max: 99 })).map(([i, c]) => `${i}.${String(c).padStart(2, '0')}`),
      fc.uint8Array({ maxLength: 8 }),
    );
    const rows = fc.array(fc.array(value, { minLength: columns.length, maxLength: columns.length }), { maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 1, max: 7 }), async (rs, per) => {
        for (const row of rs) assert.equal(copyTextRow(columns, row), reference(row));
        const expected = rs.map(reference).join('');
        const viaSync: string[] = [];
        for await (const c of copyTextChunks(columns, rs, per)) viaSync.push(c.text);
        assert.equal(viaSync.join(''), expected);
        async function* asyncRows(): AsyncGenerator<unknown[]> {
          for (const r of rs) yield await Promise.resolve(r);
        }
        const viaAsync: string[] = [];
        for await (const c of copyTextChunks(columns, asyncRows(), per)) viaAsync.push(c.text);
        assert.deepEqual(viaAsync, viaSync);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a value PostgreSQL has no text for, as pgText does', () => {
    assert.throws(() => copyTextRow(columns, [{}]), /Cannot send a value of type object/);
  });

  it('quotes table and column names', () => {
    assert.equal(
      pgCopyStatement({ schema: 'dim', name: 'DIM_CLIENTE' }, [{ name: 'nome "x"', type: { kind: 'text' } }], 'STDIN'),
      'COPY "dim"."DIM_CLIENTE" ("nome ""x""") FROM STDIN WITH (FORMAT text)',
    );
  });
});

describe('PostgreSQL-family helpers', () => {
  it('turns a character position into the 1-based line', () => {
    const sql = 'SELECT 1,\n  2\nFROM FROM t';
    assert.equal(lineAtPosition(sql, 1), 1);
    assert.equal(lineAtPosition(sql, sql.indexOf('FROM FROM') + 6), 3);
  });

  it('reads a timestamp without zone as UTC, dropping only sub-millisecond digits', () => {
    assert.deepEqual(parseUtcTimestamp('2024-02-29 23:59:58.123456'), new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 123)));
    assert.equal(parseUtcTimestamp('infinity'), 'infinity');
  });

  it('hashes a lock name to a stable signed 64-bit key', () => {
    const key = advisoryLockKey('etl:dim_cliente');
    assert.equal(key, advisoryLockKey('etl:dim_cliente'));
    assert.notEqual(key, advisoryLockKey('etl:dim_produto'));
    const value = BigInt(key);
    assert.ok(value >= -(2n ** 63n) && value < 2n ** 63n);
  });
});
