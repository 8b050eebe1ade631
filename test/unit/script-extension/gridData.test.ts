import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isResultsHostMessage, isResultsViewMessage } from '../../../src/protocol/results';
import { cellText, resultSetView } from '../../../src/extension/scripts/cells';
import { csvField } from '../../../src/core/csv/csvWriter';
import { csvChunks } from '../../../src/extension/scripts/csv';
import { writeCsvFile } from '../../../src/extension/scripts/csvFile';
import { tsvRows } from '../../../webview/results/tsv';
import { MAX_SPACER_PX, rowWindow, scrollToShow } from '../../../webview/results/window';

describe('result cells', () => {
  it('formats dates, binary, bigint, JSON and NULL once for grid, clipboard and CSV', () => {
    assert.equal(cellText(null), null);
    assert.equal(cellText(new Date(Date.UTC(2026, 0, 2, 3, 4, 5))), '2026-01-02T03:04:05.000Z');
    assert.equal(cellText(new Uint8Array([0xab, 1])), '0xAB01');
    assert.equal(cellText(12345678901234567890n), '12345678901234567890');
    assert.equal(cellText({ a: 1n }), '{"a":"1"}');
    assert.equal(cellText(true), 'true');
  });

  it('a result-set event becomes rows of text in column order, numbers marked', () => {
    const v = resultSetView({ type: 'result-set', index: 3, columns: [{ name: 'sk_cliente', type: 'int4' }, { name: 'nome', type: 'varchar' }], rows: [{ nome: 'Ana', sk_cliente: 1 }], totalRows: 9, truncated: true }, 0, 'a.sql:1');
    assert.deepEqual(v, { id: 0, batch: 3, source: 'a.sql:1', columns: ['sk_cliente', 'nome'], numeric: [true, false], rows: [['1', 'Ana']], totalRows: 9 });
    assert.ok(isResultsHostMessage({ type: 'result-set', set: v }));
  });
});

describe('CSV and TSV', () => {
  it('CSV quotes commas, quotes and line breaks; NULL is empty', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(''), '');
    // A query result exported to CSV is opened in a spreadsheet: formulas must stay text.
    assert.equal(csvField('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('+55 11 9999'), "'+55 11 9999");
    // Numbers, negative ones included, stay numbers.
    assert.equal(csvField('-12.50'), '-12.50');
    assert.equal(csvField('+3'), '+3');
    assert.equal(csvField('-1e5'), '-1e5');
  });

  it('CSV comes in chunks: header first, every row once', () => {
    const rows = Array.from({ length: 5 }, (_v, i) => [String(i), i % 2 === 0 ? null : 'x,y']);
    const chunks = [...csvChunks({ columns: ['id', 'v'], rows }, 2)];
    assert.equal(chunks.length, 4);
    assert.equal(chunks.join(''), 'id,v\r\n0,\r\n1,"x,y"\r\n2,\r\n3,"x,y"\r\n4,\r\n');
  });

  it('writes a CSV file with a BOM that reads back as the rows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dwb-csv-'));
    try {
      const file = path.join(dir, 'out.csv');
      const rows = Array.from({ length: 10_000 }, (_v, i) => [String(i), `nome ${i}`]);
      await writeCsvFile(file, { columns: ['id', 'nome'], rows });
      const text = readFileSync(file, 'utf8');
      assert.ok(text.startsWith('\uFEFFid,nome\r\n0,nome 0\r\n'));
      assert.equal(text.trimEnd().split('\r\n').length, 10_001);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writing into a missing folder rejects', async () => {
    await assert.rejects(writeCsvFile(path.join(tmpdir(), 'dwb-no-such-dir', 'x', 'out.csv'), { columns: ['a'], rows: [] }));
  });

  it('TSV quotes tabs and line breaks, writes NULL, and keeps the order asked for', () => {
    const rows = [['1', 'a\tb'], ['2', null], ['3', 'x']];
    assert.equal(tsvRows(['id', 'v'], rows, [0, 2], true), 'id\tv\r\n1\t"a\tb"\r\n3\tx');
    assert.equal(tsvRows(['id', 'v'], rows, [1], false), '2\tNULL');
  });
});

describe('grid windowing', () => {
  it('renders only the rows in view plus overscan, at their offset', () => {
    const w = rowWindow(22 * 1000, 440, 22, 100_000, 8);
    assert.deepEqual([w.first, w.end, w.top, w.spacerHeight], [992, 1029, 992 * 22, 2_200_000]);
  });

  it('clamps at the start and at the end', () => {
    assert.deepEqual(rowWindow(0, 440, 22, 100_000, 8).first, 0);
    const end = rowWindow(10_000_000, 440, 22, 100_000, 8);
    assert.equal(end.end, 100_000);
    assert.ok(end.end - end.first < 50);
    assert.deepEqual(rowWindow(0, 440, 22, 3).end, 3);
    assert.deepEqual(rowWindow(0, 440, 22, 0), { first: 0, end: 0, top: 0, spacerHeight: 0 });
  });

  it('past the spacer cap, scrolling to the bottom still reaches the last row', () => {
    const rows = 10_000_000;
    const viewport = 440;
    const w = rowWindow(MAX_SPACER_PX - viewport, viewport, 22, rows, 0);
    assert.equal(w.spacerHeight, MAX_SPACER_PX);
    assert.equal(w.end, rows);
    const back = scrollToShow(rows / 2, 0, viewport, 22, rows);
    const mid = rowWindow(back, viewport, 22, rows, 0);
    assert.ok(mid.first <= rows / 2 && rows / 2 < mid.end);
  });

  it('scrolls just enough to show a row', () => {
    assert.equal(scrollToShow(10, 0, 440, 22, 1000), 0);
    assert.equal(scrollToShow(30, 0, 440, 22, 1000), 31 * 22 - 440);
    assert.equal(scrollToShow(5, 500, 440, 22, 1000), 110);
  });
});

describe('results protocol', () => {
  it('accepts the webview messages and nothing else', () => {
    assert.ok(isResultsViewMessage({ type: 'ready' }));
    assert.ok(isResultsViewMessage({ type: 'copy', text: 'a\tb' }));
    assert.ok(isResultsViewMessage({ type: 'export-csv', setId: 2 }));
    for (const bad of [null, 'copy', [], { type: 'copy' }, { type: 'copy', text: 1 }, { type: 'export-csv', setId: -1 }, { type: 'export-csv', setId: 1.5 }, { type: 'eval', code: 'x' }]) {
      assert.equal(isResultsViewMessage(bad), false, JSON.stringify(bad));
    }
  });

  it('rejects a result set whose rows do not match its columns', () => {
    const set = { id: 0, batch: 1, source: 'a', columns: ['a'], numeric: [false], rows: [['1', '2']], totalRows: 1 };
    assert.equal(isResultsHostMessage({ type: 'result-set', set }), false);
    assert.equal(isResultsHostMessage({ type: 'result-set', set: { ...set, rows: [[1]] } }), false);
    assert.ok(isResultsHostMessage({ type: 'result-set', set: { ...set, rows: [[null]] } }));
  });
});
