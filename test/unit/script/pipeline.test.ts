import { strict as assert } from 'node:assert';
import { firstWord, isPipelinable, MAX_PIPELINE_STATEMENTS, pipelineGroupLength } from '../../../src/core/script/pipeline';
import type { Batch } from '../../../src/core/script/types';

function batch(text: string, extra: Partial<Batch> = {}): Batch {
  return { text, repeat: 1, sourceMap: [], database: undefined, onError: 'exit', startFile: '/ws/a.sql', startLine: 1, ...extra };
}

describe('PostgreSQL pipelining: which statements share a round trip', () => {
  it('reads the first word past blanks, comments and parentheses', () => {
    assert.equal(firstWord('  -- lead\n/* a /* nested */ b */\n(SELECT 1);'), 'select');
    assert.equal(firstWord('InSeRt INTO t VALUES (1);'), 'insert');
    assert.equal(firstWord('-- only a comment'), '');
  });
  for (const text of ['INSERT INTO t VALUES (1);', 'update t set a = 1;', 'DELETE FROM t;', 'MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE;', 'SELECT 1;', 'WITH x AS (SELECT 1) SELECT * FROM x;', 'VALUES (1);', 'TABLE t;']) {
    it(`pipelines ${text.split(' ')[0]}`, () => assert.equal(isPipelinable(batch(text)), true));
  }
  for (const text of [
    'BEGIN;', 'COMMIT;', 'ROLLBACK TO SAVEPOINT s;', 'SAVEPOINT s;', 'START TRANSACTION;', 'END;', 'VACUUM t;', 'CREATE DATABASE d;',
    'CREATE INDEX CONCURRENTLY i ON t (a);', 'CREATE TABLE t (a int);', 'SET search_path = x;', 'COPY t FROM STDIN;', 'CALL p();', 'DO $$ BEGIN COMMIT; END $$;',
    'EXPLAIN ANALYZE INSERT INTO t VALUES (1);', 'PREPARE TRANSACTION \'x\';',
  ]) {
    it(`runs ${text.split(' ').slice(0, 2).join(' ')} alone`, () => assert.equal(isPipelinable(batch(text)), false));
  }
  it('runs statements alone under :on error ignore, GO n, \\echo, or with a NUL in the text', () => {
    assert.equal(isPipelinable(batch('INSERT INTO t VALUES (1);', { onError: 'ignore' })), false);
    assert.equal(isPipelinable(batch('INSERT INTO t VALUES (1);', { repeat: 2 })), false);
    assert.equal(isPipelinable(batch('\\echo hi', { echo: 'hi' })), false);
    assert.equal(isPipelinable(batch("INSERT INTO t VALUES ('a\0b');")), false);
  });
  it('a group stops at a statement that runs alone, at a \\c to another database, and at its size limit', () => {
    const ins = batch('INSERT INTO t VALUES (1);');
    assert.equal(pipelineGroupLength([ins, ins, batch('CREATE TABLE u (a int);'), ins], 0), 2);
    assert.equal(pipelineGroupLength([ins, ins, { ...ins, database: 'other' }, ins], 0), 2);
    assert.equal(pipelineGroupLength([ins, ins, ins], 1), 2);
    assert.equal(pipelineGroupLength(Array.from({ length: MAX_PIPELINE_STATEMENTS + 10 }, () => ins), 0), MAX_PIPELINE_STATEMENTS);
    assert.equal(pipelineGroupLength([], 0), 0);
  });
});
