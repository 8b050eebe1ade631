import { strict as assert } from 'node:assert';
import { MAX_KEPT_RESULTS_CHARS, type ResultSetView, type ResultsRun } from '../../../src/protocol/results';
import { jsonChars, ResultsSession } from '../../../webview/results/session';

const run: ResultsRun = { title: 'DW Results: x.sql', startedAt: Date.UTC(2026, 0, 2, 3, 4), target: { kind: 'file', path: 'x.sql' } };

function resultSet(id: number, rows = 2, cell = 'abc'): ResultSetView {
  return { id, batch: id + 1, source: `x.sql:${id + 1}`, columns: ['a'], numeric: [false], rows: Array.from({ length: rows }, () => [cell]), totalRows: rows };
}

describe('results view session (state without the DOM)', () => {
  it('shows the first set of a run, lists the others, and saves the run with the shown set and scroll', () => {
    const s = new ResultsSession();
    assert.equal(s.saved(0), undefined, 'nothing to save before a run');
    s.begin({ type: 'run-started', run });
    assert.deepEqual(s.add(resultSet(0)), { show: true, first: true });
    assert.deepEqual(s.add(resultSet(1)), { show: false, first: false });
    assert.equal(s.shown?.id, 0);
    assert.deepEqual(s.saved(120), { run, sets: [resultSet(0), resultSet(1)], shownId: 0, scrollTop: 120 });
  });

  it('goes back to the set and scroll position a reload saved', () => {
    const s = new ResultsSession();
    s.begin({ type: 'restored', run, shownId: 1, scrollTop: 300 });
    assert.deepEqual(s.add(resultSet(0)), { show: true, first: true });
    assert.deepEqual(s.add(resultSet(1)), { show: true, first: false, scrollTop: 300 });
    assert.deepEqual(s.add(resultSet(2)), { show: false, first: false });
    assert.equal(s.shown?.id, 1);
  });

  it('switches sets by the picker only to another set of the run', () => {
    const s = new ResultsSession();
    s.begin({ type: 'run-started', run });
    s.add(resultSet(0));
    s.add(resultSet(1));
    assert.equal(s.select(0), undefined, 'already shown');
    assert.equal(s.select(7), undefined, 'not in the run');
    assert.equal(s.select(1)?.id, 1);
    assert.equal(s.saved(0)?.shownId, 1);
  });

  it('keeps no set for a reload once they pass the limit, and says how large they were', () => {
    const s = new ResultsSession();
    s.begin({ type: 'run-started', run });
    const big = resultSet(0, 1024, 'x'.repeat(4096));
    s.add(resultSet(1));
    s.add(big);
    const saved = s.saved(0);
    assert.deepEqual(saved?.sets, []);
    assert.ok((saved?.droppedChars ?? 0) > MAX_KEPT_RESULTS_CHARS);
    assert.equal(saved?.droppedChars, jsonChars(resultSet(1), Number.MAX_SAFE_INTEGER) + jsonChars(big, Number.MAX_SAFE_INTEGER));
    assert.ok(JSON.stringify(big).length <= jsonChars(big, Number.MAX_SAFE_INTEGER) + 200, 'jsonChars is about the JSON length');
  });

  it('starts over on a new run', () => {
    const s = new ResultsSession();
    s.begin({ type: 'restored', run, droppedChars: 9e6 });
    s.add(resultSet(0));
    s.begin({ type: 'run-started', run });
    assert.deepEqual(s.results, []);
    assert.equal(s.shown, undefined);
    assert.deepEqual(s.saved(0), { run, sets: [] });
  });
});
