import { strict as assert } from 'node:assert';
import { DateFormat } from '../../../webview/shared/format';

describe('dashboard date fields in the UI language', () => {
  const en = new DateFormat('en-US');
  const pt = new DateFormat('pt-BR');

  it('writes a day in the language’s order, not the browser’s', () => {
    assert.equal(en.format('2025-03-01'), '03/01/2025');
    assert.equal(pt.format('2025-03-01'), '01/03/2025');
    assert.equal(new DateFormat('de-DE').format('2025-03-01'), '01.03.2025');
    assert.equal(pt.pattern({ day: 'dd', month: 'mm', year: 'aaaa' }), 'dd/mm/aaaa');
  });

  it('reads a complete, real date typed with or without separators, and an ISO day', () => {
    assert.equal(en.parse('03/01/2025'), '2025-03-01');
    assert.equal(en.parse('03012025'), '2025-03-01');
    assert.equal(pt.parse('01/03/2025'), '2025-03-01');
    assert.equal(pt.parse('01032025'), '2025-03-01');
    assert.equal(pt.parse(' 1/3/2025 '), '2025-03-01');
    assert.equal(pt.parse('2025-03-01'), '2025-03-01');
  });

  it('refuses what is incomplete or not a day: the partial years a digit-by-digit field produced, 31 February, two-digit years', () => {
    for (const s of ['', '03/01/2', '03/01/20', '03/01/202', '0301202', '03/01/0002', '03/01/0202', '02/31/2025', '13/01/2025', '03/01/25', 'x', '03/01/2025/1']) {
      assert.equal(en.parse(s), null, s);
    }
    assert.equal(pt.parse('31/02/2025'), null);
    assert.equal(pt.parse('29/02/2024'), '2024-02-29');
  });
});
