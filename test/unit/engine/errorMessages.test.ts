import { strict as assert } from 'node:assert';
import { engineErrorMessage, type ErrorContext } from '../../../src/core/engine/errorContext';

const ctx: ErrorContext = { engine: 'postgres', phase: 'statement', address: '127.0.0.1:5432', database: 'dw' };

describe('engine error messages', () => {
  it('gives a syntax error\'s statement line as detail, so a script\'s file:line in front is the only location', () => {
    const text = engineErrorMessage('syntax', ctx, 'syntax error at or near "SELEC"', 2);
    assert.equal(text, 'Syntax error: syntax error at or near "SELEC" (line 2 of the statement)');
    assert.doesNotMatch(`09_views.sql:55: ${text}`, /:55: Syntax error at line/);
  });

  it('points at the stack only where the project has one', () => {
    const noStack = { ...ctx, dockerStack: false };
    assert.doesNotMatch(engineErrorMessage('unreachable', noStack, ''), /Stack/);
    assert.match(engineErrorMessage('unreachable', noStack, ''), /"host" and "port" in dw-workbench\.json/);
    assert.doesNotMatch(engineErrorMessage('database-missing', noStack, ''), /stack/);
    assert.match(engineErrorMessage('database-missing', noStack, ''), /CREATE DATABASE dw/);
    assert.match(engineErrorMessage('unreachable', { ...ctx, dockerStack: true }, ''), /DW: Start Stack/);
    assert.match(engineErrorMessage('database-missing', { ...ctx, dockerStack: true }, ''), /stack's init scripts/);
  });
});
