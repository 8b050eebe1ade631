import assert from 'node:assert/strict';
import { copyTextRow, pgCopyStatement } from '../../../src/core/engine/copyText';
import { lineAtPosition } from '../../../src/core/engine/errorContext';
import { advisoryLockKey } from '../../../src/core/engine/lockKey';
import { parseUtcTimestamp } from '../../../src/core/engine/pgTypes';
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
